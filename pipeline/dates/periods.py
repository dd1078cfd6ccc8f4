"""Dynasties and named periods used as the date of an event: "he rose to high position in the
Later Han", "under the Ming the city grew", "during the early Japanese colonial period".

A ``dynasty`` context mention (a dynasty name outside a date phrase) becomes a period date when
a ``period_lead`` word of ``gazetteer/date_words.csv`` and "the" stand before it ("in the",
"during the", "under the"; a ``coarse_phase`` word may stand between: "in the late Ming") and
after it stands the end of the clause or a ``period_next`` word (a function word: "as", "and",
"when", ...; "dynasty", "period", "era" are taken into the span). Any other word after it makes
it an attribute, no date ("in the Ming army"); so does a capitalised word before the lead
("Qinfeng Road in the Song Dynasty": a name placed in the dynasty), unless the lead opens its
clause; and "in/under the X dynasty" inside a clause ("the defenses in the Song Dynasty were
weak") is no date either: only "during"/"throughout" or a clause-opening lead make it one.
"in the Song and Jin armies": a name joined by
"and" is judged by the word after the last name. A name of ``gazetteer/periods.csv``
(``name,aliases,start_year,end_year,note``: "Warring States period", "Japanese colonial period")
after the same lead words is a period date too.

The years of a dynasty are the first and last years of its reigns in the ruler tables, else of
its eras in the era table (a group row such as "Song" covers its members). A name several
dynasties bore ("Later Han": Eastern Han or the Five Dynasties state) takes the reading
nearest the years the document's other dates name (printed Western years and era names of
one dynasty), else the table's default reading.

A dynasty name that labels a list item (at its line's start after a bullet, a
``coarse_phase`` word at most, then a colon: "- Han dynasty: a walled town was built", "-
Early Ming: the wall was rebuilt", as "- 190 AD: ..." labels a timeline) is a period date
too, unless a date follows the colon ("Shu: Ninth Year of Yen-hsi": the state whose calendar
follows); it keeps the table's default reading when that holds a year of the document
(:func:`_reading`), and it dates the events of its line (:mod:`pipeline.events.when.labels`).

Each becomes a ``range`` mention of two Western years with ``coarse="period"``: resolved like a
decade or century (:mod:`.coarse`), always ``low`` with a DATE_APPROXIMATE warning (a dynasty
lasted centuries: never one confident year), and it leaves the running date alone. A phase word
takes its part of the years ("the early Japanese colonial period": the first third).
Years are astronomical (1 BC = 0).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from statistics import median

from pipeline.eras import EraTable
from pipeline.resources import active_gazetteer_dir
from pipeline.rulers import load_ruler_table

from .lexicon import Lexicon

Span = tuple[int, int]
_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\]]|$)")
# a capitalised word that is no name of the table ("and Korean sources")
_CAPITAL = re.compile(r"\s+[A-Z]")
# a term in another script after a label's colon ("Japanese: 応永の外寇"): the label names a
# language (a gloss of the term), not the period of the line
_SCRIPT_AFTER = re.compile(r":\s*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@lru_cache(maxsize=4)
def load_periods(directory: Path) -> dict[str, Span]:
    """``periods.csv`` of ``directory``: every name and alias (lower case, spaces single) ->
    (first, last) astronomical year; {} without the file."""
    path = directory / "periods.csv"
    out: dict[str, Span] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            span = (int(row["start_year"]), int(row["end_year"]))
            for name in (row["name"], *row["aliases"].split("|")):
                if name.strip():
                    out[" ".join(name.lower().split())] = span
    return out


def dynasty_span(eras: EraTable, name: str) -> Span | None:
    """(first, last) year of the canonical dynasty ``name`` (its member dynasties included):
    its reigns in the ruler tables (``rulers*.csv``), else its eras in the era table (an era
    a dynasty took over runs from the year it began: the Later Han's 天福 from 936); None if
    it has neither."""
    key = (id(eras), name, active_gazetteer_dir())  # (the ruler tables of the active folder)
    hit = _SPANS.get(key)
    if hit is not None and hit[0] is eras:
        return hit[1]
    span = _dynasty_span(eras, name)
    if len(_SPANS) > 4096:
        _SPANS.clear()
    _SPANS[key] = (eras, span)
    return span


_SPANS: dict[tuple[int, str, Path], tuple[EraTable, Span | None]] = {}


def _dynasty_span(eras: EraTable, name: str) -> Span | None:
    try:
        rulers = load_ruler_table(active_gazetteer_dir()).rulers
    except OSError:
        rulers = ()
    # a dynasty with reigns of its own spans them, not its offshoots' ("the Ming dynasty" is
    # 1368-1644, not to the Southern Ming's 1662; the Yuan is not the Northern Yuan); a group
    # with none of its own ("Han", "Song") spans its members
    reigns = [r for r in rulers if r.dynasty == name] \
        or [r for r in rulers if name in eras.ancestors(r.dynasty)]
    if reigns:
        return min(r.reign_start for r in reigns), max(r.reign_end for r in reigns)
    found = [e for e in eras.eras if e.dynasty == name] \
        or [e for e in eras.eras if name in eras.ancestors(e.dynasty)]
    if not found:
        return None
    return min(e.start_year for e in found), max(e.end_year for e in found)


def _document_years(mentions: list, eras: EraTable) -> list[int]:
    """Years the document's dates name: printed Western years (also one printed beside an
    era date, "the fourth year of Taihe (1204 AD)"), the year of an era year that only one
    dynasty's era of that name lasted long enough to have ("the twelfth year of Tianfu":
    the Later Han's 947, not the Tang's or the Jurchen Jin's Tianfu of four and seven years),
    and the years of era names that only one dynasty used (the middle of the era)."""
    years: list[int] = []
    for m in mentions:
        if m.kind == "gregorian" and m.western_year is not None:
            years.append(m.western_year)
        elif m.era:
            if m.stated_year is not None:
                years.append(m.stated_year)
                continue
            cands = eras.candidates(m.era)
            n = m.era_year
            fit = [c for c in cands if n is not None and 0 < n <= c.end_year - c.start_year + 1]
            if fit and len({c.dynasty for c in fit}) == 1:
                years.append(fit[0].start_year + n - 1)
            elif cands and len({c.dynasty for c in cands}) == 1:
                years.append((cands[0].start_year + cands[-1].end_year) // 2)
    return years


def _spans(eras: EraTable, surface: str) -> list[Span]:
    """The years of each reading of the dynasty name ``surface``, the default first: a
    ``periods.csv`` row "<surface> dynasty" (a dynasty the ruler and era tables lack: the Qin
    empire, whose "Qin" reads there only as the Former, Later and Western Qin), else the
    table's default reading."""
    spans = [s for s in (dynasty_span(eras, r) for r in eras.dynasty_readings(surface)) if s]
    extra = load_periods(active_gazetteer_dir()).get(" ".join(surface.lower().split())
                                                     + " dynasty")
    return [extra, *(s for s in spans if s != extra)] if extra else spans


