"""A person written with and without a title in one text has one canonical."""

from __future__ import annotations

from pipeline.entities.titled_names import titled_canonicals
from pipeline.records import EntityRow


def _row(text, canonical=None, label="PERSON"):
    return EntityRow(doc_id="", sentence_id=-1, start=0, end=len(text), text=text, label=label,
                     canonical=canonical or text, source="gazetteer")


def _canon(rows, gaz):
    return [r.canonical for r in titled_canonicals(rows, gaz)]


def test_titled_full_name_takes_the_bare_canonical(gaz):
    rows = [_row("Crown Prince Murong Bao"), _row("Murong Bao"), _row("King Tuoba Shao"),
            _row("Tuoba Shao")]
    assert _canon(rows, gaz) == ["Murong Bao", "Murong Bao", "Tuoba Shao", "Tuoba Shao"]


def test_no_bare_mention_no_change(gaz):
    rows = [_row("Crown Prince Sun He"), _row("Sun Quan")]
    assert _canon(rows, gaz) == ["Crown Prince Sun He", "Sun Quan"]


def test_one_word_bare_name_and_resolved_titles_stay(gaz):
    rows = [_row("King Hui"), _row("Hui"), _row("Emperor Wu", "Emperor Wu of Han"),
            _row("Wu Guang")]
    assert _canon(rows, gaz) == ["King Hui", "Hui", "Emperor Wu of Han", "Wu Guang"]


def test_posthumous_name_before_emperor(gaz):
    rows = [_row("Tuoba Si", "Emperor Mingyuan of Northern Wei"), _row("Mingyuan Emperor")]
    assert _canon(rows, gaz)[1] == "Emperor Mingyuan of Northern Wei"


def test_posthumous_name_of_two_dynasties_is_not_guessed(gaz):
    rows = [_row("Liu Heng", "Emperor Wen of Han"), _row("Yang Jian", "Emperor Wen of Sui"),
            _row("Wen Emperor")]
    assert _canon(rows, gaz)[2] == "Wen Emperor"


def _tuples(text, spans):
    rows, at = [], 0
    for name, label, source in spans:
        start = text.index(name, at)
        rows.append((start, start + len(name), label, name, source, name))
        at = start + 1
    return rows


def test_bare_name_of_a_titled_person_is_no_place(gaz):
    from pipeline.entities.titled_names import bare_titled_persons
    text = "King Gojong fled. Gojong died in 1259 at Kaifeng."
    rows = _tuples(text, [("King Gojong", "PERSON", "gazetteer"), ("Gojong", "PLACE", "model"),
                          ("Kaifeng", "PLACE", "model")])
    rows[0] = rows[0][:3] + ("King Gojong of Goryeo",) + rows[0][4:]
    bare_titled_persons(rows, gaz)
    assert [r[2:4] for r in rows[1:]] == [("PERSON", "King Gojong of Goryeo"),
                                         ("PLACE", "Kaifeng")]


def test_bare_name_that_is_a_known_place_stays(gaz):
    from pipeline.entities.titled_names import bare_titled_persons
    text = "Prince Kaifeng came. Kaifeng fell."
    rows = _tuples(text, [("Prince Kaifeng", "PERSON", "gazetteer"), ("Kaifeng", "PLACE", "model")])
    bare_titled_persons(rows, gaz)
    assert rows[1][2] == "PLACE"


def _model(text, start, canonical=None, label="PERSON"):
    return EntityRow("d", 1, start, start + len(text), text, label, canonical or text, "model")


def test_steppe_name_without_its_title_takes_the_titled_canonical_across_blocks():
    from pipeline.entities import carry_names

    seen: dict[str, tuple[str, str]] = {}
    first = [_row("Bögü Khan"), _row("Bayanchur Khan")]
    assert carry_names(first, seen) == first
    later = [_model("Bögü", 300), _model("Bayanchur", 320), _model("Bögü", 340, "Someone"),
             _model("Bögü", 360, label="POLITY")]
    out = carry_names(later, seen)
    assert [r.canonical for r in out] == ["Bögü Khan", "Bayanchur Khan", "Someone", "Bögü"]
    assert [r.text for r in out] == [r.text for r in later]  # spans unchanged


def test_name_before_a_title_that_is_no_steppe_title_is_not_carried():
    from pipeline.entities import carry_names

    seen: dict[str, tuple[str, str]] = {}
    carry_names([_row("Prince Yu", "Yu"), _row("Great Khan", "Great Khan"),
                 _row("Li Emperor")], seen)
    later = [_model("Yu", 200), _model("Great", 210), _model("Li", 220)]
    assert carry_names(later, seen) == later
