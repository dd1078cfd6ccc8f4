"""Fresh report 5, second round: an era name written as its emperor's name before "his
reign" ("Keen Lung", "Tao Kwang"), a reign year before the emperor named after it, and era
lists with their printed spans ("Shijianguo (9–13) / Tianfeng (14–19)")."""

from __future__ import annotations

from date_rows import resolved, row_at


def test_old_spelling_of_an_era_as_the_ruler_of_his_reign(eras, calendar) -> None:
    text = ("The generals of Keen Lung, in the twenty-fourth year of his reign, or A.D. 1759, "
            "conquered Kashgaria.")
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the twenty-fourth year")
    assert (row.year, row.era, row.era_year) == (1759, "Qianlong", 24)


def test_emperor_with_an_old_era_spelling_is_not_a_homonymous_king(eras, calendar) -> None:
    text = ("The Emperor Tao Kwang appointed Chang Ling. In the sixth year of his reign "
            "Kashgar fell.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the sixth year")
    assert (row.year, row.era, row.certainty) == (1826, "Daoguang", "medium")
    assert not [w for w in warnings if "Chu" in w.message]


def test_reign_year_before_the_emperor_named_after_it(eras, calendar) -> None:
    text = "In the twenty-fourth year of his reign, the Qianlong Emperor conquered Kashgaria."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "the twenty-fourth year").year == 1759
    text = ("King Sejong ruled Joseon. In the twenty-fourth year of his reign, the Kangxi "
            "Emperor sent envoys.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the twenty-fourth year")
    assert (row.year, row.certainty) == (1685, "medium")  # "his" could be Sejong's
    assert any(w.code == "RULER_FROM_CONTEXT" for w in warnings)


def test_era_name_as_a_place_gives_no_reign(eras, calendar) -> None:
    text = "The city of Datong fell. In the fifth year of his reign the emperor fled."
    rows, _ = resolved(text, eras, calendar)
    assert not [r for r in rows if r.year is not None]


def test_era_list_with_spans_is_no_era_year(eras, calendar) -> None:
    for text in ("Era names: Shijianguo (9–13) / Tianfeng (14–19) / Dihuang (20–23)",
                 "Eras: Shijianguo 9–13; Tianfeng 14–19; Dihuang 20–23."):
        rows, warnings = resolved(text, eras, calendar)
        got = [(r.text.split()[0].rstrip(":"), r.year, r.year_end, r.era_year) for r in rows]
        assert got == [("Shijianguo", 9, 13, None), ("Tianfeng", 14, 19, None),
                       ("Dihuang", 20, 23, None)], got
        assert not [w for w in warnings if w.code == "ERA_YEAR_OUT_OF_RANGE"]


def test_era_list_leaves_the_running_date(eras, calendar) -> None:
    text = ("In the fourth year of Tianfeng the rebels rose. Eras: Shijianguo (9–13), "
            "Dihuang (20–23). In the following year they marched.")
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "the following year").year == 18


def test_span_that_is_not_the_era_stays_what_it_was(eras, calendar) -> None:
    text = "Shijianguo (1–5) is no era span; Kaiyuan (713–741) is one."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "713–741").year == 713  # the printed span's own row, as before
    assert not [r for r in rows if r.text.startswith("Shijianguo") and r.year is not None]
