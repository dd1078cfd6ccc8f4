"""A surname read as a dynasty not founded yet is the side of the person of that surname."""

from pipeline.entities.surname_sides import surname_sides
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
