"""The event scorer's matching rules (bench/eval_events.py): types and person identity."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from pipeline.records import EventRow

_SPEC = importlib.util.spec_from_file_location(
    "eval_events", Path(__file__).resolve().parent.parent / "bench" / "eval_events.py")
assert _SPEC is not None and _SPEC.loader is not None
ev = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(ev)


def _row(actor1: str, polity: str = "", event_type: str = "death") -> EventRow:
    return EventRow(doc_id="d", event_id=1, sentence_id=0, start=0, end=4,
                    event_type=event_type, trigger="died", actor1=actor1, actor1_polity=polity)


def test_a_suicide_row_is_a_death_of_the_guide_and_back() -> None:
    assert ev._same_type("suicide", "death") and ev._same_type("death", "suicide")
    assert not ev._same_type("suicide", "execution")
    assert not ev._same_type("killing", "death")


def test_a_ruler_matches_under_his_personal_name() -> None:
    assert ev._actor_right(["Yuanhao", "Li Yuanhao"], _row("Emperor Jingzong of Western Xia"))
    assert not ev._actor_right(["Yuanhao"], _row("Emperor Jingzong of Liao"))


def test_words_of_the_name_and_the_polity_still_match() -> None:
    assert ev._actor_right(["Esen"], _row("Esen Tayisi"))
    assert ev._actor_right(["Jin"], _row("Wanyan Zongbi", "Jin"))
    assert not ev._actor_right(["Song"], _row("Wanyan Zongbi", "Jin"))


def test_a_polity_matches_under_a_name_polities_csv_gives_it() -> None:
    assert ev._actor_right(["Mongols", "Genghis Khan"], _row("Mongol", "Mongol"))
    assert ev._actor_right(["Uyghurs"], _row("Uyghur", "Uyghur"))
    assert not ev._actor_right(["Meng Tian"], _row("Mongol", "Mongol"))  # alias "Meng": whole
    assert not ev._actor_right(["Tang"], _row("Mongol", "Mongol"))
