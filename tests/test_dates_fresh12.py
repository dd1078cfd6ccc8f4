"""Dates on old dictionaries and OCR (fresh report 12): a letter printed for a digit in a year
after "A.D." or at the end of a year token is read (low, warned), never as a shorter year."""

from __future__ import annotations

import pytest
from date_rows import resolved, row_at

from pipeline import api


@pytest.mark.parametrize(("text", "token", "year"), [
    ("In A.D. 89 he routed the Shan-yü. In A.D. 9l his lieutenant surprised them.", "A.D. 9l", 91),
    ("In AD 618 Li Yuan rose. In AD 62l he held the north.", "AD 62l", 621),
    ("In 1850 the rising began. In 186S the rebels fell.", "186S", 1865),
])
def test_a_letter_for_a_digit_is_read_by_the_running_date(text, token, year, eras,
                                                          calendar) -> None:
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, token)
    assert (row.year, row.certainty) == (year, "low")
    assert any(w.code == "OCR_YEAR_GUESSED" for w in warnings)
    assert not any(r.year is not None and r.year < 100 <= year for r in rows)  # never "A.D. 9"


@pytest.mark.parametrize(("text", "short"), [
    ("In A.D. 1O5 the emperor died.", "A.D. 1"),  # no running date
    ("He was born in 1820. In 186S he rebelled.", "186"),  # no reading soon after 1820
    ("In B.C. 154 the princes rose. In B.C. 1SO the river flooded.", "B.C. 1"),  # more letters
])
def test_a_garbled_year_not_read_is_warned_and_never_cut_short(text, short, eras,
                                                               calendar) -> None:
    rows, warnings = resolved(text, eras, calendar)
    assert not any(r.text == short for r in rows)
    assert any(w.code == "DATE_NOT_READ" for w in warnings)


@pytest.mark.parametrize(("text", "year"), [
    # a trailing age under a fronted date: the subject's age at the act, the date stands
    ("In 560, Yuwen Hu poisoned the emperor, and Yuwen Yong was set up as emperor at age of "
     "seventeen.", 560),
    ("In 1644, Li Zicheng took Beijing, and the Shunzhi Emperor was enthroned at the age of "
     "six.", 1644),
    # a fronted age, the date in the sentence before: another time
    ("In 1120 the Jin rose. At the age of twenty, Wu Qimai was enthroned.", None),
    # a death told with its age: the life's end, not the fronted date's year
    ("In 1127 the Jin took Kaifeng, and Huizong died in captivity at the age of 53.", None),
])
def test_a_trailing_age_keeps_the_fronted_date(text, year, resources: api.Resources) -> None:
    events = api.process_text(text, "t", resources).events
    last = max(events, key=lambda e: e.start)
    assert last.event_type in ("enthronement", "death")
    assert last.year == year
    if year is not None:
        assert last.certainty == "low"


@pytest.mark.parametrize(("text", "year"), [
    # a later writer's judgement far from the narrative's years: no year for the event noun
    ("In 1135 the monk rose in revolt at Pyongyang. In 1136 the city fell. Centuries later, "
     "in 1925, the historian Sin Chaeho called the suppression of the monk the greatest "
     "event of Korean history.", None),
    ("In 1135 the monk rose in revolt at Pyongyang. In 1925 the historian Sin Chaeho "
     "described the rebellion as the greatest event of Korean history.", None),
    # near the narrative's years: the rule cannot tell, the date stands
    ("In 1135 the monk rose in revolt at Pyongyang. In 1145 Kim Pusik called the rebellion "
     "a treason.", 1145),
])
def test_a_far_judgement_does_not_date_the_events_it_names(text, year,
                                                           resources: api.Resources) -> None:
    events = api.process_text(text, "t", resources).events
    last = max(events, key=lambda e: e.start)
    assert last.trigger in ("suppression", "rebellion")
    assert last.year == year
