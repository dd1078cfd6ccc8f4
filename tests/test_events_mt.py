"""Machine-translated pages (:mod:`pipeline.events.mt`): the MT score, and comma-spliced
clauses sharing an agent, with invented sentences in the style of MT pages; and the near
misses the rule must leave alone (a Wikipedia-style text, an errand, a clause of its own)."""

from __future__ import annotations

import pytest
from event_rows import events

from pipeline import api
from pipeline.events.mt import SOURCE, is_machine_translated, mt_score

MT_TEXT = (
    "In the Shaoxing ten years (1140), Han Shizhong attacked first, more than three thousand "
    "bandits were killed, twenty ships were burned. Li Gang went to the court, he asked for "
    "more troops, the emperor did not agree. Han Shizhong was ordered to go to Zhenjiang, "
    "Liu Qi was appointed the governor of Shunchang.")
WIKI_TEXT = (
    "In 1140, after a long siege, Han Shizhong attacked the rebels near Zhenjiang. More than "
    "three thousand of them were killed, and twenty ships were burned. When Li Gang went to "
    "the court, he asked for more troops, but the emperor refused.")


def test_score_counts_splices_and_chinese_era_years() -> None:
    signals, sentences = mt_score(MT_TEXT)
    assert sentences == 3
    assert signals >= 5  # four splices and "Shaoxing ten years (1140)"
    assert is_machine_translated(MT_TEXT)


@pytest.mark.parametrize("text", [
    WIKI_TEXT,
    "After the battle, he returned to the capital. When the emperor died, his son succeeded.",
    "Yue Fei attacked, the city fell.",  # one splice is no MT page
])
def test_fluent_english_is_not_mt(text: str) -> None:
    assert not is_machine_translated(text)


def _by_type(text: str, resources: api.Resources) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in events(text, resources):
        out.setdefault(e.event_type, []).append(e)
    return out


def test_spliced_passives_take_the_agent_before(resources: api.Resources) -> None:
    rows = _by_type(MT_TEXT, resources)
    for kind in ("killing", "destruction"):
        row = rows[kind][0]
        # the general rule for a patientless attack (`side`, salience/sides.py) reaches the
        # same agent first where the attack is within its 250 characters; both are guesses
        assert (row.actor1, row.certainty) == ("Han Shizhong", "low")
        assert row.actor1_source in (SOURCE, "side")


def test_an_errand_gives_no_agent_to_an_appointment(resources: api.Resources) -> None:
    row = _by_type(MT_TEXT, resources)["appointment"][-1]
    assert row.actor2 == "Liu Qi" and row.actor1_source != SOURCE


def test_fluent_text_is_left_alone(resources: api.Resources) -> None:
    assert all(e.actor1_source != SOURCE for e in events(WIKI_TEXT, resources))


def test_an_active_clause_between_ends_the_run(resources: api.Resources) -> None:
    text = MT_TEXT.replace("attacked first, more", "attacked first, the rebels fled, more")
    assert is_machine_translated(text)
    rows = _by_type(text, resources)
    assert all(r.actor1_source != SOURCE for r in rows.get("killing", []))


RESULT_TEXT = (
    "In the Jingkang one years (1126), Taiyuan, Jin army attack broke, the prefect Wang "
    "Bing was killed. In the spring Zong Wang broke Kaifeng, the emperor was captured. Yue Fei "
    "broke the Jin army at Yancheng, he returned to Ezhou, the soldiers were rewarded.")
MOTION_TEXT = (
    "In the Shaoxing four years (1134), Yue Fei again into Xiangyang, the Jin army retreated, "
    "he recovered six prefectures. In the autumn Han Shizhong to Zhenjiang, he camped by the "
    "river, the soldiers were rewarded, the general did not rest. Wu Jie into Hanzhong.")


def test_verbless_motion_clause_is_a_movement(resources: api.Resources) -> None:
    assert is_machine_translated(MOTION_TEXT)
    moves = {e.actor1: e for e in events(MOTION_TEXT, resources)
             if e.event_type == "movement"}
    assert set(moves) >= {"Yue Fei", "Han Shizhong", "Wu Jie"}
    row = moves["Yue Fei"]
    assert (row.trigger, row.destination, row.year) == ("into", "Xiangyang", 1134)
    assert row.certainty != "high"  # a verb read into the text: a guess
    assert moves["Wu Jie"].destination == "Hanzhong"  # a sentence with no trigger word


@pytest.mark.parametrize("text", [
    # a verb between mover and place: the lexicon's own row, no second one
    MOTION_TEXT.replace("Yue Fei again into", "Yue Fei marched into"),
    # not the clause's opener: "to" after an object
    MOTION_TEXT.replace("Yue Fei again into Xiangyang", "the court sent gifts to Xiangyang"),
])
def test_no_verbless_motion_where_a_verb_stands(text: str, resources: api.Resources) -> None:
    rows = [e for e in events(text, resources) if e.event_type == "movement"
            and "Xiangyang" in (e.destination, e.place)]
    assert all(e.trigger not in ("into", "to") for e in rows)


def test_fluent_text_has_no_verbless_motion(resources: api.Resources) -> None:
    text = "Yue Fei to Xiangyang. " + WIKI_TEXT  # one such line in a fluent page: not MT
    assert all(e.trigger != "to" for e in events(text, resources))


def test_result_verb_compound_and_topic(resources: api.Resources) -> None:
    assert is_machine_translated(RESULT_TEXT)
    rows = _by_type(RESULT_TEXT, resources)
    taken = {e.trigger: e for e in rows["capture_city"]}
    compound = taken["attack broke"]  # one event, not an attack and a result
    assert (compound.actor1, compound.place) == ("Jin", "Taiyuan")  # the topic is the place
    assert compound.certainty != "high"
    assert taken["broke"].place == "Kaifeng"
    assert "attack" not in rows  # the compound replaced the attack trigger
    assert [e.actor2 for e in rows["defeat"] if e.trigger == "broke"] == ["Jin"]


def test_broke_out_is_no_result(resources: api.Resources) -> None:
    text = RESULT_TEXT + " In the autumn the rebellion broke out in Hebei, the Jin army fled."
    assert not [e for e in events(text, resources) if "Hebei" in e.text
                and e.event_type in ("capture_city", "defeat")]


def test_fronted_phrase_is_no_subject(resources: api.Resources) -> None:
    text = MT_TEXT + (" In the next year they led sixty ships and eight thousand soldiers, "
                      "from Liujiahe in Suzhou set off, passed Fujian and arrived at Quanzhou.")
    assert is_machine_translated(text)
    assert all(e.actor1 != "Liujiahe" for e in events(text, resources))


def test_a_by_agent_passes_on(resources: api.Resources) -> None:
    text = MT_TEXT + (" In the Shaoxing twelve years (1142) Yue Yun was captured by Qin Hui"
                      ", later he was exiled to Lingnan.")
    exiled = _by_type(text, resources)["exile"][0]
    assert (exiled.actor1, exiled.actor1_source) == ("Qin Hui", SOURCE)
