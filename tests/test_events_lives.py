"""Years only from a person's life (pipeline.events.when.lives): a carried year outside the
actor's life is blank; a clause's own year and years inside the life stay."""

from __future__ import annotations

from pipeline.document import process_text
from pipeline.events.when.lives import outside_life, printed_lives, recorded_lives, within_lives
from pipeline.records import DateRow, EntityRow, EventRow
from pipeline.resources import active_gazetteer_dir


def _row(year: int, source: str, actor1: str = "", actor2: str = "") -> EventRow:
    return EventRow(doc_id="", event_id=0, sentence_id=0, start=0, end=1, event_type="attack",
                    trigger="x", actor1=actor1, actor2=actor2, year=year,
                    date_start=f"{year:04d}-01-01", date_source=source, date_precision="year",
                    time_precision=3, gregorian_year=year)


def test_a_carried_year_after_the_actors_death_is_blank() -> None:
    lives = {"Huang Chao": (835, 884)}
    row = _row(928, "running", actor1="Huang Chao")
    assert outside_life(row, lives)
    blank = within_lives([row], lives)[0]
    assert (blank.year, blank.date_start, blank.date_source, blank.time_precision) == (
        None, None, "", None)


def test_the_victims_life_bounds_too() -> None:
    assert outside_life(_row(928, "running", actor2="Huang Chao"), {"Huang Chao": (835, 884)})


def test_own_clause_years_and_years_inside_the_life_stay() -> None:
    lives = {"Huang Chao": (835, 884)}
    assert not outside_life(_row(928, "sentence", actor1="Huang Chao"), lives)  # printed
    assert not outside_life(_row(880, "running", actor1="Huang Chao"), lives)
    assert not outside_life(_row(885, "running", actor1="Huang Chao"), lives)  # (slack)
    assert not outside_life(_row(928, "running", actor1="Zhu Wen"), lives)  # life unknown


def _person(text: str, start: int) -> EntityRow:
    return EntityRow(doc_id="", sentence_id=0, start=start, end=start + len(text), text=text,
                     label="PERSON", canonical=text, source="gazetteer")


def _span(text: str, start: int, lo: int, hi: int) -> DateRow:
    return DateRow(doc_id="", sentence_id=0, start=start, end=start + len(text), text=text,
                   kind="aside", year=lo, year_end=hi)


def test_printed_spans_after_names() -> None:
    text = "Yue Fei (1103-1142) fought. Emperor Minh Mang (1820-1840) ruled. Xiaowen (r. 471-499)"
    a, b, c = text.index("1103"), text.index("1820"), text.index("471")
    lives = printed_lives(
        [_person("Yue Fei", 0), _person("Minh Mang", text.index("Minh")),
         _person("Xiaowen", text.index("Xiaowen"))],
        [_span("1103-1142", a, 1103, 1142), _span("1820-1840", b, 1820, 1840),
         _span("471-499", c, 471, 499)], [(text, 0)])
    assert lives == {"Yue Fei": (1103, 1142), "Minh Mang": (None, 1840)}
    # a ruler's title: maybe a reign, bounded from above only; "r.": a reign, no life


def test_in_a_text(resources) -> None:  # noqa: ANN001
    text = ("Yue Fei (1103-1142) was a general of the Southern Song. In 1140 he defeated the "
            "Jin army at Yancheng. In 1161 the Jin army crossed the Huai. Yue Fei captured "
            "the city.")
    years = {e.trigger.split()[0]: e.year for e in process_text(text, "t", resources).events}
    # 1140 in his life stays; 1161, after his death in 1142, is no year of his
    assert (years.get("defeated"), years.get("captured", 0)) == (1140, None)


def test_a_name_a_ruler_of_other_years_bore_gives_no_life() -> None:
    lives = recorded_lives(active_gazetteer_dir())
    assert "Sima Yi" not in lives  # 司馬懿 (179-251) and Emperor Fei of Jin 司馬奕 (r. 365-371)
    assert lives.get("Liu Bei") == (161, 223)  # his reign (221-223) lies inside his life


def test_a_short_span_after_a_name_is_a_tenure_not_a_life() -> None:
    text = "Commanders\nGeng Jingzhong (1674–76)\nShang Kexi (1604-1676)"
    a, b = text.index("1674"), text.index("1604")
    lives = printed_lives(
        [_person("Geng Jingzhong", text.index("Geng")), _person("Shang Kexi", text.index("Shang"))],
        [_span("1674–76", a, 1674, 1676), _span("1604-1676", b, 1604, 1676)], [(text, 0)])
    assert lives == {"Shang Kexi": (1604, 1676)}  # two years: a revolt's years, no life


def test_a_death_dated_in_its_own_clause_keeps_the_date_beside_an_age(resources) -> None:  # noqa: ANN001
    text = ("The Crown Prince came home in the 23rd year of King Injo (1645). The king received "
            "him coldly, and on the 26th day of the 4th month of the same year (21 May 1645) the "
            "Crown Prince died suddenly at the palace, at the age of thirty-four.")
    deaths = [e for e in process_text(text, "t", resources).events if e.event_type == "death"]
    assert [e.year for e in deaths] == [1645]


def test_a_death_with_an_age_after_another_clause_s_date_has_no_year(resources) -> None:  # noqa: ANN001
    text = "In 1127 the Jin took Kaifeng, and Huizong died in captivity at the age of 53."
    deaths = [e for e in process_text(text, "t", resources).events if e.event_type == "death"]
    assert deaths and all(e.year is None for e in deaths)  # 1127 is the fall of Kaifeng's
