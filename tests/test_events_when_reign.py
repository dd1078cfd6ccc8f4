"""An undated event "during his reign" takes the ruler's reign from the tables
(pipeline.events.when.reign); invented sentences in the style of encyclopedia pages."""

from __future__ import annotations

from pipeline import api
from pipeline.events.when.reign import reign_of, within_reign
from pipeline.records import EventRow
from pipeline.resources import active_gazetteer_dir


def test_a_ruler_known_by_his_only_era_or_by_the_ruler_tables_has_a_reign() -> None:
    d = active_gazetteer_dir()
    assert reign_of("Emperor Minh Mang", d) == (1820, 1840)  # the Minh Mạng era
    assert reign_of("Zhu Yuanzhang", d) == (1368, 1398)  # rulers.csv, personal name
    assert reign_of("Taizong", d) is None  # a temple name of many dynasties: no one reign
    assert reign_of("Wang Tsung", d) is None


def _row(i: int, text: str, trigger: str, actor1: str = "", year: int | None = None
         ) -> EventRow:
    return EventRow("t", i, 0, 0, len(text), "reform", trigger, actor1=actor1, text=text,
                    year=year, date_source="sentence" if year is not None else "")


def test_only_undated_rows_after_the_phrase_take_the_reign() -> None:
    text = "Gia Long united the country in 1802; during his reign, he reformed taxes and roads."
    rows = [_row(1, text, "united", "Gia Long", 1802), _row(2, text, "reformed", "Gia Long"),
            _row(3, text, "roads")]
    out = within_reign(rows, [0], [(text, 0)], active_gazetteer_dir())
    assert [(r.year, r.year_end, r.date_source) for r in out] == [
        (1802, None, "sentence"), (1802, 1819, "reign"), (1802, 1819, "reign")]
    assert out[1].certainty == "low" and out[1].date_precision == "range"


def test_no_phrase_or_two_rulers_give_no_year() -> None:
    text = "He reformed taxes while Gia Long and Minh Mang ruled; in his reign he built roads."
    two = [_row(1, text, "built", "Gia Long"), _row(2, text, "roads", "Minh Mang")]
    assert all(r.year is None for r in within_reign(two, [0], [(text, 0)],
                                                    active_gazetteer_dir()))
    plain = "Gia Long reformed taxes."
    one = [_row(1, plain, "reformed", "Gia Long")]
    assert within_reign(one, [0], [(plain, 0)], active_gazetteer_dir())[0].year is None


def test_during_his_reign_dates_the_rulers_undated_acts(resources: api.Resources) -> None:
    text = ("Emperor Minh Mang was born in 1791. During his reign, he made many reformations "
            "and built schools for the poor.")
    ev = {e.trigger: e for e in api.process_text(text, "t", resources).events}
    assert (ev["reformations"].year, ev["reformations"].year_end) == (1820, 1840)
    assert ev["reformations"].date_source == "reign"
    assert ev["was born"].year == 1791


def test_an_unknown_rulers_reign_gives_no_year(resources: api.Resources) -> None:
    text = "Wang Tsung was a rebel chief. During his reign, he built walls around the city."
    assert all(e.year is None for e in api.process_text(text, "t", resources).events)

