"""The historic present: which sentences of a paragraph NARRATE in the present tense.

Annals, chronologies and many web pages tell events in the present ("In 1402 he takes
Nanjing and ascends the throne", "8th Month: Amursana rises in revolt", "Galdan's wife Anu
is killed, and Galdan flees westward"). Elsewhere a present tense describes ("the tomb lies
at the foot of the hill", "visitors enter the hall", "historians regard ...") and tells no
event. :func:`present_narration` decides per paragraph (block), from the trigger forms
found in it and the dates of the date stage, before the trigger sentences are parsed:

* each sentence is tallied: its present-tense trigger verbs (a third-person "-s" form, or a
  base form after a plural subject, of a verb whose past the lexicon lists; a present
  passive "is killed"), its past ones ("was killed", "took", "routed") and present perfects ("has
  taken"), its copulas ("is", "remains": a state), whether it holds a date of its own
  (a year, month, season or day; not a dynasty named as a period, nor a life span aside)
  and whether it holds a ``describe`` or ``historiography`` cue
  (``gazetteer/narration_cues.csv``: "visitors", "museum", "lies", "historians", "records");
* a paragraph narrates when the present trigger verbs of its other sentences outnumber its
  past ones and perfects and its copulas, one of their sentences names a doer (a person,
  army or polity, or a personal pronoun: not "the road crosses the river and enters the
  valley"), and the present is anchored in past time: a
  sentence with a present trigger verb holds its own date or follows a date heading told as
  a sentence ("AD 208. Cao Cao marches south."), or there are two present trigger
  verbs and a ``past_time`` adverb ("then", "later", "soon after").

A paragraph with date headings (a heading line, "8th Month:", or a short dated sentence,
"AD 208.") is decided section by section (:func:`sections`). In a narrating paragraph or
section every sentence but the describing ones is narrated: the present
tense of its triggers is read as past (tense "" like a timeline item,
:func:`pipeline.events.modality.timeline_line`, which asks :func:`narrated`), so its rows
keep their subjects, passives and dates; the parse still decides per trigger (only a verb
tagged present is affected: :func:`pipeline.events.modality.tense`). The decision of each
paragraph is kept by its text (:func:`narrated`), as the rows are built after all the
document's paragraphs are prepared.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from pipeline.events.hedges import load_report_cues
from pipeline.events.lexicon import EventLexicon, load_verb_inflections
from pipeline.records import DateRow, EntityRow
from pipeline.resources import active_gazetteer_dir

#: Date kinds that place no sentence in a time of its own: a dynasty named as a period ("in
#: the Later Han"), a life or reign span aside, a document's starting date, an age.
_TIMELESS = frozenset({"period", "aside", "context", "age"})
#: Words before a trigger form that make it no finite verb: a determiner or possessive (a
#: noun: "the attacks", "his raids"), an infinitive marker, a modal or "do" (a base form
#: that is no present tense: "to flee", "could take", "did not attack").
_NOT_FINITE = frozenset({
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those",
    "this", "that", "many", "several", "some", "all", "no", "of", "numerous", "frequent",
    "repeated", "two", "three", "such", "whose", "other", "further", "new",
    "to", "will", "would", "could", "can", "may", "might", "must", "shall", "should", "did",
    "does", "do", "not", "n't", "let", "cannot",
    "in", "on", "at", "by", "for", "with", "from", "into", "against", "after", "before",
    "during", "under", "upon", "without", "great", "heavy", "major"})
#: Auxiliaries of a past tense before a participle ("was killed", "had taken").
_PAST_AUX = frozenset({"was", "were", "had"})
#: Auxiliaries of a present passive ("is killed", "are enrolled").
_PRESENT_BE = frozenset({"is", "are", "am"})
#: Words that are no present passive auxiliary's complement's end: a participle's endings.
_PARTICIPLE_ENDS = ("ed", "en", "wn", "ne")
#: Adverbs that may stand between an auxiliary and its participle ("is soon captured").
_BETWEEN = frozenset({"also", "again", "soon", "then", "now", "thus", "finally", "promptly",
                      "immediately", "quickly", "easily", "completely", "utterly", "badly",
                      "twice", "once", "later", "himself", "herself", "themselves"})
#: Personal pronouns that may be the doer of a narrated event ("In 1402 he takes Nanjing").
_PERSONAL = frozenset({"he", "she", "they", "his", "her", "their"})
#: Entity labels of a doer.
_DOERS = frozenset({"PERSON", "ARMY", "POLITY"})
#: Most paragraph decisions kept (by text) for the rows built after they are prepared.
_KEPT = 4096
_decided: OrderedDict[str, tuple[tuple[int, int], ...]] = OrderedDict()


def load_narration_cues(path: Path | None = None) -> Mapping[str, frozenset[str]]:
    """Cue kind -> lower-case word forms of ``narration_cues.csv`` (``describe``,
    ``historiography``, ``past_time``, ``state``, ``perfect``); default: the active
    gazetteer's file (a user's overlay, ``--gazetteer``, or the bundled one)."""
    return load_report_cues(path or active_gazetteer_dir() / "narration_cues.csv")  # same
    # layout as report_cues.csv (forms, kind)


@lru_cache(maxsize=2)
def _verb_forms() -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas of ``verb_inflections.csv`` and their past forms (not the lemma, nor an
    "-s" or "-ing" form: "took", "taken", "fled")."""
    verbs = load_verb_inflections()  # the table the event lexicon is read with
    past = {f for lemma, forms in verbs.items() for f in forms
            if f != lemma and not f.endswith(("s", "ing"))}
    return frozenset(verbs), frozenset(past - set(verbs))


