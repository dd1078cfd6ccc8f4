"""A side entering a city is its capture; "passed the throne to X" / "was succeeded by X" are
X's enthronement (annotation guide, bench/gold/README.md, events section)."""

from __future__ import annotations

import pytest

from pipeline import api


def _rows(text: str, resources: api.Resources) -> list[tuple[str, str, str]]:
    return [(e.event_type, e.actor1, e.place)
            for e in api.process_text(text, "t", resources).events]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Tibetans entered Chang'an in 763.", ("capture_city", "Tibetans", "Chang'an")),
    ("In 1127 the Jin army entered Kaifeng.", ("capture_city", "Jin", "Kaifeng")),
    ("In 1368 Xu Da's army entered Dadu.", ("capture_city", "Xu Da", "Beijing")),
    ("The Mongols entered the capital.", ("capture_city", "Mongol", "")),
    ("In 1646 the Qing army entered Fujian.", ("attack", "Qing", "Fujian")),  # a province
])
def test_a_side_entering_a_city_takes_it(text: str, expected: tuple[str, str, str],
                                         resources: api.Resources) -> None:
    assert expected in _rows(text, resources)


@pytest.mark.parametrize("text", [
    "Huan Wen entered Luoyang in 356.",  # a person: a movement
    "The Jin army entered the palace.",
    "The Song envoys entered the palace.",
])
def test_a_person_or_a_palace_entered_is_no_capture(text: str,
                                                      resources: api.Resources) -> None:
    assert all(t != "capture_city" for t, _, _ in _rows(text, resources))


@pytest.mark.parametrize(("text", "actor1"), [
    # the agent of a hostile event of the paragraph before
    ("In 1275 Bo Yan attacked Changzhou and stormed it. In 1276 Bo Yan entered Lin'an.",
     "Bo Yan"),
    # the city entered was attacked before, by another
    ("In 880 the rebels besieged Chang'an. In 881 Huang Chao entered Chang'an.",
     "Huang Chao"),
    # coordinated with leading a force, or with a hostile verb
    ("In 947 Zhang Yanze led the Khitan horsemen south and entered the capital.",
     "Zhang Yanze"),
    ("In 427 Xi Jin entered Chang'an and captured its governor.", "Xi Jin"),
])
def test_a_person_at_war_entering_a_city_takes_it(text: str, actor1: str,
                                                  resources: api.Resources) -> None:
    assert ("capture_city", actor1) in [(t, a) for t, a, _ in _rows(text, resources)]


@pytest.mark.parametrize("text", [
    "In 74 Pan Chao entered Kashgar.",  # no war told
    "In 880 Huang Chao attacked Tongguan. In 881 Huang Chao entered the palace.",  # no city
    "In 880 the rebels attacked Tongguan. In 881 Wang Wei entered Chang'an.",  # not at war
    "In 74 Pan Chao fought the Xiongnu. In 75 he entered Kashgar.",  # a pronoun: unnamed
])
def test_a_person_entering_a_city_without_war_moves(text: str,
                                                    resources: api.Resources) -> None:
    assert all(t != "capture_city" for t, _, _ in _rows(text, resources))


@pytest.mark.parametrize(("text", "actor1"), [
    ("In 1234 Jin Aizong passed the throne to Wanyan Chenglin.", "Wanyan Chenglin"),
    ("In 1796 the Qianlong Emperor handed the throne to his son Jiaqing.", "Jiaqing"),
    ("He died in 1433 and was succeeded by his son Le Thai Tong.", "Le Thai Tong"),
])
def test_the_successor_is_the_one_enthroned(text: str, actor1: str,
                                            resources: api.Resources) -> None:
    rows = [(t, a) for t, a, _ in _rows(text, resources) if t == "enthronement"]
    assert rows and all(a == actor1 for _, a in rows), rows


def test_an_abdication_without_a_successor_stays_one(resources: api.Resources) -> None:
    assert [t for t, _, _ in _rows("In 1125 Emperor Huizong abdicated.", resources)] == [
        "abdication"]


