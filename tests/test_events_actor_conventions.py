"""Issue 8, actor1 on unseen text: the annotation conventions and salience rules of the
actor stage, on invented sentences.

* an enthronement's actor1 is the one enthroned, also when another "supported"/"set up" him;
* a state act's verb with no object and no subject of its own ("who was given the command,
  later promoted to governor") is a passive without its auxiliary: the agent is implied;
* an agentless appointment whose patient has no known polity takes the state the text is
  about (the polity it names most), and that state's ruler in the event's year;
* "he" after a coordinated subject of equal standing ("A, B and C launched ...") is the first
  conjunct; outside a coordination a tie still goes to the most recent.
"""

from __future__ import annotations

import pytest
from event_rows import events, one

from pipeline import api
from pipeline.events.implied import undergoer_frame
from pipeline.events.roles import Frame


@pytest.mark.parametrize("text, enthroned", [
    ("Li Gang, the prince of Qi, was supported by Han Qi as emperor in 1041.", "Li Gang"),
    ("The Jin set up Liu Yu as emperor in 1130.", "Liu Yu"),
])
def test_enthronement_actor1_is_the_one_enthroned(text: str, enthroned: str,
                                                  resources: api.Resources) -> None:
    row = one(text, resources, "enthronement")
    assert row.actor1 == enthroned


def test_undergoer_frame_leaves_other_types_alone(parser_nlp) -> None:
    doc = parser_nlp("Han Qi supported Li Gang.")
    frame = Frame(doc[2], doc[1], doc[4], False)
    assert undergoer_frame(frame, "attack") is frame
    swapped = undergoer_frame(frame, "enthronement")
    assert (swapped.agent.text, swapped.patient.text) == ("Gang", "Qi")
    assert undergoer_frame(Frame(doc[2], doc[1], None, False), "enthronement").agent.text \
        == "Qi"


def test_reduced_passive_of_a_state_act_is_no_agent(resources: api.Resources) -> None:
    text = ("The Ming ruled the north in 1460.\n\nWu Dong was first given the command of the "
            "guards, later promoted to governor, and was sent to Liaodong in 1467.\n")
    row = next(e for e in events(text, resources) if e.trigger.startswith("promoted"))
    assert row.actor1 != "Wu Dong" and row.actor2 == "Wu Dong"
    assert row.actor1_source == "implied" and row.certainty == "low"


def test_active_state_act_keeps_its_agent(resources: api.Resources) -> None:
    row = one("Zhang Jun promoted Yue Fei to general in 1133.", resources, "appointment")
    assert (row.actor1, row.actor2) == ("Zhang Jun", "Yue Fei")


def test_made_x_his_capital_is_no_reduced_passive(resources: api.Resources) -> None:
    text = "Liu Xiu took the throne at Hao in 25 and made Luoyang his capital."
    assert not [e for e in events(text, resources) if e.event_type == "appointment"]


def test_agentless_appointment_takes_the_state_of_the_text(resources: api.Resources) -> None:
    text = ("The Song court fought the Jin. The Song lost the war.\n\n"
            "In 1130 Wang Zhi was promoted to governor.\n")
    row = one(text, resources, "appointment")
    assert row.actor1_source == "implied" and row.certainty == "low"
    assert row.actor1 in ("Zhao Gou", "Emperor Gaozong of Song")  # Song's ruler in 1130


@pytest.mark.parametrize("names, first", [
    ("Wang Dao, Feng Yun and Li Heng", "Wang Dao"),
    ("Liu Qi and Han Shizhong", "Liu Qi"),
])
def test_he_after_a_coordinated_subject_is_its_first(names: str, first: str,
                                                     resources: api.Resources) -> None:
    text = (f"In 1843, {names} started a society of worship in Hua County. They learned "
            "some doctrines. The following spring, he went to Guangxi to preach.")
    row = one(text, resources, "movement")
    assert row.actor1 == first and row.actor1_source == "pronoun"


def test_birth_with_no_parsed_subject_takes_the_name_before_it(
        resources: api.Resources) -> None:
    text = ("Indeed, on the first day of the seventh month of the fourth year of Xianyong of "
            "Emperor Daozong of Liao Dynasty, Wanyan Aguda, Taizu of Jin Dynasty, was born.")
    row = one(text, resources, "birth")
    assert row.actor1 == "Wanyan Aguda" and row.certainty == "low"


def test_no_text_polity_when_two_states_tie(resources: api.Resources) -> None:
    text = ("The Qing fought the Taipings in 1864.\n\n"
            "In 1864 Wang Zhi was promoted to governor.\n")
    row = one(text, resources, "appointment")
    assert row.actor1 == ""  # a blank is better than the rebels' state


def test_bare_emperor_naming_no_one_is_the_reigning_ruler(resources: api.Resources) -> None:
    text = ("The Song dynasty faced the Jin in the north. The Song lost Kaifeng.\n\n"
            "In 1069 the emperor appointed Wang Anshi as chief councillor. In 1070 the emperor "
            "attacked the Jin.\n")
    rows = events(text, resources)
    shenzong = {"Emperor Shenzong of Song", "Zhao Xu"}  # Song Shenzong, r. 1067-1085
    appointment = next(e for e in rows if e.event_type == "appointment")
    assert appointment.actor1 in shenzong and appointment.actor1_source == "pronoun"
    assert appointment.certainty == "low"
    attack = next(e for e in rows if e.event_type == "attack")
    assert attack.actor1 in shenzong  # the text's state, never the patient's (Jin)


def test_bare_emperor_with_no_state_or_era_stays_blank(resources: api.Resources) -> None:
    row = one("In 1069 the emperor appointed Wang Anshi as chief councillor.", resources,
              "appointment")
    assert row.actor1 == ""


def test_trigger_modifying_the_object_of_a_support_verb(resources: api.Resources) -> None:
    text = ("Emperor Lizong of Song began his personal rule in 1233. He was determined to "
            "prosper, and took reform measures such as cutting taxes.")
    row = one(text, resources, "reform")
    assert row.actor1 == "Emperor Lizong of Song" and row.actor1_source == "pronoun"
