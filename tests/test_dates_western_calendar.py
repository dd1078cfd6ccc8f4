"""A text whose Western glosses of lunar days are Gregorian (the lunar day falls on that
Western day only in the Gregorian calendar) has its other Western days before 1582 read as
Gregorian too, medium with a WESTERN_CALENDAR_FROM_TEXT warning
(:mod:`pipeline.dates.western_calendar`); without such a gloss they stay Julian."""

from __future__ import annotations

from pipeline import api

TUMU = ("The Battle of Tumu Fortress led to the capture of the Zhengtong Emperor on September "
        "8 1449.\nIn the morning of September 8 (Chinese lunar calendar: 13th day of the 8th "
        "month), the Chinese army was caught at Tumu.\n")


def test_a_western_day_follows_the_texts_gregorian_glosses(resources: api.Resources) -> None:
    res = api.process_text(TUMU, "t", resources)
    first = next(d for d in res.dates if d.text == "September 8 1449")
    glossed = next(d for d in res.dates if d.text.startswith("September 8 ("))
    assert glossed.date_start == "1449-09-08"  # the gloss: Gregorian
    assert (first.date_start, first.julian_start, first.certainty) == (
        "1449-09-08", "1449-08-30", "medium")
    assert any(w.code == "WESTERN_CALENDAR_FROM_TEXT" for w in res.warnings)


def test_without_a_gloss_a_western_day_stays_julian(resources: api.Resources) -> None:
    res = api.process_text("The emperor was captured on September 8 1449.", "t", resources)
    (d,) = [d for d in res.dates if d.year == 1449]
    assert (d.julian_start, d.date_start, d.certainty) == ("1449-09-08", "1449-09-17", "high")
    assert not any(w.code == "WESTERN_CALENDAR_FROM_TEXT" for w in res.warnings)