@pytest.mark.parametrize(("text", "actor2"), [
    ("In 383 the Jin court named Xie Shi grand commander.", "Xie Shi"),
    ("In 1402 the emperor named Xie Jin grand secretary.", "Xie Jin"),
    ("In 1283 the King named Tran Hung Dao commander-in-chief of the army.", "Tran Hung Dao"),
])
def test_named_to_a_rank_is_an_appointment(text: str, actor2: str,
                                           resources: api.Resources) -> None:
    rows = [(e.event_type, e.actor2) for e in api.process_text(text, "t", resources).events]
    assert ("appointment", actor2) in rows


@pytest.mark.parametrize("text", [
    "A general named Li Guang attacked the Xiongnu.",  # a name, no rank
    "In 1271 Kublai named his dynasty Yuan.",  # a thing named
    "In 1420 he named the city Beijing.",
    "The river was named Huai.",
])
def test_named_without_a_rank_is_no_appointment(text: str, resources: api.Resources) -> None:
    assert all(t != "appointment" for t, _, _ in _rows(text, resources))


@pytest.mark.parametrize("text", [
    "In 762 the rebel Shi Chaoyi talked the khan into invading China.",
    "In 1120 Wang Fu persuaded the emperor into attacking the Liao.",
])
def test_the_one_talked_into_an_act_does_it(text: str, resources: api.Resources) -> None:
    persuader = text.split(" the ")[0].split()[-1]  # "Chaoyi", "Fu"
    rows = [e for e in api.process_text(text, "t", resources).events
            if e.event_type == "attack"]
    assert rows and all(persuader not in e.actor1 for e in rows)


def test_a_subject_talked_into_nothing_keeps_its_act(resources: api.Resources) -> None:
    rows = api.process_text("In 1126 the Jin army broke into Kaifeng and burned the palace.",
                            "t", resources).events
    assert all(e.actor1 == "Jin" for e in rows if e.event_type == "destruction")


@pytest.mark.parametrize(("text", "place"), [
    ("The Liao besieged Yingzhou for ten days in 1004, and Xiao Talin took it.", "Yingzhou"),
    ("The Mongols besieged Xiangyang for five years. It fell in 1273.", "Xiangyang"),
])
def test_it_standing_for_a_place_is_the_place(text: str, place: str,
                                              resources: api.Resources) -> None:
    rows = [e for e in api.process_text(text, "t", resources).events
            if e.event_type == "capture_city"]
    assert rows and all((e.place, e.actor2) == (place, "") for e in rows), rows


def test_it_standing_for_an_army_stays_the_army(resources: api.Resources) -> None:
    rows = api.process_text("Wang Jian defeated the Chu army and captured it.", "t",
                            resources).events
    assert any(e.actor2 == "Chu" for e in rows if e.trigger == "captured")


def test_the_named_prefectures_are_no_actor(resources: api.Resources) -> None:
    rows = api.process_text("In 763 the Tibetans captured the prefectures of Lan, Kuo and Min.",
                            "t", resources).events
    assert [(e.actor1, e.actor2) for e in rows if e.event_type == "capture_city"] == [
        ("Tibetans", "")]


def test_the_owner_of_the_cities_stays_actor2(resources: api.Resources) -> None:
    rows = api.process_text("In 1127 the Jin captured the cities of the Song.", "t",
                            resources).events
    assert [(e.actor1, e.actor2) for e in rows if e.event_type == "capture_city"] == [
        ("Jin", "Song")]


def test_a_passive_clause_read_with_the_object_before_keeps_its_subject(
        resources: api.Resources) -> None:
    text = ("Early in 589 Jiankang fell to Yang Guang's army and the Chen emperor Chen Shubao "
            "was captured.")
    rows = [(e.event_type, e.actor2) for e in api.process_text(text, "t", resources).events
            if e.trigger == "captured"]
    assert rows == [("capture_person", "Chen Shubao")]
