"""Rulers before the Qin empire (gazetteer/preqin_rulers.csv, fed into rulers.csv by
scripts/build_rulers.py): reign years of Warring States kings and dukes of Lu, "his reign"
after a ruler's personal name, and ranks (a duke is no king)."""

from __future__ import annotations

import csv

import pytest

from pipeline import api
from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable
from pipeline.resources import gazetteer_dir
from pipeline.rulers import load_ruler_table


def _year(text: str, phrase: str, eras: EraTable, calendar: LunarCalendar):
    rows, warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    row = next(r for r in rows if r.text == phrase)
    return row, {w.code for w in warnings if w.start == row.start}


@pytest.mark.parametrize(("text", "phrase", "year"), [
    # Zhaoxiang reigned 306-251 BC: year 20 is 287 BC = -286 (astronomical)
    ("In the 20th year of King Zhaoxiang of Qin, Bai Qi attacked Chu.",
     "the 20th year of King Zhaoxiang of Qin", -286),
    ("In the third year of Duke Xi of Lu, the rains failed.",  # Xi: 659-627 BC
     "the third year of Duke Xi of Lu", -656),
    ("In the first year of King Nan of Zhou, the envoys came.",  # Nan: 314-256 BC
     "the first year of King Nan of Zhou", -313),
])
def test_reign_year_of_a_pre_qin_ruler(text, phrase, year, eras, calendar) -> None:
    row, codes = _year(text, phrase, eras, calendar)
    assert row.year == year, row.basis
    assert row.certainty == "medium" and "REIGN_YEAR_WITHOUT_ERA" in codes


def test_his_reign_after_a_personal_name(eras, calendar) -> None:
    text = ("Ying Zheng became king of Qin in 246 BC. He took Qi in 221 BC, in the 26th year "
            "of his reign.")
    row, codes = _year(text, "the 26th year of his reign", eras, calendar)
    assert row.year == -220 and "RULER_FROM_CONTEXT" in codes


def test_the_state_named_chooses_among_namesakes(eras, calendar) -> None:
    # King Huiwen of Zhao (298-266 BC), not of Qin (337-311 BC)
    row, _codes = _year("In the 10th year of King Huiwen of Zhao, Lin Xiangru went to Qin.",
                        "the 10th year of King Huiwen of Zhao", eras, calendar)
    assert row.year == -288


def test_file_shape() -> None:
    with (gazetteer_dir() / "preqin_rulers.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len({r["ruler_id"] for r in rows}) == len(rows)
    for r in rows:  # astronomical BCE years, in order
        assert int(r["first_year"]) <= int(r["reign_end"]) <= 0, r
    table = load_ruler_table()
    assert all(table.find(r["canonical"].split(" of ")[0].split()[-1]) for r in rows
               if " of " in r["canonical"])


def test_a_duke_is_not_a_king_of_the_same_name(resources) -> None:
    text = ("Duke Xiao of Qin appointed Shang Yang. King Xiao of Yan died. "
            "Duke Xiao's son became king.")
    rows = api.process_text(text, "t", resources).entities
    canon = [(e.text, e.canonical) for e in rows if e.label == "PERSON"
             and e.text.startswith("Duke")]
    assert canon and all(c == "Duke Xiao of Qin" for _t, c in canon), canon
