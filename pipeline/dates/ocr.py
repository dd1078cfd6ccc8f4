"""Western years garbled by OCR: "In 1SS4 difficulties with France arose" (1884), "In ISK".

Finding (:func:`ocr_year_mentions`): after a strong year preposition ("in", "by", "since":
``year_preposition`` rows of ``gazetteer/date_words.csv`` without ``weak``), a token of 3-5
letters and digits that starts like a year (``1``, ``I`` or ``l``; or 3-4 characters opening
with a digit 2-9: "In 6l7"), is written in digits and capitals only (``l`` and ``o`` allowed)
and holds at least one letter of the ``ocr_digit`` rows (S, B, I, l, O, Z ...). It is no Roman
numeral and no word of the date lexicon. A three-character token ("6l7", "l05") is read as a
three-digit year when it holds two true digits.

* Four characters that all read as digits ("1SS4": S is 8 or 5) make a ``gregorian`` mention
  with ``year_doubt`` :data:`OCR_DOUBT`; the resolver (:func:`read_ocr_year`) takes the reading
  within :data:`OCR_WINDOW` years after the running year (the narrative moves forward), low,
  with an OCR_YEAR_GUESSED warning; with no such reading, no year and a DATE_NOT_READ warning.
* Any other such token ("ISK") makes a mention of kind ``unread`` (no row, DATE_NOT_READ).
* After a BC word of the lexicon (``ce_prefix`` rows with -1: "In B.C. l54", "B.C. 1S4", the
  order of old books), a token of 1-4 characters, each read as a digit, with at least one
  true digit and one ``ocr_digit`` letter, makes a mention from the BC word to the token with
  ``year_doubt`` :data:`OCR_BC_DOUBT`: read the same way, as a year before the common era
  (astronomical: B.C. 154 = -153), within :data:`OCR_WINDOW` years after the running year.
* A BC word garbled by OCR itself ("In RC. 340": one letter swapped for a letter OCR prints
  for it, ``ocr_letter`` rows of the lexicon: B as R, E or 8; a period may be lost) before a
  year of 1-4 characters makes the same kind of mention (``year_doubt``
  :data:`OCR_BC_WORD_DOUBT`), only when the document prints the true BC word elsewhere (an
  OCR'd book in the old order "B.C. 338"): read as above, by the running date, low, warned
  (OCR_YEAR_GUESSED).
* After a CE word of the lexicon (``ce_prefix`` rows with 1: "in A.D. 9l", "A.D. 1O5"), the
  same kind of token makes a mention from the CE word to the token with ``year_doubt``
  :data:`OCR_CE_DOUBT`, read as a CE year by the running date (low, OCR_YEAR_GUESSED).
  After either word, a token with fewer true digits than letters ("B.C. 1SO") is read as no
  year: a mention of kind ``unread`` (DATE_NOT_READ), unless its letters all read as the one
  digit 1 (:data:`_ONES`: "A.D. ll9" = 119; a true digit is still needed, so "A.D. ll" is none).
  Such a token whose only letters are l or I ("A.D. l07" = 107, "A.D. 9l" = 91: the era word
  says it is a year, and these letters stand for 1 alone) is taken even with no running date
  or outside the window after it (low, OCR_YEAR_GUESSED, "the only reading"); other letters
  ("A.D. 1O5") still need the running date.
* A year the ordinary reader took from the token's leading digits ("A.D. 9" of "A.D. 9l",
  "186" of "in 186S": a year cut short by the letter) does not block the token: the garbled
  mention covers it and replaces it, so the year is never read short and silently.

Both leave the running date unsure when no year is read (RUNNING_DATE_UNSURE on later dates).
"""

from __future__ import annotations

import itertools
import re

from .lexicon import Lexicon
from .mentions import DateMention

