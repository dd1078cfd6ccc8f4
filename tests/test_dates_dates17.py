"""dates17 (fresh report 13): OCR letter l for the digit 1 at the start of a year after an era
word ("A.D. l07", "A.D. ll9"), and Chavannes' order "the Nth year ERA" with a lowercase
Wade-Giles era ("the second year yen-kuang (123)"); a reign's span ends with the ruler's last
year; an "after" clause of the event's own bounds its date from below."""

from __future__ import annotations

import pytest
from date_rows import resolved, row_at

from pipeline import api


def test_a_year_opening_with_letter_l_after_an_era_word_is_read_low(eras, calendar) -> None:
    text = "When the West revolted (A.D. l07), he went out. So Pan had been sent there in A.D. ll9."
    rows, warnings = resolved(text, eras, calendar)
    first, second = row_at(rows, text, "A.D. l07"), row_at(rows, text, "A.D. ll9")
    assert (first.year, first.certainty) == (107, "low")
    assert (second.year, second.certainty) == (119, "low")
    assert sum(w.code == "OCR_YEAR_GUESSED" for w in warnings) == 2


def test_no_year_without_a_true_digit_or_with_a_letter_in_doubt(eras, calendar) -> None:
    text = "They met in A.D. ll and parted."  # no true digit: no year
    rows, _ = resolved(text, eras, calendar)
    assert not any(r.text.startswith("A.D.") and r.year is not None for r in rows)
    text = "He died in B.C. lS4."  # S is 8 or 5: two readings and no running date
    rows, warnings = resolved(text, eras, calendar)
    assert not any(r.text.startswith("B.C.") and r.year is not None for r in rows)
    assert any(w.code == "DATE_NOT_READ" for w in warnings)


def test_the_nth_year_then_a_wade_giles_era_is_read_as_that_era(eras, calendar) -> None:
    text = "In the second year yen-kuang (123), in summer, Pan Yung was named Chief Clerk."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the second year")
    assert (row.era, row.era_year, row.year, row.certainty) == ("Yanguang", 2, 123, "high")
    text = "In the sixth year yuan-ch'u (119), So Pan went out."
    row = row_at(resolved(text, eras, calendar)[0], text, "the sixth year")
    assert (row.era, row.year) == ("Yuanchu", 119)


def test_a_name_after_the_nth_year_that_does_not_close_the_phrase_is_no_era(eras,
                                                                            calendar) -> None:
    text = "In 1398 the court moved. In the third year Jianwen went to the capital."
    rows, _ = resolved(text, eras, calendar)
    assert all(r.era != "Jianwen" for r in rows)


def test_a_reign_ends_with_the_rulers_last_year_not_the_successors_first(eras,
                                                                       calendar) -> None:
    text = "In 589 the Chen fell. During Emperor Wen's reign the canal was dug."
    row = row_at(resolved(text, eras, calendar)[0], text, "Emperor Wen's reign")
    assert (row.year, row.year_end) == (581, 604)  # 文帝 of Sui died in 604 (仁壽 601-604)
    assert row.date_end < "0605-12-31"
    text = "In 430 the north was at war. During Emperor Wen's reign the canal was dug."
    row = row_at(resolved(text, eras, calendar)[0], text, "Emperor Wen's reign")
    assert (row.year, row.year_end) == (424, 453)  # Wen of Liu Song, killed in 453


@pytest.mark.parametrize(("text", "verb", "year"), [
    # an "after" clause of the event's own, later than the sentence's date before it: its date
    ("In the winter of 576 he served under Yuwen Xian, and after Northern Qi was destroyed "
     "in 577 he was created Duke of Chen'an.", "created", 577),
    ("In 1126 the Jin besieged Kaifeng, and after the city fell in 1127 they captured the "
     "emperor.", "captured", 1127),
    # the date before is already in or after the bound: it stays
    ("In 1403 he fled to the south, and after the prince seized Nanjing in 1402 he returned.",
     "returned", 1403),
    # a "before" clause is an upper bound: the date before the trigger stays
    ("In 1125 the Jin attacked the Liao, and before the Song fell in 1127 they captured "
     "Taiyuan.", "captured", 1125),
    # an "after" phrase with no date: the date before stays
    ("In the winter of 576 he served under Yuwen Xian, and after the war he was created Duke "
     "of Chen'an.", "created", 576),
])
def test_an_after_clause_is_the_lower_bound_of_the_events_date(text, verb, year,
                                                               resources) -> None:
    events = api.process_text(text, "t", resources).events
    at = text.index(verb)
    hits = [e for e in events if e.start <= at < e.end or e.start == at]
    assert hits, [(e.start, e.event_type) for e in events]
    assert hits[0].year == year


ANNALS = ("Wuyin Year (approx. 1398)\nHongwu Reign, 31st Year\n5th Month:\nThe emperor dies in "
          "Nanjing. (The court later said that he took poison.)\n\nRenwu Year (approx. 1402)\n"
          "Jianwen Reign, 4th Year\n6th Month:\nThe prince enters Nanjing and takes the throne.\n")
PROSE = ("In 1398 the emperor died in Nanjing. The court later said that he took poison.\n\n"
         "In 1402 the prince entered Nanjing and took the throne.\n")


def test_a_later_range_is_capped_to_its_year_heading_section(resources) -> None:
    out = api.process_text(ANNALS, "t", resources)
    row = next(e for e in out.events if e.trigger == "took poison")
    assert (row.year, row.year_end) == (1398, None)
    assert any(w.code == "EVENT_YEAR_RANGE_CAPPED" for w in out.warnings)


def test_a_later_range_without_numbered_headings_stays(resources) -> None:
    out = api.process_text(PROSE, "t", resources)
    row = next(e for e in out.events if e.trigger == "took poison")
    assert (row.year, row.year_end) == (1398, 1402)
    assert not any(w.code == "EVENT_YEAR_RANGE_CAPPED" for w in out.warnings)


def test_an_ocr_l_in_a_bracketed_year_beside_an_era_date_is_read(eras, calendar) -> None:
    text = "In the first year yung-ch'u (l07), when the countries of the West revolted."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the first year")
    assert (row.era, row.year, row.stated_year) == ("Yongchu", 107, 107)
    assert row.certainty == "medium"  # the printed year that chose the era is a repair
    assert any(w.code == "OCR_YEAR_GUESSED" for w in warnings)
    text = "In the third year of Jianwu (ll), he went."  # no true digit: no printed year
    row = row_at(resolved(text, eras, calendar)[0], text, "the third year")
    assert row.stated_year is None
