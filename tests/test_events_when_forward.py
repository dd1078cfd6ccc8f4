"""A relative date after the trigger that reaches past the running date ("the next winter")
dates no earlier clause: the clause keeps the running date (pipeline.events.when.forward);
a year opening a sentence before a comma and an article ("1279, the fleet ...") is a year;
"through 756" is a (weak) year preposition."""

from __future__ import annotations

from pipeline import api
from pipeline.events.when.forward import reaches_forward
from pipeline.records import DateRow


def _d(year: int | None, kind: str = "gregorian", year_end: int | None = None) -> DateRow:
    return DateRow("", -1, 0, 4, str(year), kind, year=year, year_end=year_end)


def test_a_later_relative_date_reaches_forward() -> None:
    assert reaches_forward(_d(1276, "relative"), _d(1275))
    assert reaches_forward(_d(1276, "relative"), _d(1274, year_end=1275))


def test_a_printed_or_same_year_date_does_not() -> None:
    assert not reaches_forward(_d(1276), _d(1275))  # a printed year: the clause's guess
    assert not reaches_forward(_d(1275, "relative"), _d(1275))  # "the same year"
    assert not reaches_forward(_d(1276, "relative"), None)  # nothing to count from
    assert not reaches_forward(_d(None, "relative"), _d(1275))


def _rows(text: str, resources: api.Resources) -> dict:
    return {e.trigger: e for e in api.process_text(text, "t", resources).events}


def test_the_clause_before_a_next_winter_keeps_the_running_year(
        resources: api.Resources) -> None:
    text = ("In 905 Abaoji met Li Keyong at Yunzhou. The two swore brotherhood and agreed to "
            "fight the Liang together the next winter.")
    (row,) = [e for e in _rows(text, resources).values() if e.event_type == "alliance"]
    assert (row.year, row.date_source) == (905, "running")


def test_a_year_opening_a_sentence_before_an_article_dates_it(
        resources: api.Resources) -> None:
    text = ("In 1278 the young emperor died at Gangzhou. 1279, the Song fleet was defeated "
            "at Yamen.")
    (row,) = [e for e in _rows(text, resources).values() if e.event_type == "defeat"]
    assert row.year == 1279


def test_through_a_year_dates_its_clause(resources: api.Resources) -> None:
    text = ("In January 757 the rebels took Suiyang. Zhang Xun had held Yongqiu against the "
            "rebels through 756.")
    (row,) = [e for e in _rows(text, resources).values() if e.event_type == "defence"]
    assert row.year == 756
