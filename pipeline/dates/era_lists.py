"""Era names listed with their printed spans, as infoboxes and tables write them:
"Shijianguo (9–13) / Tianfeng (14–19) / Dihuang (20–23)", "Eras: Shijianguo 9–13;
Tianfeng 14–19".

An era name (as the era table spells it) followed by a span of two years ("9–13", "(AD 9–13)",
"(140–135 BC)") whose ends are the first and last CE years of an era of that name (one year
of slack at each end: a printed span may count the year of the change either way) is the
era's whole span, not "the ninth year of Shijianguo": one ``explicit`` mention with
``phase="whole"`` and the printed years (``stated_year``/``stated_year_end``), marked
``aside`` (a list of eras is no narrative date: the running date stays). It replaces a
mention of the era with a year past its end ("Shijianguo 9": no such year) and is added
where the grammar found nothing; a date mention read otherwise is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.eras import EraTable

from .mention import DateMention

_NAME = r"[A-Z][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ'’]+(?:[\s-][A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ'’]+)?"
_LISTED = re.compile(
    rf"(?<![\w'’-])(?P<era>{_NAME})\s*(?P<open>\()?\s*(?:AD\s+|A\.D\.\s+|CE\s+)?"
    r"(?P<a>\d{1,4})\s*[–—-]\s*(?P<b>\d{1,4})(?:\s*(?P<bc>BCE|BC|B\.C\.E\.|B\.C\.))?"
    r"\s*(?(open)\))(?![\w–—-])")


def _matching_era(surface: str, a: int, b: int, eras: EraTable) -> bool:
    return any(abs(e.start_year - a) <= 1 and abs(e.end_year - b) <= 1
               for e in eras.candidates(surface))


def add_era_lists(text: str, found: list[DateMention], eras: EraTable,
                  make: Callable[..., DateMention] = DateMention) -> list[DateMention]:
    """``found`` with the listed era spans of the module docstring, by start."""
    if not any(ch in text for ch in "–—-"):
        return found
    new: list[DateMention] = []
    drop: set[int] = set()
    for g in _LISTED.finditer(text):
        a, b = int(g.group("a")), int(g.group("b"))
        if g.group("bc"):
            a, b = 1 - a, 1 - b
        if a > b or not _matching_era(g.group("era"), a, b, eras):
            continue
        s, e = g.span()
        hit = [m for m in found if m.start < e and s < m.end and m.kind != "dynasty"]
        spurious = [m for m in hit if m.era is not None and m.era_year is not None
                    and m.start >= s and not any(c.contains_era_year(m.era_year)
                                                 for c in eras.candidates(m.era))]
        if len(spurious) != len(hit):
            continue  # a date read otherwise ("the Kaiyuan era (713–741)"): left alone
        drop.update(id(m) for m in spurious)
        new.append(make(start=s, end=e, text=text[s:e], kind="explicit", era=g.group("era"),
                        era_start=g.start("era"), era_end=g.end("era"), phase="whole",
                        stated_year=a, stated_year_end=b, aside=True))
    if not new:
        return found
    from .cycles import tag_positions  # noqa: PLC0415 (imports mentions)

    return sorted([*(m for m in found if id(m) not in drop), *tag_positions(text, new)],
                  key=lambda x: (x.start, x.end))
