"""The README's user guide: adding a person and a place to the gazetteer, then rerunning."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline import api

ROOT = Path(__file__).resolve().parent.parent
TEXT = ("In the second year of Tang Zhide, Zhang Xun held Suiyang (now Shangqiu, Henan) "
        "against the rebels. The rebels besieged Suiyang for months.")


def test_added_gazetteer_lines_are_used(tmp_path: Path) -> None:
    gazetteer = tmp_path / "gazetteer"
    shutil.copytree(ROOT / "gazetteer", gazetteer)
    with (gazetteer / "persons.csv").open("a", encoding="utf-8") as handle:
        handle.write("Zhang Xun,Zhang Xun|General Zhang,Tang,張巡,defender of Suiyang (757)\n")
    with (gazetteer / "places.csv").open("a", encoding="utf-8") as handle:
        handle.write("Suiyang,Suiyang|Suiyang City,睢陽,Shangqiu,Henan,,Tang city besieged 757\n")
    resources = api.load_resources(gazetteer_dir=gazetteer)
    result = api.process_text(TEXT, "guide", resources)
    tagged = {(e.text, e.label, e.source) for e in result.entities}
    assert ("Zhang Xun", "PERSON", "gazetteer") in tagged
    assert ("Suiyang", "PLACE", "gazetteer") in tagged
    (date,) = [d for d in result.dates if d.era]
    assert (date.era, date.year) == ("Zhide", 757)
    (place,) = [p for p in result.places if p.place == "Suiyang"]
    assert place.modern == "Shangqiu" and place.province == "Henan"
    assert 34 < place.latitude < 35 and 115 < place.longitude < 116
    sieges = [e for e in result.events if e.event_type == "siege"]
    assert sieges and sieges[0].place == "Suiyang" and sieges[0].year == 757