OCR_DOUBT = "OCR-garbled digits"
OCR_BC_DOUBT = "OCR-garbled digits after a BC word"
OCR_BC_WORD_DOUBT = "a year after a BC word garbled by OCR"
OCR_CE_DOUBT = "OCR-garbled digits after a CE word"
#: a Western month (and day) with a garbled year after it: "October 8, l856" (.ocr_context)
OCR_MONTH_NAME_DOUBT = "OCR-garbled year after a Western month name"
#: ``year_doubt`` values read as a BC year by the running date (:func:`read_ocr_year`).
OCR_BC_DOUBTS = (OCR_BC_DOUBT, OCR_BC_WORD_DOUBT)
OCR_WINDOW = 40  # years after the running year in which a garbled year may be read
_TOKEN = re.compile(r"(?<![\w'’-])(?:[1Il][0-9A-Zlo]{2,4}|[2-9][0-9A-Zlo]{2,3})(?![\w'’-])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\s+$")
_ROMAN = re.compile(r"[IVXLCDM]+")
_ONES = frozenset("lI")  # letters OCR prints only for the digit 1
MIN_ONES_DIGITS = 3  # true digits of a year read with no running date ("l856"; not "ll56")
_ERA_AFTER = re.compile(r"\s*(?:B\.?\s?C|A\.?\s?D|C\.?\s?E)\b")


