"""A name a sovereign's title rules ("the King of Dai", "King Wugua of Dayuan") is a state."""

from __future__ import annotations

from pipeline.entities.ruled_states import ruled_states


def _rows(text, names, label="PERSON", source="model"):
    rows, at = [], 0
    for name in names:
        start = text.index(name, at)
        rows.append((start, start + len(name), label, name, source, name))
        at = start + len(name)
    return rows


def test_king_of_name_is_a_state_in_every_mention(gaz):
    text = "King Wugua of Dayuan refused. Dayuan bred fine horses."
    rows = _rows(text, ["Dayuan", "Dayuan"])
    ruled_states(rows, text, gaz)
    assert [r[2] for r in rows] == ["POLITY", "POLITY"]


def test_lower_case_title_and_article(gaz):
    text = "Envoys of the khan of the Kokand came. Kokand sent horses."
    rows = _rows(text, ["Kokand", "Kokand"])
    ruled_states(rows, text, gaz)
    assert {r[2] for r in rows} == {"POLITY"}


def test_fief_titles_and_other_frames_stay(gaz):
    text = "Meicai was made Prince of Haixi. The son of Zhanghan wept."
    rows = _rows(text, ["Meicai", "Haixi", "Zhanghan"])
    ruled_states(rows, text, gaz)
    assert [r[2] for r in rows] == ["PERSON", "PERSON", "PERSON"]


def test_gazetteer_rows_stay(gaz):
    text = "the King of Dayuan"
    rows = _rows(text, ["Dayuan"], source="gazetteer")
    ruled_states(rows, text, gaz)
    assert rows[0][2] == "PERSON"  # only the model's rows are read


def test_apposition_naming_a_state(gaz):
    text = "The Han fought against Dayuan, a kingdom of the Ferghana Valley. Dayuan fell."
    rows = _rows(text, ["Dayuan", "Dayuan"])
    ruled_states(rows, text, gaz)
    assert [r[2] for r in rows] == ["POLITY", "POLITY"]


def test_state_noun_must_end_the_head(gaz):
    text = "Meicai, a state official, and Chanfeng, the kingdom's envoy, came."
    rows = _rows(text, ["Meicai", "Chanfeng"])
    ruled_states(rows, text, gaz)
    assert [r[2] for r in rows] == ["PERSON", "PERSON"]
