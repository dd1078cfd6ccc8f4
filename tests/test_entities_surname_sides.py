"""A surname read as a dynasty not founded yet is the side of the person of that surname."""

from pipeline.entities.surname_sides import surname_sides, surname_topics
from pipeline.records import EntityRow


def _rows(text: str, *names: tuple[str, str, str]) -> list[EntityRow]:
    out, at = [], 0
    for name, label, canonical in names:
        s = text.index(name, at)
        out.append(EntityRow("d", -1, s, s + len(name), name, label, canonical, "gazetteer"))
        at = s + len(name)
    return out


def test_surname_army_before_the_dynasty_is_the_person():
    text = "Song Jiang rose in Shandong. The Song troops were routed by the government."
    rows = _rows(text, ("Song Jiang", "PERSON", "Song Jiang"), ("Song", "POLITY", "Song"))
    out, warnings = surname_sides(rows, text, lambda _o: [-150])
    assert (out[1].label, out[1].canonical) == ("PERSON", "Song Jiang")
    assert [w.code for w in warnings] == ["SURNAME_NOT_DYNASTY"]


def test_dynasty_in_its_own_time_or_without_a_person_stays():
    text = "Yuan Haowen wrote poems. The Yuan army took the city."
    rows = _rows(text, ("Yuan Haowen", "PERSON", "Yuan Haowen"), ("Yuan", "POLITY", "Yuan"))
    assert surname_sides(rows, text, lambda _o: [1234])[0] == rows  # the Mongols by then
    text2 = "The Yuan army took the city."
    rows2 = _rows(text2, ("Yuan", "POLITY", "Yuan"))
    assert surname_sides(rows2, text2, lambda _o: [200])[0] == rows2  # nobody named Yuan


def test_no_army_word_or_no_year_stays():
    text = "Yuan Shao fled. Yuan fell later."
    rows = _rows(text, ("Yuan Shao", "PERSON", "Yuan Shao"), ("Yuan", "POLITY", "Yuan"))
    assert surname_sides(rows, text, lambda _o: [200])[0] == rows
    text2 = "Yuan Shao fled. The Yuan army fell."
    rows2 = _rows(text2, ("Yuan Shao", "PERSON", "Yuan Shao"), ("Yuan", "POLITY", "Yuan"))
    assert surname_sides(rows2, text2, lambda _o: [])[0] == rows2


# --- surname_topics: a bare surname in a stretch about the person of that surname ----------


def test_bare_surname_after_the_full_name_is_the_person_outside_the_states_reigns():
    text = "Zhou Yang led the vanguard. Zhou crossed the river and Zhou took the fort."
    rows = _rows(text, ("Zhou Yang", "PERSON", "Zhou Yang"), ("Zhou", "POLITY", "Zhou"),
                 ("Zhou", "POLITY", "Zhou"))
    out, warnings = surname_topics(rows, text, lambda _o: [-150])
    assert [(e.label, e.canonical) for e in out[1:]] == [("PERSON", "Zhou Yang")] * 2
    assert [w.code for w in warnings] == ["SURNAME_AS_PERSON"] * 2


def test_bare_surname_in_the_states_own_period_stays_the_state():
    text = "Wei Yan was a general of Shu. Wei sent an army to the Han River."
    rows = _rows(text, ("Wei Yan", "PERSON", "Wei Yan"), ("Wei", "POLITY", "Wei"))
    out, warnings = surname_topics(rows, text, lambda _o: [230])  # Cao Wei, 220-266
    assert out == rows and warnings == []


def test_state_marked_in_the_text_or_no_person_or_no_year_stays():
    text = "Wei Qing rode north. The state of Wei was long gone. Wei reached the river."
    rows = _rows(text, ("Wei Qing", "PERSON", "Wei Qing"), ("Wei", "POLITY", "Wei"),
                 ("Wei", "POLITY", "Wei"))
    assert surname_topics(rows, text, lambda _o: [-119])[0] == rows  # "state of Wei"
    text2 = "Wei reached the river."
    rows2 = _rows(text2, ("Wei", "POLITY", "Wei"))
    assert surname_topics(rows2, text2, lambda _o: [-119])[0] == rows2  # nobody named Wei
    text3 = "Wei Qing rode north. Wei reached the river."
    rows3 = _rows(text3, ("Wei Qing", "PERSON", "Wei Qing"), ("Wei", "POLITY", "Wei"))
    assert surname_topics(rows3, text3, lambda _o: [])[0] == rows3  # no date
    assert surname_topics(rows3, text3, lambda _o: [-300])[0] == rows3  # Warring States


def test_person_out_of_reach_is_not_the_topic_and_memory_carries_blocks():
    far = "Wei Qing rode north." + " The snow fell." * 80 + " Wei reached the river."
    rows = _rows(far, ("Wei Qing", "PERSON", "Wei Qing"), ("Wei", "POLITY", "Wei"))
    assert surname_topics(rows, far, lambda _o: [-119])[0] == rows
    text = "Wei Qing rode north.\n\nWei reached the river."
    memory: dict[str, list[tuple[int, str]]] = {}
    first = _rows(text, ("Wei Qing", "PERSON", "Wei Qing"))
    surname_topics(first, text, lambda _o: [-119], memory=memory)
    at = text.index("Wei r")
    second = [EntityRow("d", -1, at, at + 3, "Wei", "POLITY", "Wei", "gazetteer")]
    out, warnings = surname_topics(second, text, lambda _o: [-119], memory=memory)
    assert out[0].canonical == "Wei Qing" and len(warnings) == 1


def test_two_persons_of_the_surname_take_the_nearest_and_say_so():
    text = "Wei Bo spoke. Wei Qing rode north. Wei reached the river."
    rows = _rows(text, ("Wei Bo", "PERSON", "Wei Bo"), ("Wei Qing", "PERSON", "Wei Qing"),
                 ("Wei", "POLITY", "Wei"))
    out, warnings = surname_topics(rows, text, lambda _o: [-119])
    assert out[2].canonical == "Wei Qing" and "Wei Bo" in warnings[0].message
