"""One name, one ruler per text: namesake readings that the date alone could not settle.

:func:`pipeline.entities.ruler_dates.reread_rulers` reads each mention of a name several
rulers bore on its own. Where the mention's year lies in one of their reigns the reading is
firm; where it lies in none, the nearest reign is taken ("Fu Jian ... was born in the third
year of Xiankang (337)": 苻健, r. 351–355, is 14 years away, 苻堅, r. 357–385, 20), and with no
year the mention stays ambiguous. A text that names a person again and again (a biography, a
chapter) names him by that name throughout: :func:`discourse_ruler` looks at the other places
the same name is written in the whole text (the entity stage works block by block, so the
text is searched, not the rows) and at the running year at each: when at least
``MIN_AGREEING`` of them fall in the reign of one of the rulers and none in another's, that
ruler is the text's reading of the name. The caller takes it only where the ruler's lifetime
(from ``before_birth`` years before his accession to ``after_death`` years after his reign)
holds the mention's own years, and warns (the reading stays a guess).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.rulers import Ruler

#: places of the name dated in one ruler's reign needed to read an unsettled mention as he
MIN_AGREEING = 2


def discourse_ruler(name: str, start: int, options: Sequence[Ruler], text: str,
                    year_at: Callable[[int], int | None]) -> tuple[Ruler | None, int]:
    """(ruler, count): the one of ``options`` in whose reign the running year lies at every
    other place ``name`` is written in ``text`` (word-bounded; the mention at ``start`` left
    out) that lies in any of their reigns, and how many such places; (None, 0) when fewer than
    :data:`MIN_AGREEING` agree or two rulers are dated (a page on two namesakes).
    ``year_at``: offset -> running CE year (astronomical) or None."""
    if not name.strip():
        return None, 0
    found: dict[int, int] = {}
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        if m.start() == start:
            continue
        year = year_at(m.start())
        if year is None:
            continue
        for r in options:
            if r.reign_start <= year <= r.reign_end:
                found[r.ruler_id] = found.get(r.ruler_id, 0) + 1
    if len(found) != 1:
        return None, 0
    rid, count = next(iter(found.items()))
    if count < MIN_AGREEING:
        return None, 0
    return next(r for r in options if r.ruler_id == rid), count


def lifetime_holds(r: Ruler, years: Sequence[int], before_birth: int,
                   after_death: int) -> bool:
    """True if every year of ``years`` lies from ``before_birth`` years before ``r``'s
    accession to ``after_death`` years after his reign (vacuously true without years)."""
    return all(r.reign_start - before_birth <= y <= r.reign_end + after_death for y in years)
