"""A name in apposition to a title outranks the gazetteer's reading of the title.

"Prince Ying, Ajige, memorialized": the gazetteer reads "Prince Ying" as one holder of that
title (a Ming prince of Ying, Zhu Yougui), but the text names the holder it means right beside
it. A PERSON row the gazetteer resolved to another canonical, whose first word is a
``person_title`` of ``entity_lexicon.csv`` ("Prince", "King", "Duke" …), followed by a comma
and a name closed by a comma ("Prince Ying, Ajige, …"), takes that name as its canonical: the
apposed PERSON row's canonical, or the apposed words themselves when no entity row covers them
(one to three capitalised words, none a title word: the model often misses a Manchu or
Mongol name). The same holds with the name first ("Ajige, Prince Ying, …"), when the name is
a PERSON row. The title row is not taken over when the name before it is already apposed to
it from the other side (a list "Zhu Di, Prince Yan, Zhu Quan, Prince Ning": each title goes
with the name before it), nor when the apposed words are a place or polity row.
A title with an "of" phrase ("Emperor Daozong of Liao": the state names its holder) or
after "of" (the ruler of a dating formula: "the fourth year of Xianyong reign of Emperor
Daozong, Wanyan Aguda, was born") is left as read. A one-word apposition that is a common
English word ("However") or that the text also writes in lower case is no name.

Offsets are full-text ``str`` indices; rows sorted by start.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.records import EntityRow

_COMMA = re.compile(r"\s*,\s*")
_NAME = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2}")
_CLOSE = re.compile(r"\s*[,;]")


#: Zipf frequency (wordfreq, English) from which a one-word apposition is an English word
#: ("However", "Meanwhile": 5.6, 4.5) rather than a name ("Ajige" 0, "Yixin" 1.2).
_ENGLISH_ZIPF = 4.4


def _written_lower(word: str, text: str) -> bool:
    """True when ``text`` also writes ``word`` in lower case, or ``word`` is a common English
    word (:data:`_ENGLISH_ZIPF`): no name."""
    from wordfreq import zipf_frequency  # noqa: PLC0415 (loaded only when a title is apposed)

    low = word.lower()
    if zipf_frequency(low, "en") >= _ENGLISH_ZIPF:
        return True
    return any(not text[i - 1:i].isalpha() and not text[i + len(low):i + len(low) + 1].isalpha()
               for i in _find_all(text, low))


def _find_all(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")


def _title_row(e: EntityRow, titles: frozenset[str], text: str) -> bool:
    """A PERSON row of a short title form ("Prince Ying": no "of" phrase, which names the
    state and so the holder) the gazetteer read as another person's name, not itself the
    ruler of a dating formula ("the fourth year of Xianyong reign of Emperor Daozong, Wanyan
    Aguda, was born": no apposition)."""
    words = e.text.split()
    return e.label == "PERSON" and e.source == "gazetteer" and len(words) >= 2 \
        and words[0] in titles and "of" not in words and e.canonical != e.text \
        and _OF_BEFORE.search(text, max(0, e.start - 12), e.start) is None


def apposed_title_names(rows: Sequence[EntityRow], text: str,
                        titles: frozenset[str]) -> list[EntityRow]:
    """``rows`` (sorted by start, offsets into ``text``) with each title row of the module
    docstring given the canonical of the name apposed to it. ``titles``: the
    ``person_title`` words (capitalised, as written). A new list."""
    out = list(rows)
    for k, e in enumerate(rows):
        if not _title_row(e, titles, text):
            continue
        prev = rows[k - 1] if k > 0 else None
        before_apposed = prev is not None and prev.label == "PERSON" \
            and _COMMA.fullmatch(text[prev.end:e.start]) is not None \
            and "," in text[prev.end:e.start]
        after = _COMMA.match(text, e.end)
        if before_apposed:
            name = prev.canonical  # "Ajige, Prince Ying, …"
            if _CLOSE.match(text, e.end) is None:
                continue
        elif after is not None and "," in after.group():
            at = after.end()
            nxt = rows[k + 1] if k + 1 < len(rows) else None
            if nxt is not None and nxt.start == at:
                if nxt.label != "PERSON" or nxt.text.split()[0] in titles:
                    continue  # "Prince Ying, Nanjing, …": a list
                name, end = nxt.canonical, nxt.end
            else:
                m = _NAME.match(text, at)
                if m is None or (nxt is not None and nxt.start < m.end()) \
                        or any(w in titles or _written_lower(w, text) for w in m.group().split()):
                    continue  # "Prince Ying, However, …": an English word, no name
                name, end = m.group(), m.end()
            if _CLOSE.match(text, end) is None:
                continue  # "Prince Ying, Ajige and Dodo": no closed apposition
        else:
            continue
        if name and name != e.canonical:
            out[k] = dataclasses.replace(e, canonical=name)
    return out
