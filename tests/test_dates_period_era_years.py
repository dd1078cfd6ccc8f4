"""A dynasty name several dynasties bore takes the reading nearest the document's years
(pipeline.dates.periods._document_years): an era year that only one dynasty's era of that
name lasted long enough to have gives its year ("the twelfth year of Tianfu": the Later
Han's 947, not the Tang's or the Jurchen Jin's Tianfu), and so does a CE year printed beside
an era date. Invented texts."""

from __future__ import annotations

from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions


def _period(eras, calendar, text: str) -> tuple[int | None, int | None]:  # noqa: ANN001
    rows, _ = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    (row,) = [r for r in rows if r.kind == "period"]
    return row.year, row.year_end


def test_an_era_year_only_one_dynasty_reached_places_the_jin(eras, calendar) -> None:  # noqa: ANN001
    text = ("Under the Jin he served as Military Governor of Hedong. In the twelfth year of "
            "Tianfu, in spring, the Khitan ruler entered Daliang.")
    first, last = _period(eras, calendar, text)
    assert first is not None and last is not None and first <= 947 and 936 <= last <= 950


def test_a_printed_year_beside_an_era_date_places_the_jin(eras, calendar) -> None:  # noqa: ANN001
    text = ("Under the Jin he served as governor. In the fourth year of Taihe (1204 AD) the "
            "coin was cast.")
    first, last = _period(eras, calendar, text)
    assert first is not None and last is not None and first <= 1204 <= last


def test_an_era_year_several_dynasties_reached_decides_nothing(eras, calendar) -> None:  # noqa: ANN001
    # the second year of Taihe: Cao Wei, Later Zhao, Northern Wei, Jurchen Jin ... all had one
    text = "Under the Jin he served as governor. In the second year of Taihe he retired."
    alone = _period(eras, calendar, "Under the Jin he served as governor. He retired.")
    assert _period(eras, calendar, text) == alone  # the table's default reading stays


def test_the_heading_ruler_is_no_agent_outside_his_reign() -> None:
    from pipeline.events.rows.dating import _reigned_then

    assert not _reigned_then("Liu Bang", 944)  # "Annals of Gaozu of Han" on an act of 944
    assert _reigned_then("Liu Bang", -200)
    assert _reigned_then("Nobody Known", 944)  # not in the reign tables: no judgement
    assert _reigned_then("Liu Bang", None)  # no year: no judgement
