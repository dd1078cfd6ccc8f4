"""A romanized name written with its Chinese characters right after it: the headwords of
Giles' Biographical Dictionary and of other old reference books ("HO CH'Ü-PING 霍去病 (d.
B.C. 117).", "LI KUANG 李廣", "Yü Ch'ien 于謙").

The characters check the name: pypinyin reads each character (all its readings, the default
first) and every written syllable must spell one of them, in pinyin or in Wade–Giles (Giles'
final "-o" for pinyin "-uo" too: 霍 *huo* is "Ho"). Such a name is a PERSON whose canonical is
the pinyin of the characters, in the written word grouping ("Huo Qubing", "Li Guang"), not the
capitals or the characters the model may take in ("LI KUANG 李廣"). A name the characters
do not spell (a place glossed with characters, an OCR garble) is left to the other rules.

An OCR scan of such a dictionary loses the characters and the apostrophes: "1896 Ti Ch*ing ^ ^
(T. ^ g). A.D. 1008-1057." (:func:`ocr_headword_names`). An entry opens a line with its
number, the romanized name, then the garbled characters (``^``, ``*``, ``?`` or characters)
and the bracketed style name "(T. ...)", or the life dates "A.D."/"B.C."; a ``*`` or ``^``
between the letters of a word of the name is its apostrophe. The name read that way, every
syllable Wade–Giles and the first a surname, is the entry's PERSON: the gazetteer's person of
that spelling ("Ti Ch'ing" -> Di Qing), else its pinyin.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.entities.surnames import load_compound_surnames
from pipeline.entities.wadegiles import pinyin_to_wg, wg_name_to_pinyin, wg_syllable_to_pinyin
from pipeline.gazetteer import Gazetteer
from pipeline.gazetteer.place_names import place_names

_HAN = "\u4e00-\u9fff\u3400-\u4dbf"
_WORD = r"[A-Z][A-Za-z'’ÜüÊêŬŭ]*(?:-[A-Za-z'’ÜüÊêŬŭ]+)*"
_NAME = re.compile(rf"(?<![\w'’])({_WORD}(?: {_WORD}){{0,2}}) ([{_HAN}]{{2,4}})(?![{_HAN}])")


def _fold(syllable: str) -> str:
    """Lower case, curly apostrophe straight, accents but ü off, Giles' "-o" and pinyin's
    "-uo" folded ("Ho" and "huo" -> "ho"); the aspiration apostrophe is kept ("ch'ang" is
    no "chang")."""
    low = syllable.lower().replace("’", "'").replace("ü", "v")
    folded = unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode()
    folded = folded.replace("v", "ü")
    return folded[:-2] + "o" if folded.endswith("uo") else folded


def _readings(char: str) -> list[str]:
    from pypinyin import Style, pinyin  # noqa: PLC0415

    got = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return [r.replace("v", "ü") for r in got[0]] if got else []


def _reading(written: str, char: str) -> str:
    """The reading of ``char`` (pypinyin, default first) that ``written`` (one syllable, in
    pinyin or Wade–Giles) spells, or ""."""
    mine = _fold(written)
    pin = wg_syllable_to_pinyin(written.lower().replace("’", "'"))
    for reading in _readings(char):
        if reading == pin or _fold(reading) == mine \
                or _fold(pinyin_to_wg(reading) or "?") == mine:
            return reading
    return ""


def checked_pinyin(name: str, chars: str) -> str:
    """The pinyin of ``chars`` grouped as the words of ``name`` are ("HO CH'Ü-PING", "霍去病"
    -> "Huo Qubing"), when every syllable of ``name`` spells its character; else ""."""
    words = [w.split("-") for w in name.split()]
    if sum(len(w) for w in words) != len(chars):
        return ""
    out: list[str] = []
    k = 0
    for syllables in words:
        parts = []
        for syl in syllables:
            reading = _reading(syl, chars[k])
            if not reading:
                return ""
            parts.append(reading)
            k += 1
        word = parts[0] + "".join(("'" if p[:1] in "aeo" else "") + p for p in parts[1:])
        out.append(word.capitalize())
    return " ".join(out)


_OCR_WORD = r"[A-Z][A-Za-z'’ÜüÊêŬŭ]*(?:[*^][a-zêüŭ]+)?(?:-[A-Za-z'’ÜüÊêŬŭ]+(?:[*^][a-zêüŭ]+)?)*"
_OCR_HEAD = re.compile(
    rf"(?m)^[ \t]*(?:No\.\s*)?\d+[a-z]?\.?[ \t]+({_OCR_WORD}(?: {_OCR_WORD}){{0,2}})"
    rf"(?=[ \t]+(?:[\^*?{_HAN}]+[ \t]*){{1,4}}(?:\(|A\.D\.|B\.C\.)|[ \t]*\((?:T|H)\.)")


def ocr_headword_names(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, read)`` of each entry headword of an OCR'd dictionary page (module
    docstring): the written name's offsets and its reading with apostrophes restored
    ("Ti Ch*ing" -> "Ti Ch'ing"), when every syllable is Wade–Giles."""
    from pipeline.entities.pinyin import is_wade_giles_syllable  # noqa: PLC0415

    found = []
    for m in _OCR_HEAD.finditer(text):
        read = re.sub(r"[*^]", "'", m.group(1))
        if all(is_wade_giles_syllable(s) for w in read.split() for s in w.split("-")):
            found.append((m.start(1), m.end(1), read))
    return found