def _stems(word: str) -> list[str]:
    """The lemmas a third-person "-s" form may have ("flees" -> "flee", "marches" ->
    "march", "allies" -> "ally")."""
    out = [word[:-1]]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    return out


def _is_verb(lemma: str, lex: EventLexicon, lemmas: frozenset[str]) -> bool:
    """A verb the lexicon tells events by: listed in the inflection table or with an "-ed"
    past that is a trigger form."""
    return lemma in lemmas or f"{lemma}ed" in lex.forms or f"{lemma}d" in lex.forms


def _before(doc: Doc, i: int) -> tuple[str, str]:
    """The lower-case word before token ``i`` and the one before that, skipping the adverbs
    that stand between an auxiliary and its participle (:data:`_BETWEEN`)."""
    j = i - 1
    while j >= 0 and doc[j].lower_ in _BETWEEN:
        j -= 1
    first = doc[j].lower_ if j >= 0 else ""
    return first, doc[j - 1].lower_ if j >= 1 else ""


def verb_tense(doc: Doc, i: int, lex: EventLexicon) -> str:
    """``present``, ``past``, ``perfect`` or "" (not a finite verb, or not known) for the
    trigger word at token ``i`` of an untagged paragraph, from its form and the word before
    it: "is killed"/"are enrolled" and "flees"/"(the Khalkha) flee": present; "was killed",
    "had taken", "took", "routed": past; "has taken": perfect; "the attacks", "to flee",
    "could take": ""."""
    word = doc[i].lower_
    prev, _ = _before(doc, i)
    lemmas, pasts = _verb_forms()
    perfect = load_narration_cues().get("perfect", frozenset())
    participle = word.endswith(_PARTICIPLE_ENDS) or word in pasts
    if prev in _PRESENT_BE:
        return "present" if participle else ""
    if prev in perfect:
        return "perfect" if participle else ""
    if prev in _PAST_AUX:
        return "past" if participle else ""
    if prev in _NOT_FINITE or (prev and not prev[0].isalpha() and prev not in (",", ";")):
        return ""  # "the attacks", "to flee", "in revolt", a word opening a sentence
    if word.endswith("ed") or (word in pasts and not word.endswith(_PARTICIPLE_ENDS[1:])):
        return "past"
    if word in lex.present:
        return "present"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) \
            and any(_is_verb(s, lex, lemmas) for s in _stems(word)):
        return "present"
    if _is_verb(word, lex, lemmas) and word not in pasts \
            and (_plural(prev) or _joined_names(doc, i)):
        return "present"  # "Qing armies enter Ili", "they flee", "Sun Quan and Liu Bei
        # defeat Cao Cao"; not MT "Judy attack Dongchang"
    return ""


