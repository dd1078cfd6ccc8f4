"""Years garbled by OCR in date contexts other than "in <year>": "the first moon of l053",
"A.D. I860", "l54 B.C.".

:mod:`.ocr` reads a garbled year after a strong year preposition ("In 1SS4") or after a BC word
("B.C. l54"). Old books print years in more places, and OCR gives "l" or "I" for 1 and "O" for
0 there too. Here a *year-shaped token* -- four characters, each a digit or an ``ocr_digit``
letter of ``gazetteer/date_words.csv``, with at least :data:`MIN_TRUE_DIGITS` true digits and
one letter ("l053", "I86O"; a word never holds two digits, so "Ion", "Iol" or "II" are never
read) -- is a year in these contexts:

* after a month or season phrase with no year of its own and "of": "in the first moon of
  l053", "the spring of I860". The month mention is widened over the token with ``year_doubt``
  :data:`OCR_MONTH_DOUBT`; the resolver (:func:`read_ocr_month`) reads the token as
  :func:`.ocr.read_ocr_year` does (the reading within a few decades after the running year,
  low, ``OCR_YEAR_GUESSED``) and dates the month in the Chinese year begun then. With no
  reading the month gets *no* year (``DATE_NOT_READ``; later dates are unsure): the running
  year is exactly what the unread token may have changed;
* after a CE word of the lexicon (``ce_prefix`` rows with 1: "A.D. l053") or "the year": a
  ``gregorian`` mention of the token, ``year_doubt`` :data:`.ocr.OCR_DOUBT`;
* before a BC word (``ce_prefix`` rows with -1: "l54 B.C."): one to four characters, at least
  one true digit and one letter, a mention of the token with ``year_doubt``
  :data:`.ocr.OCR_BC_DOUBT` (read as a year before the common era).

* after a Western month name and day with no year of their own ("October 8, l856", "8 October
  l856", "in October l856"): the month or day mention is widened over the token into a
  ``gregorian`` mention with ``year_doubt`` :data:`.ocr.OCR_MONTH_NAME_DOUBT`, read by the
  running date, or, when the token's letters are all l or I, by its only reading (low,
  ``OCR_YEAR_GUESSED``).

"March of I860" (a Western month and "of") is left alone (:mod:`.ocr` reads "in I860").
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import Lexicon, load_lexicon
from .mention import DateMention
from .ocr import OCR_BC_DOUBT, OCR_DOUBT, OCR_MONTH_NAME_DOUBT, ocr_readings, read_ocr_year

OCR_MONTH_DOUBT = "OCR-garbled year after a month"
#: True digits a four-character token needs (with at least one OCR letter) to be a year.
MIN_TRUE_DIGITS = 2

_NOT_WORD = r"(?<![\w'’.-])"
_END = r"(?![\w'’-])"
_OF_TOKEN = re.compile(r"[ \t]*,?[ \t]+of[ \t]+(?P<tok>[0-9A-Za-z]{4})" + _END)
_COMMA_TOKEN = re.compile(r",?[ \t]+(?P<tok>[0-9A-Za-z]{4})" + _END)
_YEAR_BEFORE = re.compile(r"\b(?:[Tt]he\s+)?[Yy]ear\s+(?:of\s+)?$")


def _year_shaped(token: str, lex: Lexicon, lengths: tuple[int, ...] = (4,),
                 digits: int = MIN_TRUE_DIGITS) -> bool:
    letters = set(lex.cat("ocr_digit"))
    return (len(token) in lengths and not token.isdigit() and bool(letters & set(token))
            and sum(c.isdigit() for c in token) >= digits
            and bool(ocr_readings(token, lex, lengths)))


def _overlaps(s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in taken)


def _western_month(m: DateMention, lex: Lexicon) -> bool:
    """A month mention written with a Western month name ("March", "in May")."""
    months = {w for w in lex.cat("month") if not w.endswith(".")}
    return m.kind == "month" and any(w in months for w in re.findall(r"[A-Za-z]+", m.text))


def _month_years(text: str, mentions: list[DateMention], taken: list[tuple[int, int]],
                 lex: Lexicon) -> list[DateMention]:
    """Month and season phrases without a year followed by "of <garbled year>", widened."""
    out: list[DateMention] = []
    for m in mentions:
        if (m.kind not in ("month", "season") or m.era is not None or m.era_year is not None
                or m.lunar_year is not None or m.stated_year is not None or m.parts
                or m.year_doubt or _western_month(m, lex)):
            continue
        hit = _OF_TOKEN.match(text, m.end)
        if hit is None or not _year_shaped(hit.group("tok"), lex) \
                or _overlaps(hit.start("tok"), hit.end("tok"), taken):
            continue
        out.append(replace(m, end=hit.end(), text=text[m.start:hit.end()],
                           year_doubt=OCR_MONTH_DOUBT))
    return out


def widen_western_month_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with each Western month (and day) mention without a year that a garbled
    year follows ("October 8, l856") widened over it into a ``gregorian`` mention of
    :data:`.ocr.OCR_MONTH_NAME_DOUBT` (a late pass: these month mentions are found late)."""
    lex = load_lexicon()
    taken = [(m.start, m.end) for m in mentions if m.kind != "dynasty"]
    out: list[DateMention] = []
    for m in mentions:
        if (m.kind not in ("month", "day") or m.month is None or m.era is not None
                or m.calendar not in ("lunar", "western")
                or m.era_year is not None or m.stated_year is not None or m.parts
                or m.year_doubt or m.western_year is not None
                or not _western_month(replace(m, kind="month"), lex)):
            out.append(m)
            continue
        hit = _COMMA_TOKEN.match(text, m.end)
        if hit is None or not _year_shaped(hit.group("tok"), lex) \
                or _overlaps(hit.start("tok"), hit.end("tok"), taken):
            out.append(m)
            continue
        out.append(replace(m, kind="gregorian", calendar="western", end=hit.end(),
                           text=text[m.start:hit.end()], year_doubt=OCR_MONTH_NAME_DOUBT))
    return out


