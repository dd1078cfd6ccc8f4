"""A dateline the parser ran into the next sentence ("1268 Feb (Bun'ei 5, 1st month)\\n...")
gives the time of the lines after it like a running date: the trigger's own printed year
comes first (:func:`pipeline.events.when.labels.on_dateline`)."""

from __future__ import annotations

from pipeline import api
from pipeline.events.when.labels import on_dateline


def test_the_own_year_beats_the_dateline_before_it(resources: api.Resources) -> None:
    text = ("Kublai's Letter\n1268 Feb (Bun'ei 5, 1st month)\nKublai Khan's first letter was "
            "turned back in 1267 by the envoys.\n")
    (row,) = [e for e in api.process_text(text, "t", resources).events
              if e.trigger == "turned back"]
    assert row.year == 1267


def test_a_dateline_still_dates_the_lines_after_it(resources: api.Resources) -> None:
    text = ("Kublai's Letter\n1268 Feb (Bun'ei 5, 1st month)\nThe Mongol army attacked the "
            "Dazaifu and burned the town.\n")
    rows = {e.trigger: e for e in api.process_text(text, "t", resources).events}
    assert rows["attacked"].year == 1268


def test_a_line_with_words_is_no_dateline() -> None:
    text = "In 1875 the road was opened\nacross the Gobi, and Liu stormed the forts."
    assert not on_dateline(text, 3, text.index("stormed"), [(3, 7)])
    line = "1268 Feb (Bun'ei 5, 1st month)\nThe army attacked."
    spans = [(0, 8), (10, 18), (20, 29)]
    assert on_dateline(line, 0, line.index("attacked"), spans)
