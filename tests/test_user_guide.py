"""The README's user guide: adding a person and a place to the gazetteer, then rerunning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

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


@pytest.mark.parametrize(("encoding", "ending"), [
    ("utf-8", "\r\n"), ("utf-8-sig", "\r\n"), ("utf-16", "\n"), ("utf-16", "\r\n"),
    ("utf-8", "\r")])
def test_readme_recipe_slices_the_original_text(tmp_path: Path, resources: api.Resources,
                                                encoding: str, ending: str) -> None:
    """The README's recipe: open with the recorded encoding and newline=""; slice by offsets."""
    path = tmp_path / "texts" / "suiyang.txt"
    path.parent.mkdir()
    text = ("The siege\n\n" + TEXT.replace(". ", ".\n") + "\n").replace("\n", ending)
    path.write_bytes(text.encode(encoding))
    api.run([path.parent], tmp_path / "tables", resources=resources)

    docs = pd.read_csv(tmp_path / "tables" / "documents.csv",
                       keep_default_na=False).set_index("doc_id")
    entities = pd.read_csv(tmp_path / "tables" / "entities.csv", keep_default_na=False)
    sentences = pd.read_csv(tmp_path / "tables" / "sentences.csv", keep_default_na=False)
    assert len(entities) >= 3 and len(sentences) >= 3
    for table, exact in ((entities, True), (sentences, False)):
        for row in table.itertuples():
            doc = docs.loc[row.doc_id]
            with open(doc.path, encoding=doc.encoding, newline="") as handle:
                original = handle.read()
            piece = original[row.start:row.end]
            assert piece == row.text if exact else piece.split() == row.text.split()
