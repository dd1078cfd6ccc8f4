"""Years opening list items and timeline lines (pipeline.dates.list_years): "- 219: ...",
"* 1134 – ...", "378-379: ...", "219 BC: ..."; counts and list numbers are no years; an
event takes its own line's year, not the next line's."""

from __future__ import annotations

from date_rows import resolved, row_at

from pipeline import api
from pipeline.dates.list_years import add_list_years, apart_by_list_line

_DASHES = ("Timeline\n- 219: Guan Yu besieged Fancheng.\n- 378-379: The Former Qin army "
           "besieged Xiangyang.\n- 1134: Yue Fei recovered Xiangyang.\n- 1267-1273: The "
           "Mongols besieged Xiangyang.\n")


def _years(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in add_list_years(text, [])]


def test_dash_bullets_years_and_spans(eras, calendar) -> None:
    rows, _ = resolved(_DASHES, eras, calendar)
    assert (row_at(rows, _DASHES, "219:").year, row_at(rows, _DASHES, "219:").certainty) \
        == (219, "high")
    span = row_at(rows, _DASHES, "378-379")
    assert (span.kind, span.year, span.year_end) == ("range", 378, 379)
    assert row_at(rows, _DASHES, "1134").year == 1134


def test_star_and_en_dash_and_era_words(eras, calendar) -> None:
    text = ("Events\n* 1134 – Yue Fei recovered Xiangyang.\n• 219 BC: Qin Shi Huang toured "
            "the east.\n– AD 25: Liu Xiu took the throne.\n3. 1644: Beijing fell.\n")
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "1134").year == 1134
    assert row_at(rows, text, "219 BC").year == -218
    assert row_at(rows, text, "AD 25").year == 25
    assert row_at(rows, text, "1644").year == 1644


def test_bc_span_written_once() -> None:
    (m,) = add_list_years("- 221-206 BC: the Qin dynasty.\n", [])
    assert [p.western_year for p in m.parts] == [-220, -205]


def test_short_years_only_in_a_timeline(eras, calendar) -> None:
    alone = "Notes\n- 12: see the map.\n- 15: the gates.\n"
    assert _years(alone) == []
    text = "- 8: Wang Mang took the throne.\n- 23: Wang Mang was killed.\n- 184: Yellow Turbans.\n"
    rows, _ = resolved(text, eras, calendar)
    short = row_at(rows, text, "23:")
    assert short.year == 23 and short.certainty != "high"


def test_counts_and_list_numbers_are_no_years() -> None:
    text = ("Travel Tips\n1. The first gate opens at eight.\n2. Walk the wall at sunset.\n"
            "- 2,000 men held the wall.\n- 1.5 km of the wall remain.\n1221 Li Tsung-min. Died "
            "A.D. 806.\n- 300 soldiers came.\n")
    assert _years(text) == []


def test_existing_mention_kept() -> None:
    text = "- 1267-1273: the siege.\n"
    first = add_list_years(text, [])
    assert add_list_years(text, first) == first


def test_apart_by_list_line() -> None:
    text = "- 1641: the rebel took the city.\n- 1643: Li Zicheng captured it."
    assert apart_by_list_line(text, text.index("took"), text.index("1643"))
    wrapped = "In 1641 the rebel\ntook the city."
    assert not apart_by_list_line(wrapped, wrapped.index("1641"), wrapped.index("took"))


def test_event_takes_its_own_line_year(resources) -> None:
    text = ("Timeline\n* 1134 – Yue Fei recovered Xiangyang.\n- 1267-1273: The Mongols "
            "besieged Xiangyang.\n- 1641: the rebel Zhang Xianzhong took the city by surprise."
            "\n- 1643: Li Zicheng captured Xiangyang.\n")
    out = api.process_text(text, "t", resources)
    years = {e.trigger: e.year for e in out.events}
    assert years.get("recovered") == 1134
    assert years.get("took") == 1641
    assert years.get("captured") == 1643
