"""Authors of citations in notes: "Loewe, p. 110", "Twitchett 1979, pp. 45–47".

A references section of a web page ("3. ^ Loewe, p. 110.") cites modern authors; the
statistical model takes an unknown capitalised word there for a place or a person of the
history. A row only the model proposed that is followed by a page reference (an optional
year of publication, then "p."/"pp."/"vol."/"ch." and a number, after a comma or colon) is
a citation's author and is dropped: no entity of the text. Names of the gazetteer stay
("Sima Qian, ch. 48" cites the Shiji's author, who is a person of the history too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.records import EntityRow

_PAGE_REF = re.compile(
    r"\s*(?:\(?(?:1[5-9]|20)\d\d[a-z]?\)?\s*)?[,:]\s*(?:pp?|vol|ch|chap)\.\s*[0-9IVXLivxl]")


def drop_citation_authors(rows: Sequence[EntityRow], text: str) -> list[EntityRow]:
    """``rows`` without the model rows that are a citation's author (module docstring)."""
    return [e for e in rows
            if e.source != "model" or _PAGE_REF.match(text, e.end) is None]
