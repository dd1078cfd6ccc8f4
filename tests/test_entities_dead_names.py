"""A famous person of long ago read inside a run of names of a later text
(:mod:`pipeline.entities.dead_names`)."""

from __future__ import annotations

from pipeline import api


def _run(resources: api.Resources, text: str) -> tuple[list[tuple[str, str]], list[str]]:
    result = api.process_text(text, "t", resources)
    rows = [(e.text, e.canonical) for e in result.entities if e.label == "PERSON"]
    return rows, [w.code for w in result.warnings]


def test_name_inside_a_garble_moved_to_the_person_named_elsewhere(
        resources: api.Resources) -> None:
    rows, codes = _run(resources, "In 560 the boy was set up as emperor. Quan Xiang Yu Wenhu "
                                  "still grab all the government. In 572 Yu Wenhu was killed.")
    assert ("Xiang Yu", "Xiang Yu") not in rows
    assert rows.count(("Yu Wenhu", "Yu Wenhu")) == 2
    assert "PERSON_IN_GARBLE" in codes


def test_name_inside_a_garble_dropped(resources: api.Resources) -> None:
    rows, codes = _run(resources, "In 560 the minister Xiang Yu Lao held power.")
    assert not any(canonical == "Xiang Yu" for _, canonical in rows)
    assert "PERSON_IN_GARBLE" in codes


def test_later_reference_to_the_past_kept(resources: api.Resources) -> None:
    rows, codes = _run(resources, "In 1100 the scholar praised Xiang Yu. He said Xiang Yu, Liu "
                                  "Bang and Han Xin were great.")
    assert rows.count(("Xiang Yu", "Xiang Yu")) == 2
    assert "PERSON_IN_GARBLE" not in codes
