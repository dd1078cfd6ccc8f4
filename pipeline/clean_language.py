"""Lines in another language than English: the interface text of a document host shown in the
visitor's language ("Sunteți pe pagina 1din 18", "Vă mulțumim că ați citit!") or a footnote
line in French ("Chavannes, Les pays d'Occident d'après le Heou Han chou"). Read as English
their capitalised words become names ("Sunteți" a PERSON). This cleaning pass yields
:class:`~pipeline.clean.Edit` s removing such lines (applied, mapped back to the original and
logged as warning rows by :func:`pipeline.clean.clean`: nothing is lost):

``FOREIGN_LINE``
    a line of 2 to :data:`MAX_WORDS` words, none of them a very common English word (Zipf >=
    :data:`ENGLISH_FUNCTION_ZIPF`: "the", "of", "was"), in which at least :data:`MIN_FOREIGN`
    lower-case words are words of one language ``L`` of :data:`LANGUAGES` (Zipf in ``L`` >=
    :data:`FOREIGN_ZIPF` and at least :data:`FOREIGN_MARGIN` above their English Zipf) and
    those outnumber the words likelier English than ``L`` (English Zipf >= 3 and >= that in
    ``L``).

Word frequencies are those of the ``wordfreq`` package (Robyn Speer et al., Apache 2.0 code,
CC BY-SA 4.0 data; Zipf scale: log10 of frequency per billion words). Only Latin-script
European languages are tested: a Vietnamese, pinyin or Wade–Giles name ("Minh Mạng",
"chung") is the text's own, and names are capitalised (only lower-case words count as
foreign). A line is tested only when at least :data:`MIN_FOREIGN` of its lower-case words are
rare in English (Zipf below :data:`RARE_ENGLISH_ZIPF`), so an English page loads no other
language's word list. All offsets are Python ``str`` indices, end exclusive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .clean import Edit

#: Languages whose lines are recognised (wordfreq codes; Latin script, European).
LANGUAGES = ("fr", "de", "es", "it", "pt", "ro", "nl", "pl", "sv")
#: Most words of a line tested (a longer line is prose; interface lines are short).
MAX_WORDS = 40
#: A word this frequent in English ("the" 7.7, "was" 6.7) makes the line English.
ENGLISH_FUNCTION_ZIPF = 6.0
#: Lower-case words rarer than this in English make a line worth testing.
RARE_ENGLISH_ZIPF = 4.0
#: A foreign word: at least this frequent in its language ...
FOREIGN_ZIPF = 4.0
#: ... and at least this much more frequent there than in English.
FOREIGN_MARGIN = 1.5
#: Foreign lower-case words a line needs.
MIN_FOREIGN = 2
#: Longest line tested (characters).
MAX_LINE_CHARS = 400

_LINE = re.compile(r"(?m)^[^\n]*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


def foreign_language(line: str) -> str | None:
    """The language code of :data:`LANGUAGES` ``line`` is written in (the rule of the module
    docstring), or None when it may be English."""
    words = _WORD.findall(line)
    if not 2 <= len(words) <= MAX_WORDS:
        return None
    lower = [w for w in words if w.islower()]
    if sum(1 for w in lower if _zipf(w, "en") < RARE_ENGLISH_ZIPF) < MIN_FOREIGN \
            or any(_zipf(w.lower(), "en") >= ENGLISH_FUNCTION_ZIPF for w in words):
        return None
    best: tuple[int, str] | None = None
    for lang in LANGUAGES:
        hits = sum(1 for w in lower if _zipf(w, lang) >= FOREIGN_ZIPF
                   and _zipf(w, lang) - _zipf(w, "en") >= FOREIGN_MARGIN)
        english = sum(1 for w in words
                      if _zipf(w, "en") >= 3.0 and _zipf(w, "en") >= _zipf(w, lang))
        if hits >= MIN_FOREIGN and hits > english and (best is None or hits > best[0]):
            best = (hits, lang)
    return best[1] if best else None


def foreign_line_edits(text: str) -> Iterable[Edit]:
    """``FOREIGN_LINE`` edits of the module docstring on ``text``, in text order."""
    for match in _LINE.finditer(text):
        line = match.group().strip()
        if not line or len(line) > MAX_LINE_CHARS:
            continue
        lang = foreign_language(line)
        if lang is not None:
            yield Edit(match.start(), match.end(), "", "FOREIGN_LINE",
                       f"removed a line in another language than English ({lang}; interface "
                       f"text of a document host or a foreign note): {line[:80]!r}")
