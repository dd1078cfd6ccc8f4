"""Issue 8, actor1 on unseen pages: anaphors resolved by salience (role, distance, the entry's
headword), subjectless sentences of dictionary entries.

Invented sentences; entities given by hand; the session's model parses the trigger sentences."""

from __future__ import annotations

from test_events_campaign import ents, run, run_paragraphs

from pipeline import api
from pipeline.events.mentions import entry_topic, surface_mentions
from pipeline.records import EntityRow, EventRow

PEOPLE = [("Zhang Jun", "PERSON", "Zhang Jun"), ("Zhang Xian", "PERSON", "Zhang Xian"),
          ("Dengzhou", "PLACE", "Dengzhou"), ("Zhu Wen", "PERSON", "Zhu Wen"),
          ("Li Keyong", "PERSON", "Li Keyong"), ("Luzhou", "PLACE", "Luzhou")]


def actor1(events: list[EventRow], kind: str) -> list[tuple[str, str]]:
    return [(e.actor1, e.actor1_source) for e in events if e.event_type == kind]


def test_he_prefers_the_subject_to_a_name_inside_an_of_phrase(
        resources: api.Resources) -> None:
    ev = run(resources, "Zhang Jun was a son of Zhang Xian. He attacked Dengzhou.", PEOPLE)
    assert actor1(ev, "attack") == [("Zhang Jun", "pronoun")]


def test_he_prefers_the_subject_to_the_agent_of_a_by_phrase(resources: api.Resources) -> None:
    ev = run(resources, "Li Keyong was praised by Zhu Wen for his courage. "
                        "Later he attacked Luzhou.", PEOPLE)
    assert actor1(ev, "attack") == [("Li Keyong", "pronoun")]


def test_recency_still_wins_over_an_old_subject(resources: api.Resources) -> None:
    ev = run(resources, "Zhang Jun was a son of Zhang Xian. Many years later, Li Keyong "
                        "served the court. He attacked Dengzhou.", PEOPLE)
    assert actor1(ev, "attack") == [("Li Keyong", "pronoun")]


def test_he_after_a_coordinated_subject_is_its_first_member(resources: api.Resources) -> None:
    spec = [("Hong Xiuquan", "PERSON", "Hong Xiuquan"), ("Feng Yunshan", "PERSON", "Feng Yunshan"),
            ("Hong Rengan", "PERSON", "Hong Rengan"), ("Guangxi", "PLACE", "Guangxi")]
    ev = run(resources, "Hong Xiuquan, Feng Yunshan and Hong Rengan read the tracts together. "
                        "The next spring he went to Guangxi.", spec)
    assert actor1(ev, "movement") == [("Hong Xiuquan", "pronoun")]


ENTRY = [("Li Conghou", "PERSON", "Li Conghou"), ("Li Siyuan", "PERSON", "Li Siyuan"),
         ("Li Congke", "PERSON", "Li Congke"), ("Shi Jingtang", "PERSON", "Shi Jingtang")]


def test_a_dictionary_entry_is_about_its_headword(resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "1222 Li Conghou 李從厚. Died A.D. 934. Son of Li Siyuan, and third Emperor, to "
        "the throne of which he had just succeeded when he was assassinated by Li Congke.",
        "1223 Li Congke 李從珂. A.D. 892-936. Adopted son of Li Conghou, whom he "
        "assassinated in 934. Being besieged in his capital by an army under Shi Jingtang, he "
        "set fire to his palace and perished in the flames."], ENTRY)
    assert actor1(ev, "death") == [("Li Conghou", "pronoun"), ("Li Congke", "pronoun")]
    killings = [(e.actor1, e.actor2) for e in ev if e.event_type == "killing"]
    assert killings[0] == ("Li Congke", "Li Conghou")  # "he" of the entry, not its father
    assert killings[1][0] == "Li Congke"  # "whom he assassinated": the headword
    assert actor1(ev, "destruction") == [("Li Congke", "pronoun")]


