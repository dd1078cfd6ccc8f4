"""Entity rows from a processed doc: model label mapping and clean-up."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.entities.tables import BLOCK_LABEL
from pipeline.gazetteer import LABELS, Gazetteer
from pipeline.records import EntityRow

_LEAD = {"the", "The", "a", "an", "this", "that", "these", "those"}


def _norm(text: str) -> str:
    """Normalised mention text: single spaces, no leading article, no trailing possessive."""
    text = " ".join(text.split())
    first, _, rest = text.partition(" ")
    if first in _LEAD and rest:
        text = rest
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return text.strip(" ,.;:'\"")


def _map_model_label(ent: Span, label_map: dict[str, str], army_words: set[str],
                     polity_suffix: set[str]) -> str | None:
    if ent.label_ == "ORG":
        last = ent[-1].text
        if last in army_words:
            return "ARMY"
        if last in polity_suffix:
            return "POLITY"
        return None
    return label_map.get(ent.label_)


def _trim(ent: Span) -> Span:
    """Drop leading articles/punctuation and trailing possessives, lowercase words, punctuation."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (doc[start].text in _LEAD or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s") or doc[end - 1].is_punct
                           or doc[end - 1].is_space or doc[end - 1].is_lower):
        end -= 1
    return doc[start:end]


def _char_span(span: Span) -> tuple[int, int, str]:
    """Char offsets and text of ``span`` without trailing ".,;:"."""
    text = span.text.rstrip(".,;:")
    return span.start_char, span.start_char + len(text), text


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted, non-overlapping ``spans``."""
    i = bisect.bisect_left(starts, end)  # spans[:i] start before ``end``; their ends increase
    return i > 0 and spans[i - 1][1] > start


def extract_entities(doc: Doc, gazetteer: Gazetteer, *,
                     exclude: Sequence[tuple[int, int]] = ()) -> list[EntityRow]:
    """Entity rows from a processed doc (doc_id "" and sentence_id -1; char offsets into doc.text).

    Entities overlapping any ``exclude`` char span (e.g. era names in dates) are dropped. Model
    entities are mapped with the lexicon's ``label_map``; model entities whose text is an era
    name, a ``not_entity`` word, or has no capital letter or a digit are dropped; a name the
    model labels differently within one doc gets its most frequent label. Any entity whose
    text is a sexagenary name ("Jiaxu", "Jia Xu": :meth:`Gazetteer.is_sexagenary`) is dropped.
    """
    label_map = dict(v.split("=", 1) for v in gazetteer.words("label_map"))
    army_words = set(gazetteer.words("army_word"))
    polity_suffix = set(gazetteer.words("polity_suffix"))
    not_entity = set(gazetteer.words("not_entity"))
    found: list[tuple[int, int, str, str, str, str]] = []
    for ent in doc.ents:
        if ent.label_ == BLOCK_LABEL or gazetteer.is_sexagenary(ent.text):
            continue  # "on the day Jiaxu": a cyclical day or year name, no entity
        if ent.label_ in LABELS and ent.ent_id_:
            start, end = ent.start_char, ent.end_char
            found.append((start, end, ent.label_, ent.ent_id_, "gazetteer", ent.text))
            continue
        mapped = _map_model_label(ent, label_map, army_words, polity_suffix)
        if mapped is None:
            continue
        span = _trim(ent)
        if not len(span):
            continue
        start, end, text = _char_span(span)
        if (not text or text in not_entity or text in gazetteer.era_names
                or not any(c.isupper() for c in text) or any(c.isdigit() for c in text)):
            continue
        entry = gazetteer.resolve(text)
        if entry is not None:
            found.append((start, end, entry.label, entry.canonical, "model", text))
        else:
            found.append((start, end, mapped, _norm(text), "model", text))
    votes: dict[str, Counter[str]] = {}
    for _, _, label, _, source, text in found:
        if source == "model":
            votes.setdefault(text, Counter())[label] += 1
    rows: list[EntityRow] = []
    excluded = sorted(exclude)
    excluded_starts = [s for s, _ in excluded]
    for start, end, label, canonical, source, text in found:
        if source == "model":
            label = votes[text].most_common(1)[0][0]
        if _overlaps(excluded, excluded_starts, start, end):
            continue
        rows.append(EntityRow(doc_id="", sentence_id=-1, start=start, end=end, text=text,
                              label=label, canonical=canonical, source=source))
    return rows
