"""Recall families of the s12 miss census (``bench/miss_census.py``): a state destroyed,
conquered or annexed is its fall and an army destroyed an annihilation; a leader sent "with"
a force, or a counted force sent, is an attack; on invented sentences and near misses."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import run


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Kaifeng", "PLACE", "Kaifeng"),
        ("Jin", "POLITY", "Jin"), ("Song", "POLITY", "Song"),
        ("Later Zhao", "POLITY", "Later Zhao"), ("Former Yan", "POLITY", "Former Yan"),
        ("Xiongnu", "POLITY", "Xiongnu")]


def _types(nlp: Language, text: str) -> list[str]:
    return [r.event_type for r in run(nlp, text, SPEC)]


@pytest.mark.parametrize("text,expected", [
    ("The Later Zhao was destroyed.", "fall_of_state"),
    ("Li Heng destroyed the Former Yan and killed its ruler.", "fall_of_state"),
    ("Li Heng conquered the Former Yan in 370.", "fall_of_state"),
    ("Li Heng annexed the Later Zhao.", "fall_of_state"),
    ("Li Heng destroyed the Song army at the river.", "annihilation"),
    ("His army was entirely destroyed.", "annihilation"),
])
def test_state_or_army_destroyed(nlp: Language, text: str, expected: str) -> None:
    assert expected in _types(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("The Jin destroyed Kaifeng.", "capture_city"),  # a city destroyed: its capture
    ("The rebels destroyed the temple.", "destruction"),
    ("Li Heng conquered Luoyang.", "capture_city"),
])
def test_place_destroyed_keeps_its_type(nlp: Language, text: str, expected: str) -> None:
    types = _types(nlp, text)
    assert expected in types and "fall_of_state" not in types


@pytest.mark.parametrize("text", [
    "The Jin sent Li Heng with 100,000 men.",
    "The Jin sent Li Heng with 100,000 men across the desert against the Xiongnu.",
    "The Jin sent Li Heng again with ten thousand horsemen.",
    "The Jin sent 300,000 men by land and sea in revenge.",
    "Li Heng then sent 305,000 picked men under Wang Dao.",
])
def test_force_sent_is_attack(nlp: Language, text: str) -> None:
    assert "attack" in _types(nlp, text)


@pytest.mark.parametrize("text", [
    "Li Heng sent two men to Luoyang.",  # messengers, not a force
    "The Jin sent envoys with tribute to the Song.",
    "Li Heng sent his son with a letter to the Song.",
    "The Jin sent Li Heng with 300 men.",  # an escort, fewer than FORCE_COUNT
])
def test_no_force_sent(nlp: Language, text: str) -> None:
    assert "attack" not in _types(nlp, text)


def test_with_of_the_agent_is_no_escort(nlp: Language) -> None:
    """"with" soldiers on a verb that sends no one is the agent's: no siege of an army."""
    assert "siege" not in _types(nlp, "Li Heng surrounded the factories with soldiers.")


def test_purpose_is_the_event(nlp: Language) -> None:
    """A force sent "to attack" is that attack; the sending stays an appointment."""
    rows = run(nlp, "The Jin sent Li Heng with 18,000 men to attack the Song.", SPEC)
    assert [(r.event_type, r.trigger) for r in rows if r.event_type == "attack"] == [
        ("attack", "attack")]


JOIN_SPEC = SPEC + [("Lulin army", "ARMY", "Lulin army"), ("Eastern Army", "ARMY", "Eastern Army"),
                    ("Jiangnan Army", "ARMY", "Jiangnan Army")]


@pytest.mark.parametrize("text", [
    "Li Heng and his brother joined the rebel army.",
    "Li Heng raised troops and joined the Lulin army.",
    "At Luoyang he joined Wang Dao's 3,000 men.",
    "The chief Li Heng joined the Song.",
    "Li Heng joined the rebels.",
    "The tribes, who had sided with the Jin, fled.",
])
def test_joined_a_side_is_alliance(nlp: Language, text: str) -> None:
    assert "alliance" in [r.event_type for r in run(nlp, text, JOIN_SPEC)]


@pytest.mark.parametrize("text", [
    "He joined the Hanlin Academy.",
    "Li Heng joined the court as a secretary.",
    "The two rivers joined at Luoyang.",
    "The Jiangnan Army sailed from Ningbo and joined the Eastern Army off Hirado.",
    "His troops joined the Song army at Luoyang.",
])
def test_no_alliance(nlp: Language, text: str) -> None:
    assert "alliance" not in [r.event_type for r in run(nlp, text, JOIN_SPEC)]


def test_force_joining_force_is_movement(nlp: Language) -> None:
    rows = run(nlp, "The Jiangnan Army sailed from Ningbo and joined the Eastern Army.", JOIN_SPEC)
    assert ("movement", "joined") in [(r.event_type, r.trigger) for r in rows]


SHIP_SPEC = SPEC + [("Laiyuan", "PERSON", "Laiyuan")]  # a ship name the tagger takes for a man