def _near(spans: list[Span], years: list[int]) -> Span:
    """The span holding, or nearest to, the median of ``years``."""
    mid = median(years)
    return min(spans, key=lambda s: 0 if s[0] <= mid <= s[1] else min(abs(mid - s[0]),
                                                                       abs(mid - s[1])))


def _pair_reading(eras: EraTable, surfaces: list[str], years: list[int]) -> Span | None:
    """The years of dynasty names joined by "and" ("the Qin and Han Dynasties", "the Wei and
    Jin"): the first name's reading as alone (:func:`_reading`: nearest the document's
    ``years``, else the default: "Qin" the Qin empire of ``periods.csv``, not the Former
    Qin), each further name's the reading nearest the years so far (names paired are
    neighbours or contemporaries: the Jin of 265-420 after the Wei, not the Jurchen Jin;
    on a tie the default), and the union of them; None if a name has no reading."""
    first = _reading(eras, surfaces[0], years)
    if first is None:
        return None
    lo, hi = first
    for surface in surfaces[1:]:
        spans = _spans(eras, surface)
        if not spans:
            return None
        a, b = min(spans, key=lambda sp: max(sp[0] - hi, lo - sp[1], 0))
        lo, hi = min(lo, a), max(hi, b)
    return lo, hi


def _reading(eras: EraTable, surface: str, years: list[int], label: bool = False
             ) -> Span | None:
    """The years of the reading of the dynasty name ``surface`` nearest the document's
    ``years`` (their median); a list item's label ("- Han dynasty: ...") keeps the table's
    default reading when that holds a year of the document (the list's other items date it:
    "- 190 AD:", "- 219:"), since a median over a long timeline falls in no item's time."""
    spans = _spans(eras, surface)
    if not spans:
        return None
    if len(spans) == 1 or not years or (label and any(spans[0][0] <= y <= spans[0][1]
                                                      for y in years)):
        return spans[0]
    return _near(spans, years)