def headword_names(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, canonical, written)`` of each romanized name in ``text`` followed by a
    space and the 2-4 Chinese characters it spells (offsets of the romanized words only)."""
    found = []
    for m in _NAME.finditer(text):
        name, chars = m.group(1), m.group(2)
        words = name.split()
        for drop in range(len(words)):  # "Emperor LI KUANG 李廣": the words the characters
            part = " ".join(words[drop:])  # spell are the name
            canonical = checked_pinyin(part, chars)
            if canonical:
                start = m.start(1) + len(name) - len(part)
                found.append((start, m.end(1), canonical, part))
                break
    return found


Row = tuple[int, int, str, str, str, str]


def add_headword_persons(found: list[Row], text: str, gaz: Gazetteer) -> list[Row]:
    """``found`` (``(start, end, label, canonical, source, text)`` rows of
    :func:`pipeline.entities.extract.extract_entities`) with each name of
    :func:`headword_names` that is a person's made a PERSON row (source ``gazetteer``; the
    rows it overlaps dropped). A person's: its first word, or that word's first syllable, is a
    surname (``surname`` words of the lexicon, ``compound_surnames.csv``), and neither the
    written name nor the pinyin is a place or polity of the gazetteer (no "Ch'ang-an 長安").
    A new list, sorted by start."""
    hits = headword_names(text)
    for start, end, read in ocr_headword_names(text):  # "1896 Ti Ch*ing ^ ^ (T. ^ g)."
        people = [e for e in gaz.lookup(read) if e.label == "PERSON"]
        hits.append((start, end, people[0].canonical if people
                     else wg_name_to_pinyin(read) or read, text[start:end]))
    if not hits:
        return found
    surnames = set(gaz.words("surname")) | set(
        load_compound_surnames(gaz.source_dir).values() if gaz.source_dir else ())
    places = place_names(gaz, world=True)
    out = list(found)
    for start, end, canonical, written in hits:
        first = canonical.split()[0]
        head = re.split(r"(?<=[a-z])(?=[A-Z])|'", first)[0]
        if first not in surnames and not (" " in canonical and head in surnames) \
                and first.split("'")[0] not in surnames:
            continue
        if any(e.label != "PERSON" for e in gaz.lookup(canonical) + gaz.lookup(written)) \
                or canonical in places or canonical.replace(" ", "") in places \
                or canonical.replace("'", "") in places:
            continue
        people = [e for e in gaz.lookup(canonical) if e.label == "PERSON"]
        name = people[0].canonical if people else canonical
        out = [r for r in out if r[1] <= start or r[0] >= end] + [
            (start, end, "PERSON", name, "gazetteer", written)]
    return sorted(out, key=lambda r: r[0])
