"""Site furniture of mirror and wiki pages (``PAGE_FURNITURE``, ``TITLE_REPEATED``): link
footers, quote boxes, the page title repeated before section headings. Invented pages in the
style of real mirrors."""

from __future__ import annotations

import csv

import pytest

from pipeline.clean import clean
from pipeline.clean_furniture import furniture_cues
from pipeline.resources import gazetteer_dir

MIRROR = (
    "Siege of Xiangyang - Background\n\n"
    "In 1267 the Mongol general Aju laid siege to Xiangyang and Fancheng.\n\n"
    "Read more about this topic: Siege Of Xiangyang\n\n"
    "Siege of Xiangyang - The Siege\n\n"
    "The Song relief fleets were beaten back on the Han River in 1269 and 1271.\n\n"
    "Read more about this topic: Siege Of Xiangyang\n\n"
    "Siege of Xiangyang - Fall\n\n"
    "Fancheng fell in 1273 and Lü Wenhuan surrendered Xiangyang.\n\n"
    "Famous quotes containing the words siege and/or fall:\n"
    "    \u201cPride goeth before destruction.\u201d\n"
    "\u2014Proverbs\n"
    "\u201cThe fall was sudden.\u201d\n"
    "\u2014An Old Chronicler (1st century B.C.)\n"
)


def _codes(result) -> list[str]:
    return [w.code for w in result.warnings]


def test_mirror_page_furniture_removed_and_accounted_for() -> None:
    result = clean(MIRROR)
    text = result.text
    assert "Read more" not in text and "Famous quotes" not in text
    assert "Pride goeth" not in text and "Proverbs" not in text and "Chronicler" not in text
    assert text.startswith("Siege of Xiangyang - Background")  # the page's own title stays
    assert text.count("Siege of Xiangyang") == 1  # later headings do not repeat it
    for sentence in ("In 1267 the Mongol general Aju", "beaten back on the Han River",
                     "Fancheng fell in 1273 and Lü Wenhuan surrendered Xiangyang."):
        assert sentence in text
    assert _codes(result).count("TITLE_REPEATED") == 2
    assert _codes(result).count("PAGE_FURNITURE") == 7  # 2 links, the box line, 4 quotes
    for w in result.warnings:  # every removed span is a row pointing at what it removed
        if w.code in ("PAGE_FURNITURE", "TITLE_REPEATED"):
            removed = MIRROR[w.start:w.end].strip()
            assert removed and removed[:40] in w.message
    # spans after the removals still map back to the original
    at = text.index("Fancheng fell")
    start, end = result.to_original(at, at + len("Fancheng fell"))
    assert MIRROR[start:end] == "Fancheng fell"


def test_link_line_naming_the_page_title_by_its_form() -> None:
    raw = ("Battle of Yamen - Overview\n\nThe Song fleet was destroyed at Yamen in 1279.\n"
           "More on this subject: Battle of Yamen\n\nLu Xiufu drowned with the boy emperor.\n"
           "More on this subject: Battle of Yamen\n")
    result = clean(raw)
    assert "More on this subject" not in result.text
    assert _codes(result).count("PAGE_FURNITURE") == 2
    once = "Battle of Yamen\n\nThe fleet was destroyed.\nSee the account: Battle of Yamen\n"
    assert clean(once).text == once  # a line standing once may be the text's own


@pytest.mark.parametrize("raw", [
    # section headings ending in ":" are the text's own headings
    "Background:\nThe Jin court fled to Caizhou.\nProcess:\nThe city fell in 1234.",
    # a title with a dash heading only once: the page title, kept
    "Battle of Fei River - Wikipedia mirror\n\nThe battle was fought in 383.",
    # timeline lines: the part before the dash is a year, not a title
    "1127 - Jin takes Kaifeng\n1127 - Gaozong enthroned\n1138 - Lin'an the capital",
    # a cue word inside a sentence, and a long line opening with one
    "He said we should read more about this topic: the war.\n"
    "Main article: " + "the campaign went on " * 12 + "until 1279.",
])
def test_text_of_its_own_is_kept(raw: str) -> None:
    result = clean(raw)
    assert not {"PAGE_FURNITURE", "TITLE_REPEATED"} & set(_codes(result))
    assert result.text == raw


def test_quote_box_ends_at_the_first_prose_line() -> None:
    raw = ("Famous quotes containing the word defeated:\n\"All warfare is deception.\"\n"
           "\u2014Sun Tzu\nThe Zhao army surrendered in 260 BC.")
    result = clean(raw)
    assert result.text.strip() == "The Zhao army surrendered in 260 BC."


def test_every_cue_example_is_removed() -> None:
    """Each row's ``example`` of ``gazetteer/page_furniture.csv`` is removed as furniture."""
    with (gazetteer_dir() / "page_furniture.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(furniture_cues())
    for row in rows:
        raw = f"{row['example']}\nThe city fell in 1127."
        result = clean(raw)
        code = "TABLE_OF_CONTENTS" if row["scope"] == "contents" else "PAGE_FURNITURE"
        assert code in _codes(result), row["cue"]
        assert result.text.strip() == "The city fell in 1127."


def test_page_title_takes_the_year_of_the_leads_own_mention() -> None:
    """The page title "Battle of Yamen" (kept once by the cleaner) is dated by the lead's
    "The Battle of Yamen was fought in 1279", a mention dated by its own sentence though it
    stands before the sentence's date (:func:`pipeline.events.summary.date_lead_events`)."""
    from pipeline.events.summary import date_lead_events
    from pipeline.records import EventRow

    title = EventRow("", 0, -1, 0, 28, "battle_reference", "Battle of Yamen")
    lead = EventRow("", 1, -1, 30, 60, "battle_reference", "Battle of Yamen", year=1279,
                    date_source="sentence")
    carried = EventRow("", 2, -1, 200, 240, "attack", "attacked", year=1276,
                       date_source="running")
    out = date_lead_events([title, lead, carried], ["Yamen", "Yamen", ""], 62,
                           frozenset({"attack"}))
    assert (out[0].year, out[0].date_source, out[0].certainty) == (1279, "summary", "low")
    assert out[1:] == [lead, carried]
    lone = EventRow("", 0, -1, 0, 28, "battle_reference", "Battle of Changping")
    assert date_lead_events([lone], ["Changping"], 40)[0].year is None  # nothing dates it
