"""Breadcrumb / site navigation lines at the top of a scraped page (``SCRAPED_HEADER``)."""

from __future__ import annotations

import pytest

from pipeline.clean import clean

REMOVED = [
    # slash breadcrumbs of travel pages, then the page's own title and prose
    "Home / China Guide / Hubei / Xianning / Attractions\nChibi Battlefield\n"
    "The battle was fought here in 208.",
    "Home / Travel / Shaanxi / Xi'an\n\nThe walls were rebuilt under the Ming.",
    # the last item cut short
    "Home > China Guide > Hubei > ...\nThe city fell in 1275.",
    "Home › History › Song Dynasty › Battles\nThe Jin crossed the river.",
    # a site menu above the breadcrumb: still before the prose
    "Menu\nHome | Tours | Guide | Contact\nHome / Guide / Henan / Shangqiu\n"
    "Shangqiu was the Song capital's eastern neighbour.",
]


@pytest.mark.parametrize("raw", REMOVED)
def test_navigation_line_removed_and_recorded(raw: str) -> None:
    result = clean(raw)
    crumbs = [w for w in result.warnings if w.code == "SCRAPED_HEADER"]
    assert crumbs, "the navigation line is recorded as a warning row"
    for w in crumbs:  # the row points at exactly the removed line
        removed = raw[w.start:w.end].strip()
        assert removed and removed[:60] in w.message
        assert removed not in result.text
    assert " / " not in result.text.split("\n")[0]
    last_line = raw.rstrip().rsplit("\n", 1)[-1]
    assert last_line in result.text  # the prose is kept


KEPT = [
    # a slash list in the body of the text is the text's own
    "The Song fell in 1279.\nHome / China Guide / Hubei / Xianning\nMore text.",
    # a poem quoted with slashes: its items are not capitalised nav items
    "The poem reads:\nRivers flow east / the moon rises / autumn comes\nEnd.",
    # coordinates separated by slashes
    "Burial in modern Xinzheng, Henan 34°32′N / 34.53°N / 34.5\nThe tomb survives.",
    # two items only
    "Home / History\nThe Tang fell in 907.",
    # a sentence with slashes
    "The Jin / Song border / the Huai river was fixed in 1142.",
]


@pytest.mark.parametrize("raw", KEPT)
def test_text_with_slashes_is_kept(raw: str) -> None:
    result = clean(raw)
    assert "SCRAPED_HEADER" not in {w.code for w in result.warnings}
    assert len(result.text) == len(raw)  # nothing removed (a quote may be straightened)


def test_long_page_without_breadcrumb_stays_linear() -> None:
    raw = "Home" + " " * 100_000 + "/ x\n" + "Text. " * 1000
    assert clean(raw).text.endswith("Text. ")
