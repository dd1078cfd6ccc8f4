"""Rulers out of their period (pipeline/entities/periods.py): a ruler reading far from the
dates of its text is refused. Short texts of our own, entities and dates built by hand."""

from __future__ import annotations

import re

import pytest
from ruler_readers import standard_reader

from pipeline.entities.periods import CODE, refuse_far_rulers
from pipeline.places.rows import years_from_dates
from pipeline.records import DateRow, EntityRow


@pytest.fixture(scope="module")
def reader():
    return standard_reader()


def _run(reader, text: str, names: dict[str, tuple[str, str]], years: dict[str, int]):
    """Entities for each name of ``names`` (name -> (label, canonical)), dates for each phrase
    of ``years``; sentences split at '. '."""
    ents = sorted((EntityRow("t", 0, m.start(), m.end(), name, label, canon, "gazetteer")
                   for name, (label, canon) in names.items()
                   for m in re.finditer(rf"\b{re.escape(name)}\b", text)),
                  key=lambda e: e.start)
    dates = sorted((DateRow("t", 0, m.start(), m.end(), phrase, "explicit", year=year)
                    for phrase, year in years.items()
                    for m in re.finditer(re.escape(phrase), text)), key=lambda d: d.start)
    starts = [0] + [m.end() for m in re.finditer(r"\. ", text)]
    return refuse_far_rulers(ents, text, reader, dates, starts, years_from_dates(dates),
                             frozenset({"Murong", "Li"}))


def test_ruler_not_yet_born_is_refused_and_clan_name_joined(reader):
    text = "In 530 the town fell to Murong Shaozong."
    rows, warnings = _run(reader, text, {"Shaozong": ("PERSON", "Longwu Emperor")},
                          {"In 530": 530})
    assert [(e.text, e.canonical) for e in rows] == [("Murong Shaozong", "Murong Shaozong")]
    assert [w.code for w in warnings] == [CODE]


def test_same_title_of_the_right_period_replaces_it(reader):
    text = "In 550 the rebels deposed Emperor Jianwen."
    rows, warnings = _run(reader, text, {"Emperor Jianwen": ("PERSON", "Jianwen Emperor")},
                          {"In 550": 550})
    assert [e.canonical for e in rows] == ["Emperor Jianwen of Liang"]
    assert "Emperor Jianwen of Liang" in warnings[0].message


def test_long_dead_ruler_as_plain_name_is_refused_but_titled_reference_kept(reader):
    text = "In 1420 the general Liang Ming fell. In 1420 men still praised Emperor Jianwen."
    rows, warnings = _run(reader, text, {
        "Liang Ming": ("PERSON", "Emperor Ming of Western Liang"),
        "Emperor Jianwen": ("PERSON", "Emperor Jianwen of Liang")}, {"In 1420": 1419})
    assert [e.canonical for e in rows] == ["Liang Ming", "Emperor Jianwen of Liang"]
    assert len(warnings) == 1


def test_ruler_of_the_period_is_kept(reader):
    text = "In 1400 Emperor Jianwen sent an army north."
    rows, warnings = _run(reader, text, {"Emperor Jianwen": ("PERSON", "Jianwen Emperor")},
                          {"In 1400": 1400})
    assert [e.canonical for e in rows] == ["Jianwen Emperor"] and not warnings


def test_a_womans_title_does_not_excuse_a_kings_far_reign(reader):
    """Fresh report 6 (#15): "Empress Chia" in a text of 300 read as King Jia of Wei (r. 227-225
    BCE): a woman's title names no king, so it is no reference to the past; "Emperor" still is."""
    text = "In 300 the Empress Wei was put to death."
    rows, warnings = _run(reader, text, {"Empress Wei": ("PERSON", "King Jia of Wei")},
                          {"In 300": 300})
    assert rows[0].canonical == "Empress Wei"  # the title kept: no bare "Wei"
    assert [w.code for w in warnings] == [CODE]
    text = "In 300 men still praised the Emperor Wu of Han."
    rows, warnings = _run(reader, text, {"Emperor Wu of Han": ("PERSON", "Emperor Wu of Han")},
                          {"In 300": 300})
    assert rows[0].canonical == "Emperor Wu of Han" and warnings == []
