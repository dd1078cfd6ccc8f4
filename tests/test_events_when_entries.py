"""Dictionary entries whose headword the OCR garbled (pipeline.events.horizon): a numbered
paragraph that opens with a capitalised name, junk where the Chinese characters were, and a
life span or death date is an entry, so its events take no running date from the entry
before it. Invented entries in the style of OCR'd biographical dictionaries."""

from __future__ import annotations

from pipeline import api
from pipeline.events.horizon import Horizons
from pipeline.records import DateRow


def test_a_numbered_entry_with_a_garbled_headword_has_a_lead() -> None:
    text = "1202 Wang Tsung jf |I ^ (T. ^ i^). Died A.D. 918. He fought."
    at = text.index("A.D.")
    died = DateRow("", -1, at, at + 8, "A.D. 918", "aside", year=918)
    h = Horizons([(text, 0)], [0, 51], [], [died], {"died"})
    lead = h.at(51, 0).lead
    assert lead is not None and (lead.kind, lead.death.year, lead.headword) == (
        "death", 918, "Wang Tsung")
    assert h.at(51, 0).since == 5  # the entry is a wall for the running date
    span = "1203 Wang Yen f) |j| ^. A.D. 899-926. He fled."
    at = span.index("A.D.")
    life = DateRow("", -1, at, at + 12, "A.D. 899-926", "aside", year=899, year_end=926)
    lead = Horizons([(span, 0)], [0, 38], [], [life], {"died"}).at(38, 0).lead
    assert lead is not None and (lead.kind, lead.death.year) == ("span", 926)


def test_prose_after_a_number_is_no_entry() -> None:
    text = "1202 Wang Tsung was a general who fought the rebels. In 918 he died."
    at = text.index("918")
    d = DateRow("", -1, at, at + 3, "918", "gregorian", year=918)
    h = Horizons([(text, 0)], [0, 53], [], [d], {"died"})
    assert h.at(53, 0).lead is None and h.at(53, 0).since == 0


def test_a_garbled_entrys_death_takes_its_own_year(resources: api.Resources) -> None:
    text = ("1201 Wang Kuang f) || ^. Died A.D. 880. He rebelled in 875 and took the city.\n\n"
            "1202 Wang Tsung jf |I ^ (T. ^ i^). Died A.D. 918. Prince of Shu.")
    deaths = [e for e in api.process_text(text, "t", resources).events
              if e.event_type == "death"]
    assert [(e.trigger, e.year) for e in deaths][-1] == (
        "Died", 918)  # not the running 875 of the entry before


def test_an_unknown_era_beside_a_printed_year_keeps_the_running_year(
        resources: api.Resources) -> None:
    text = ("In the autumn of 1285, the 1st year of Trùng Hưng Khải Thánh, the Yuan army crossed "
            "the border. Tran Hung Dao defeated the Yuan army at Van Kiep.")
    ev = {e.trigger.lower(): e for e in api.process_text(text, "t", resources).events}
    assert ev["defeated"].year == 1285  # the unread era year glosses 1285: not a blank


def test_an_unknown_era_alone_still_blanks_the_running_year(resources: api.Resources) -> None:
    text = ("In 1280 the court moved south. In the 1st year of Trùng Hưng Khải Thánh, the Yuan "
            "army crossed the border. Tran Hung Dao defeated the Yuan army at Van Kiep.")
    ev = {e.trigger.lower(): e for e in api.process_text(text, "t", resources).events}
    assert ev["defeated"].year is None  # not the 1280 of the sentence before


def test_a_bare_year_outside_the_entrys_life_dates_no_event(resources: api.Resources) -> None:
    text = ("Li Conghou 李從厚. A.D. 914-934. He was made Prince of Song. In 983 he defeated "
            "the rebels at Weizhou. In 933 he ascended the throne.")
    ev = {e.trigger.lower(): e for e in api.process_text(text, "t", resources).events}
    assert ev["defeated"].year is None  # 983 (an OCR'd 933?) falls outside 914-934
    assert ev["ascended the throne"].year == 933  # inside the life: kept
