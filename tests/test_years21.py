"""s12 years21: back-matter headings, past-perfect background years, year headings over an
age phrase, printed ranges not capped (fresh16 findings 4, 6, 10, 12, 15)."""

from __future__ import annotations

from pipeline import api
from pipeline.events.habits import back_matter


def test_back_matter_headings_are_read() -> None:
    assert back_matter("Extended data:")
    assert back_matter("References[edit]")
    assert back_matter("Related posts:")
    assert not back_matter("The battle of Qishan")


def test_the_running_year_does_not_cross_a_back_matter_heading(resources) -> None:
    text = ("In 227 Wang Dao went to Hanzhong. In the next spring he attacked Qishan.\n\n"
            "Extended data:\n\nWang Dao was born in Yangdu.\n")
    out = api.process_text(text, "t", resources)
    born = next(e for e in out.events if e.event_type == "birth")
    assert born.year is None  # not the narrative's 228
    attack = next(e for e in out.events if e.trigger.startswith("attack"))
    assert attack.year == 228


def test_a_past_perfect_year_does_not_move_the_running_year(resources) -> None:
    text = ("In 1400 Ho Quy Ly founded the Ho dynasty and kept his court at Tay Do, the "
            "citadel he had built in Vinh Loc in 1397. At the end of the same year he gave "
            "the throne to his son.")
    dates = api.process_text(text, "t", resources).dates
    same = next(d for d in dates if d.text == "the same year")
    assert same.year == 1400
    assert next(d for d in dates if d.text == "1397").year == 1397  # its own row stays
    # a later year in a past-perfect clause is the narrative moving on: it moves the date
    text = "In 1400 he left. By 1405 he had built a citadel. In the same year he died."
    dates = api.process_text(text, "t", resources).dates
    assert next(d for d in dates if d.text == "the same year").year == 1405


def test_a_year_heading_dates_a_death_told_with_an_age(resources) -> None:
    text = ("THE TWELFTH YEAR OF JIAN'AN (207 AD)\n\nIn the eleventh month Cao Cao came to "
            "the Yi River.\n\nGuo Jia died of illness, aged thirty-eight.\n")
    out = api.process_text(text, "t", resources)
    death = next(e for e in out.events if e.event_type == "death")
    assert (death.year, death.certainty) == (207, "low")
    # without a year heading the age still blanks the running year
    text = ("In 207 Cao Cao came to the Yi River.\n\nGuo Jia died of illness, aged "
            "thirty-eight.\n")
    death = next(e for e in api.process_text(text, "t", resources).events
                 if e.event_type == "death")
    assert death.year is None


def test_a_printed_range_is_not_capped_to_its_section(resources) -> None:
    text = ("Bozhou rebellion\n\nRuins of Hailongtun\nDate1590–1600\nLocation\nBozhou\n\nThe "
            "Bozhou rebellion refers to the uprising led by Yang Yinglong against the Ming "
            "dynasty. In 1590 Yang Yinglong attacked Chongqing. In 1599 he burned Qijiang.\n\n"
            "The 1600 campaign\n\nIn 1600 Li Hualong attacked Hailongtun.\n")
    out = api.process_text(text, "t", resources)
    rising = next(e for e in out.events if e.trigger == "uprising")
    assert (rising.year, rising.year_end, rising.date_source) == (1590, 1600, "running")
    assert not any(w.code == "EVENT_YEAR_RANGE_CAPPED" for w in out.warnings)
