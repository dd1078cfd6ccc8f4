"""The running date counted from the last dated event (pipeline.events.when.carry)."""

from __future__ import annotations

from pipeline.document import process_text


def test_an_age_after_the_events_date_is_no_running_date(resources) -> None:  # noqa: ANN001
    text = ("The king was born in 1600. He died on the tenth day of the third month of 1655 at "
            "the age of sixty. After his death, the ministers mourned.")
    events = process_text(text, "t", resources).events
    death = [e for e in events if e.trigger.startswith("death")]
    assert death and death[0].year == 1655  # not the age's 1659-1660


def test_a_birth_and_its_gloss_date_no_later_event(resources) -> None:  # noqa: ANN001
    text = ("Emperor Minh Mang was born in the lunar year of Tan Hoi (May 25th 1791 of the "
            "solar calendar). During his reign, he made many reforms, such as the "
            "establishment of provinces.")
    events = process_text(text, "t", resources).events
    later = [e for e in events if e.start > text.index("During")]
    assert later and all(e.year is None or (e.date_source, e.year, e.year_end) == (
        "reign", 1820, 1840) for e in later)  # not the birth's 1791 (his reign's years)


def test_a_main_later_date_stays_the_running_date(resources) -> None:  # noqa: ANN001
    text = ("In 1267 the builders broke ground at the capital, and in 1276 the walls stood "
            "complete. A park was built outside the city.")
    events = process_text(text, "t", resources).events
    park = [e for e in events if "built" in e.trigger]
    assert park and park[0].year == 1276


_INFOBOX = ("Chinese name\nHou Feng seismograph\nTime of invention\nYangjia Yuannian (A.D. "
            "132)\nuse\nGrasp the earthquake dynamics\nrecord\nRecords of the Later Han\n"
            "Zhang Heng (78- 139) was born in Nanyang. He successively served as Taishiling "
            "and Shizhong.")


def test_an_infobox_field_dates_no_birth_of_a_later_line(resources) -> None:  # noqa: ANN001
    events = process_text(_INFOBOX, "t", resources).events
    birth = [e for e in events if e.event_type == "birth"]
    assert birth and birth[0].year == 78  # the life span, not the field's 132
    served = [e for e in events if "served" in e.trigger]
    assert served and served[0].year is None  # 132 was before the life began: no year


def test_a_running_date_before_a_birth_on_a_span(resources) -> None:  # noqa: ANN001
    text = ("The city walls were finished in 1120. Yue Fei (1103-1142) was born in Tangyin. "
            "He joined the army and defeated the Jin.")
    events = process_text(text, "t", resources).events
    later = [e for e in events if e.start >= text.index("He joined")]
    assert later and all(e.year != 1120 for e in later)


def test_a_wiki_section_heading_is_no_wall(resources) -> None:  # noqa: ANN001
    text = ("Background[edit]\nIn the eighth month of 383 the Qin army marched south. Fu Rong "
            "took Shouyang in the tenth month.\n\nThe battle[edit]\nThe Jin court named Xie "
            "Shi commander. Zhu Xu, sent by Fu Jian as an envoy, told him to strike.\n\n"
            "Legacy of 1900[edit]\nThe court sent envoys to the north.\n")
    events = process_text(text, "t", resources).events
    sent = [e for e in events if e.trigger.startswith("sent") and e.start < text.index("Legacy")]
    assert sent and (sent[0].year, sent[0].certainty) == (383, "low")  # far: a guess
    later = [e for e in events if e.start > text.index("Legacy")]
    assert all(e.year != 383 for e in later)  # a heading with a number still walls
