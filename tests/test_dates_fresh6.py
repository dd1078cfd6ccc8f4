"""Fresh report 6: lunar months called "moons" in older translations (Legge, Giles)."""

from __future__ import annotations

from date_rows import resolved, row_at


def test_moon_is_a_lunar_month(eras, calendar) -> None:
    text = ("In the second year of Taikang the envoys came in the third moon. On the fifteenth "
            "day of the eighth moon the court feasted, and in the eleventh moon of the first year "
            "of Yongxing the prince fled.")
    rows, _ = resolved(text, eras, calendar)
    assert (row_at(rows, text, "the third moon").month,
            row_at(rows, text, "the third moon").year) == (3, 281)
    day = row_at(rows, text, "the fifteenth day of the eighth moon")
    assert (day.month, day.day, day.year) == (8, 15, 281)
    row = row_at(rows, text, "the eleventh moon")
    assert (row.month, row.year, row.era) == (11, 304, "Yongxing")


def test_moon_without_a_number_is_no_month(eras, calendar) -> None:
    text = "In 1120 the army camped under the full moon; the first moonlight fell on the river."
    rows, _ = resolved(text, eras, calendar)
    assert [r.text for r in rows] == ["1120"]
