"""Event years from the clause that owns the date (pipeline.events.when)."""

from __future__ import annotations

from pipeline.document import process_text


def test_participle_dates_its_noun(resources) -> None:  # noqa: ANN001
    text = ("After two sieges, in 1685 and 1686, the quarrel was settled by the treaty of "
            "Nerchinsk, signed on 7 September 1689.")
    events = process_text(text, "t", resources).events
    treaty = next(e for e in events if e.event_type == "treaty")
    assert (treaty.year, treaty.month, treaty.day) == (1689, 9, 7)


def test_founding_and_fall_of_a_dynasty_from_the_ruler_tables(resources) -> None:  # noqa: ANN001
    text = ("Originally, the establishment of the Tang Dynasty was the work of Li Shimin. "
            "After the fall of the Northern Song Dynasty, Zhao Gou fled south. "
            "He reestablished the Song Dynasty.")
    events = process_text(text, "t", resources).events
    est = next(e for e in events if e.trigger.startswith("establishment"))
    assert (est.year, est.certainty) == (618, "low")
    fall = next(e for e in events if e.event_type == "fall_of_state")
    assert fall.year == 1127
    again = [e for e in events if e.trigger.startswith("reestablished")]
    assert all(e.year != 960 for e in again)  # a re-founding is not the first founding


def test_a_date_of_the_text_near_the_fall_stays(resources) -> None:  # noqa: ANN001
    text = "In 1644 Li Zicheng took Beijing. The Ming fell."
    events = process_text(text, "t", resources).events
    fall = next(e for e in events if e.event_type == "fall_of_state")
    assert fall.year == 1644  # (the ruler tables run the Southern Ming to 1662)


def test_a_running_date_from_an_earlier_paragraph_does_not_date_a_founding(resources) -> None:  # noqa: ANN001,E501
    text = ("On July 2, 626, Li Shimin launched the Xuanwu Gate Incident.\n\n"
            "Originally, after the establishment of the Tang Dynasty, Li Shimin gathered many "
            "famous generals.")
    events = process_text(text, "t", resources).events
    est = next(e for e in events if e.trigger.startswith("establishment"))
    assert (est.year, est.certainty) == (618, "low")  # not the 626 of the paragraph before


def test_a_date_in_a_later_bracket_is_a_remark_not_the_events_date(resources) -> None:  # noqa: ANN001,E501
    text = ("In the spring the general captured Jinan (while under Hongwu's reign the city had "
            "been a prefecture).")
    events = process_text(text, "t", resources).events
    assert events and all(e.year is None for e in events)  # not Hongwu's 1368-1398


def test_a_present_perfect_under_since_takes_no_earlier_date(resources) -> None:  # noqa: ANN001,E501
    text = ("The governor, in the third year of Xianfeng, raised the militia in Hunan. He "
            "captured Wuchang, and since his march eastwards has passed through Susong and "
            "captured Anqing.")
    events = process_text(text, "t", resources).events
    first = next(e for e in events if "Wuchang" in e.text and e.trigger.startswith("captured"))
    assert first.year == 1853  # a simple past: the running date
    later = [e for e in events if e.start > text.index("since")]
    assert later and all(e.year is None for e in later)  # after 1853, up to the writing


def test_a_heading_founding_takes_the_reading_of_the_texts_time(resources) -> None:  # noqa: ANN001,E501
    # the heading stops the running date, but the name's reading is still chosen by the last
    # date before it: no state called Jin held the years around 698, so no year (not 1115)
    text = ("In May 696 the Khitan rose against the Zhou and took Yingzhou.\n\n"
            "Founding of Jin\n\n"
            "The Zhou general Li Kaigu pursued the refugees.")
    events = process_text(text, "t", resources).events
    founding = [e for e in events if e.trigger.startswith("Founding")]
    assert founding and all(e.year is None for e in founding)
    text = ("In 1126 the Jurchen army took Kaifeng.\n\n"
            "Founding of Jin\n\n"
            "Aguda had united the Jurchen tribes.")
    founding = [e for e in process_text(text, "t", resources).events
                if e.trigger.startswith("Founding")]
    assert founding and founding[0].year == 1115  # the Jin that held those years
