"""A Western year far from the text's time (the date stage's WESTERN_YEAR_FAR) is no event's
date when a near date stands by, and no running date (pipeline.events.when.far_dates).
Invented texts in the style of a machine translation."""

from __future__ import annotations

from pipeline import api
from pipeline.events.when.far_dates import FAR_BASIS, nearest_not_far, running_not_far
from pipeline.records import DateRow


def _d(start: int, end: int, year: int, far: bool = False) -> DateRow:
    basis = f"Western year {year} {FAR_BASIS}" if far else "Gregorian date"
    return DateRow("", -1, start, end, str(year), "gregorian", year=year, basis=basis)


def test_the_nearest_date_that_is_not_far() -> None:
    near, far = _d(3, 9, 349), _d(14, 28, 2013, far=True)
    assert nearest_not_far([near, far]) is near
    assert nearest_not_far([far]) is far  # only a far year: it stands (low, from the stage)
    later = _d(40, 44, 350)
    assert nearest_not_far([near, far, later]) is later


def test_a_far_running_date_gives_way_to_its_apposition_only() -> None:
    near, far = _d(3, 9, 349), _d(14, 28, 2013, far=True)
    assert running_not_far([near, far], 1) == 0  # "349 AD, on April 23, 2013"
    assert running_not_far([near, far], 0) == 0
    apart = _d(60, 74, 1941, far=True)  # "In June 1941 ... opened the tomb": the text's own
    assert running_not_far([near, apart], 1) == 1  # modern time runs on (low)
    assert running_not_far([_d(3, 9, 1941, far=True), far], 1) == 1


def test_a_garbled_modern_date_beside_the_year_dates_nothing(resources: api.Resources) -> None:
    text = ("Ran Min was a general of the Later Zhao in 347. In 349 AD, on April 23, 2013, the "
            "Later Zhao emperor Shi Hu died of illness. The prince Shi Shi succeeded to the "
            "throne.")
    rows = api.process_text(text, "t", resources).events
    assert {(e.trigger.split()[0], e.year) for e in rows if e.trigger.split()[0] in (
        "died", "succeeded")} == {("died", 349), ("succeeded", 349)}
