"""Session s7, coreference: gender agreement of person pronouns
(:mod:`pipeline.events.salience.gender`) and qualified titles tied to a person only by an
apposition or a copula (:mod:`pipeline.events.salience.titles`).

Invented sentences in the style of machine-translated pages; entities given by hand; the
session's model parses the trigger sentences."""

from __future__ import annotations

from test_events_campaign import run, run_paragraphs
from test_events_coref import actor1

from pipeline import api
from pipeline.events import extract_block_events
from pipeline.events.salience.gender import FEMALE, MALE, mention_gender, pronoun_gender
from pipeline.records import EntityRow

COURT = [("Empress Lu", "PERSON", "Empress Lu"), ("Chen Ping", "PERSON", "Chen Ping"),
         ("Liu Ying", "PERSON", "Liu Ying"), ("Zhou Bo", "PERSON", "Zhou Bo"),
         ("Lady Qi", "PERSON", "Lady Qi"), ("Changle", "PLACE", "Changle"),
         ("Liu Ru", "PERSON", "Liu Ru"), ("Han Xin", "PERSON", "Han Xin")]


def _entity(text: str, name: str) -> EntityRow:
    i = text.index(name)
    return EntityRow("", -1, i, i + len(name), name, "PERSON", name, "gazetteer")


def test_title_words_before_in_and_after_a_name_give_its_gender() -> None:
    text = "Her father Lu Gong was a merchant. The concubine Qi Ji wept. Wu Zhao: the only " \
           "female ruler. The mother of Emperor Hui died. Zhang Liang, the adviser, left."
    assert mention_gender(text, 0, _entity(text, "Lu Gong")) == MALE
    assert mention_gender(text, 0, _entity(text, "Qi Ji")) == FEMALE
    assert mention_gender(text, 0, _entity(text, "Wu Zhao")) == FEMALE
    # "the mother of X" says nothing of X: only X's own title counts
    assert mention_gender(text, 0, _entity(text, "Emperor Hui")) == MALE
    assert mention_gender(text, 0, _entity(text, "Zhang Liang")) == ""
    assert pronoun_gender("She") == FEMALE and pronoun_gender("his") == MALE
    assert pronoun_gender("they") == ""


def test_she_is_the_empress_not_the_minister_who_spoke_last(
        resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "Empress Lu ruled the court.",
        "Chen Ping persuaded her to spare the prince. In 188 she sent Liu Ying "
        "from Changle."], COURT)
    assert actor1(ev, "appointment") == [("Empress Lu", "pronoun")]


def test_he_is_never_a_woman(resources: api.Resources) -> None:
    ev = run(resources, "Lady Qi wept before Zhou Bo. Then he killed Liu Ru.", COURT)
    assert actor1(ev, "killing") == [("Zhou Bo", "pronoun")]


def test_she_with_no_woman_named_may_still_be_an_unmarked_person(
        resources: api.Resources) -> None:
    ev = run(resources, "Liu Ying rose early. In 190 she killed Liu Ru.", COURT)
    assert actor1(ev, "killing") == [("Liu Ying", "pronoun")]


def test_she_is_never_a_man(resources: api.Resources) -> None:
    ev = run(resources, "His brother Han Xin rose early. In 190 she killed Liu Ru.", COURT)
    assert actor1(ev, "killing") != [("Han Xin", "pronoun")]


def test_a_title_written_after_someone_elses_office_is_not_theirs(
        resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "Liu Ying wanted to make Chen Ping the chancellor, the Empress Dowager was angry.",
        "The Empress Dowager sent Zhou Bo to Changle."], COURT)
    assert actor1(ev, "appointment") == [("Empress Dowager", "group")]


def test_two_styled_kings_are_two_people(resources: api.Resources) -> None:
    spec = [("East King", "PERSON", "East King"), ("Zhou Bo", "PERSON", "Zhou Bo")]
    ev = run(resources, "The East King and the West King were fighting each other, the West "
                        "King killed Zhou Bo.", spec)
    assert actor1(ev, "killing") == [("West King", "group")]


