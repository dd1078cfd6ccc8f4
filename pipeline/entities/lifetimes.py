"""Person readings of the gazetteer that the dates of the text rule out.

The PhraseMatcher reads a ``persons.csv`` alias wherever it is written: "Liu He" is an alias
of Liu E 劉萼, a Jin commander of 1161, so "Liu He, King of Changyi" (劉賀, deposed in 74 BC)
became Liu E, with the Jin as his side. Once the dates are known (the years of the sentence,
else the running year: the ``years_at`` of :func:`pipeline.entities.periods.refuse_far_rulers`),
:func:`refuse_unborn_persons` checks each PERSON row read through an alias (its text is not
its canonical) against the person's years in the data:

* ``person_years.csv`` (born, died) when it has the person: a mention dated more than
  ``LIFE_MARGIN`` years before the birth is someone else;
* else the years of the person's polity (``persons.csv`` ``polity``; the reigns of the
  ``dynasties.csv`` rows of that polity's Chinese name in ``polities.csv``: Jin 金 -> 1115–1234):
  a mention dated more than ``POLITY_MARGIN`` years before the polity's first reign (a
  founder is born a lifetime before his dynasty) is someone else.

The refused row keeps its offsets and label; its canonical becomes the name as written (in
pinyin when written in Wade–Giles), with a ``PERSON_OUT_OF_PERIOD`` warning naming the reading
refused. Only the "not born yet" direction is checked: a later text may well name a person of
the past by an alias. Years before the Qin (221 BC) are checked too: the data's persons are
dated, whatever the period of the text.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.entities.dynasty_years import zh_reign_years
from pipeline.entities.ruler_dates import _own_name
from pipeline.records import EntityRow, WarningRow
from pipeline.resources import active_gazetteer_dir, lexicon_values

CODE = "PERSON_OUT_OF_PERIOD"
LIFE_MARGIN = 30  # years before a birth: a person is not named as acting a generation early
POLITY_MARGIN = 80  # years before a polity's first reign: its people may be born that early


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _year(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


@lru_cache(maxsize=2)
def person_spans(directory: Path) -> Mapping[str, tuple[int, str]]:
    """Person canonical -> (earliest year it can be named acting, what that year is), from
    ``person_years.csv`` (birth) and else the polity of ``persons.csv`` (first reign of the
    dynasties of its Chinese name). Years astronomical."""
    out: dict[str, tuple[int, str]] = {}
    for r in _rows(directory / "person_years.csv"):
        born = _year(r.get("born"))
        if born is not None and r.get("canonical"):
            out[r["canonical"]] = (born - LIFE_MARGIN, f"born {_show(born)}")
    zh_of = {r["canonical"]: r.get("zh", "") for r in _rows(directory / "polities.csv")}
    first_of = {zh: lo for zh, (lo, _) in zh_reign_years(directory).items()}
    for r in _rows(directory / "persons.csv"):
        name, polity = r.get("canonical", ""), r.get("polity", "")
        first = first_of.get(zh_of.get(polity, ""))
        if name and name not in out and first is not None:
            out[name] = (first - POLITY_MARGIN, f"of the {polity} (from {_show(first)})")
    return out


def _show(year: int) -> str:
    return f"{1 - year} BCE" if year <= 0 else str(year)


def refuse_unborn_persons(entities: Sequence[EntityRow], text: str,
                          years_at: Callable[[int], list[int]],
                          directory: Path | None = None
                          ) -> tuple[list[EntityRow], list[WarningRow]]:
    """``entities`` with the alias readings of the module docstring refused, and one warning
    row per refusal. ``years_at``: offset -> the years that date it (astronomical; [] when
    none); ``directory``: the gazetteer folder (None: the active one). New lists."""
    directory = directory or active_gazetteer_dir()
    spans = person_spans(directory)
    titles = frozenset(lexicon_values(directory, "person_title"))
    out: list[EntityRow] = []
    warnings: list[WarningRow] = []
    for e in entities:
        earliest = spans.get(e.canonical) if e.label == "PERSON" and e.text != e.canonical \
            else None
        years = years_at(e.start) if earliest is not None else []
        if earliest is None or not years or max(years) >= earliest[0]:
            out.append(e)
            continue
        own = _own_name(e.text, titles)
        warnings.append(WarningRow(e.doc_id, e.start, e.end, CODE,
                                   f"{e.text!r} not read as {e.canonical} ({earliest[1]}): the "
                                   f"text is dated {_show(min(years))}"
                                   f"{'' if min(years) == max(years) else '–' + _show(max(years))}"
                                   f"; canonical left as {own!r}"))
        out.append(dataclasses.replace(e, canonical=own))
    return out, warnings