_OPENS = re.compile(r"(?:^|[.;:!?,\n(]\s*)$")
_STRONG = frozenset({"during", "throughout"})


@lru_cache(maxsize=8)
def _lead_pattern(phases: tuple[str, ...]) -> re.Pattern[str]:
    """"LEAD the (PHASE)" at the end of a string, the phase words longest first (compiled once
    per word list: :func:`_lead` runs at every period mention)."""
    ordered = sorted(phases, key=len, reverse=True)
    phase_alt = "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
    return re.compile(rf"\b(\w+)\s+the\s+(?:({phase_alt})\s+)?$", re.IGNORECASE)


def _lead(text: str, start: int, lex: Lexicon) -> tuple[int, str | None, bool] | None:
    """(start of the phase word or the name, phase word, how the lead reads) if "LEAD the
    (PHASE)" stands right before ``start``; None otherwise, and None after a capitalised word
    ("Qinfeng Road in the Song Dynasty", "in Tokyo during the Jin": a name placed in the
    dynasty, no date) unless the lead opens its clause. The flag: True when the lead opens
    its clause or is "during"/"throughout" (a time for sure), False for "in"/"under" inside
    a clause ("the defenses in the Song Dynasty": maybe an attribute)."""
    before = text[max(0, start - 40):start]
    m = _lead_pattern(tuple(lex.cat("coarse_phase"))).search(before)
    if m is None or m.group(1).lower() not in lex.cat("period_lead"):
        return None
    lead_at = start - len(before) + m.start(1)
    opens = _OPENS.search(text, max(0, lead_at - 3), lead_at) is not None
    word = re.search(r"(\S+)\s*$", text[max(0, lead_at - 40):lead_at])
    if not opens and word is not None and word.group(1)[:1].isupper():
        return None
    strong = opens or m.group(1).lower() in _STRONG
    if m.group(2):
        return start - len(before) + m.start(2), " ".join(m.group(2).lower().split()), strong
    return start, None, strong


_LABEL_HEAD = re.compile(r"[ \t]*(?:[-–—•*·][ \t]*)?")


def _label(text: str, start: int, lex: Lexicon) -> tuple[int, str | None, bool] | None:
    """(start of the phase word or the name, phase word, True) if the name at ``start`` opens
    its line, after a list bullet and a ``coarse_phase`` word at most ("- Han dynasty: a
    walled town was built", "- Early Ming: the wall was rebuilt", as "- 1134: ..." labels
    the items of a timeline); None otherwise. The caller wants a colon after the name."""
    line = text.rfind("\n", 0, start) + 1
    head = _LABEL_HEAD.match(text, line)
    rest = text[head.end():start]
    if not rest.strip():
        return start, None, True
    phase = " ".join(rest.lower().split())
    if phase in lex.cat("coarse_phase") and rest.rstrip() != rest and rest[:1].isupper():
        return head.end(), phase, True
    return None


def _tail(text: str, end: int, lex: Lexicon, is_name: Callable[[int], int | None],
          joined: list[int] | None = None) -> int | None:
    """The end of the period phrase whose name ends at ``end``, negative when an extending word
    ("dynasty") was taken in, or None when the word after it makes the name an attribute ("the
    Ming army", "the Ming dynasty's"). ``joined`` (when given) receives the end of each
    further name joined by "and" ("the Qin and Han Dynasties": the end of "Han")."""
    nxt = lex.cat("period_next")
    pos = end
    for _ in range(4):
        if _CLAUSE_END.match(text, pos):
            return pos
        m = _WORD.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip()))
        if m is None:
            return None
        word = m.group().lower()
        if nxt.get(word) == "extend":  # "the Ming dynasty's ...": an attribute
            return None if text.startswith(("'", "\u2019"), m.end()) else -m.end()
        if word in ("and", "or"):  # "in the Song and Jin armies": judged after the last name
            after = is_name(m.end())
            if after is not None:
                if joined is not None and word == "and":
                    joined.append(after)
                pos = after
                continue
            if _CAPITAL.match(text, m.end()):
                return None  # "the Japanese and Korean sources": two attributes of one noun
        return pos if word in nxt else None
    return None


