"""Cues of ``gazetteer/modality_cues.csv``: recurrence phrases that tell a custom, not a
happening (:func:`recurring`: "the Tibetans raided the western border every autumn", "it was
fought over again and again"), and the headings of link lists (:func:`link_heading`: "See
also", "Further reading"), whose lines name pages, not happenings (read by
:mod:`pipeline.events.repeats`); and a standing charge told in a relative clause
(:func:`standing_charge`: "Guan Yu, who guarded Jing Province, ...")."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.events.lexicon import EventLexicon
from pipeline.resources import gazetteer_dir

#: Links of a verb to clauses of their own: a recurrence phrase inside them is theirs.
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "csubj", "parataxis"})
#: A wiki section's edit marks and a trailing colon after a heading ("See also[edit]").
_HEADING_TAIL = re.compile(r"\s*(?:\[[^\]]{0,10}\]\s*)*:?\s*$")


def read_form_cues(path: Path) -> dict[str, frozenset[str]]:
    """A ``forms,kind,example`` cue file (``modality_cues.csv``, ``report_cues.csv``): kind ->
    its lower-case word forms (``;``-separated in the file; multi-word forms space-joined)."""
    kinds: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            kinds.setdefault(row["kind"], set()).update(
                f.strip().lower() for f in row["forms"].split(";") if f.strip())
    return {k: frozenset(v) for k, v in kinds.items()}


@lru_cache(maxsize=4)
def load_modality_cues(path: Path | None = None) -> dict[str, frozenset[str]]:
    """The word forms of each cue kind of ``modality_cues.csv`` (``link_heading``,
    ``recurrence``, ``period``, ``repetition``)."""
    return read_form_cues(path or gazetteer_dir() / "modality_cues.csv")


def recurring(word: Token) -> bool:
    """True when the words hanging on ``word`` (not those of a clause of their own: a
    complement, an adverbial or relative clause, a conjunct) hold a recurrence: a
    ``recurrence`` determiner before a ``period`` noun ("every autumn", "each year") or a
    ``repetition`` phrase ("again and again", "year after year"). Read from the words, not the
    parse's labels: the small model hangs "year after year" as an object."""
    cues = load_modality_cues()
    words = sorted((t for c in word.children if c.dep_ not in _CLAUSES for t in c.subtree),
                   key=lambda t: t.i)
    low = [t.lower_ for t in words]
    for i, w in enumerate(low):
        if w in cues.get("recurrence", ()) and i + 1 < len(low) \
                and words[i + 1].i == words[i].i + 1 and low[i + 1] in cues.get("period", ()):
            return True
    text = " " + " ".join(low) + " "
    return any(f" {phrase} " in text for phrase in cues.get("repetition", ()))


#: Event types of a charge held over a stretch of time (a garrison), which a relative clause
#: gives as what someone was, not as what he did then.
STANDING_TYPES = frozenset({"garrison"})
#: Penn tags of a relative pronoun ("who", "which", "that").
_RELATIVE_TAGS = frozenset({"WP", "WDT"})


def standing_charge(head: Token, lexicon: EventLexicon) -> bool:
    """True for a simple-past trigger verb all of whose ``event_types.csv`` rows are of a
    :data:`STANDING_TYPES` type, in a relative clause whose subject is the relative pronoun
    ("Guan Yu, who guarded Jing Province, was surrounded", "the Ongud, who guarded the Jin
    frontier walls, had gone over"): a description of the person by his charge, no event.
    Not a main clause ("Zhang Xun guarded Suiyang") nor "troops were stationed there"."""
    if head.dep_ != "relcl" or head.tag_ != "VBD":
        return False
    rules = lexicon.forms.get(head.lower_, ())
    return bool(rules) and all(r.event_type in STANDING_TYPES for r in rules) and any(
        c.dep_ == "nsubj" and c.tag_ in _RELATIVE_TAGS for c in head.children)


def link_heading(line: str) -> bool:
    """True when ``line`` is only a ``link_heading`` ("See also", "See also[edit]", "Further
    reading:"), case and edit marks ignored."""
    text = _HEADING_TAIL.sub("", line).strip().casefold()
    return text in load_modality_cues().get("link_heading", frozenset())


def back_matter(line: str) -> bool:
    """True when ``line`` is only a ``back_matter`` heading ("Extended data:", "References",
    "Notes[edit]", "Related posts:"), case, edit marks and a colon ignored: the page's appendix,
    notes or link footer, which the narrative's running date does not reach."""
    text = _HEADING_TAIL.sub("", line).strip().casefold()
    return text in load_modality_cues().get("back_matter", frozenset())


#: The end of a label opening an infobox line: edit marks, then a space, a tab, a colon or a
#: bar before its value (the cleaned text has its tabs as spaces), or the line's end.
_LABEL_END = re.compile(r"(?:\s*\[[^\]]{0,10}\])*(?:\s*[:|]\s*|\s+|$)")


def tally_label(line: str) -> tuple[bool, int]:
    """Whether ``line`` opens with a ``tally_label`` of ``modality_cues.csv`` ("Casualties and
    losses", "Strength"), an infobox label whose values count men and losses ("Most of the
    army destroyed", "22,687 killed", "Du Huan captured"), and the offset in ``line`` where its
    value starts (the line's end when the label stands alone, its values on the next lines).
    Case ignored; the label must be a whole word followed by a space, tab, colon, bar or the
    line's end, and the caller reads only short lines without sentence punctuation
    (:func:`pipeline.events.repeats._key`), so "Strength failed him in 1127." is no label."""
    low = line.lstrip().casefold()
    lead = len(line) - len(line.lstrip())
    for label in sorted(load_modality_cues().get("tally_label", frozenset()), key=len,
                        reverse=True):
        if low.startswith(label):
            tail = _LABEL_END.match(low, len(label))
            if tail is not None:
                return True, lead + tail.end()
    return False, 0
