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
Liao"") heads on a noun and stays narration. Offsets are ``str`` indices into the paragraph.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span

from pipeline.events.syntax import coarse

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
        return any(coarse(t) == "VERB" for t in heads)
    return False