def _token_years(text: str, taken: list[tuple[int, int]], lex: Lexicon) -> list[DateMention]:
    """Garbled years after a CE word or "the year", and before a BC word."""
    ce = [w for w, v in lex.cat("ce_prefix").items() if int(v) > 0]
    bc = [w for w, v in lex.cat("ce_prefix").items() if int(v) < 0]
    out: list[DateMention] = []
    if ce:
        after_ce = re.compile(r"(?<![A-Za-z.])(?:" + "|".join(map(
            re.escape, sorted(ce, key=len, reverse=True))) + r")[ \t]*(?P<tok>[0-9A-Za-z]{4})"
            + _END)
        for hit in after_ce.finditer(text):
            s0, e0 = hit.span("tok")
            if _year_shaped(hit.group("tok"), lex) and not _overlaps(s0, e0, taken):
                out.append(DateMention(start=s0, end=e0, text=hit.group("tok"),
                                       kind="gregorian", calendar="western",
                                       year_doubt=OCR_DOUBT))
    for hit in re.finditer(_NOT_WORD + r"(?P<tok>[0-9A-Za-z]{4})" + _END, text):
        s0, e0 = hit.span("tok")
        if _YEAR_BEFORE.search(text, max(0, s0 - 16), s0) and _year_shaped(hit.group(), lex) \
                and not _overlaps(s0, e0, taken + [(m.start, m.end) for m in out]):
            out.append(DateMention(start=s0, end=e0, text=hit.group(), kind="gregorian",
                                   calendar="western", year_doubt=OCR_DOUBT))
    if bc:
        before_bc = re.compile(_NOT_WORD + r"(?P<tok>[0-9A-Za-z]{1,4})[ \t]*(?:" + "|".join(
            map(re.escape, sorted(bc, key=len, reverse=True))) + r")(?![A-Za-z])")
        for hit in before_bc.finditer(text):
            s0, e0 = hit.span("tok")
            if _year_shaped(hit.group("tok"), lex, (1, 2, 3, 4), 1) \
                    and not _overlaps(s0, e0, taken + [(m.start, m.end) for m in out]):
                out.append(DateMention(start=s0, end=e0, text=hit.group("tok"),
                                       kind="gregorian", calendar="western",
                                       year_doubt=OCR_BC_DOUBT))
    return out


def _seasons(text: str, mentions: list[DateMention], taken: list[tuple[int, int]],
             lex: Lexicon) -> list[DateMention]:
    """"the spring of I860": a season word, "of" and a garbled year (the date grammar finds
    no season before "of" and a word)."""
    seasons = lex.cat("season")
    if not seasons:
        return []
    pat = re.compile(r"\b(?:[Tt]he[ \t]+)?(?P<s>" + "|".join(map(re.escape, sorted(
        seasons, key=len, reverse=True))) + r")[ \t]+of[ \t]+(?P<tok>[0-9A-Za-z]{4})" + _END,
        re.IGNORECASE)
    out: list[DateMention] = []
    for hit in pat.finditer(text):
        s0, e0 = hit.span()
        if _year_shaped(hit.group("tok"), lex) and not _overlaps(s0, e0, taken) \
                and not any(m.start < e0 and s0 < m.end for m in mentions):
            out.append(DateMention(start=s0, end=e0, text=hit.group(), kind="season",
                                   season=seasons[hit.group("s").lower()],
                                   year_doubt=OCR_MONTH_DOUBT))
    return out


def add_ocr_context(text: str, mentions: list[DateMention], new: list[DateMention],
                    spans: list[tuple[int, int]], lex: Lexicon) -> list[DateMention]:
    """``new`` (the mentions :mod:`.garbles` adds to ``mentions``; ``spans``: those of
    ``mentions`` that count) with the mentions of the module docstring added: widened month
    and season mentions (they cover the old ones) and garbled-year tokens. An ``unread``
    token of ``new`` that a context here reads ("In l54 B.C.") is replaced."""
    unread = [m for m in new if m.kind == "unread" and " " not in m.text]
    taken = spans + [(m.start, m.end) for m in new if m not in unread]
    months = _month_years(text, mentions, taken, lex)
    months += _seasons(text, mentions, taken + [(m.start, m.end) for m in months], lex)
    widened = [(m.start, m.end) for m in months]
    plain = [span for span in taken
             if not any(a <= span[0] and span[1] <= b for a, b in widened)]
    found = months + _token_years(text, plain + widened, lex)
    kept = [m for m in new if m not in unread
            or not any(f.start < m.end and m.start < f.end for f in found)]
    return kept + found


def read_ocr_month(m: DateMention, state, res) -> DateMention | None:
    """A month mention of :data:`OCR_MONTH_DOUBT` with its Chinese year read from the garbled
    token (``lunar_year``), or None when no year is read (``res`` then holds the month alone
    and the DATE_NOT_READ warning; ``state.unread`` is set). Other mentions come back as they
    are."""
    if m.year_doubt != OCR_MONTH_DOUBT:
        return m
    token = m.text.split()[-1]
    year = read_ocr_year(replace(m, text=token, year_doubt=OCR_DOUBT), state, res,
                         load_lexicon())
    if year is None:
        res.month, res.leap, res.season = m.month, m.leap, m.season
        return None
    return replace(m, lunar_year=year)
