"""Bare Western numbers as years: when "of 1460" or "0844" is a year, and printed spans of
years ("(1149-69)", "(r. 1127–1162)", "1368–1644", "(1101/02)", "221–206 BC").

A number is a year only with support. :func:`bare_year_doubt` decides, from the words around
it, whether a bare number found by the grammar is a quantity (no mention), a year, or a year
to be checked against the running date by the resolver (``DateMention.year_doubt``; see
:func:`.western_years.check_bare_year`). Word lists: ``year_preposition`` rows of
``gazetteer/date_words.csv`` with value ``weak`` ("of", "to": often before a quantity) and
``count_noun`` rows (units and counted things: "households", "men", "li").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

MAX_BARE_YEAR = 2100  # a bare number above this, without BC/AD, is no year of history
MAX_SPAN = 1000  # a printed span of years longer than this is no span of years
_PREP_BEFORE = re.compile(r"(?i)\b([a-z]+\.?)\s+(?:the\s+year\s+)?$")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_SENTENCE_START = re.compile(r"(?:^|\n[ \t]*|[.!?][ \t]+)$")
# a line break inside a sentence: the line before ends in a lower-case word or a comma
# ("... on the Kerulon in\n1229"), not a heading ("The Taiping Rebellion\n1850") or a full stop
_LINE_GOES_ON = re.compile(r"(?:(?<![\w'’-])[a-z]+|,)[ \t]*\n[ \t]*$")
_NEXT_WORDS = re.compile(r"\s+([a-z][a-z'’-]*)(?:\s+([a-z][a-z'’-]*))?")
# an "-s" word that is no plural noun
_NOT_PLURAL = frozenset((
    "is", "was", "has", "as", "its", "his", "this", "thus", "us", "yes", "less", "unless",
    "across", "plus", "does", "whereas", "always", "perhaps", "afterwards", "towards",
    "besides", "hers", "ours", "theirs", "yours", "whose", "various", "numerous", "famous",
))
_SPAN_ASIDE = re.compile(
    r"(?:\(\s*|\(?\s*(?<![.\w])(?:r|b|d|c|ca|fl)\.\s*|\(\s*(?:reigned|ruled)\s+"
    r"|\(\s*(?:AD|A\.\s?D\.|CE|C\.E\.)\s*)$", re.I)
_ABBREV_BEFORE = re.compile(r"(?i)(?<![\w.])(?:c|ca|A\.\s?D|C\.E)\.\s*$")  # "c. 1100"
_YEARS_BEFORE = re.compile(r"(?i)\byears\s+$")  # "the years 201-220"
_CE_BEFORE = re.compile(r"(?:\bA\.\s?D\.|\bAD|\bCE|\bC\.E\.)\s*$")
_ARTICLE_AFTER = re.compile(r",\s+(?:the|a|an)\s")
#: The doubt of a year opening a sentence before a comma and an article ("1279, the Yamen sea
#: war ..."; "200, the second section ..." is an episode number): a year only when a running
#: year is near it (:func:`pipeline.dates.western_years.check_bare_year`), else none.
ARTICLE_DOUBT = "at a sentence start, before an article"
_NOT_YEARS = re.compile(r"(?i)\b(?:pp?|nos?|vols?|ch|fig|tab|n)\.\s*$|(?:page|pages|p)\s+$")


def _plural_like(word: str, count_nouns: frozenset[str]) -> bool:
    w = word.lower()
    if w in count_nouns:
        return True
    return (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
            and w not in _NOT_PLURAL)


def bare_year_doubt(text: str, start: int, end: int, year_text: str,
                    weak_preps: frozenset[str], count_nouns: frozenset[str],
                    date_nouns: frozenset[str] = frozenset()) -> str | None:
    """Why the bare number ``year_text`` (matched at ``start:end``) is an unsure year, or
    ``"quantity"`` when it is no year at all, or None when nothing speaks against it.

    * After a weak preposition ("a total of 1460 households", "rose to 3000 men"): followed by
      a plural-looking word or a count noun (also after one other word: "1460 registered
      households") or a participle and a plural-looking word ("about 500 accompanying
      subordinates", "of 300 armed retainers"; not a function word of spaCy's English stop
      list: "about 1200 the Mongols") -> "quantity"; after one of ``date_nouns`` ("the middle
      of 805", "the spring of 1127") -> a year; otherwise "after 'of'" (the resolver then
      wants a running date near it).
    * A leading zero ("0844") -> "leading zero"; before a comma and an article at a sentence
      start ("1279, the Yamen sea war") -> :data:`ARTICLE_DOUBT` (both: a year only near the
      running year).
    * At the start of a sentence, no word before it ("1849, Hong Xiuquan ...") -> "at a
      sentence start"; a line start after a lower-case word or a comma is inside a sentence
      ("on the Kerulon in\n1229": read as after "in").
    """
    if int(year_text) > MAX_BARE_YEAR:
        return "quantity"
    doubt = "leading zero" if year_text.startswith("0") else None
    if (doubt is None and _SENTENCE_START.search(text, max(0, start - 3), start)
            and not _ABBREV_BEFORE.search(text, max(0, start - 6), start)
            and not _LINE_GOES_ON.search(text, max(0, start - 30), start)):
        if _ARTICLE_AFTER.match(text, end):
            return ARTICLE_DOUBT  # "1279, the Yamen sea war": a year only near the running one
        return "at a sentence start"  # "1849, Hong Xiuquan ...": no word says it is a year
    prep = _PREP_BEFORE.search(text, max(0, start - 20), start)
    if prep is None or prep.group(1).lower() not in weak_preps:
        return doubt
    if "year" in text[prep.start():start].lower():
        return doubt  # "of the year 1460"
    noun = _WORD_BEFORE.search(text, max(0, prep.start() - 20), prep.start())
    if noun is not None and noun.group(1).lower() in date_nouns:
        return doubt  # "the middle of 805", "the spring of 1127", "June of 1127"
    nxt = _NEXT_WORDS.match(text, end)
    if nxt is not None:
        first, second = nxt.group(1), nxt.group(2)
        if _plural_like(first, count_nouns) or (second and second.lower() in count_nouns):
            return "quantity"
        if (second and _plural_like(second, count_nouns) and first.lower() not in STOP_WORDS
                and first.lower().endswith(("ing", "ed"))):
            return "quantity"  # "about 500 accompanying subordinates": a participle, a plural
    return doubt or f"after {prep.group(1).lower()!r}"


def year_span(text: str, start: int, first: str, last: str, bc: bool,
              prepositions: frozenset[str]) -> tuple[int, int, bool] | None:
    """A printed span of years at ``start`` ("1149" - "69"): (first CE year, last CE year,
    aside) or None when it is no span of years. The last year may be shortened ("1149-69" ->
    1169, "(1101/02)" -> 1102; "1198-02" -> 1202). ``aside``: in parentheses or after "r.",
    "b.", "d.": a gloss on a name that does not move the running date. A span not aside needs
    a year preposition, "years" or "A.D." before it ("from", "in", "the years 201-220") or two
    full years ("1368–1644"), and never
    follows "p.", "pp.", "no.".

    BC ("221–206 BC") counts down: the first number is then the larger. Years are
    astronomical (1 BC = 0)."""
    before = text[max(0, start - 12):start]
    if _NOT_YEARS.search(before):
        return None
    aside = _SPAN_ASIDE.search(before) is not None
    a = int(first)
    if bc and len(last) < len(first) and int(last) < a:
        b = int(last)  # "B.C. 152-80": BC counts down, the shorter number is the later year
    elif len(last) < len(first):
        b = int(first[: len(first) - len(last)] + last)
        if b < a and not bc:
            b += 10 ** len(last)
    else:
        b = int(last)
    if not aside:
        prep = _PREP_BEFORE.search(before)
        if not ((prep is not None and prep.group(1).lower() in prepositions)
                or (len(first) == len(last) == 4) or _CE_BEFORE.search(before)
                or _YEARS_BEFORE.search(before)):
            return None
    if bc:
        if b >= a:
            return None
        a, b = 1 - a, 1 - b
    if not (0 < b - a <= MAX_SPAN) or max(a, b) > MAX_BARE_YEAR:
        return None
    return a, b, aside


_HEAD_SENTENCE = re.compile(r"(?:\n[ \t]*|[.!?:][ \t]+)$")
_TAIL_SENTENCE = re.compile(r"[ \t]*(?:[.;]|\n|$)")
_CE_WORDS = re.compile(r"(?i)(?:\bA\.\s?D\.|\bAD\b|\bCE\b|\bC\.E\.|\bc\.|\bca\.|\bcirca\b)\s*$")


def stands_alone(text: str, start: int, end: int, life_words: frozenset[str],
                 need_word: bool) -> bool:
    """True when the year or span ``text[start:end]`` is a sentence of its own, with at most
    a ``life_word`` of ``gazetteer/date_words.csv`` ("Died", "b.", "fl.") and "A.D." before it:
    a dictionary entry's life dates ("KUO Tzŭ-i. A.D. 697-781.", "Died A.D. 934."), not the
    narrative's date. ``need_word``: the life word must be there (a single year)."""
    if not _TAIL_SENTENCE.match(text, end):
        return False
    head = text[max(0, start - 30):start]
    ce = _CE_WORDS.search(head)
    if ce is not None:
        head = head[:ce.start()]
    word = re.search(r"([A-Za-z]+\.?)\s*$", head)
    if word is not None and word.group(1).lower() in life_words:
        head = head[:word.start()]
    elif need_word:
        return False
    return bool(_HEAD_SENTENCE.search(head)) if start > 30 else not head.strip() or bool(
        _HEAD_SENTENCE.search(head))
