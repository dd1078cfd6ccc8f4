"""Fresh report 8: cycle days after "on" ("On Wuwu, the imperial son ...", "In the eighth
month, on Wuchen, ..."), a cycle day that is not in the running month (a warning, no day, the
running date kept) and OCR letters for digits after a BC word ("In B.C. l54")."""

from __future__ import annotations

import pytest
from date_rows import resolved, row_at

HEAD = "In the third month of the second year of Yuanyou, the court met at the palace. "


def test_cycle_day_after_on_is_a_day_of_the_running_month(eras, calendar) -> None:
    text = HEAD + "On Bingchen, the emperor went hunting at the western park."
    rows, warnings = resolved(text, eras, calendar)
    day = row_at(rows, text, "Bingchen")
    assert (day.year, day.month, day.day, day.certainty) == (1087, 3, 4, "medium")
    assert any(w.code == "CYCLE_DAY_READ" for w in warnings)


@pytest.mark.parametrize(("text", "name", "day"), [
    ("In the third month of the second year of Yuanyou, on Gengshen, Sima Guang fell ill.",
     "Gengshen", 8),  # after the month and a comma; a name of eight letters
    (HEAD + "The army marched north, and on Dingchou it crossed the river.", "Dingchou", 25),
    (HEAD + "On Xin You, he returned to the capital.", "Xin You", 9),
])
def test_cycle_day_after_on_in_other_wordings(text, name, day, eras, calendar) -> None:
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, name)
    assert (row.year, row.month, row.day) == (1087, 3, day)


def test_on_before_a_person_named_like_a_cycle_day_is_no_date(eras, calendar) -> None:
    text = HEAD + "The emperor relied on Ding Wei for advice. Later Ding Wei was exiled."
    rows, _ = resolved(text, eras, calendar)
    assert not any(r.text == "Ding Wei" for r in rows)


def test_cycle_day_not_in_the_running_month_is_a_warning_and_no_day(eras, calendar) -> None:
    text = (HEAD + "On Guisi, the general was killed. In the fourth month, on Jiaxu, the "
            "army returned.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "Guisi")
    assert row.day is None and row.year is None
    codes = [w.code for w in warnings if text[w.start:w.end] == "Guisi"]
    assert codes == ["CYCLE_DAY_NOT_IN_MONTH"]
    month = row_at(rows, text, "the fourth month")  # the running date is not made unsure
    assert (month.year, month.month, month.certainty) == (1087, 4, "high")


@pytest.mark.parametrize(("garbled", "year"), [("l57", -156), ("I57", -156), ("1S6", -155)])
def test_ocr_letter_in_a_bc_year_is_read_by_the_running_date(garbled, year, eras,
                                                             calendar) -> None:
    text = (f"In B.C. 160 the Huns came south. In B.C. {garbled}, when the princes rose, "
            "the emperor sent him against them.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, f"B.C. {garbled}")
    assert (row.year, row.certainty) == (year, "low")
    assert any(w.code == "OCR_YEAR_GUESSED" for w in warnings)


def test_ocr_bc_year_without_a_running_date_is_not_read(eras, calendar) -> None:
    # dates17: a letter l (only ever 1) after the BC word reads with no running date, low
    text = "In B.C. l54, when the princes rose, the emperor sent him against them."
    rows, warnings = resolved(text, eras, calendar)
    assert (row_at(rows, text, "B.C. l54").year, row_at(rows, text, "B.C. l54").certainty) \
        == (-153, "low")
    assert any(w.code == "OCR_YEAR_GUESSED" for w in warnings)
    text = "In B.C. 2O8, when the princes rose, the emperor sent him against them."
    rows, warnings = resolved(text, eras, calendar)  # another letter: the running date decides
    assert not any(r.year is not None for r in rows)
    assert any(w.code == "DATE_NOT_READ" for w in warnings)
    text = "In B.C. 154 the princes rose. In BC 2O8 and B.C. 1SO nothing is garbled so."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "B.C. 154").year == -153
    assert not any(r.text.endswith(("2O8", "1SO")) and r.year is not None for r in rows)