#: Pronouns and quantifiers a base-form present agrees with ("they flee", "both submit").
_PLURAL_SUBJECTS = frozenset({"they", "we", "both", "all", "others"})


def _joined_names(doc: Doc, i: int) -> bool:
    """A capitalised word before token ``i`` with an "and" joining it to another name in the
    four words before ("Sun Quan and Liu Bei defeat"): a plural subject."""
    return i > 1 and doc[i - 1].text[:1].isupper() and any(
        t.lower_ == "and" and t.i > 0 and doc[t.i - 1].text[:1].isupper()
        for t in doc[max(0, i - 5):i - 1])


def _plural(word: str) -> bool:
    """A word a base-form verb after it agrees with: a plural noun ("armies", "Mongols";
    not "-ss", "-us") or a plural pronoun. A singular subject with a base form ("Judy attack
    Dongchang", "Li Jinglong again defeat") is word-by-word machine translation, whose bare
    verbs tell no tense."""
    return word in _PLURAL_SUBJECTS or (len(word) > 3 and word.endswith("s")
                                         and not word.endswith(("ss", "us", "is")))


@dataclass(frozen=True)
class Tally:
    """What one sentence of a paragraph tells in which tense (block-local characters)."""

    start: int
    end: int
    present: int  # present-tense trigger verbs
    past: int  # past-tense trigger verbs and present perfects
    state: int  # copulas that are no passive auxiliary ("the city is large")
    dated: bool  # holds a date of its own
    describes: bool  # holds a describe or historiography cue
    past_time: bool  # holds a past-time adverb
    actor: bool = True  # names a person, army or polity, or a personal pronoun
    words: int = 0  # tokens
    heads: bool = False  # opens a dated section: a date heading line or sentence


def _dated(dates: Sequence[DateRow], starts: Sequence[int], lo: int, hi: int) -> bool:
    """Whether a date that places a sentence in time starts in full-text ``[lo, hi)``."""
    i = bisect.bisect_left(starts, lo)
    while i < len(starts) and starts[i] < hi:
        if dates[i].kind not in _TIMELESS:
            return True
        i += 1
    return False


def tally(doc: Doc, sent: Span, triggers: Sequence[int], lex: EventLexicon,
          dates: Sequence[DateRow], starts: Sequence[int], offset: int,
          actors: Sequence[tuple[int, int]] = ()) -> Tally:
    """The :class:`Tally` of sentence ``sent`` of paragraph ``doc`` (full-text start
    ``offset``) whose trigger forms start at the token indices ``triggers``; ``dates``:
    the document's dated dates sorted by start (``starts``, full-text offsets);
    ``actors``: full-text spans of the paragraph's PERSON, ARMY and POLITY entities."""
    cues = load_narration_cues()
    tenses = [verb_tense(doc, i, lex) for i in triggers]
    trig = set(triggers)
    state = 0
    for tok in sent:
        if tok.lower_ in cues.get("state", ()) and tok.i not in trig:
            nxt = next((t for t in doc[tok.i + 1:sent.end] if t.lower_ not in _BETWEEN), None)
            if nxt is None or not (nxt.i in trig or nxt.lower_.endswith(("ed", "en", "wn", "ing"))
                                   or nxt.lower_ in _verb_forms()[1]):
                state += 1  # not "is killed", "is broken", "is marching"
    words = {t.lower_ for t in sent}
    lo, hi = offset + sent.start_char, offset + sent.end_char
    actor = bool(words & _PERSONAL) or any(lo <= a < hi for a, _ in actors)
    lead = len(sent.text) - len(sent.text.lstrip())
    line = sent.text.find("\n", lead)  # "8th Month:\nAmursana ... rises": a heading line
    head = (doc.char_span(sent.start_char + lead, sent.start_char + line,
                          alignment_mode="expand") if line > 0 else None) or sent
    heads = len(head) <= _HEADING_WORDS and not any(head.start <= i < head.end for i in trig) \
        and _dated(dates, starts, offset + head.start_char, offset + head.end_char + 1)
    return Tally(sent.start_char, sent.end_char, tenses.count("present"),
                 tenses.count("past") + tenses.count("perfect"), state,
                 _dated(dates, starts, offset + sent.start_char, offset + sent.end_char),
                 bool(words & (cues.get("describe", frozenset())
                               | cues.get("historiography", frozenset()))),
                 bool(words & cues.get("past_time", frozenset())), actor, len(sent), heads)


