"""Split verb phrases: a form of ``event_types.csv`` written with a gap, ``~``, for the
object that English puts inside it ("{put} ~ to death": "put Zhu Yiming, Prince of Xiang, to
death"; "{take} ~ prisoner": "took a general prisoner"; "{put} ~ to flight").

:func:`gapped_triggers` finds, in one paragraph Doc (no parse needed), the words before the
gap followed, after one to :data:`MAX_GAP` tokens, by the words after it, in the same sentence;
the gap holds no sentence-ending punctuation (``.;:!?``), no bracket and no other trigger
already found (a trigger inside the gap keeps its own row). The span runs from the first word
to the last, so the object lies inside it: the trigger's head (the first word, whose head lies
outside the span) still governs it, and roles are read as for any verb form.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.attrs import LOWER, SENT_START
from spacy.tokens import Doc

from pipeline.events.lexicon import FORM_TOKENS, GAP, EventLexicon

#: Most tokens the gap may hold ("Zhu Yiming , Prince of Xiang ," is 7).
MAX_GAP = 8
_STOP = frozenset(".;:!?()[]")

_GAPPED: dict[int, tuple[EventLexicon, tuple[tuple[tuple[str, ...], tuple[str, ...], str],
                                             ...]]] = {}


def gapped_forms(lexicon: EventLexicon) -> tuple[tuple[tuple[str, ...], tuple[str, ...], str],
                                                 ...]:
    """(words before the gap, words after it, form) for each gapped form of ``lexicon``
    (words as spaCy's English tokenizer splits them; the form is a key of ``forms``)."""
    cached = _GAPPED.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    out = []
    for form in lexicon.forms:
        words = tuple(FORM_TOKENS.findall(form))
        if GAP in words:
            k = words.index(GAP)
            out.append((words[:k], words[k + 1:], form))
    result = tuple(out)
    _GAPPED[id(lexicon)] = (lexicon, result)
    return result


def gapped_triggers(doc: Doc, lexicon: EventLexicon,
                    taken: Mapping[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """``(start, end)`` token span -> gapped form, for the split phrases of ``doc`` (module
    doc); ``taken``: the spans found already (none may lie inside a gap)."""
    forms = gapped_forms(lexicon)
    if not forms or not len(doc):
        return {}
    table = doc.to_array([LOWER, SENT_START])
    strings = doc.vocab.strings
    lower = [strings[h] for h in table[:, 0].tolist()]
    starts = table[:, 1].tolist()
    n = len(lower)
    firsts = {head[0] for head, _, _ in forms}
    out: dict[tuple[int, int], str] = {}
    for i, word in enumerate(lower):
        if word not in firsts:
            continue
        for head, tail, form in forms:
            if tuple(lower[i:i + len(head)]) != head:
                continue
            gap_start = i + len(head)
            for j in range(gap_start + 1, min(n, gap_start + MAX_GAP + 1)):
                if lower[j - 1] in _STOP or (starts[j - 1] == 1 and j - 1 > i):
                    break  # the gap left the sentence
                if tuple(lower[j:j + len(tail)]) == tail:
                    if not any(gap_start <= s and e <= j for s, e in taken):
                        out.setdefault((i, j + len(tail)), form)
                    break
    return out