@pytest.mark.parametrize("text,expected", [
    ("Li Heng sank the cruiser Laiyuan.", "destruction"),  # the kind before the name
    ("The cruiser Laiyuan was sunk by gunfire.", "destruction"),
    ("Li Heng attacked the convoy and sank or captured most of the boats.", "destruction"),
    ("The Jin surrounded and captured Luoyang.", "siege"),  # the shared object: a city
])
def test_object_before_a_name_or_shared(nlp: Language, text: str, expected: str) -> None:
    assert expected in [r.event_type for r in run(nlp, text, SHIP_SPEC)]


@pytest.mark.parametrize("text", [
    "Li Heng sank Wang Dao.",  # a person, not a ship
    "Li Heng sank and Wang Dao captured most of the boats.",  # the second verb's own subject
])
def test_no_ship_sunk(nlp: Language, text: str) -> None:
    assert "destruction" not in [r.event_type for r in run(nlp, text, SHIP_SPEC)]


def test_state_destroyed_is_dated_by_its_own_end(resources: object) -> None:
    """The fall of the state a transitive verb destroys takes that state's last year from the
    ruler tables, not the subject's ("the Jin destroyed the Liao": 1125, not the Jin's 1234)."""
    from pipeline import api

    result = api.process_text("After the Jin destroyed the Liao, it turned on the Song.", "t",
                              resources)  # type: ignore[arg-type]
    (row,) = [e for e in result.events if e.event_type == "fall_of_state"]
    assert (row.year, row.date_text) == (1125, "Liao")


@pytest.mark.parametrize("text,expected", [
    ("In the prefectures the people rose and killed the Jin officials.", "rebellion"),
    ("Li Heng rose, stormed Luoyang and killed Wang Dao.", "rebellion"),
    ("Li Heng died, and the ten-year-old Wang Dao succeeded.", "enthronement"),
    ("- 779: Wang Dao succeeds and moves the capital to Luoyang.", "enthronement"),
])
def test_bare_verb_is_its_event(nlp: Language, text: str, expected: str) -> None:
    assert expected in [r.event_type for r in run(nlp, text, SPEC)]


@pytest.mark.parametrize("text", [
    "Li Heng rose to high office.",
    "Li Heng rose early and went to court.",
    "Li Heng rose from his seat.",
    "The river rose.",
    "The people agreed to rise together in March.",
    "Li Heng succeeded in persuading the emperor.",
    "The plan succeeded.",
])
def test_verb_not_bare_is_no_event(nlp: Language, text: str) -> None:
    assert not [r for r in run(nlp, text, SPEC) if r.event_type in ("rebellion", "enthronement")]


@pytest.mark.parametrize("text,expected", [
    ("- 184: Li Heng rises in revolt at Luoyang.", ("rebellion", "rises in revolt")),
    ("- 794: his troops fall on the Jin army at the Iron Bridge.", ("attack", "fall on")),
])
def test_present_of_a_phrase_on_a_timeline(nlp: Language, text: str,
                                           expected: tuple[str, str]) -> None:
    assert expected in [(r.event_type, r.trigger) for r in run(nlp, text, JOIN_SPEC)]


def test_present_phrase_forms_are_derived() -> None:
    """The present of a phrase opened by a past form is derived, gated like one-word ones."""
    from pipeline.events import load_event_lexicon

    lex = load_event_lexicon()
    assert {"rises in revolt", "rise in revolt", "fall on"} <= lex.present
    assert "rose in revolt" not in lex.present


@pytest.mark.parametrize("text,expected", [
    ("In 1413 Li Heng gave him the title of Prince of Luoyang.", True),
    ("The emperor gave him the posthumous title Marquis Zhongwu.", True),
    ("The emperor gave him a hundred horses.", False),
    ("Li Heng gave a banquet for the envoys.", False),
])
def test_gave_a_title_is_an_appointment(nlp: Language, text: str, expected: bool) -> None:
    assert ("appointment" in [r.event_type for r in run(nlp, text, SPEC)]) is expected


@pytest.mark.parametrize("text,expected", [
    ("He distinguished himself in the fighting at Luoyang.", True),
    ("After three days' fighting, the Jin were left masters of the city.", True),
    ("Li Heng spent six years fighting the revolts of local lords.", True),
    ("The fighting men of the city went out.", False),  # a participle describing men
    ("In 1877 no fighting took place.", False),
    ("Li Heng avoided fighting.", False),
])
def test_fighting_is_a_battle(nlp: Language, text: str, expected: bool) -> None:
    assert ("battle" in [r.event_type for r in run(nlp, text, SPEC)]) is expected


def test_leader_of_a_force_sent_is_no_target(nlp: Language) -> None:
    """The one sent at the head of a force leads it: he is not the attack's actor2."""
    rows = run(nlp, "The Jin sent Li Heng with 100,000 men.", SPEC)
    assert [(r.event_type, r.actor1, r.actor2) for r in rows] == [("attack", "Jin", "")]