def narrates(tallies: Sequence[Tally]) -> bool:
    """Whether a paragraph of these sentence tallies narrates in the present (module doc)."""
    told = [t for t in tallies if not t.describes]
    present = sum(t.present for t in told)
    if not any(t.present and t.actor for t in told):
        return False  # "the road then crosses the river and enters the valley": no one acts
    if present == 0 or present <= sum(t.past for t in told) \
            or present <= sum(t.state for t in tallies):
        return False
    return any(t.dated and t.present for t in _under_headings(told)) \
        or (present >= 2 and any(t.past_time for t in tallies))


#: Most tokens of a date heading told as a sentence or line of its own ("AD 208.",
#: "Spring.", "Kangxi Reign, 35th Year").
_HEADING_WORDS = 8


def sections(tallies: Sequence[Tally]) -> list[list[Tally]]:
    """The paragraph's sentences grouped into dated sections, each opened by a sentence
    that is or begins with a date heading (:attr:`Tally.heads`): an annals page whose
    paragraph runs on from a past-tense introduction into present-tense year entries is
    decided section by section."""
    out: list[list[Tally]] = []
    for t in tallies:
        if not out or t.heads:
            out.append([])
        out[-1].append(t)
    return out


def _under_headings(tallies: Sequence[Tally]) -> list[Tally]:
    """The tallies with the sentences after a date heading (a short dated sentence with no
    trigger verb: "AD 208.", "Autumn, seventh month.") counted as dated: a section under a
    year heading tells its events in that year."""
    out, under = [], False
    for t in tallies:
        if t.dated and not (t.present or t.past) and t.words <= _HEADING_WORDS:
            under = True
        out.append(dataclasses.replace(t, dated=True) if under and not t.dated else t)
    return out


def present_narration(doc: Doc, text: str, offset: int, found: Mapping[tuple[int, int], str],
                      dates: Sequence[DateRow], starts: Sequence[int], lex: EventLexicon,
                      entities: Sequence[EntityRow] = ()) -> tuple[tuple[int, int], ...]:
    """The block-local character spans of the sentences of paragraph ``doc`` (text
    ``text``, full-text start ``offset``) that narrate in the historic present (none unless
    the paragraph :func:`narrates`; not a describing sentence), from its trigger forms
    ``found`` (token span -> form), the document's ``dates`` (sorted, with full-text
    ``starts``) and the paragraph's ``entities`` (full-text offsets). The answer is kept for
    :func:`narrated`."""
    spans: tuple[tuple[int, int], ...] = ()
    firsts = sorted({s for s, _ in found})
    if firsts and doc.has_annotation("SENT_START") and any(
            verb_tense(doc, i, lex) == "present" for i in firsts):  # none: no section narrates
        actors = [(e.start, e.end) for e in entities if e.label in _DOERS]
        tallies = []
        for sent in doc.sents:
            lo, hi = bisect.bisect_left(firsts, sent.start), bisect.bisect_left(firsts, sent.end)
            tallies.append(tally(doc, sent, firsts[lo:hi], lex, dates, starts, offset, actors))
        spans = tuple((t.start, t.end) for section in sections(tallies) if narrates(section)
                      for t in section if not t.describes)
    _decided.pop(text, None)
    if spans:
        _decided[text] = spans
        while len(_decided) > _KEPT:
            _decided.popitem(last=False)
    return spans


def narrated(text: str, char: int) -> bool:
    """Whether offset ``char`` of paragraph ``text`` lies in a sentence that
    :func:`present_narration` found narrating in the historic present."""
    return any(lo <= char < hi for lo, hi in _decided.get(text, ()))