def add_period_mentions(text: str, mentions: list, eras: EraTable, lex: Lexicon,
                        make: Callable) -> list:
    """``mentions`` plus a ``range`` period mention (``make`` = DateMention, ``coarse`` =
    "period") for each dynasty or named period used as a date (see the module docstring).
    The ``dynasty`` context mention stays beside it (it still names the dynasty)."""
    periods = load_periods(active_gazetteer_dir())
    dyn = {m.start: m for m in mentions if m.kind == "dynasty"}
    dyn_end = {m.start: m.end for m in dyn.values()}
    by_end = {m.end: m for m in dyn.values()}
    found: list[tuple[int, int, Span, str | None]] = []
    years: list[int] | None = None

    def is_name(pos: int) -> int | None:
        s = pos + len(text[pos:]) - len(text[pos:].lstrip())
        return dyn_end.get(s)

    for m in dyn.values():
        lead = _lead(text, m.start, lex)
        label = lead is None
        if label:
            lead = _label(text, m.start, lex)
        if lead is None:
            continue
        joined: list[int] = []
        end = _tail(text, m.end, lex, is_name, joined)
        if label and (end is None or not text.startswith(":", abs(end))
                      or _SCRIPT_AFTER.match(text, abs(end))
                      or any(0 < d.start - abs(end) <= 3 for d in mentions
                             if d.kind != "dynasty")):
            continue  # a name at a line start is a date only as a label: "- Early Ming: ..."
            # ("Shu: Ninth Year of Yen-hsi": a state naming the calendar of the date after it)
        if end is None or (end < 0 and not lead[2]):
            continue  # "the defenses in the Song Dynasty were ...": "in the X Dynasty"
            # inside a clause is mostly an attribute; "In the Ming dynasty, ..." is a time
        end = abs(end)
        if years is None:
            years = _document_years(mentions, eras)
        names = [m, *(by_end[e] for e in joined if e in by_end)]
        span = (_pair_reading(eras, [x.dynasty or x.text for x in names], years)
                if len(names) > 1 else _reading(eras, m.dynasty or m.text, years, label))
        if span is not None:
            found.append((lead[0], end, span, lead[1]))
    if periods:
        names = sorted(periods, key=len, reverse=True)
        alt = "|".join(r"\s+".join(map(re.escape, n.split())) for n in names)
        for pm in re.finditer(rf"\b(?:{alt})\b", text, re.IGNORECASE):
            if not pm.group()[0].isupper():
                continue
            lead = _lead(text, pm.start(), lex)
            if lead is not None:
                found.append((lead[0], pm.end(), periods[" ".join(pm.group().lower().split())],
                               lead[1]))
    if not found:
        return mentions
    taken = [(m.start, m.end) for m in mentions if m.kind != "dynasty"]
    out = list(mentions)
    phases = lex.cat("coarse_phase")
    for s, e, (a, b), phase in found:
        if any(ts < e and s < te for ts, te in taken):
            continue
        if phase is not None and phase in phases:
            lo, hi = (int(x) for x in phases[phase].split("-"))
            a, b = a + (b - a) * lo // 100, a + (b - a) * hi // 100
        parts = (make(start=s, end=e, text=text[s:e], kind="gregorian", western_year=a,
                      calendar="western"),
                 make(start=s, end=e, text=text[s:e], kind="gregorian", western_year=b,
                      calendar="western"))
        out.append(make(start=s, end=e, text=text[s:e], kind="range", parts=parts,
                        coarse="period", coarse_part=phase))
        taken.append((s, e))
    out.sort(key=lambda m: (m.start, m.end))
    return out
