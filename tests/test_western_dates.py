"""Western dates: our grammar agrees with dateparser wherever dateparser can read the phrase.

dateparser cannot read years below 1000 ("July 2, 626"), so the date stage parses Western dates
with its own grammar; dateparser serves here as an independent oracle. Dates before 1582-10-15
are read as Julian (the calendar the texts quote), later ones as Gregorian.
"""

from __future__ import annotations

import pytest
from dateparser.search import search_dates

from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions

PHRASES = ["9 January 1127", "On 9 January 1127 the city fell.", "July 2, 1626",
           "February 21, 1559", "He died on 30 September 1626.", "13 February 1951",
           "On 22 February 1054 he left."]


@pytest.fixture(scope="module")
def stages(eras, calendar):
    return eras, calendar  # the session's copies (tests/conftest.py)


@pytest.mark.parametrize("phrase", PHRASES)
def test_agrees_with_dateparser(stages, phrase: str) -> None:
    eras, calendar = stages
    rows, _ = resolve_dates(find_date_mentions(phrase, eras), eras, calendar)
    (row,) = [r for r in rows if r.kind == "gregorian"]
    expected = search_dates(phrase, languages=["en"])[0][1].date()
    day = row.julian_start if expected.year < 1582 else row.date_start
    assert day == expected.isoformat()
    assert row.year == expected.year and row.month == expected.month
    assert row.day == expected.day


@pytest.mark.parametrize(("text", "phrase", "year", "year_end"), [
    ("HO CH'Ü-PING (d. B.C. 117). A nephew of the Empress.", "B.C. 117", -116, None),
    ("In B.C. 123 he distinguished himself in a raid.", "B.C. 123", -122, None),
    ("In BC 202 Xiang Yu died at Gaixia.", "BC 202", -201, None),
    ("He reigned B.C. 206-195 and died in his palace.", "206-195", -205, -194),
    ("In 206 BC Liu Bang entered Xianyang.", "206 BC", -205, None),
    ("AD 25 Liu Xiu became emperor.", "AD 25", 25, None),
])
def test_era_word_before_the_year(stages, text: str, phrase: str, year: int,
                                  year_end: int | None) -> None:
    """Old books write the era word first ("B.C. 117", Giles; "A.D. 25"): the year is before
    the common era, astronomical (B.C. 117 = -116), and the row covers the era word."""
    eras, calendar = stages
    rows, _ = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    (row,) = [r for r in rows if r.kind in ("gregorian", "range")]
    assert phrase in row.text
    assert (row.year, row.year_end) == (year, year_end)
