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
