"""A date of the sentence with another year between the row's date and its trigger caps the
row's certainty at medium (pipeline.events.rows.dating.crossed, certainty ``date_crossed``):
"In the Yongle seven years (1409) ..., when returning in 1411 ..., captured the king"."""

from __future__ import annotations

from pipeline import api
from pipeline.events.certainty import event_certainty
from pipeline.events.rows.dating import crossed
from pipeline.records import DateRow


def _d(start: int, end: int, year: int, kind: str = "gregorian",
       year_end: int | None = None) -> DateRow:
    return DateRow("", -1, start, end, str(year), kind, year=year, year_end=year_end)


def test_another_year_between_the_date_and_the_trigger_crosses() -> None:
    first, later = _d(0, 4, 1409), _d(20, 24, 1411)
    dates = [first, later]
    starts = [d.start for d in dates]
    assert crossed(dates, starts, first, 60)  # 1409 ... 1411 ... captured
    assert not crossed(dates, starts, later, 60)  # the nearer 1411: nothing between
    assert not crossed(dates, starts, first, 10)  # the trigger before 1411


def test_the_same_year_a_span_aside_or_a_dynasty_does_not_cross() -> None:
    date = _d(0, 4, 1127)
    for other in (_d(6, 16, 1127), _d(6, 16, 1103, "aside", 1142),
                  _d(6, 16, 960, "period", 1279), _d(6, 16, 1126, year_end=1128)):
        assert not crossed([date, other], [0, 6], date, 40)
    assert crossed([date, _d(6, 16, 960)], [0, 6], date, 40)  # "... since 960, and took it"


def test_a_crossed_date_is_at_most_medium() -> None:
    kw = {"date_source": "sentence", "date_certainty": "high", "actor1_source": "named",
          "actor2_source": "", "reading": "verb"}
    assert event_certainty(**kw) == "high"
    assert event_certainty(**kw, date_crossed=True) == "medium"


def test_the_capture_after_a_later_when_clause_is_not_high(resources: api.Resources) -> None:
    text = ("In the Yongle seven years (1409) the third time, when returning in 1411 the king "
            "of Ceylon wanted to harm the fleet, Zheng He led 2,000 soldiers to attack his "
            "city and captured the king and his family.")
    (row,) = [e for e in api.process_text(text, "t", resources).events
              if e.trigger == "captured"]
    assert row.certainty != "high"
    text = "In 1409 Zheng He sailed to Ceylon and captured the king in his city."
    (row,) = [e for e in api.process_text(text, "t", resources).events
              if e.trigger == "captured"]
    assert (row.year, row.certainty) == (1409, "high")
