"""s13 false rows: a wish ("wishing to escape") and a "going to" intention ("was going to
attack") govern no event (``irrealis`` cues of ``gazetteer/event_cues.csv``); a participant
negated by its own "not" ("Not one escaped") is nobody; plunder has no row (the annotation
guide: "casualty counts, plunder, gifts, marriages have no row"). The going and the flight
themselves, "went to attack" (an MT idiom for a deed done), "not only X but Y" stay events.

Invented sentences; the session's model parses."""

from __future__ import annotations

import pytest

from pipeline import api


def _rows(resources: api.Resources, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.trigger) for e in api.process_text(text, "t", resources).events]


def test_a_wish_is_no_event(resources: api.Resources) -> None:
    rows = _rows(resources, "In 311 the emperor fled through the park gate, wishing to escape "
                            "to Chang'an.")
    assert ("flight", "fled") in rows and ("flight", "escape") not in rows


@pytest.mark.parametrize("text, trigger", [
    ("In 207 Cao Cao was going to attack the Wuhuan.", "attack"),
    ("In 1884 the French troops going to take over Lang Son were shot by the Qing army.",
     "take over"),
])
def test_going_to_is_an_intention(resources: api.Resources, text: str, trigger: str) -> None:
    rows = _rows(resources, text)
    assert not [r for r in rows if r[1] == trigger], rows


@pytest.mark.parametrize("text, row", [
    ("In 200 Cao Cao went east to attack Liu Bei, and Liu Bei fled to Yuan Shao.",
     ("attack", "attack")),
    ("In 200, going north to Xuchang, Cao Cao attacked Liu Bei.", ("attack", "attacked")),
])
def test_a_going_stays(resources: api.Resources, text: str, row: tuple[str, str]) -> None:
    assert row in _rows(resources, text)


@pytest.mark.parametrize("text, negated", [
    ("In 311 the Jin army was surrounded at Ningping. Not one escaped.", True),
    ("In 311 the Jin army was surrounded at Ningping. Not only the soldiers but also the "
     "princes escaped.", False),
])
def test_a_participant_negated_by_its_own_not(resources: api.Resources, text: str,
                                              negated: bool) -> None:
    escaped = [r for r in _rows(resources, text) if r[1] == "escaped"]
    assert (not escaped) is negated, escaped


def test_plunder_has_no_row(resources: api.Resources) -> None:
    rows = _rows(resources, "In 757 the Uyghurs took Luoyang and plundered the city for three "
                            "days.")
    assert ("capture_city", "took") in rows
    assert not [r for r in rows if r[1] == "plundered"], rows


@pytest.mark.parametrize("text, row", [
    ("Guan Yu, who guarded Jing Province, was surrounded at Maicheng in 219.", None),
    ("Li Mu, a commander of Zhao, who for many years guarded the northern frontier, died in "
     "229 BC.", None),
    ("In 756 Zhang Xun guarded Suiyang.", ("garrison", "guarded")),
    ("In 756 the troops who were stationed at Tongguan fled.", ("garrison", "were stationed")),
])
def test_a_charge_told_in_a_relative_clause_is_no_event(resources: api.Resources, text: str,
                                                         row: tuple[str, str] | None) -> None:
    garrisons = [r for r in _rows(resources, text) if r[0] == "garrison"]
    assert garrisons == ([row] if row else []), garrisons


@pytest.mark.parametrize("text, kept", [
    ("In 1288 Tran Khanh Du attacked the grain convoy at Van Don and sank or captured most of "
     "the boats.", None),
    ("In 1895 the Japanese then turned the captured guns on the Chinese ships.", None),
    ("In 1895 the flotilla tried to break out; most of the boats were run ashore or captured.",
     None),
    ("In 1392 the salaries of Yun Hoe and others were seized to cover the expenses.", None),
    ("In 1127 the Jin captured the city of Kaifeng.", ("capture_city", "captured")),
    ("In 1281 Kawano Michiari boarded a Mongol ship and took a general prisoner.",
     ("capture_person", "took a general prisoner")),
    ("In 1254 Jalairtai's army carried off 206,800 captives.", ("capture_person", "carried off")),
])
def test_goods_taken_are_booty(resources: api.Resources, text: str,
                               kept: tuple[str, str] | None) -> None:
    takings = [r for r in _rows(resources, text) if r[0].startswith("capture")]
    assert takings == ([kept] if kept else []), takings


def test_boats_destroyed_stay(resources: api.Resources) -> None:
    assert ("destruction", "burned") in _rows(resources, "In 1288 the Vietnamese burned the "
                                                         "boats.")


@pytest.mark.parametrize("text, pact", [
    ("In 202 BC Liu Bang broke the treaty and pursued the retreating Chu army.", None),
    ("In 1881 the treaty was repudiated.", None),
    ("In May 1140 he tore up the peace treaty and attacked the Song.", None),
    ("In 1005 the Song and Liao signed the treaty at Chanyuan.", ("treaty", "signed the treaty")),
    ("In 1005 the treaty was concluded at Chanyuan.", ("treaty", "treaty")),
])
def test_a_pact_broken_is_no_pact(resources: api.Resources, text: str,
                                  pact: tuple[str, str] | None) -> None:
    pacts = [r for r in _rows(resources, text) if r[0] in ("treaty", "peace", "alliance")]
    assert pacts == ([pact] if pact else []), pacts


def test_war_still_breaks_out(resources: api.Resources) -> None:
    assert ("battle", "war broke out") in _rows(resources, "In 1140 war broke out again.")


@pytest.mark.parametrize("text, kept", [
    ("Battle of Yehuling\nStrength\tc. 90,000 cavalry\tc. 400,000\nCasualties and losses\t"
     "Light\tMost of the army destroyed\n\nIn 1211 the Mongols destroyed the Jin army at "
     "Yehuling.", [("annihilation", "destroyed")]),
    ("Battle of Bozhou\nCasualties and losses\n22,687 killed\n6,663 captured\nUnknown\n\n"
     "In 1600 Li Hualong captured Hailongtun.", [("capture_city", "captured")]),
    ("Strength failed him in 1127, and the Jin captured Kaifeng.",
     [("capture_city", "captured")]),
])
def test_an_infobox_tally_gives_no_row(resources: api.Resources, text: str,
                                       kept: list[tuple[str, str]]) -> None:
    rows = [r for r in _rows(resources, text) if r[0] != "battle_reference"]
    assert rows == kept, rows
