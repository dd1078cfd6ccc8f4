"""Army names of the gazetteer read only within the years of the army's polity
(:mod:`pipeline.entities.army_years`)."""

from __future__ import annotations

from pipeline import api
from pipeline.entities.army_years import army_spans
from pipeline.resources import active_gazetteer_dir


def _armies(resources: api.Resources, text: str) -> tuple[list[tuple[str, str]], list[str]]:
    result = api.process_text(text, "t", resources)
    rows = [(e.text, e.canonical) for e in result.entities if e.label == "ARMY"]
    return rows, [w.code for w in result.warnings]


def test_army_spans_from_the_polity_reigns() -> None:
    spans = army_spans(active_gazetteer_dir())
    lo, hi, polity = spans["East Route Army (Jin)"]
    assert polity == "Jin" and 1100 <= lo <= 1120 and 1230 <= hi <= 1240


def test_army_name_of_another_time_left_unlinked(resources: api.Resources) -> None:
    rows, codes = _armies(resources, "In 1281 the khan sent two fleets against Japan. The Eastern "
                                     "Route Army of 40,000 men sailed from Happo.")
    assert rows == [("Eastern Route Army", "Eastern Route Army")]
    assert "ARMY_OUT_OF_PERIOD" in codes


def test_army_name_in_its_own_time_kept(resources: api.Resources) -> None:
    rows, codes = _armies(resources, "In 1126 the Eastern Route Army crossed the Yellow River "
                                     "and besieged Kaifeng.")
    assert rows == [("Eastern Route Army", "East Route Army (Jin)")]
    assert "ARMY_OUT_OF_PERIOD" not in codes


def test_undated_army_name_kept(resources: api.Resources) -> None:
    rows, _ = _armies(resources, "The Eastern Route Army crossed the Yellow River.")
    assert rows == [("Eastern Route Army", "East Route Army (Jin)")]
