"""Polity readings that did not exist at the date of their mention.

The lexicon reads a name whatever the text is about: "Yuan Shao, Grand Administrator of
Bohai" in a text on 190 gives the kingdom Balhae (渤海, 698–926), and "the general Song Wei"
of 878 the two states Song and Wei. Once the dates are known (the years of the sentence, else
the running year: the ``years_at`` of :func:`pipeline.entities.periods.refuse_far_rulers`),
:func:`refuse_unborn_polities` checks the POLITY rows against the years of the dynasties they
name (:func:`pipeline.entities.dynasty_years.polity_spans`: ``dynasties.csv`` and sanmiao's
reigns of ``rulers.csv``, from the Western Han on):

1. **Not founded yet.** A one-word POLITY row read through another spelling than its
   canonical's ("Bohai" -> Balhae; a state in its own spelling, "Chu", "Wu", "Liang", is also
   the name of older kingdoms the table has no reigns for) whose every dynasty began more
   than ``MARGIN`` years after the years at the mention is no such polity. When
   ``historical_places.csv`` (CHGIS) has a unit of the mention's name in use at those years
   ("Bohai" commandery, -221 to 605), the row becomes that PLACE; else its canonical is the
   mention itself (unlinked). Either way a ``POLITY_NOT_YET`` warning names the refused
   reading. Only when the dynasty table covers the polity: its Chinese name in
   ``polities.csv`` is the Chinese name of a dynasty of ``dynasties.csv`` the word names
   (Balhae 渤海; not "Qin" 秦, which the table knows only as Former Qin 前秦).
1b. **A state in its own spelling, of another time.** A one-word POLITY row in its canonical's
   own spelling ("Jin" -> the Jurchen Jin, 1115-1234) whose dynasty began more than ``MARGIN``
   years after the years at the mention takes the reading of the same word whose dynasty
   held those years (within ``MARGIN``): the ``polities.csv`` row of the Chinese name of that
   ``dynasties.csv`` dynasty or of its group ("Jin" in 300: Western Jin 西晉, group 晉 -> "Jin
   (266-420)"), with a ``POLITY_READ_BY_DATE`` warning. When no dynasty of that name held
   those years, but one of that name had ended before them ("Founding of Jin" in a text on
   698, Balhae's first name, between the Jin of 266-420 and the Jurchen Jin), the row keeps
   its text and a ``POLITY_NOT_YET`` warning says the reading is refused. A name the tables
   know only from later dynasties is left alone: it may be an older kingdom the tables hold
   no reigns for ("Chu" in 154 BC).
2. **A pair of states that did not exist then.** Two one-word POLITY rows in their own
   spelling joined by one space ("Song Wei"), the first a surname of the lexicon, where no
   dynasty of either existed within ``MARGIN`` years of the years at the mention, and at
   least one of them is named by a dynasty begun after those years (so the pair is no
   retrospective "Wei Jin" of a later text), are one PERSON row with a ``STATES_PAIR_AS_PERSON``
   warning.

Years before the Qin (221 BC) are left alone: the Zhou states have no reigns in those tables;
rule 2 starts with the Han (206 BC: the Qin has none either).
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.entities.dynasty_years import polity_spans
from pipeline.records import EntityRow, WarningRow
from pipeline.resources import active_gazetteer_dir

NOT_YET = "POLITY_NOT_YET"
BY_DATE = "POLITY_READ_BY_DATE"
PAIR = "STATES_PAIR_AS_PERSON"
MARGIN = 30  # years: a dynasty's name used a generation before its first reign is no slip
FIRST_YEAR = -221  # before the Qin the tables hold no reigns of the Zhou states
FIRST_PAIR_YEAR = -206  # the Han: the tables hold no reigns of the Qin either


@lru_cache(maxsize=2)
def _covered(directory: Path) -> frozenset[str]:
    """Canonicals of ``polities.csv`` whose Chinese name is that of a ``dynasties.csv`` row
    the canonical or one of its aliases names: the polities the dynasty table dates."""
    from pipeline.eras import load_dynasties  # noqa: PLC0415 (eras imports entities' users)

    path = directory / "polities.csv"
    if not path.is_file() or not (directory / "dynasties.csv").is_file():
        return frozenset()
    zh_of: dict[str, set[str]] = {}
    for d in load_dynasties(directory):
        for form in (d.name, *d.aliases):
            zh_of.setdefault(form, set()).add(d.name_zh)
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(r["canonical"] for r in csv.DictReader(fh)
                         if r.get("zh") and any(r["zh"] in zh_of.get(f, ()) for f in (
                             r["canonical"], *(r.get("aliases") or "").split("|"))))


def _place_in_use(name: str, years: Sequence[int], directory: Path) -> bool:
    """True if ``historical_places.csv`` has a unit named ``name`` in use at every year of
    ``years``."""
    from pipeline.places.base import name_key  # noqa: PLC0415 (places import entities' users)
    from pipeline.places.historical import load_historical_units  # noqa: PLC0415

    units = load_historical_units(directory).get(name_key(name), ())
    return any(all(u.start_year <= y <= u.end_year for y in years) for u in units)


def _existed(spans: Sequence[tuple[int, int]], years: Sequence[int]) -> bool:
    return any(lo - MARGIN <= y <= hi + MARGIN for lo, hi in spans for y in years)


def refuse_unborn_polities(entities: Sequence[EntityRow], text: str,
                           years_at: Callable[[int], list[int]],
                           surnames: frozenset[str] = frozenset(),
                           directory: Path | None = None,
                           ) -> tuple[list[EntityRow], list[WarningRow]]:
    """``entities`` (sorted by start, offsets into ``text``) with the readings of the module
    docstring refused, and one warning row per change. ``years_at``: offset -> the years that
    date it (astronomical; [] when none); ``surnames``: the lexicon's surname words (rule 2);
    ``directory``: the gazetteer folder (None: the active one). New lists."""
    directory = directory or active_gazetteer_dir()
    rows = list(entities)
    polities = [e for e in rows if e.label == "POLITY" and " " not in e.text]
    if not polities:
        return rows, []
    words = {e.canonical for e in polities} | {e.text for e in polities}
    spans = polity_spans(words, directory)
    if not spans:
        return rows, []
    covered = _covered(directory)
    warnings: list[WarningRow] = []
    out: list[EntityRow] = []
    skip: set[int] = set()
    for k, e in enumerate(rows):
        if k in skip:
            continue
        if e.label != "POLITY" or " " in e.text:
            out.append(e)
            continue
        merged = _pair(rows, k, text, years_at, spans, surnames)
        if merged is not None:
            person, years = merged
            skip.add(k + 1)
            out.append(person)
            warnings.append(WarningRow(e.doc_id, person.start, person.end, PAIR,
                                       f"{person.text!r} read as a person, not the states "
                                       f"{rows[k].canonical} and {rows[k + 1].canonical}: "
                                       f"neither existed in {_years(years)}"))
            continue
        years = years_at(e.start)
        if e.text == e.canonical and e.canonical in covered and years \
                and min(years) >= FIRST_YEAR:
            moved = _own_spelling(e, years, directory)
            if moved is not None:
                out.append(moved[0])
                warnings.append(moved[1])
                continue
        own = spans.get(e.canonical, ()) if e.canonical in covered \
            and e.text.lower() not in e.canonical.lower().split() else ()
        if not own or not years or min(years) < FIRST_YEAR \
                or max(years) >= min(lo for lo, _ in own) - MARGIN:
            out.append(e)
            continue
        first = min(lo for lo, _ in own)
        if _place_in_use(e.text, years, directory):
            out.append(dataclasses.replace(e, label="PLACE", canonical=e.text))
            read = f"read as the place {e.text}, in use then"
        else:
            out.append(dataclasses.replace(e, canonical=e.text))
            read = "left unlinked"
        warnings.append(WarningRow(e.doc_id, e.start, e.end, NOT_YET,
                                   f"{e.text!r} not read as {e.canonical} (from {first}): the "
                                   f"text is dated {_years(years)}; {read}"))
    return out, warnings


@lru_cache(maxsize=2)
def _readings(directory: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    """Word -> (first, last, dynasty, polities.csv canonical or "") of every ``dynasties.csv``
    dynasty with reigns the word names (name or alias), the canonical by the Chinese name of
    the dynasty or else of its group."""
    from pipeline.entities.dynasty_years import _reign_spans  # noqa: PLC0415

    loaded = _reign_spans(directory)
    if loaded is None:
        return {}
    span, dynasties = loaded
    by_name = {d.name: d for d in dynasties}
    with (directory / "polities.csv").open(encoding="utf-8", newline="") as fh:
        by_zh = {r["zh"]: r["canonical"] for r in csv.DictReader(fh) if r.get("zh")}
    out: dict[str, list[tuple[int, int, str, str]]] = {}
    for d in dynasties:
        if d.name not in span:
            continue
        lo, hi = span[d.name]
        group = by_name.get(d.parent)
        canonical = by_zh.get(d.name_zh) or (by_zh.get(group.name_zh, "") if group else "")
        for form in {d.name, *d.aliases}:
            out.setdefault(form, []).append((lo, hi, d.name, canonical))
    return out


def _own_spelling(e: EntityRow, years: Sequence[int], directory: Path
                  ) -> tuple[EntityRow, WarningRow] | None:
    """Rule 1b: the row and warning for a POLITY in its own spelling read as a dynasty of
    another time, or None when its reading holds at ``years``."""
    readings = _readings(directory).get(e.text, [])
    mine = [r for r in readings if r[3] == e.canonical]
    if not mine or _existed([(lo, hi) for lo, hi, _, _ in mine], years) \
            or max(years) >= min(lo for lo, _, _, _ in mine) - MARGIN:
        return None
    first = min(lo for lo, _, _, _ in mine)
    then = sorted({r[3] for r in readings if r[3] and r[3] != e.canonical
                   and _existed([(r[0], r[1])], years)})
    if len(then) == 1:
        return dataclasses.replace(e, canonical=then[0]), WarningRow(
            e.doc_id, e.start, e.end, BY_DATE,
            f"{e.text!r} read as {then[0]}, not {e.canonical} (from {first}): the text is "
            f"dated {_years(years)}")
    past = [r for r in readings if r[1] + MARGIN < min(years)]
    if then or not past:  # several readings then; or the name of an older kingdom the tables
        return None       # hold no reigns for ("Chu" in 154 BC: Ma Chu is of 907)
    return e, WarningRow(e.doc_id, e.start, e.end, NOT_YET,
                         f"{e.text!r} not read as {e.canonical} (from {first}): the text is "
                         f"dated {_years(years)}, after the {past[-1][2]} (to {past[-1][1]}) "
                         f"and before the {e.canonical}; no polity of that name held those "
                         f"years: left unlinked")


def _pair(rows: Sequence[EntityRow], k: int, text: str, years_at: Callable[[int], list[int]],
          spans: dict[str, tuple[tuple[int, int], ...]], surnames: frozenset[str]
          ) -> tuple[EntityRow, list[int]] | None:
    """The PERSON row of rule 2 made of rows ``k`` and ``k + 1``, with the years that date it,
    else None."""
    if k + 1 >= len(rows):
        return None
    a, b = rows[k], rows[k + 1]
    if b.label != "POLITY" or " " in b.text or text[a.end:b.start] != " " \
            or a.text not in surnames or any(e.text != e.canonical for e in (a, b)):
        return None
    sa, sb = spans.get(a.text, ()), spans.get(b.text, ())
    years = years_at(a.start)
    if not sa or not sb or not years or min(years) < FIRST_PAIR_YEAR \
            or _existed(sa, years) or _existed(sb, years) \
            or not any(lo > max(years) for lo, _ in (*sa, *sb)):
        return None
    name = text[a.start:b.end]
    return EntityRow(a.doc_id, a.sentence_id, a.start, b.end, name, "PERSON", name,
                     a.source), years


def _years(years: Sequence[int]) -> str:
    lo, hi = min(years), max(years)
    return str(lo) if lo == hi else f"{lo}–{hi}"
