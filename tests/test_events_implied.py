"""Issue 8 item 2: the implied agent of agentless state acts ("X was appointed governor"):
the reigning ruler of the event's date, else the patient's polity, ``actor1_source=implied``,
``certainty=low``; a named agent always wins.

Invented sentences and rows; the ruler answers are the historical ones (紹興 and 建炎 are
Gaozong of Song's eras, 天會 Jin Taizong's until 1135, then Xizong's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import api
from pipeline.events.implied import implied_actor, load_implied_tables
from pipeline.events.lexicon import load_event_lexicon
from pipeline.gazetteer import GazetteerError
from pipeline.gazetteer_schema import SCHEMAS, check_cells
from pipeline.records import DateRow, EventRow

GAOZONG = {"Zhao Gou", "Emperor Gaozong of Song"}  # Song Gaozong, r. 1127-1162


def row(year: int | None = None, actor2: str = "Han Shizhong", polity: str = "Song",
        actor1: str = "", start: int = 100) -> EventRow:
    return EventRow("", 0, -1, start, start + 20, "appointment", "appointed", actor1=actor1,
                    actor1_source="named" if actor1 else "", actor2=actor2,
                    actor2_polity=polity, actor2_source="named" if actor2 else "", year=year,
                    certainty="high")


def era_date(era_zh: str, dynasty: str, year: int, start: int = 90) -> DateRow:
    return DateRow("", -1, start, start + 5, "x", "explicit", era_zh=era_zh, dynasty=dynasty,
                   year=year)


def fill(event: EventRow, date: DateRow | None = None, dates: tuple[DateRow, ...] = (),
         kind: str = "ruler") -> EventRow:
    return implied_actor(event, kind, date, dates, [d.start for d in dates], {})


def test_the_era_of_the_date_names_its_emperor() -> None:
    out = fill(row(1133), era_date("紹興", "Southern Song", 1133))
    assert out.actor1 in GAOZONG
    assert (out.actor1_source, out.certainty) == ("implied", "low")


def test_an_era_continued_after_its_ruler_died_takes_the_successor() -> None:
    jin = fill(row(1136, "Wanyan Zongbi", "Jin"), era_date("天會", "Jin", 1136))
    tables = load_implied_tables()
    xizong = next(r for r, _ in tables.reigns if r.dynasty == "Jin"
                  and r.name_zh.startswith("熙宗"))
    assert jin.actor1 == tables.names[xizong.ruler_id]


def test_a_western_year_takes_the_ruler_of_the_patients_polity() -> None:
    assert fill(row(1140)).actor1 in GAOZONG


def test_the_patients_polity_beats_an_era_of_another_dynasty() -> None:
    # a Jin general appointed in a year the text dates by a Song era: the Jin emperor
    out = fill(row(1133, "Wanyan Zongbi", "Jin"), era_date("紹興", "Southern Song", 1133))
    assert out.actor1 not in GAOZONG and out.actor1_polity == "Jin"


def test_the_running_era_names_the_ruler_when_the_polity_cannot() -> None:
    running = era_date("建炎", "Southern Song", 1127, start=10)
    out = fill(row(1130, "Someone", ""), DateRow("", -1, 90, 94, "1130", "gregorian",
                                                year=1130), (running,))
    assert out.actor1 in GAOZONG
    # a running era whose ruler no longer reigned in the event's year names no one
    assert fill(row(1170, "Someone", ""), None, (running,)).actor1 == ""


def test_no_date_takes_the_patients_polity_or_stays_blank() -> None:
    out = fill(row(None))
    assert (out.actor1, out.actor1_polity, out.actor1_source, out.certainty) == (
        "Song", "Song", "implied", "low")
    assert fill(row(None, polity="")) == row(None, polity="")
    assert fill(row(1140), kind="polity").actor1 == "Song"


def test_an_accession_year_is_no_guess_between_two_emperors() -> None:
    # 1127: Qinzong and Gaozong both reigned; no era, no running era: only the polity
    assert fill(row(1127)).actor1 == "Song"


def test_a_named_agent_or_no_implied_kind_leaves_the_row() -> None:
    named = row(1140, actor1="Qin Hui")
    assert fill(named) is named
    assert fill(row(1140), kind="") == row(1140)


def test_the_ruler_is_never_his_own_agent() -> None:
    deposed = row(1126, "Zhao Huan", "Song")  # Qinzong (r. 1125-1127) deposed
    assert fill(deposed, era_date("靖康", "Northern Song", 1126)) == deposed


def test_the_lexicon_reads_the_column() -> None:
    lex = load_event_lexicon()
    assert {r.implied_agent for r in lex.forms["appointed"]} == {"ruler"}
    assert {r.implied_agent for r in lex.forms["attacked"]} == {""}


def test_the_schema_rejects_an_unknown_implied_agent() -> None:
    schema = SCHEMAS["event_types.csv"]
    cells = ["appoint", "appointed", "appointment", "", "yes", "", "agent", "", "", "", "king", ""]
    with pytest.raises(GazetteerError, match="implied_agent"):
        check_cells(Path("event_types.csv"), 2, schema.columns, cells, schema)


@pytest.mark.parametrize(("text", "expected", "source"), [
    ("In the third year of Shaoxing, Han Shizhong was appointed military commissioner of "
     "Huaidong.", GAOZONG, "implied"),
    ("In 1140 Yue Fei was dismissed by Qin Hui.", {"Qin Hui"}, "named"),
])
def test_whole_chain(resources: api.Resources, text: str, expected: set[str],
                     source: str) -> None:
    events = [e for e in api.process_text(text, "t", resources).events
              if e.event_type in ("appointment", "dismissal")]
    assert len(events) == 1
    assert events[0].actor1 in expected and events[0].actor1_source == source
    if source == "implied":
        assert events[0].certainty == "low"


def test_a_gazetteer_without_rulers_implies_only_polities(tmp_path: Path) -> None:
    tables = load_implied_tables(tmp_path)
    assert tables.reigns == ()
    out = implied_actor(row(1140), "ruler", None, (), (), {}, tables)
    assert (out.actor1, out.actor1_source) == ("Song", "implied")


TITLE_LINE = "Emperor Xuanzong and Emperor Suzong of Tang\n\n"


@pytest.mark.parametrize(("body", "trigger", "expected"), [
    # 755 (Tianbao 14): Suzong, named last, was not yet emperor: the reigning one, Xuanzong
    ("In the fourteenth year of Tianbao, An Lushan rebelled at Fanyang. The emperor beheaded "
     "Feng Changqing.", "beheaded", "Li Longji"),
    # 757 (Zhide 2, Suzong's era): the title stays with the ruler named
    ("In the second year of Zhide, Guo Ziyi recovered Chang'an. The emperor returned to the "
     "capital.", "returned to", "Emperor Suzong of Tang"),
])
def test_the_emperor_is_the_one_reigning_at_the_events_date(
        resources: api.Resources, body: str, trigger: str, expected: str) -> None:
    events = [e for e in api.process_text(TITLE_LINE + body, "t", resources).events
              if e.trigger == trigger]
    assert [e.actor1 for e in events] == [expected]
