"""A heading's own event is dated by the section under it (pipeline.events.horizon,
``Horizon.section``): "Landing at Rongcheng[edit]" above "On 18 January 1895 ..." is 1895, not
the 1894 of the section before; ``date_source`` ``section``, certainty low, a warning row.
Invented texts."""

from __future__ import annotations

from pipeline import api
from pipeline.events.horizon import Horizons
from pipeline.records import DateRow


def _date(text: str, word: str, year: int, kind: str = "gregorian") -> DateRow:
    at = text.index(word)
    return DateRow("", -1, at, at + len(word), word, kind, year=year)


def test_a_heading_sentence_gets_the_first_date_of_its_section() -> None:
    text = "In 904 Zhu Wen killed Zhaozong."
    head = "Killing the princes"
    body = "In 905 nine princes were strangled. In 906 more died."
    blocks = [(text, 0), (head, 33), (body, 54)]
    full = f"{text}\n\n{head}\n\n{body}"
    dates = [_date(full, "904", 904), _date(full, "905", 905), _date(full, "906", 906)]
    h = Horizons(blocks, [0, 33, 54, 90], [], dates)
    at = h.at(33, 33, 52)
    assert at.section is not None and at.section.year == 905 and at.section_end == 52
    assert h.at(54, 54, 89).section is None  # the section's own sentence: no heading


def test_no_section_date_when_the_first_sentence_prints_no_year() -> None:
    text = "In 904 Zhu Wen killed Zhaozong."
    head = "Killing the princes"
    body = "Nine princes were strangled. In 906 more died."
    full = f"{text}\n\n{head}\n\n{body}"
    dates = [_date(full, "904", 904), _date(full, "906", 906)]
    h = Horizons([(text, 0), (head, 33), (body, 54)], [0, 33, 54, 83], [], dates)
    assert h.at(33, 33, 52).section is None  # 906 is in the second sentence: no date
    dates = [_date(full, "904", 904), _date(full, "In 906", 906, "month")]
    h = Horizons([(text, 0), (head, 33), (body, 54)], [0, 33, 54, 83], [], dates)
    assert h.at(33, 33, 52).section is None  # a date printing no year dates no heading


def test_a_wiki_heading_event_takes_its_sections_year(resources: api.Resources) -> None:
    text = ("In November 1894 the Japanese took Port Arthur.\n\nLanding at Rongcheng[edit]\n\n"
            "On 18 January 1895 the cruisers bombarded Dengzhou.")
    result = api.process_text(text, "t", resources)
    (row,) = [e for e in result.events if e.trigger.startswith("Landing")]
    assert (row.year, row.date_source, row.certainty) == (1895, "section", "low")
    assert [w.code for w in result.warnings if w.start == row.start] == [
        "EVENT_YEAR_FROM_SECTION"]
    (took,) = [e for e in result.events if e.trigger == "took"]
    assert took.year == 1894 and took.date_source == "sentence"


def test_a_heading_run_into_its_first_sentence_dates_only_the_heading(
        resources: api.Resources) -> None:
    # the splitter joins "Aftermath[edit]" and the first line: the line's own events keep
    # the running date, they are no heading's
    text = ("In the eleventh month of 383 the Qin army broke at the Fei River.\n\n"
            "Aftermath[edit]\nThe defeat destroyed the prestige of Former Qin. Murong Chui "
            "rebelled in 384.")
    rows = api.process_text(text, "t", resources).events
    assert all(e.date_source != "section" for e in rows)
    (rebelled,) = [e for e in rows if e.trigger == "rebelled"]
    assert rebelled.year == 384


def test_a_heading_with_a_section_without_a_year_keeps_no_section_date(
        resources: api.Resources) -> None:
    text = ("In 904 Zhu Wen killed Zhaozong.\n\nKilling the princes\n\n"
            "Nine princes were strangled at the pond.")
    rows = api.process_text(text, "t", resources).events
    assert all(e.date_source != "section" for e in rows)
