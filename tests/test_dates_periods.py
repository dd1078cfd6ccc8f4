"""A dynasty or named period used as the date of an event: a low range of its years
(pipeline.dates.periods), never a running date, and dating only its own clause's event."""

from __future__ import annotations

from date_rows import resolved, row_at

from pipeline.calendar import LunarCalendar
from pipeline.document import process_text
from pipeline.eras import EraTable


def test_dynasty_and_named_periods_are_low_ranges(eras: EraTable,
                                                  calendar: LunarCalendar) -> None:
    text = ("In 951 he became emperor. Earlier he had served in the Later Han as a clerk. "
            "Under the Ming the town grew. During the Warring States period, Qin grew strong. "
            "The shrine was burned during the early Japanese colonial period.")
    rows, warnings = resolved(text, eras, calendar)
    han = row_at(rows, text, "Later Han")
    assert (han.kind, han.year, han.year_end, han.certainty) == ("period", 947, 950, "low")
    ming = row_at(rows, text, "Ming")
    assert ming.kind == "period" and ming.year == 1368 and ming.certainty == "low"
    ws = row_at(rows, text, "Warring States")
    assert (ws.year, ws.year_end) == (-474, -220)  # 475-221 BC, astronomical
    jp = row_at(rows, text, "early Japanese")
    assert (jp.year, jp.year_end) == (1895, 1911)  # the first third of 1895-1945
    assert sum(w.code == "DATE_APPROXIMATE" for w in warnings) == 4
    text = "In the Tang dynasty, trade grew. It grew during the Song dynasty as well."
    rows, _ = resolved(text, eras, calendar)
    assert [(r.text, r.year) for r in rows if r.kind == "period"] == [
        ("Tang dynasty", 618), ("Song dynasty", 960)]


def test_dynasty_as_attribute_is_no_date(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("He served in the Ming army. In the Song and Jin armies there were many horses. "
            "The Ming fleet sailed. Wu Jie, the commander of Qinfeng Road in the Song Dynasty, "
            "rode north. The river defenses in the Southern Song Dynasty were weak. A poet of "
            "the Ming Dynasty's court wrote.")
    rows, _ = resolved(text, eras, calendar)
    assert [r for r in rows if r.kind == "period"] == []


def test_ambiguous_dynasty_follows_the_documents_years(eras: EraTable,
                                                       calendar: LunarCalendar) -> None:
    text = "In 180 the court was weak. In the Later Han, eunuchs ruled."
    rows, _ = resolved(text, eras, calendar)
    han = row_at(rows, text, "Later Han")
    assert han.year is not None and han.year < 300  # Eastern Han, not the state of 947


def test_period_dates_its_own_clause_only(resources) -> None:  # noqa: ANN001
    text = ("In 1130, Wu Jie, the commander of Qinfeng Road in the Song Dynasty, defeated the "
            "Jin army at Heshangyuan. He rose to high position in the Later Han as a commissioner. "
            "He died.")
    events = process_text(text, "t", resources).events
    defeat = next(e for e in events if e.event_type == "defeat")
    assert defeat.year == 1130  # the sentence's own year, inside the dynasty's years
    office = next(e for e in events if e.trigger.startswith("rose"))
    assert (office.year, office.year_end, office.certainty) == (947, 950, "low")
    assert all(e.year != 947 for e in events if e.start > text.index("He died"))
