"""Ordinal days labelling an annal's entries (pipeline.dates.day_labels): "17th day. The enemy
generals came ..." after "8th month, 13th day." is day 17 of the running month and year."""

from __future__ import annotations

from date_rows import resolved, row_at

from pipeline.dates.mentions import find_date_mentions

_ANNAL = ("A.D. 663. Autumn, 8th month, 13th day. The men of Silla resolved to take Chu-yu."
          "\n\n17th day. The enemy generals came to Chu-yu and surrounded the city.\n\n"
          "Some talk followed; the king said it was a bad omen.\n\n"
          "28th day. The Japanese generals advanced to attack the line of Great Thang.\n\n"
          "9th month, 7th day. The castle surrendered.\n\n24th day, the fleet set sail.\n")


def test_a_day_label_is_a_day_of_the_running_month(eras, calendar) -> None:
    rows, _ = resolved(_ANNAL, eras, calendar)
    for phrase, month, day in [("17th day", 8, 17), ("28th day", 8, 28), ("24th day", 9, 24)]:
        row = row_at(rows, _ANNAL, phrase)
        assert (row.year, row.month, row.day) == (663, month, day), phrase


def test_a_day_counted_in_prose_is_no_label(eras) -> None:
    text = ("In the 8th month of 663 the army marched. On the 3rd day of the siege the walls "
            "fell, and the 2nd day men were sent. He fasted for a 10th day, then left.")
    found = [m.text for m in find_date_mentions(text, eras)]
    assert not any("3rd day" in t or "2nd day" in t or "10th day" in t for t in found)
    no_month = "17th day. The enemy generals came."  # no month before it: no running month
    assert find_date_mentions(no_month, eras) == []