def test_a_subjectless_sentence_without_a_headword_stays_blank(
        resources: api.Resources) -> None:
    ev = run(resources, "Li Congke attacked Luoyang in 936. Died in the flames.",
             ENTRY + [("Luoyang", "PLACE", "Luoyang")])
    assert actor1(ev, "death") in ([], [("", "")])


def test_entry_topic_reads_only_a_name_before_a_full_stop() -> None:
    def topic(text: str) -> str:
        found = entry_topic(text, 0, ents(text, ENTRY))
        return found.canonical if found else ""

    assert topic("1223 Li Congke 李從珂. A.D. 892-936. Adopted son.") == "Li Congke"
    assert topic("Li Congke (892 to 936). He was born in Taiyuan.") == "Li Congke"
    assert topic("Li Congke") == "Li Congke"  # a heading
    assert topic("Li Congke attacked Luoyang.") == ""
    assert topic("In 934 Li Congke rebelled.") == ""


def test_surface_roles() -> None:
    text = "Zhang Jun, Li Keyong and Zhu Wen were sons of Zhang Xian; he met Li Congke."
    spec = PEOPLE + ENTRY
    roles = [(m.entity.canonical, m.role) for m in surface_mentions(
        text, 0, [e for e in ents(text, spec) if e.label == "PERSON"], [0])]
    assert roles == [("Zhang Jun", "subject"), ("Li Keyong", "subject"), ("Zhu Wen", "subject"),
                     ("Zhang Xian", "embedded"), ("Li Congke", "object")]
    weights = [m.weight for m in surface_mentions(
        text, 0, [e for e in ents(text, spec) if e.label == "PERSON"], [0])]
    assert weights[0] > weights[1] == weights[2] > weights[3]


def test_entry_topic_ignores_other_labels() -> None:
    text = "Song. The dynasty fell."
    assert entry_topic(text, 0, [EntityRow("", -1, 0, 4, "Song", "POLITY", "Song", "g")]) is None


WAR = [("Yue Fei", "PERSON", "Yue Fei"), ("Jin", "POLITY", "Jin"),
       ("Xiangyang", "PLACE", "Xiangyang"), ("Wuzhu", "PERSON", "Wuzhu"),
       ("Song", "POLITY", "Song"), ("Shunchang", "PLACE", "Shunchang"),
       ("Li Gang", "PERSON", "Li Gang"), ("Qin Hui", "PERSON", "Qin Hui")]


def test_a_support_verb_gives_a_noun_trigger_its_agent(resources: api.Resources) -> None:
    ev = run(resources, "In 1134 Yue Fei effected the recovery of Xiangyang.", WAR)
    assert actor1(ev, "recovery") == [("Yue Fei", "named")]


def test_a_possessive_on_a_subject_names_the_leader(resources: api.Resources) -> None:
    ev = run(resources, "Yue Fei was a general of the Song. His army took Xiangyang.", WAR)
    assert actor1(ev, "capture_city") == [("Yue Fei", "pronoun")]


def test_the_leader_of_a_passive_agent_under_the_direction_of(resources: api.Resources) -> None:
    ev = run(resources, "Shunchang was besieged by a Jin army under the direction of Wuzhu.",
             WAR)
    assert actor1(ev, "siege") == [("Wuzhu", "named")]


def test_a_number_is_no_subject(resources: api.Resources) -> None:
    ev = run(resources, "In July, 1134, Yue Fei attacked Xiangyang.", WAR)
    assert actor1(ev, "attack") == [("Yue Fei", "named")]


def test_a_relative_pronoun_object_is_the_noun_it_follows(resources: api.Resources) -> None:
    ev = run(resources, "Li Gang opposed Qin Hui, whom Yue Fei attacked.", WAR)
    assert [(e.actor1, e.actor2) for e in ev if e.event_type == "attack"] == [
        ("Yue Fei", "Qin Hui")]


def test_an_unnamed_subject_keeps_a_later_he_blank(resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "Li Gang returned to court.",
        "The Grand Commissioner of the Armies, Zhongjie Fuwen, built war boats. He attacked "
        "Xiangyang."], WAR)
    assert actor1(ev, "attack") == [("", "")]


