"""Build ``gazetteer/verb_inflections.csv``: the inflected forms of the verbs the event lexicon
writes as ``{lemma}``.

A form of ``event_types.csv`` or a cue of ``event_cues.csv`` may write a verb as ``{lemma}``
("{come} back", "{set} out"): it stands for every inflection of that verb
(:func:`pipeline.events.lexicon.expand_form`), read from this table, so no form is typed out by
hand (and none forgotten: "set" is its own past tense, "taken" the participle of "take").

Source: lemminflect 0.2.3 (MIT; its inflection tables come from the Automatically Generated
Inflection Database, AGID, and the SPECIALIST lexicon), ``getAllInflections(lemma,
upos="VERB")``: every form of every Penn tag (VB, VBD, VBN, VBG, VBZ, VBP), the lemma first,
then in alphabetical order; a lemma lemminflect does not know keeps only itself.

Usage: ``python scripts/build_verb_inflections.py [--check]``; ``build()`` returns the file's
text (the rebuild test). lemminflect is needed only here (test and build-data extras), not at
run time.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "gazetteer"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
from _derived import csv_text, write_or_check  # noqa: E402

OUT = GAZETTEER / "verb_inflections.csv"
COLUMNS = ["lemma", "forms"]
_BRACED = re.compile(r"\{([a-z-]+)\}")


def wanted_lemmas(gazetteer: Path = GAZETTEER) -> list[str]:
    """The lower-case lemmas written ``{lemma}`` in event_types.csv (forms) and
    event_cues.csv (cue), and those of the one-word past forms of event_types.csv
    (:func:`past_lemma`: the lexicon adds their present tense), sorted."""
    out: set[str] = set()
    for name, column in (("event_types.csv", "forms"), ("event_cues.csv", "cue")):
        with (gazetteer / name).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                out.update(m.lower() for m in _BRACED.findall(row[column] or ""))
                if name == "event_types.csv":
                    out.update(lemma for form in (row[column] or "").split(";")
                               if (lemma := past_lemma(form.strip().lower())))
    return sorted(out)


def past_lemma(form: str) -> str:
    """The verb whose past tense or participle the one-word ``form`` is ("burned" -> "burn",
    "rose" -> "rise"), or "" (not a past form, a lemma itself, or the past of two verbs:
    "found", "fell")."""
    if not form.isalpha() or form.endswith(("ing", "s")):
        return ""
    from lemminflect import getAllInflections, getLemma

    lemmas = getLemma(form, upos="VERB")
    if len(lemmas) != 1 or lemmas[0] == form:
        return ""
    tags = getAllInflections(lemmas[0], upos="VERB")
    return lemmas[0] if form in (*tags.get("VBD", ()), *tags.get("VBN", ())) else ""


def inflections(lemma: str) -> list[str]:
    """The lemma, then its other verb forms in alphabetical order (lemminflect)."""
    from lemminflect import getAllInflections

    forms = {f.lower() for tag_forms in getAllInflections(lemma, upos="VERB").values()
             for f in tag_forms}
    return [lemma, *sorted(forms - {lemma})]


def build() -> str:
    """The table's text: one row per wanted lemma, forms ``;``-separated."""
    return csv_text(COLUMNS, ([lemma, ";".join(inflections(lemma))]
                              for lemma in wanted_lemmas()))


if __name__ == "__main__":
    raise SystemExit(write_or_check(__doc__, build, OUT))