def test_an_era_name_before_a_lower_case_emperor_is_that_eras_emperor(
        resources: api.Resources) -> None:
    spec = [("Zheng He", "PERSON", "Zheng He"), ("Nanjing", "PLACE", "Nanjing")]
    ev = run(resources, "In 1430 the Xuande emperor sent Zheng He to Nanjing.", spec)
    assert actor1(ev, "appointment") == [("Xuande Emperor", "named")]
    ev = run(resources, "In 1430 the Kaifeng emperor sent Zheng He to Nanjing.", spec)
    assert actor1(ev, "appointment") != [("Xuande Emperor", "named")]


def test_the_imperial_carriage_of_an_emperors_annals_is_that_emperor(
        resources: api.Resources) -> None:
    spec = [("Taizong", "PERSON", "Taizong"), ("Chang", "PERSON", "Chang"),
            ("Dingzhou", "PLACE", "Dingzhou"), ("Kaesomun", "PERSON", "Kaesomun")]
    ev = run_paragraphs(resources, [
        "Old Book of Tang, Basic Annals 3: Taizong (part 2)",
        "In the eleventh month Kaesomun set up Chang as king.",
        "In the third month the imperial carriage reached Dingzhou."], spec)
    assert actor1(ev, "movement") == [("Taizong", "pronoun")]
    assert actor1(ev, "enthronement") != [("Taizong", "pronoun")]
    ev = run_paragraphs(resources, [
        "Old Book of Tang, Basic Annals 3: Taizong (part 2)",
        "On dingwei the carriage set out from Dingzhou; on bingchen it arrived before Ansi."],
        [*spec, ("Ansi", "PLACE", "Ansi")])
    assert actor1(ev, "movement") == [("Taizong", "pronoun"), ("Taizong", "pronoun")]


def test_a_carriage_with_an_owner_is_no_emperor(resources: api.Resources) -> None:
    spec = [("Taizong", "PERSON", "Taizong"), ("Zhang Liang", "PERSON", "Zhang Liang"),
            ("Dingzhou", "PLACE", "Dingzhou")]
    ev = run_paragraphs(resources, [
        "Old Book of Tang, Basic Annals 3: Taizong (part 2)",
        "In the third month Zhang Liang's carriage reached Dingzhou."], spec)
    assert actor1(ev, "movement") != [("Taizong", "pronoun")]


def test_a_short_form_of_a_full_name_given_before_is_that_person(
        resources: api.Resources) -> None:
    paragraphs = ["Emperor Xiaowen of the Northern Wei was a reformer.",
                  "In 493 Emperor Xiaowen moved the capital to Luoyang."]
    text = "\n\n".join(paragraphs)
    full = "Emperor Xiaowen of the Northern Wei"
    short = text.rindex("Emperor Xiaowen")
    place = text.index("Luoyang")
    entities = [EntityRow("", -1, 0, len(full), full, "PERSON", "Emperor Xiaowen of Northern Wei",
                          "gazetteer"),
                EntityRow("", -1, short, short + 15, "Emperor Xiaowen", "PERSON",
                          "Emperor Wen of Han", "gazetteer"),
                EntityRow("", -1, place, place + 7, "Luoyang", "PLACE", "Luoyang", "gazetteer")]
    blocks = [(resources.nlp(paragraphs[0]), 0),
              (resources.nlp(paragraphs[1]), len(paragraphs[0]) + 2)]
    rows = extract_block_events(blocks, entities, [], [], parser=resources.nlp,
                                lexicon=resources.event_lexicon,
                                matcher=resources.trigger_matcher)
    ev = [e for block in rows for e in block]
    assert [a for a, _ in actor1(ev, "capital_move")] == ["Emperor Xiaowen of Northern Wei"]


def test_a_name_right_after_a_common_noun_subject_is_the_actor(
        resources: api.Resources) -> None:
    spec = [("Zhang Xianzhong", "PERSON", "Zhang Xianzhong"), ("Liu Ru", "PERSON", "Liu Ru")]
    ev = run(resources, "In 1641 the rebel Zhang Xianzhong killed Liu Ru.", spec)
    assert actor1(ev, "killing") == [("Zhang Xianzhong", "named")]
