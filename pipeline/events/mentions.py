"""How salient each actor mention of a paragraph is: its grammatical role read from the surface,
and the entry's headword (the topic of a dictionary entry or of a section under a name).

An anaphor ("he", "they") is resolved in :class:`pipeline.events.salience.Salience` to the
candidate with the highest salience, in the spirit of Lappin and Leass (1994, "An algorithm
for pronominal anaphora resolution", *Computational Linguistics* 20(4)): each mention scores by
its role (subject over object over an oblique over a phrase inside another noun phrase: "the
son of X"), the score halves for every sentence back, and the scores of one person's mentions
add up. The paragraph is not parsed (only trigger sentences are), so the role comes from the
words around the mention (:func:`surface_mentions`): the preposition before it, a possessive
after it, a coordination with the mention before it, its place in the clause.

A paragraph that opens with a person's name followed by only a number, bracketed matter (life
dates, a courtesy name) or Chinese characters and a full stop ("1223 Li Ts'ung-k'o 李從珂.",
"An Lushan (703 to 757 years)."), or that is nothing but a name (a heading), names its
**topic** (:func:`entry_topic`): the person the following sentences are about; their "he" and
their subjectless sentences ("Died A.D. 934.") refer to it.

Offsets are full-text ``str`` indices. Weights are the Lappin–Leass factor values (recency 100,
subject 80, direct object 50, oblique 40, head noun 80, non-adverbial 50).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from pipeline.records import EntityRow

#: Salience of a mention by surface role (Lappin–Leass factor sums, the sentence's own recency
#: included): subject, direct object, oblique (by/with/to X), embedded ("of X", "X's").
ROLE_WEIGHT = {"subject": 310, "object": 280, "oblique": 220, "embedded": 100}
#: Head-noun emphasis a second or later conjunct ("X, Y and Z attacked": Y, Z) does not get.
CONJUNCT_PENALTY = 80
#: The standing salience of an entry's headword (not halved by distance within its entry).
TOPIC_WEIGHT = 150

_SKIP = frozenset({"the", "a", "an", "his", "her", "its", "their", "this", "that", "these",
                   "those", "both", "all", "two", "three"})
_OBLIQUE = frozenset({
    "by", "with", "to", "from", "against", "under", "for", "at", "in", "on", "into", "toward",
    "towards", "after", "before", "than", "upon", "between", "among", "like", "as",
    "through", "without", "about", "over", "near", "behind", "beside", "besides", "unto",
    "onto", "via", "despite", "during", "within", "around", "across", "along", "beyond",
    "except", "following", "including", "concerning", "regarding", "alongside"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "who", "which"})
#: At most this many words may stand before a clause's subject ("In the spring of 1127, X").
_SUBJECT_LEAD = 8
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|when|whereupon|then)\b|\bbut\b|\bwhile\b"
                           r"|\bwhen\b|\bafter\b|\bbefore\b|\bso\b|\bwho\b|\bwhom\b|\bwhich\b")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|[,;:&]|\d+", re.UNICODE)
_POSSESSIVE_AFTER = re.compile(r"\s*['’]s?\b")
#: What may follow a headword before its full stop: numbers, brackets, Chinese characters,
#: dashes and spaces ("1223 Li Ts'ung-k'o 李從珂.", "An Lushan (703 to 757 years)."), and
#: the marks OCR leaves for Chinese characters it could not read ("Ti Ch*ing ^ ^ (T. ^ g).":
#: "^", "*", "■", "□", "|").
_HEADWORD_TAIL = re.compile(r"(?:\s|\d|[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f]|\([^()\n]*\)"
                            r"|\[[^\[\]\n]*\]|[-–—,^*■□|])*(?:\.|$)")
_HEADWORD_LEAD = re.compile(r"\s*(?:(?:No\.\s*)?\d+[a-z]?\.?\s+)?")


@dataclass(frozen=True)
class Mention:
    """One agent mention: the entity row, the index of its sentence in the paragraph, its
    surface role (``subject``, ``object``, ``oblique``, ``embedded``), its weight before
    distance decay and its full-text position (the entity's start, or for an anaphor resolved
    to the entity, the anaphor's trigger)."""

    entity: EntityRow
    sentence: int
    role: str
    weight: int
    pos: int


def sentence_index(sent_starts: Sequence[int], pos: int) -> int:
    """Index of the sentence (``sent_starts``: full-text starts, sorted) holding ``pos``."""
    return max(0, bisect.bisect_right(sent_starts, pos) - 1)


def surface_mentions(text: str, offset: int, entities: Sequence[EntityRow],
                     sent_starts: Sequence[int]) -> list[Mention]:
    """The mentions of ``entities`` (agent entities of one paragraph, full-text offsets, sorted
    by start) in ``text`` (the paragraph, starting at full-text ``offset``), with the role the
    words around each give: ``embedded`` after "of" or before "'s"; ``oblique`` after another
    preposition (determiners and possessive pronouns skipped: "by his adopted son X");
    a conjunct after another mention and a comma or "and" takes that mention's role without
    head emphasis; otherwise ``subject`` for the first such mention of its clause (clauses end
    at ";", ":", ", and", "but", "when", relative pronouns ...) and ``object`` after it."""
    out: list[Mention] = []
    clause_has_subject: dict[tuple[int, int], bool] = {}
    prev: Mention | None = None
    for ent in entities:
        lo, hi = ent.start - offset, ent.end - offset
        if lo < 0 or hi > len(text):
            continue
        sent = sentence_index(sent_starts, ent.start)
        sent_lo = max(0, sent_starts[sent] - offset) if sent_starts else 0
        before = text[sent_lo:lo]
        words = [w.lower() for w in _WORD.findall(before)]
        while words and words[-1] in _SKIP:
            words.pop()
        last = words[-1] if words else ""
        breaks = list(_CLAUSE_BREAK.finditer(before))
        clause = (sent, breaks[-1].end() if breaks else 0)
        gap = text[prev.entity.end - offset:lo] if prev is not None and prev.sentence == sent \
            and prev.entity.end <= ent.start else None
        if _POSSESSIVE_AFTER.match(text, hi) and text[hi:hi + 1] in "'’":
            role, weight = "embedded", ROLE_WEIGHT["embedded"]
        elif last == "of":
            role, weight = "embedded", ROLE_WEIGHT["embedded"]
        elif last in _OBLIQUE:
            role, weight = "oblique", ROLE_WEIGHT["oblique"]
        elif prev is not None and gap is not None and gap.strip() in (",", "and", ", and", "or") \
                and prev.role in ("subject", "object"):
            role, weight = prev.role, ROLE_WEIGHT[prev.role] - CONJUNCT_PENALTY
        elif not clause_has_subject.get(clause) and _subject_slot(
                before[breaks[-1].end() if breaks else 0:]):
            role, weight = "subject", ROLE_WEIGHT["subject"]
            clause_has_subject[clause] = True
        else:
            role, weight = "object", ROLE_WEIGHT["object"]
        prev = Mention(ent, sent, role, weight, ent.start)
        out.append(prev)
    return out


def _subject_slot(clause: str) -> bool:
    """True when the words of a clause before a mention leave the subject slot open: no
    subject pronoun ("he wanted to pursue X": X is no subject) and few words (a date or an
    adverb: "In 1127, X took ..."; a longer run holds a verb)."""
    words = [w.lower() for w in _WORD.findall(clause) if w[0].isalpha()]
    return not any(w in _SUBJECT_PRONOUNS for w in words) and len(words) <= _SUBJECT_LEAD


def parsed_roles(mentions: Sequence[Mention], sdoc: Doc, base: int) -> list[Mention]:
    """``mentions`` with the roles of those inside the parsed sentence ``sdoc`` (a Doc whose
    first character is at full-text offset ``base``) read from its dependency parse: a subject
    (``nsubj``/``nsubjpass``, or the root noun of a fragment), a direct object, an oblique
    (object of a preposition other than "of"), embedded (a possessor, a compound modifier, an
    "of" object); an apposition takes its head's role, a conjunct its head's role without head
    emphasis. Mentions outside ``sdoc`` (or an unparsed ``sdoc``) are kept as they are."""
    if not sdoc.has_annotation("DEP") or not len(sdoc):
        return list(mentions)
    idx = sdoc.to_array(IDX).tolist()  # (arrays: no Token objects, no rebuilt sdoc.text)
    last = sdoc[-1]
    lo, hi = base, base + last.idx + len(last.text_with_ws)  # = base + len(sdoc.text)
    idx = [base + i for i in idx]
    out = []
    for m in mentions:
        ent = m.entity
        if not (lo <= ent.start and ent.end <= hi) or m.pos != ent.start:
            out.append(m)
            continue
        first = bisect.bisect_left(idx, ent.start)
        last = bisect.bisect_left(idx, ent.end)
        toks = sdoc[first:max(last, first + 1)]
        if not len(toks):
            out.append(m)
            continue
        head = next((t for t in toks if not (toks.start <= t.head.i < toks.end) or t.head.i == t.i),
                    toks[0])
        role, conj = _dep_role(head)
        weight = ROLE_WEIGHT[role] - (CONJUNCT_PENALTY if conj and role != "embedded" else 0)
        out.append(Mention(ent, m.sentence, role, weight, m.pos))
    return out


def _dep_role(tok: Token) -> tuple[str, bool]:
    """(role, is a later conjunct) of a noun token from its dependency label."""
    conj = False
    for _ in range(6):
        dep = tok.dep_
        if dep in ("appos", "conj") and tok.head.i != tok.i:
            conj = conj or dep == "conj"
            tok = tok.head
            continue
        break
    dep = tok.dep_
    if dep in ("nsubj", "nsubjpass", "csubj", "ROOT"):
        return "subject", conj
    if dep in ("dobj", "obj", "attr", "oprd", "dative"):
        return "object", conj
    if dep == "pobj":
        return ("embedded" if tok.head.lower_ == "of" else "oblique"), conj
    if dep in ("poss", "compound", "amod", "nmod", "nn"):
        return "embedded", conj
    return "oblique", conj


def entry_topic(text: str, offset: int, entities: Sequence[EntityRow]) -> EntityRow | None:
    """The headword of a paragraph that opens an entry on a person (see the module doc): the
    PERSON entity at the paragraph's start (after an optional entry number) followed only by
    numbers, bracketed matter, Chinese characters or dashes up to a full stop or the paragraph's
    end; else None. ``entities``: the paragraph's (full-text offsets, sorted by start)."""
    lead = _HEADWORD_LEAD.match(text)
    at = offset + (lead.end() if lead else 0)
    first = next((e for e in entities if e.start >= offset), None)
    if first is None or first.label != "PERSON" or first.start != at:
        return None
    tail = _HEADWORD_TAIL.match(text, first.end - offset)
    return first if tail is not None else None
