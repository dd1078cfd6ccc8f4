"""A name a sovereign's title rules ("the King of Dai", "King Wugua of Dayuan") or an
apposition calls a state ("Dayuan, a kingdom of ...") is a state."""

from __future__ import annotations

import pytest

from pipeline.entities.ruled_states import ruled_states


def _rows(text, names, label="PERSON", source="model"):
    rows, at = [], 0
    for name in names:
        start = text.index(name, at)
        rows.append((start, start + len(name), label, name, source, name))
        at = start + len(name)
    return rows


@pytest.mark.parametrize(("text", "names", "labels"), [
    # a sovereign's title + "of": the state, in every model mention of the text
    ("King Wugua of Dayuan refused. Dayuan bred fine horses.", ["Dayuan", "Dayuan"],
     ["POLITY", "POLITY"]),
    ("Envoys of the khan of the Kokand came. Kokand sent horses.", ["Kokand", "Kokand"],
     ["POLITY", "POLITY"]),
    # an apposition that calls the name a state
    ("The Han fought against Dayuan, a kingdom of the Ferghana Valley. Dayuan fell.",
     ["Dayuan", "Dayuan"], ["POLITY", "POLITY"]),
    # fief titles, kin nouns, a state noun that does not end the apposition's head
    ("Meicai was made Prince of Haixi. The son of Zhanghan wept.",
     ["Meicai", "Haixi", "Zhanghan"], ["PERSON", "PERSON", "PERSON"]),
    ("Meicai, a state official, and Chanfeng, the kingdom's envoy, came.",
     ["Meicai", "Chanfeng"], ["PERSON", "PERSON"]),
])
def test_ruled_states(gaz, text, names, labels):
    rows = _rows(text, names)
    ruled_states(rows, text, gaz)
    assert [r[2] for r in rows] == labels


def test_gazetteer_rows_stay(gaz):
    text = "the King of Dayuan"
    rows = _rows(text, ["Dayuan"], source="gazetteer")
    ruled_states(rows, text, gaz)
    assert rows[0][2] == "PERSON"  # only the model's rows are read