def test_a_chain_of_he_keeps_the_first_subject_salient(resources: api.Resources) -> None:
    spec = [("Hai Rui", "PERSON", "Hai Rui"), ("Ruxian", "PERSON", "Ruxian"),
            ("Gangfeng", "PERSON", "Gangfeng")]
    ev = run(resources, "Hai Rui was a famous official of the Ming. He came from Hainan. He "
                        "styled himself Ruxian, and called himself Gangfeng. He studied the "
                        "classics. He died of illness in Nanjing.", spec)
    assert actor1(ev, "death") == [("Hai Rui", "pronoun")]


def test_they_prefers_a_state_to_a_person(resources: api.Resources) -> None:
    spec = WAR + [("Gaozong", "PERSON", "Zhao Gou")]
    ev = run(resources, "Gaozong fled south and he sought peace. The Jin army defeated the Song "
                        "at Shunchang. Then they attacked Xiangyang.", spec)
    assert [e.actor1 for e in ev if e.event_type == "attack"] == ["Jin"]


def test_a_death_in_the_same_sentence_does_not_block_his(resources: api.Resources) -> None:
    ev = run(resources, "Li Gang returned. Yue Fei died in grief because his efforts to "
                        "attack Xiangyang failed.", WAR)
    assert [e.actor1 for e in ev if e.event_type == "attack"] in (["Yue Fei"], [])
    # ("Li Gang returned." is itself a movement; no later event is his)
    assert "Li Gang" not in [e.actor1 for e in ev if e.event_type != "movement"]


def test_the_last_subject_before_a_paragraph_beats_a_name_inside_a_phrase(
        resources: api.Resources) -> None:
    ev = run_paragraphs(resources, ["Wuzhu took Shunchang.",
                                    "After the death of the father of Li Gang, he attacked "
                                    "Xiangyang."], WAR)
    assert actor1(ev, "attack") == [("Wuzhu", "pronoun")]


def test_the_of_phrase_of_an_attack_noun_names_the_attacker(resources: api.Resources) -> None:
    spec = WAR + [("Mongols", "POLITY", "Mongol"), ("Taiyuan", "PLACE", "Taiyuan")]
    ev = run(resources, "The invasion of the Mongols ruined the north. The raids of the Jin "
                        "army on Taiyuan failed. The attack of Taiyuan by the Jin lasted a year.",
             spec)
    assert [(e.actor1, e.actor2) for e in ev if e.event_type == "attack"] == [
        ("Mongol", ""), ("Jin", ""), ("Jin", "")]
    assert [e.place for e in ev if e.event_type == "attack"][1:] == ["Taiyuan", "Taiyuan"]


def test_a_line_led_by_a_name_and_life_span_is_about_that_person(
        resources: api.Resources) -> None:
    spec = [("Zhang Jun", "PERSON", "Zhang Jun"), ("Zhang Xian", "PERSON", "Zhang Xian"),
            ("Li Keyong", "PERSON", "Li Keyong"), ("Dengzhou", "PLACE", "Dengzhou")]
    ev = run(resources, "The seismograph was lost.\nZhang Jun (78-139) was a scholar of "
                        "Dengzhou. One of the Five Saints, together with Zhang Xian and Li Keyong, "
                        "is called the Four Masters. He served as prefect in 115.", spec)
    assert actor1(ev, "office") == [("Zhang Jun", "pronoun")]


def test_lead_topic_needs_a_year_span_and_a_line_start() -> None:
    from pipeline.events.salience.heading import lead_topic
    spec = [("Zhang Jun", "PERSON", "Zhang Jun")]
    for text, want in (("Zhang Jun (78-139) was born in Dengzhou.", "Zhang Jun"),
                       ("Lost.\nZhang Jun (78–139) was born in Dengzhou.", "Zhang Jun"),
                       ("Zhang Jun (a scholar) was born in Dengzhou.", None),
                       ("In 80 Zhang Jun (78-139) was born in Dengzhou.", None)):
        found = lead_topic(text, 0, ents(text, spec))
        assert (found.canonical if found else None) == want, text
