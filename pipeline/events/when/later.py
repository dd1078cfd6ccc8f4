"""An event told as later than the narrative's time: a range up to the next year printed.

"In 207 BC ... Liu Bang later set thirty households at Dang to guard Chen Sheng's tomb": the
households were set years after 207 BC, when Liu Bang was emperor; the running date (or another
clause's date) is the time the narrative had reached, and "later" says the event is not then.
Such an event keeps a date of its own clause ("and later, in 1404, gave ..."); otherwise it lies
between the date it would have taken and the next later year the text prints after it (a
chronicle tells in order): that range, as a guess (certainty low, :func:`after_only`); with no
later year printed, no year (a blank is better than a wrong year).

The cues are data, ``gazetteer/later_cues.csv`` (``cue,link,example``): ``cue`` holds
``;``-separated lower-case forms; link ``advmod``: a word modifying the trigger's clause verb
("later", "afterwards"); link ``prep``: a prepositional phrase on the verb, its words compared
without possessives ("in his old age", "in his later years"); link ``near``: words that,
modifying the cue, make the later time near ("soon afterwards": the cue is not taken); a cue
measured by a noun ("three days later", "a few hours later") is a date phrase, the date
stage's (read: the clause's own date; unread: handled as unread), not a cue either. The clause verb,
the first verb it is coordinated with, and the verb a purpose or complement clause hangs on
("later set households at Dang to guard the tomb") are looked at. A date phrase with "later"
that the date stage read ("two years later") is the clause's own date and stays. An
``advmod`` cue opening the sentence is the main clause's whatever word the parser hung it on
("Later the Jie general Sun Fudu ... attacked": on "general"), unless it modifies no verb
and a capitalised word follows ("Later Tang troops": a state's name); a verb parsed as an
``acomp`` ("later X was also exiled") takes the cues of the verb it hangs on.
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.events.clauses import conjuncts
from pipeline.records import DateRow
from pipeline.resources import active_gazetteer_dir, gazetteer_dir

FILE = "later_cues.csv"
_HOST = frozenset({"xcomp", "advcl", "ccomp"})
_POSSESSIVES = frozenset({"his", "her", "their", "its", "the", "my", "our"})


@lru_cache(maxsize=4)
def later_cues(directory: Path) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(advmod words, prep phrases, near words)`` of ``later_cues.csv`` in ``directory``
    (the bundled file when ``directory`` has none; empty without either)."""
    path = directory / FILE
    if not path.is_file():
        path = gazetteer_dir() / FILE
    sets: dict[str, set[str]] = {"advmod": set(), "prep": set(), "near": set()}
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                forms = {" ".join(f.split()).lower() for f in row["cue"].split(";") if f.strip()}
                sets.setdefault(row["link"].strip(), set()).update(forms)
    return frozenset(sets["advmod"]), frozenset(sets["prep"]), frozenset(sets["near"])


def told_as_later(verb: Token, directory: Path | None = None) -> bool:
    """True if ``verb`` (a clause verb) or the first verb it is coordinated with carries a
    ``later`` cue (see the module docstring); ``directory``: the gazetteer folder (default:
    the active one)."""
    words, phrases, near = later_cues(directory or active_gazetteer_dir())
    seen: dict[int, Token] = {}
    v = verb
    for _ in range(3):  # "later set households at Dang to guard the tomb": "set"'s "later"
        chain = sorted(conjuncts(v))
        seen.update({v.i: v, chain[0]: v.doc[chain[0]]})
        if v.dep_ == "acomp":  # "later X was also exiled": "exiled" parsed as was's acomp
            seen[v.head.i] = v.head
        if v.dep_ not in _HOST or v.head.i == v.i:
            break
        v = v.head
    if _opens_sentence(verb, words, near):
        return True
    for v in seen.values():
        for c in v.children:
            if c.dep_ in ("advmod", "npadvmod") and c.lower_ in words \
                    and not any(g.lower_ in near or g.dep_ == "npadvmod"
                                for g in c.children) and not _names_state(c):
                return True
            if c.dep_ == "prep" and phrases:
                said = " ".join(t.lower_ for t in c.subtree if t.lower_ not in _POSSESSIVES)
                if said in phrases:
                    return True
    return False


def after_only(dates: Sequence[DateRow], chosen: DateRow, trig_start: int) -> DateRow | None:
    """``chosen`` (the date an event told as later would take) widened to the next date of
    ``dates`` (sorted by start) printed after ``trig_start`` with a later year (not a span
    aside or a dynasty; "the next year" counts): year to that year, no month or day; None
    when the text prints no later year."""
    if chosen.year is None:
        return None
    last = chosen.year_end if chosen.year_end is not None else chosen.year
    k = bisect.bisect_left([d.start for d in dates], trig_start)
    for d in dates[k:]:
        if d.year is None or d.kind in ("aside", "period"):
            continue
        if d.year > last:
            return dataclasses.replace(
                chosen, kind="range", year_end=d.year, month=None, day=None,
                leap_month=None, season=None, date_end=d.date_start or chosen.date_end)
    return None


def _names_state(cue: Token) -> bool:
    """True if the capitalised cue word and the capitalised word(s) right after it (one or
    two) name a dynasty or state of the tables ("Later Baekje fell", "Later Tang armies
    attacked": a name, not the adverb)."""
    from pipeline.events.when.known import _era_table  # noqa: PLC0415 (known imports clauses)

    if not cue.is_title:
        return False
    doc, names = cue.doc, [cue.text]
    eras = _era_table(active_gazetteer_dir())
    for t in cue.doc[cue.i + 1:cue.i + 3]:
        if not (t.is_title and t.is_alpha) or doc[t.i - 1].whitespace_ != " ":
            break
        names.append(t.text)
        if eras.dynasty_readings(" ".join(names)):
            return True
    return False


def _opens_sentence(verb: Token, words: frozenset[str], near: frozenset[str]) -> bool:
    """True if an ``advmod`` cue word opens the sentence and the clause of ``verb`` is its main
    clause (the root, or coordinated with it), whatever word the parser hung the cue on:
    "Later the Jie general Sun Fudu ... attacked Shi Min" (parsed as modifying "general").
    Not before a capitalised word when it modifies no verb ("Later Zhao": a state's name), nor
    on a line of its own before the verb ("Later reign\nIn 598 ...": a heading)."""
    doc = verb.doc
    cue = doc[0]
    if cue.lower_ not in words or cue.dep_ not in ("advmod", "npadvmod") \
            or any(g.lower_ in near for g in cue.children):
        return False
    if cue.head.pos_ not in ("VERB", "AUX") and len(doc) > 1 and doc[1].is_title:
        return False
    if _names_state(cue):  # "Later Baekje fell": the state's name, whatever the parse
        return False
    if "\n" in doc.text[cue.idx:verb.idx]:
        return False  # "Later reign\nIn the eighteenth year ... destroyed": a heading's word
    root = doc[sorted(conjuncts(verb))[0]]
    while root.dep_ == "acomp":
        root = root.head
    return root.head.i == root.i