def _digit_table(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    table = {str(d): (str(d),) for d in range(10)}
    for letter, digits in lex.cat("ocr_digit").items():
        table[letter] = tuple(digits.split("|"))
    return table


def ocr_readings(token: str, lex: Lexicon, lengths: tuple[int, ...] = (4,)) -> list[int]:
    """The years a garbled token can stand for ("1SS4" -> 1554, 1584, 1854, 1884), ascending;
    [] when a character reads as no digit or the length is none of ``lengths`` (4: a CE year
    needs all its digits; a BC year after "B.C." may have 1-4). A three-character CE token
    ("6l7" = 617, "l05" = 105) reads only with two true digits in it (:func:`_three_digit`)."""
    table = _digit_table(lex)
    if len(token) == 3 and lengths == (4,) and _three_digit(token):
        lengths = (3,)
    if len(token) not in lengths or any(c not in table for c in token):
        return []
    return sorted({int("".join(p)) for p in itertools.product(*(table[c] for c in token))})


def _three_digit(token: str) -> bool:
    """A three-character token with at least two true digits, not opening with 0: "6l7",
    "l05", "9O6" (a year of the first millennium with one digit misprinted as a letter)."""
    return len(token) == 3 and token[0] != "0" and sum(c.isdigit() for c in token) >= 2


def _blocks(span: tuple[int, int], s0: int, e0: int, t0: int) -> bool:
    """Whether a mention already read at ``span`` blocks a garbled mention ``s0``-``e0`` whose
    token starts at ``t0``: it overlaps it, unless it ends inside the token after starting
    at or before its start (it read the token's leading digits only: "A.D. 9" of "A.D. 9l")
    or lies wholly inside the new mention."""
    a, b = span
    if not (a < e0 and s0 < b):
        return False
    return not (s0 <= a and b <= e0 and (b < e0 or a >= t0))


def _bc_token(m: DateMention) -> str:
    """The garbled year of an :data:`OCR_BC_DOUBT` mention ("B.C. l54" -> "l54")."""
    return m.text.split()[-1] if " " in m.text else m.text


def _bc_ocr_mentions(text: str, taken: list[tuple[int, int]], lex: Lexicon,
                     letters: set[str]) -> list[DateMention]:
    """Garbled years after a BC or CE word: "B.C. l54", "BC I54", "A.D. 9l" (see the module
    docstring)."""
    words = sorted(lex.cat("ce_prefix").items(), key=lambda kv: len(kv[0]), reverse=True)
    if not words:
        return []
    sign = {w: int(v) for w, v in words}
    pat = re.compile(r"(?<![A-Za-z.])(?P<word>" + "|".join(re.escape(w) for w, _ in words)
                     + r")\s*(?P<tok>[0-9A-Zlo]{1,4})(?![\w'’-])")
    out: list[DateMention] = []
    for hit in pat.finditer(text):
        token = hit.group("tok")
        s0, e0 = hit.span()
        if (token.isdigit() or not letters & set(token) or not any(c.isdigit() for c in token)
                or any(_blocks(span, s0, e0, hit.start("tok")) for span in taken)
                or not ocr_readings(token, lex, (1, 2, 3, 4))):
            continue
        ones = not set(token) - _ONES - set("0123456789")  # "A.D. ll9" = 119 still reads
        if 2 * sum(c.isdigit() for c in token) < len(token) and not ones:  # "B.C. 1SO": more
            out.append(DateMention(start=s0, end=e0, text=text[s0:e0], kind="unread"))
            continue  # letters than digits: no year read, and none cut short ("B.C. 1")
        doubt = OCR_BC_DOUBT if sign[hit.group("word")] < 0 else OCR_CE_DOUBT
        out.append(DateMention(start=s0, end=e0, text=text[s0:e0], kind="gregorian",
                               calendar="western", year_doubt=doubt))
    return out


def ocr_year_mentions(text: str, taken: list[tuple[int, int]], lex: Lexicon) -> list[DateMention]:
    """Mentions of garbled years (see the module docstring) overlapping none of ``taken``."""
    letters = set(lex.cat("ocr_digit"))
    preps = {w.lower() for w, v in lex.cat("year_preposition").items() if v != "weak"}
    known = {w.lower() for cat in lex.words.values() for w in cat}
    out: list[DateMention] = []
    for hit in _TOKEN.finditer(text):
        token = hit.group()
        s0, e0 = hit.span()
        before = _WORD_BEFORE.search(text, max(0, s0 - 12), s0)
        if before is None or before.group(1).lower() not in preps:
            continue
        if (token.isdigit() or not letters & set(token) or _ROMAN.fullmatch(token)
                or token.lower() in known or any(_blocks(sp, s0, e0, s0) for sp in taken)):
            continue
        # "In l54 B.C.": a short year with an era word after it is read by .ocr_context
        era_after = len(token) == 3 and _ERA_AFTER.match(text, e0) is not None
        if not era_after and ocr_readings(token, lex):
            out.append(DateMention(start=s0, end=e0, text=token, kind="gregorian",
                                   calendar="western", year_doubt=OCR_DOUBT))
        elif token[0] in "23456789":
            continue  # "In 4WD": a digit-led token that reads as no year is no garbled year
        else:
            out.append(DateMention(start=s0, end=e0, text=token, kind="unread"))
    out += _bc_ocr_mentions(text, taken + [(m.start, m.end) for m in out], lex, letters)
    return out + _garbled_bc_words(text, taken + [(m.start, m.end) for m in out], lex)


def _garbled_bc_words(text: str, taken: list[tuple[int, int]], lex: Lexicon
                      ) -> list[DateMention]:
    """Years after a BC word garbled by OCR: "In RC. 340" when the text prints "B.C."
    elsewhere (see the module docstring)."""
    swaps = {letter: printed.split("|") for letter, printed in lex.cat("ocr_letter").items()}
    bc = [w for w, v in lex.cat("ce_prefix").items() if int(v) < 0]
    printed = [w for w in bc if re.search(r"(?<![A-Za-z.])" + re.escape(w) + r"(?![A-Za-z])",
                                          text)]
    variants = {w[:i] + g + w[i + 1:] for w in printed for i, c in enumerate(w)
                for g in swaps.get(c, ())}
    variants |= {v[:i] + v[i + 1:] for v in variants for i, c in enumerate(v) if c == "."}
    variants -= set(bc)  # (one letter swapped, a period perhaps lost: "RC." for "B.C.")
    if not variants:
        return []
    pat = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted(variants, key=len,
                                                                         reverse=True)))
                     + r")\s*(?P<tok>[0-9A-Zlo]{1,4})(?![\w'’-])")
    out: list[DateMention] = []
    for hit in pat.finditer(text):
        s0, e0 = hit.span()
        token = hit.group("tok")
        w1 = hit.start("tok")  # (a bare number read on its own is replaced: "R.C. 340")
        if (not any(c.isdigit() for c in token) or any(a < w1 and s0 < b for a, b in taken)
                or not ocr_readings(token, lex, (1, 2, 3, 4))):
            continue
        out.append(DateMention(start=s0, end=e0, text=text[s0:e0], kind="gregorian",
                               calendar="western", year_doubt=OCR_BC_WORD_DOUBT))
    return out


