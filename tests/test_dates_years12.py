"""years12 (fresh report 11): a BC word garbled by OCR ("In RC. 340" in a book that prints
"B.C." elsewhere) is read by the running date, low and warned; and the events of the sentence
the splitter started inside that date phrase take its year."""

from __future__ import annotations

import pytest
from date_rows import resolved, row_at

from pipeline import api

ENTRY = ("In B.C. 350 the capital was removed to Hsien-yang. In {bc} 340 he led an army "
         "against Wei and routed its troops.")


@pytest.mark.parametrize("bc", ["RC.", "R.C.", "E.C."])
def test_a_garbled_bc_word_is_read_by_the_running_date(bc, eras, calendar) -> None:
    text = ENTRY.format(bc=bc)
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, f"{bc} 340")
    assert (row.year, row.certainty) == (-339, "low")
    assert any(w.code == "OCR_YEAR_GUESSED" and "garbled BC word" in w.message
               for w in warnings)


def test_a_garbled_bc_word_needs_the_true_word_and_a_fitting_year(eras, calendar) -> None:
    text = "In 1850 the town grew. In RC. 340 the club met."  # no "B.C." printed: no year
    rows, _ = resolved(text, eras, calendar)
    assert not any(r.text.startswith("RC") and r.year is not None for r in rows)
    text = "In B.C. 350 the capital moved. In RC. 120 he died."  # 230 years on: not read
    rows, warnings = resolved(text, eras, calendar)
    assert not any(r.text.startswith("RC") and r.year is not None for r in rows)
    assert any(w.code == "DATE_NOT_READ" for w in warnings)


def test_events_after_a_date_the_splitter_cut_take_its_year(
        resources: api.Resources) -> None:
    text = ("In B.C. 350 the capital was removed to Hsien-yang. In RC. 340 he led an army "
            "against Wei, seized the Wei commander, and routed his troops.")
    events = api.process_text(text, "t", resources).events
    later = [e for e in events if e.start > text.index("RC.")]
    assert later and all((e.year, e.year_end) == (-339, None) for e in later)


ERA = "In the tenth month of Dengguo ten years (395), the Yan army burned the boats. "


def test_a_cycle_day_in_machine_translated_order_is_read_with_its_gloss(eras,
                                                                         calendar) -> None:
    text = ERA + "On the eleventh month bingxu day (December 8) the Wei army arrived."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the eleventh month bingxu day")
    assert (row.year, row.month, row.day, row.certainty) == (395, 11, 10, "high")
    assert row.text.endswith("(December 8)")  # the bracket is the gloss, not a lunar month 12
    assert not any(w.code == "WESTERN_MONTH_NAME_AS_LUNAR" for w in warnings)
    text = ERA + "The eleventh month Bingxu day, the Wei army arrived."
    row = row_at(resolved(text, eras, calendar)[0], text, "The eleventh month")
    assert (row.month, row.day) == (11, 10)


def test_a_cycle_day_not_in_the_month_in_that_order_is_warned(eras, calendar) -> None:
    text = ERA + "In the eleventh month jiaxu day he died."  # jiaxu: not in month 11 of 395
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the eleventh month")
    assert row.day is None and row.certainty == "low"
    assert any(w.code == "CYCLE_DAY_NOT_IN_MONTH" for w in warnings)
    text = ERA + "The eleventh month Bingxu day of mourning was kept."  # "day of": not read so
    row = row_at(resolved(text, eras, calendar)[0], text, "The eleventh month")
    assert row.day is None


@pytest.mark.parametrize(("text", "year", "certainty"), [
    # the victim's age after the object: the sentence's date stands, as a guess
    ("In 409 he wanted to kill his concubine, and her son went into the palace at night and "
     "killed him, at the age of 39.", 409, "low"),
    # the subject's own age (no object, or a reflexive one): no time the sentence's date tells
    ("In 1127 the Jin took Kaifeng, and Huizong died in captivity at the age of 53.", None,
     None),
    ("In 1127 the Jin took Kaifeng, and the prince killed himself at the age of 40.", None,
     None),
])
def test_an_age_after_the_victim_keeps_the_sentences_date(text, year, certainty,
                                                          resources: api.Resources) -> None:
    events = api.process_text(text, "t", resources).events
    last = max(events, key=lambda e: e.start)
    assert last.trigger.startswith(("killed", "died"))
    assert last.year == year
    if certainty is not None:
        assert last.certainty == certainty
