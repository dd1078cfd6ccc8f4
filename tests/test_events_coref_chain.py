"""Issue 8, actor1: pronouns and titles that must not take the wrong person (fresh10 findings
1, 6 and the withdrawal after a lost battle): binding in the pronoun chain, deaths that did not
happen or were told out of order, dynasty-qualified ruler titles, rulers taken off the throne.

Invented sentences in the style of real pages; entities given by hand."""

from __future__ import annotations

from test_events_campaign import run, run_paragraphs

from pipeline import api
from pipeline.events.salience.gender import mention_gender
from pipeline.records import EntityRow, EventRow


def actor1(events: list[EventRow], kind: str) -> list[str]:
    return [e.actor1 for e in events if e.event_type == kind]


def test_an_object_him_is_not_its_own_clause_subject(resources: api.Resources) -> None:
    spec = [("Huan Wen", "PERSON", "Huan Wen"), ("Fu Xiong", "PERSON", "Fu Xiong"),
            ("Bashang", "PLACE", "Bashang"), ("Bailu Plain", "PLACE", "Bailu Plain")]
    ev = run(resources, "Huan Wen advanced to camp at Bashang. The Qin Chancellor, Fu Xiong, "
                        "fought him at Bailu Plain, and Huan Wen lost more than ten thousand "
                        "men. He withdrew to the south.", spec)
    assert actor1(ev, "retreat") == ["Huan Wen"]


def test_a_death_undone_by_but_leaves_him_alive(resources: api.Resources) -> None:
    spec = [("Xu Da", "PERSON", "Xu Da"), ("Zhang Shicheng", "PERSON", "Zhang Shicheng"),
            ("Pingjiang", "PLACE", "Pingjiang"), ("Yingtian", "PLACE", "Yingtian")]
    ev = run(resources, "Xu Da besieged Pingjiang for ten months. Pingjiang was broken, "
                        "Zhang Shicheng hanged himself but was saved by an old soldier, and "
                        "was escorted to Yingtian. He did not speak, and finally he hanged "
                        "himself and died.", spec)
    assert actor1(ev, "suicide") == ["Zhang Shicheng", "Zhang Shicheng"]
    assert "Xu Da" not in actor1(ev, "death")


def test_a_person_dead_in_a_summary_acts_again_in_the_story(
        resources: api.Resources) -> None:
    spec = [("Xiang Yu", "PERSON", "Xiang Yu"), ("Guan Ying", "PERSON", "Guan Ying"),
            ("Yinling", "PLACE", "Yinling")]
    ev = run_paragraphs(resources, [
        "Xiang Yu was defeated and committed suicide on the bank of the Wu River.",
        "That night Xiang Yu broke through the encirclement and fled south. He lost his way "
        "near Yinling and was overtaken by the Han cavalry under Guan Ying. He fought on foot "
        "and killed hundreds of Han soldiers."], spec)
    assert actor1(ev, "battle") == ["Xiang Yu"]


def test_a_title_before_a_part_of_a_name_gives_no_gender() -> None:
    text = "Xiang Yu sang a farewell song to his consort Yu."
    at = text.rindex("Yu")
    part = EntityRow("", -1, at, at + 2, "Yu", "PERSON", "Xiang Yu", "gazetteer")
    assert mention_gender(text, 0, part) == ""
    whole = EntityRow("", -1, 0, 8, "Xiang Yu", "PERSON", "Xiang Yu", "gazetteer")
    assert mention_gender("the empress Xiang Yu", -12, whole) == "female"


def test_a_title_of_another_dynasty_is_not_the_last_emperor_named(
        resources: api.Resources) -> None:
    spec = [("Emperor Yang of Sui", "PERSON", "Emperor Yang of Sui"),
            ("Li Mi", "PERSON", "Li Mi"), ("Jiangdu", "PLACE", "Jiangdu")]
    ev = run(resources, "Emperor Yang of Sui fled to Jiangdu. Li Mi then went west and "
                        "submitted to the T^ang Emperor, who ennobled him as Duke of Hsing.",
             spec)
    assert [e.actor2 for e in ev if e.event_type == "surrender"] == [""]
    assert "Emperor Yang of Sui" not in actor1(ev, "appointment")


def test_a_title_of_the_same_dynasty_still_names_its_ruler(resources: api.Resources) -> None:
    spec = [("Emperor Yang of Sui", "PERSON", "Emperor Yang of Sui"),
            ("Li Mi", "PERSON", "Li Mi"), ("Jiangdu", "PLACE", "Jiangdu"),
            ("Luoyang", "PLACE", "Luoyang")]
    ev = run(resources, "Emperor Yang of Sui fled to Jiangdu. Li Mi attacked Luoyang. The "
                        "Sui emperor fled again.", spec)
    assert actor1(ev, "flight")[-1] == "Emperor Yang of Sui"


def test_an_exiled_puppet_no_longer_reigns(resources: api.Resources) -> None:
    spec = [("Li Chenghong", "PERSON", "Li Chenghong"), ("Huazhou", "PLACE", "Huazhou"),
            ("Chang'an", "PLACE", "Chang'an"), ("Gao Hui", "PERSON", "Gao Hui")]
    ev = run(resources, "Gao Hui set up Li Chenghong as emperor. Li Chenghong was exiled to "
                        "Huazhou. In the twelfth month, the Emperor returned to Chang'an.",
             spec)
    assert "Li Chenghong" not in actor1(ev, "movement")


def test_a_paragraph_cut_by_a_page_keeps_its_he_blank(resources: api.Resources) -> None:
    spec = [("Huang Chao", "PERSON", "Huang Chao"), ("Luoyang", "PLACE", "Luoyang")]
    ev = run_paragraphs(resources, [
        "A Chinese Biographical Dictionary",
        "rebellion of Huang Chao, and second ruler of the Chin State. In 923 he attacked "
        "Luoyang."], spec)
    assert actor1(ev, "attack") == [""]