def read_ocr_year(m: DateMention, state, res, lex: Lexicon) -> int | None:
    """The year of a garbled-year mention, chosen by the running date (see the module
    docstring), or None (then ``state.unread`` is set: the narrative's date is unsure)."""
    bc = m.year_doubt in OCR_BC_DOUBTS
    readings = ([1 - y for y in ocr_readings(_bc_token(m), lex, (1, 2, 3, 4))] if bc
                else ocr_readings(_bc_token(m), lex, (1, 2, 3, 4))
                if m.year_doubt == OCR_CE_DOUBT else ocr_readings(_bc_token(m), lex))
    fits = [] if state.year is None else [
        y for y in readings if state.year <= y <= state.year + OCR_WINDOW]
    token = _bc_token(m)
    if (not fits and len(readings) == 1 and _only_reading(m, token)
            and (m.year_doubt in (OCR_CE_DOUBT, OCR_BC_DOUBT) or state.year is None
                 or readings[0] > state.year)):  # "A.D. l07", "in l856"; never backwards
        what = "its era word" if m.year_doubt in (OCR_CE_DOUBT, OCR_BC_DOUBT) else (
            "its month" if m.year_doubt == OCR_MONTH_NAME_DOUBT else "'in'")
        res.guess("OCR_YEAR_GUESSED", f"{m.text!r} read as {_shown(readings[0])}: OCR "
                  f"confusions (l or I for 1), the only reading of the year after {what}",
                  basis=f"OCR-garbled year after {what}: {m.text} = {_shown(readings[0])}")
        return readings[0]
    if not fits:
        why = "no running date" if state.year is None else f"none within {OCR_WINDOW} years " \
              f"after the running year {state.year}"
        res.guess("DATE_NOT_READ", f"{m.text!r} may be a year garbled by OCR "
                  f"({', '.join(map(_shown, readings))}), {why}")
        state.unread = m.text
        return None
    year = fits[0]
    res.guess("OCR_YEAR_GUESSED", f"{m.text!r} read as {_shown(year)}: OCR confusions"
              + (" (a garbled BC word)" if m.year_doubt == OCR_BC_WORD_DOUBT else "") + ", the "
              f"reading nearest after the running year {_shown(state.year)}"
              + (f" (also {', '.join(map(_shown, fits[1:]))})" if len(fits) > 1 else ""),
              basis=f"OCR-garbled year read by the running date: {m.text} = {_shown(year)}")
    return year


def _only_reading(m: DateMention, token: str) -> bool:
    """Whether ``token`` is read by its one reading with no running date to support it: its
    letters are all l or I (they stand for 1 alone: "A.D. l07", "in l856", "October 8, l856";
    not "A.D. 1O5"), after an era word, or a four-character year with at least
    :data:`MIN_ONES_DIGITS` true digits after a Western month name or a year preposition
    (these only with no running date or forward from it: the caller checks)."""
    if set(token) - _ONES - set("0123456789"):
        return False
    if m.year_doubt in (OCR_CE_DOUBT, OCR_BC_DOUBT):
        return True
    return (m.year_doubt in (OCR_DOUBT, OCR_MONTH_NAME_DOUBT) and len(token) == 4
            and sum(c.isdigit() for c in token) >= MIN_ONES_DIGITS)


def _shown(year: int) -> str:
    """A year as a reader writes it: 1884, 154 BC (astronomical -153)."""
    return f"{1 - year} BC" if year <= 0 else str(year)
