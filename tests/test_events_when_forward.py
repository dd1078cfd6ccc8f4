"""A relative date after the trigger that reaches past the running date ("the next winter")
dates no earlier clause: the clause keeps the running date (pipeline.events.when.forward);
a year opening a sentence before a comma and an article ("1279, the fleet ...") is a year;
"through 756" is a (weak) year preposition."""

from __future__ import annotations

from pipeline import api
from pipeline.events.when.forward import reaches_forward, steps_forward
from pipeline.records import DateRow


def _d(year: int | None, kind: str = "gregorian", year_end: int | None = None) -> DateRow:
    return DateRow("", -1, 0, 4, str(year), kind, year=year, year_end=year_end)


def test_a_later_relative_date_reaches_forward() -> None:
    assert reaches_forward(_d(1276, "relative"), _d(1275))
    assert reaches_forward(_d(1276, "relative"), _d(1274, year_end=1275))


def test_a_printed_or_same_year_date_does_not() -> None:
    assert not reaches_forward(_d(1276), _d(1275))  # a printed year: the clause's guess
    assert not reaches_forward(_d(1275, "relative"), _d(1275))  # "the same year"
    assert not reaches_forward(_d(1276, "relative"), None)  # nothing to count from
    assert not reaches_forward(_d(None, "relative"), _d(1275))


def _rows(text: str, resources: api.Resources) -> dict:
    return {e.trigger: e for e in api.process_text(text, "t", resources).events}


def test_the_clause_before_a_next_winter_keeps_the_running_year(
        resources: api.Resources) -> None:
    text = ("In 905 Abaoji met Li Keyong at Yunzhou. The two swore brotherhood and agreed to "
            "fight the Liang together the next winter.")
    (row,) = [e for e in _rows(text, resources).values() if e.event_type == "alliance"]
    assert (row.year, row.date_source) == (905, "running")


def test_a_year_opening_a_sentence_before_an_article_dates_it(
        resources: api.Resources) -> None:
    text = ("In 1278 the young emperor died at Gangzhou. 1279, the Song fleet was defeated "
            "at Yamen.")
    (row,) = [e for e in _rows(text, resources).values() if e.event_type == "defeat"]
    assert row.year == 1279


def test_through_a_year_dates_its_clause(resources: api.Resources) -> None:
    text = ("In January 757 the rebels took Suiyang. Zhang Xun had held Yongqiu against the "
            "rebels through 756.")
    (row,) = [e for e in _rows(text, resources).values() if e.event_type == "defence"]
    assert row.year == 756


def test_later_opening_the_sentence_is_told_as_later(resources: api.Resources) -> None:
    # the parser hangs "Later" on the subject noun: still the main clause's cue
    text = ("In 349 Shi Hu died. Later the Jie general Sun Fudu with three thousand soldiers "
            "attacked Shi Min again. In 351 Ran Min founded Wei.")
    (row,) = [e for e in _rows(text, resources).values() if e.event_type == "attack"]
    assert (row.year, row.year_end, row.certainty) == (349, 351, "low")
    text = ("In 349 Shi Hu died. Later the Jie general Sun Fudu with three thousand soldiers "
            "attacked Shi Min again.")
    (row,) = [e for e in _rows(text, resources).values() if e.event_type == "attack"]
    assert row.year is None  # no later year printed: a blank, not 349


def test_later_before_a_state_name_is_no_cue(resources: api.Resources) -> None:
    text = "In 923 the Later Tang was founded. Later Tang troops captured Kaifeng."
    (row,) = [e for e in _rows(text, resources).values() if e.event_type == "capture_city"]
    assert row.year == 923


def test_a_coordinated_verbs_next_year_steps_forward() -> None:
    before, nxt = DateRow("", -1, 3, 40, "496", "explicit", year=496), DateRow(
        "", -1, 136, 149, "the next year", "relative", year=497)
    assert steps_forward(nxt, [before, nxt], 96, None)  # "beat him ..., the next year ..."
    assert not steps_forward(nxt, [before, nxt], 140, None)  # the trigger after it
    assert not steps_forward(DateRow("", -1, 136, 140, "496", "gregorian", year=496),
                             [before], 96, None)


def test_the_verb_beside_a_later_clause_keeps_the_sentence_date(
        resources: api.Resources) -> None:
    text = ("In August of the twentieth year of Taihe (496) he fled north, but was caught, the "
            "emperor beat him and deposed him, the next year he was given death.")
    rows = _rows(text, resources)
    assert rows["beat"].year == 496
    assert rows["was given death"].year == 497


def test_a_number_opening_a_sentence_before_an_article_needs_a_running_year(
        resources: api.Resources) -> None:
    dates = api.process_text("200, the second section led the Jurchen to the top.", "t",
                             resources).dates
    assert all(d.year is None for d in dates)  # an episode number, no year 200


def test_later_in_a_heading_line_is_no_cue(resources: api.Resources) -> None:
    text = ("Later reign\nIn the eighteenth year of Kaihuang (598) Emperor Wen sent his son "
            "against Goguryeo; disease and floods destroyed most of the army.")
    (row,) = [e for e in _rows(text, resources).values() if e.trigger == "destroyed"]
    assert (row.year, row.year_end) == (598, None)
