"""Vietnamese names typed in VIQR (pipeline/entities/viqr.py): persons by surname, by title,
by a person gloss, and their repeats; places, Wade–Giles names and plain text untouched."""

from __future__ import annotations

from pipeline import api
from pipeline.entities.viqr import load_surnames, syllables, viqr_persons
from pipeline.gazetteer import load_gazetteer

_TITLES = frozenset({"king", "prince", "general", "crown prince"})


def _surnames() -> frozenset[str]:
    gaz = load_gazetteer()
    assert gaz.source_dir is not None
    return load_surnames(gaz.source_dir)


def _names(text: str, glosses: frozenset[int] = frozenset()) -> list[str]:
    return [written for _, _, _, written in viqr_persons(text, _surnames(), _TITLES, glosses)]


def test_syllables_drop_the_marks():
    assert syllables("Tra^`n-Hu+ng--Da.o") == ["tran", "hung", "dao"]
    assert syllables("DDinh-Bo^.-Li~nh") == ["dinh", "bo", "linh"]


def test_surname_led_names_are_persons_places_are_not():
    text = ("Le^-Lo+.i defeated the Ming army at Chi^-La(ng, and Nguye^~n-Tra~i wrote the "
            "proclamation. The fleet sank in the Ba.ch--Da(`ng River near Tha(ng-Long.")
    assert _names(text) == ["Le^-Lo+.i", "Nguye^~n-Tra~i"]


def test_title_gloss_and_repeats():
    text = ("Crown Prince Ba'-Nha^n (Baiyan) crossed the river, while O^-Ma~-Nhi (Omar) "
            "followed. Later Ba'-Nha^n fled, and O^-Ma~-Nhi was drowned.")
    gloss = frozenset({text.index("Omar")})
    assert _names(text, gloss) == ["Crown Prince Ba'-Nha^n", "O^-Ma~-Nhi", "Ba'-Nha^n",
                                   "O^-Ma~-Nhi"]


def test_wade_giles_and_plain_names_untouched():
    text = "Li Wen-ch'eng fled to Ho-nan; Tran Hung Dao and Le Loi are written without marks."
    assert _names(text) == []


def test_viqr_subject_is_actor_across_paragraphs(resources: api.Resources):
    text = ("In 1287 the Mongol prince Thoa^'t-Hoan invaded again, and General Toa-Do^ "
            "marched from the south.\n\nIn 1288 Thoa^'t-Hoan retreated to the north.")
    result = api.process_text(text, "t", resources)
    persons = {e.canonical for e in result.entities if e.label == "PERSON"}
    assert {"Toa-Do^", "Thoa^'t-Hoan"} <= persons
    retreat = [e for e in result.events if e.event_type == "retreat"]
    assert retreat and retreat[0].actor1 == "Thoa^'t-Hoan"


def test_title_names_a_person_of_an_earlier_paragraph(resources: api.Resources):
    text = ("In 1428 King Le^-Lo+.i refused the Ming demands.\n\n"
            "The Ming army crossed the border in 1429.\n\n"
            "The King fled to the mountains in 1429.")
    result = api.process_text(text, "t", resources)
    flight = [e for e in result.events if e.event_type == "flight"]
    assert flight and flight[0].actor1 == "Le^-Lo+.i"
    assert flight[0].actor1_source == "pronoun"
