"""Gazetteer loading, validation errors and gloss-based disambiguation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.gazetteer import GazetteerError, default_gazetteer_dir, load_gazetteer

FILES = ("persons.csv", "places.csv", "polities.csv", "armies.csv", "entity_lexicon.csv",
         "polity_dynasties.csv",
         "name_romanizations.csv", "postal_places.csv", "person_years.csv")


def test_default_gazetteer_loads_all_labels(gaz):
    assert {e.label for e in gaz.entries} == {"PERSON", "PLACE", "POLITY", "ARMY"}
    assert all(e.alias.strip() == e.alias and e.alias for e in gaz.entries)
    assert all(e.source.split(":")[0] in FILES for e in gaz.entries)


@pytest.mark.parametrize(("alias", "label", "canonical"), [
    ("Jin", "POLITY", "Jin"),
    ("Jurchen", "POLITY", "Jurchen"),
    ("Western Xia", "POLITY", "Western Xia"),
    ("Song Gaozong", "PERSON", "Zhao Gou"),
    ("Kang Wang Zhaogou", "PERSON", "Zhao Gou"),
    ("Wuzhu", "PERSON", "Wanyan Zongbi"),
    ("Hailing Wang", "PERSON", "Wanyan Liang"),
    ("Jin Aizong", "PERSON", "Wanyan Shouxu"),
    ("Eight-Character Army", "ARMY", "Eight-Character Army"),
    ("Yellow River", "PLACE", "Yellow River"),
])
def test_aliases_resolve(gaz, alias, label, canonical):
    entry = gaz.resolve(alias)
    assert entry is not None
    assert (entry.label, entry.canonical) == (label, canonical)


@pytest.mark.parametrize(("alias", "gloss", "canonical", "modern"), [
    ("Tokyo", "now Kaifeng, Henan", "Kaifeng", "Kaifeng"),
    ("Tokyo", "", "Kaifeng", "Kaifeng"),
    ("Tokyo", "today's Liaoyang, Liaoning Province", "Liaoyang", "Liaoyang"),
    ("Nanjing", "now Lulong, Hebei", "Pingzhou", "Lulong"),
    ("Nanjing", "now south of Shangqiu, Henan Province", "Yingtianfu", "Shangqiu"),
    ("Nanjing", "now Kaifeng, Henan", "Kaifeng", "Kaifeng"),
    ("Nanjing", "", "Nanjing", "Nanjing"),
])
def test_context_dependent_names_follow_the_gloss(gaz, alias, gloss, canonical, modern):
    entry = gaz.resolve(alias, gloss)
    assert (entry.canonical, entry.modern) == (canonical, modern)


def test_context_only_reading_needs_its_gloss(gaz):
    # "Tang" is the dynasty unless glossed as the prefecture
    assert gaz.resolve("Tang").label == "POLITY"
    assert gaz.resolve("Tang", "present-day Tanghe, Henan").label == "PLACE"
    assert gaz.resolve("Su") is None


def test_lexicon_word_lists(gaz):
    assert "Emperor" in gaz.words("person_title")
    assert "Gaozong" in gaz.words("temple_name")
    assert "GPE=PLACE" in gaz.words("label_map")
    assert gaz.words("no_such_kind") == ()


def _copy(tmp_path: Path) -> Path:
    out = tmp_path / "gaz"
    out.mkdir()
    for path in default_gazetteer_dir().glob("*.csv"):  # every file is validated at load
        shutil.copy(path, out / path.name)
    return out


def test_missing_file_is_named(tmp_path):
    d = _copy(tmp_path)
    (d / "armies.csv").unlink()
    with pytest.raises(GazetteerError, match="armies.csv"):
        load_gazetteer(d)


def test_bad_header_names_file_and_line(tmp_path):
    d = _copy(tmp_path)
    text = (d / "polities.csv").read_text(encoding="utf-8").splitlines()
    text[0] = "name,aliases,zh,kind,note"
    (d / "polities.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"polities.csv:1: header"):
        load_gazetteer(d)


def test_short_row_names_file_and_line(tmp_path):
    d = _copy(tmp_path)
    with (d / "persons.csv").open("a", encoding="utf-8") as fh:
        fh.write("Broken Row,only two\n")
    n = len((d / "persons.csv").read_text(encoding="utf-8").splitlines())
    with pytest.raises(GazetteerError, match=rf"persons.csv:{n}: expected 5 columns"):
        load_gazetteer(d)


def test_unknown_lexicon_kind_is_an_error(tmp_path):
    d = _copy(tmp_path)
    with (d / "entity_lexicon.csv").open("a", encoding="utf-8") as fh:
        fh.write("colour,red,\n")
    with pytest.raises(GazetteerError, match=r"entity_lexicon.csv:\d+: unknown kind 'colour'"):
        load_gazetteer(d)


def test_gazetteer_error_is_a_value_error():
    assert issubclass(GazetteerError, ValueError)


def test_unambiguous_several_word_alias_needs_no_gloss(gaz):
    # "Liaoyang Prefecture" only ever names Liaoyang, so its context row applies without a
    # gloss; a one-word context-only alias ("Hai") still needs its gloss.
    assert gaz.resolve("Liaoyang Prefecture").canonical == "Liaoyang"
    assert gaz.resolve("Hai") is None or gaz.resolve("Hai").label != "PLACE"


def test_name_romanizations_rebuild_matches_committed():
    import importlib.util
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "build_romanizations", root / "scripts" / "build_romanizations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (root / "gazetteer" / "name_romanizations.csv").read_text(encoding="utf-8")
    assert module.build() == committed


def test_spellings_from_the_characters():
    import importlib.util
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "build_romanizations", root / "scripts" / "build_romanizations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    forms = module.spellings(["Yelü", "Dashi"], "耶律大石")
    assert {"Yelv Dashi", "Yelu Dashi", "Yeh-lü Ta-shih", "Yeh-lu Ta-shih"} <= set(forms)
    # the reading that spells the canonical name, and pypinyin's default reading (檜 gui/hui)
    assert {"Ch'in Hui", "Ch'in Kuei", "Chin Kuei"} <= set(module.spellings(["Qin", "Hui"],
                                                                            "秦檜"))
    assert {"K'ai-feng", "Kai-feng", "K'aifeng"} <= set(module.spellings(["Kaifeng"], "開封"))
    assert module.spellings(["Aguda"], "完顏阿骨打") == {}  # characters that do not spell it


@pytest.mark.parametrize(("alias", "label", "canonical"), [
    ("Ch'in Kuei", "PERSON", "Qin Hui"),
    ("Yüeh Fei", "PERSON", "Yue Fei"),
    ("Yueh Fei", "PERSON", "Yue Fei"),
    ("Yelv Dashi", "PERSON", "Yelü Dashi"),
    ("K'ai-feng", "PLACE", "Kaifeng"),
    ("Nvzhen", "POLITY", "Jurchen"),
    ("Nü-chen", "POLITY", "Jurchen"),
])
def test_derived_spellings_resolve(gaz, alias, label, canonical):
    entry = gaz.resolve(alias)
    assert entry is not None and (entry.label, entry.canonical) == (label, canonical)
    assert entry.source.startswith("name_romanizations.csv:")


def test_hand_kept_alias_wins_over_a_derived_spelling(gaz):
    # "Chin" is a hand-kept alias of the Jurchen Jin; WG "Chin" of 秦 (Qin) is not derived
    assert gaz.resolve("Chin").canonical == "Jin"
    assert all(e.source.startswith("polities.csv") for e in gaz.lookup("Chin"))


def test_polity_dynasties_rebuild_matches_committed():
    import importlib.util
    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "build_polities", root / "scripts" / "build_polities.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (root / "gazetteer" / "polity_dynasties.csv").read_text(encoding="utf-8")
    assert module.build() == committed


def test_every_polity_has_one_canonical_per_state(gaz):
    canon = {alias: gaz.resolve(alias).canonical for alias in
             ("Tang", "Later Tang", "Southern Tang", "Liang", "Later Liang", "Wei",
              "Northern Wei", "Cao Wei", "Han", "Later Han", "Northern Qi")}
    assert len(set(canon.values())) == len(canon)
