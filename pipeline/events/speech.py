"""Direct speech: a trigger inside a quoted clause reports what someone said, threatened or
ordered ("said: "Who speaks of moving south shall be beheaded!""), not what happened.

Quotations are read from the paragraph's characters: pairs of curly double quotes (“ ”) and
pairs of straight double quotes, a straight quote opening only before a word and after a
space, a bracket, a colon or the start ("said: "We ...), closing only after a word and before
a space, punctuation or the end (a stray quote, "Jiajing," Nurhaci", opens nothing), and
within one line (machine-translated pages drop closing quotes: a straight quote still open at
a line end is dropped). A quotation is
speech when it runs past the trigger's sentence (a quoted passage) or when one of the words
heading it in the dependency parse is a verb (a clause: "Who speak south move, can be
beheaded!"); a quoted name or term ("the "China Peasant Uprising"", "the policy of "uniting
Liao"") heads on a noun and stays narration. Inside speech, a clause that tells what had
happened stays narration too (:func:`told_as_past`): its verb in the past or the perfect,
with no modal, no infinitive marker and no imperative ("and now we have killed the envoys",
"the annals say: "In the spring the king attacked Qi""); a threat, an order, a plan or a
wish ("shall be beheaded", "Attack the city!", "we will take Luoyang") is speech. Offsets
are ``str`` indices into the paragraph.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from pipeline.events.syntax import SUBJ, SUBJ_PASS, coarse

#: Auxiliaries of a past or perfect clause ("have killed", "was captured", "had fled").
_PAST_AUX = frozenset({"have", "has", "had", "was", "were", "been", "having"})

_OPEN, _CLOSE, _STRAIGHT = "\u201c", "\u201d", '"'
_BEFORE_OPEN = frozenset("([{:\u2014-")


@lru_cache(maxsize=64)
def quotations(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of the inside of each quotation of ``text`` (after the opening mark,
    before the closing one), in order. Curly pairs first; straight quotes pair in order
    by their neighbours (see the module doc); a mark with no partner opens nothing."""
    spans: list[tuple[int, int]] = []
    curly = straight = -1
    for i, ch in enumerate(text):
        if ch == _OPEN:
            curly = i + 1
        elif ch == _CLOSE and curly >= 0:
            spans.append((curly, i))
            curly = -1
        elif ch == "\n":
            straight = -1  # a straight quote left open at a line end closes nowhere
        elif ch == _STRAIGHT and curly < 0:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if straight >= 0 and not before.isspace() and (after.isspace() or not after.isalnum()):
                spans.append((straight, i))
                straight = -1
            elif straight < 0 and (before.isspace() or before in _BEFORE_OPEN) \
                    and not after.isspace():
                straight = i + 1
    return tuple(spans)


def in_speech(text: str, trig: Span, sent: Span, sdoc: Doc) -> bool:
    """True when the trigger ``trig`` (a span of the paragraph Doc whose text is ``text``)
    lies in a quotation that is direct speech (see the module doc). ``sent``: its sentence
    in the paragraph Doc; ``sdoc``: that sentence parsed (same tokens); without a parse only
    a quotation running past the sentence counts."""
    for start, end in quotations(text):
        if not (start <= trig.start_char and trig.end_char <= end):
            continue
        if start < sent.start_char or end > sent.end_char:
            return True  # a quoted passage of more than one sentence
        if not sdoc.has_annotation("DEP"):
            return False
        base = sent.start_char
        inside = [t for t in sdoc if start <= base + t.idx and base + t.idx + len(t) <= end]
        heads = [t for t in inside if not (start <= base + t.head.idx < end) or t.head.i == t.i]
        if not any(coarse(t) == "VERB" for t in heads):
            return False
        tok = next((t for t in sdoc if base + t.idx >= trig.start_char), None)
        return tok is None or not told_as_past(tok, {t.i for t in inside})
    return False


def told_as_past(tok: Token, quoted: set[int] | frozenset[int] = frozenset()) -> bool:
    """True when the clause of ``tok`` (a token of a parsed sentence: the nearest verb at or
    above it) tells a past happening: a past-tense verb, or a participle with a perfect or
    passive past auxiliary, without a modal or "to" and not an imperative (see the module
    doc). ``quoted``: the token indices of the quotation; when given, the clause's subject
    must be one of them (a whole clause quoted, not a quoted phrase of the narrator's
    sentence: ", which was "suppressed for the first time by ..."" stays as read before). A
    noun or a verbless clause: False."""
    verb, steps = tok, 0
    while coarse(verb) != "VERB" and verb.head.i != verb.i and steps < 8:
        verb, steps = verb.head, steps + 1
    if coarse(verb) != "VERB":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
        return False  # "shall be beheaded", "will take", "to attack"
    subjects = [c for c in verb.children if c.dep_ in SUBJ or c.dep_ in SUBJ_PASS]
    if quoted and not any(c.i in quoted for c in subjects):
        return False
    if verb.tag_ == "VBD":
        return bool(auxes or subjects) or verb.dep_ == "conj"
    return verb.tag_ == "VBN" and any(a.lower_ in _PAST_AUX for a in auxes)
