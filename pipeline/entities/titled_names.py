"""One canonical for a person written with and without a title in one text.

A title written before a full personal name is part of the mention ("King Tuoba Shao",
"Crown Prince Murong Bao": the annotation guidelines keep it inside the span), but not of the
person: when the text also names him bare ("Tuoba Shao", "Murong Bao"), the titled rows take
the bare rows' canonical, so that counts, pronouns and the entity table see one man. The
title words are the ``person_title`` words of ``gazetteer/entity_lexicon.csv`` (longest
first: "Crown Prince" before "Prince"); the bare name must be of two words or more ("King
Hui" is not merged with a row "Hui": a one-word name says too little), and a titled row the
gazetteer already resolved to another canonical ("Emperor Wu" -> "Emperor Wu of Han") keeps it.

A posthumous name written before "Emperor" ("the Mingyuan Emperor", 明元帝, the way machine
translations and Wikipedia write it) takes the canonical "Emperor <Name> of <Dynasty>" that
another row of the same text has (there "Tuoba Si"): one such canonical in the text, no
guess between dynasties.

The bare name of a titled person is no place in the same text: "King Gojong ... Gojong died
in 1259" (the model reads the bare "Gojong" as a place); a model PLACE row of the name part of
a titled PERSON row becomes that PERSON, unless the place data knows the name
(:func:`bare_titled_persons`, on the rows before the document's label vote). A steppe ruler's
title is written after the name (``title_after_ruler``: "the Jieli Qaghan ... Jieli fled"):
the name before it is the name part too. A "<Name> Qaghan" row whose name alone is a person
of the gazetteer ("Temujin Khan") takes that person's canonical (Genghis Khan).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipeline.entities.alternation import alternation, lower_set
from pipeline.gazetteer import Gazetteer
from pipeline.records import EntityRow

Row = tuple[int, int, str, str, str, str]


def _bare_canonicals(rows: list[EntityRow]) -> dict[str, str]:
    """Mention text -> its most common canonical, for the PERSON rows of two words or more."""
    votes: dict[str, Counter[str]] = {}
    for row in rows:
        if row.label == "PERSON" and " " in row.text.strip():
            votes.setdefault(" ".join(row.text.split()), Counter())[row.canonical] += 1
    return {text: c.most_common(1)[0][0] for text, c in votes.items()}


def _emperor_canonical(name: str, canonicals: set[str]) -> str:
    """The one canonical "Emperor <name>" / "Emperor <name> of <X>" among ``canonicals``, or
    ""."""
    pattern = re.compile(r"Emperor " + re.escape(name) + r"(?: of .+)?")
    hits = {c for c in canonicals if pattern.fullmatch(c)}
    return hits.pop() if len(hits) == 1 else ""


def titled_canonicals(rows: list[EntityRow], gaz: Gazetteer) -> list[EntityRow]:
    """``rows`` with the canonical of each titled PERSON row set to that of the same person
    named bare in the text (see the module docstring); order and spans unchanged."""
    titles = gaz.words("person_title")
    if not titles or not any(r.label == "PERSON" for r in rows):
        return rows
    lead = re.compile(r"(?:" + alternation(titles, longest_first=True) + r") (.+)")
    after = gaz.words("title_after_ruler")
    tail = re.compile(r"([A-Z][a-z']+) (?:" + alternation(after) + r")") if after else None
    bare = _bare_canonicals(rows)
    persons = {r.canonical for r in rows if r.label == "PERSON"}
    out: list[EntityRow] = []
    for row in rows:
        text = " ".join(row.text.split())
        if row.label != "PERSON" or row.canonical != text:
            out.append(row)
            continue
        canonical = ""
        m = lead.fullmatch(text)
        t = tail.fullmatch(text) if tail is not None else None
        if m is not None and " " in m.group(1):
            canonical = bare.get(m.group(1), "")
        elif t is not None:  # "Temujin Khan": the gazetteer's Temujin
            people = {e.canonical for e in gaz.lookup(t.group(1)) if e.label == "PERSON"}
            canonical = people.pop() if len(people) == 1 else ""
        else:
            words = text.split()
            if len(words) == 2 and words[1] == "Emperor" and words[0] not in titles:
                canonical = _emperor_canonical(words[0], persons)
        out.append(replace(row, canonical=canonical) if canonical and canonical != text
                   else row)
    return out


def bare_titled_persons(rows: list[Row], gaz: Gazetteer) -> None:
    """Relabel in place, as PERSON, each model PLACE row of ``rows`` whose text is the name
    part of a titled PERSON row of the same text ("Gojong" of "King Gojong"), taking that
    row's canonical; not a name the place tables know ("Wu" of "King of Wu" is no person
    row; "Donghai" of "Prince Donghai" is a place of the data). ``rows``: ``(start, end,
    label, canonical, source, text)``."""
    titles = gaz.words("person_title")
    if not titles:
        return
    lead = re.compile(r"(?:" + alternation(titles, longest_first=True)
                      + r") ([A-Z][^ ]+(?: [A-Z][^ ]+)?)")
    after = gaz.words("title_after_ruler")
    tail = re.compile(r"([A-Z][a-z']+) (?:" + alternation(after) + r")") if after else None
    bare: dict[str, str] = {}
    for _s, _e, label, canonical, _source, text in rows:
        name = " ".join(text.split())
        m = lead.fullmatch(name) if label == "PERSON" else None
        m = m or (tail.fullmatch(name) if label == "PERSON" and tail is not None else None)
        if m is not None:
            bare.setdefault(m.group(1), canonical)
    if not bare:
        return
    for k, (start, end, label, _canon, source, text) in enumerate(rows):
        name = " ".join(text.split())
        if label != "PLACE" or source != "model" or name not in bare:
            continue
        if name in gaz.known_places or name in gaz.world_places or any(
                e.label != "PERSON" for e in gaz.lookup(name)):
            continue
        rows[k] = (start, end, "PERSON", bare[name], source, text)


#: key prefix in ``carry_names``' ``seen`` of the name part of a steppe ruler's titled row
TITLED_KEY = "\x00titled:"
#: lexicon kinds whose words are no name before a title ("Great Khan", "Grand Khan")
_NO_NAME_KINDS = ("person_title", "polity_qualifier", "direction_word", "not_entity",
                  "sovereign_title", "title_after_ruler", "title_after_name", "person_rank_after")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]{2,}")


def carry_titled_names(rows: list[EntityRow], seen: dict[str, tuple[str, str]]
                       ) -> list[EntityRow]:
    """One canonical for a steppe ruler named with his title after the name and without it
    ("Tengri Bögü Khan ... Bögü was a younger son of Bayanchur Khan ... Bayanchur died"):
    each PERSON row "<Name> <title>" (``title_after_ruler`` words: Khan, Qaghan, Chanyu ...;
    the name one capitalised word of three letters or more, any script's letters) records its
    canonical for the name in ``seen`` (the document's dict of :func:`carry_names`, blocks in
    order), and a model PERSON row of that name alone that no table gave a canonical (its
    canonical is its text) takes it: the gazetteer's "Bögü Khan" for the model's "Bögü".
    The first titled canonical of a name stays. Returns a new list."""
    from pipeline.resources import active_gazetteer_dir, lexicon_values

    directory = active_gazetteer_dir()
    after = lexicon_values(directory, "title_after_ruler")
    if not after or not any(r.label == "PERSON" for r in rows):
        return rows
    tail = re.compile(r"(\S+) (?:" + alternation(after) + r")")
    words = lower_set(*(lexicon_values(directory, kind) for kind in _NO_NAME_KINDS))
    for r in rows:
        m = tail.fullmatch(" ".join(r.text.split())) if r.label == "PERSON" else None
        if m is not None and _NAME_WORD.fullmatch(m.group(1)) and m.group(1)[0].isupper() \
                and m.group(1).lower() not in words:  # "the Great Khan": no name "Great"
            seen.setdefault(TITLED_KEY + m.group(1), ("PERSON", r.canonical))
    out = []
    for r in rows:
        known = seen.get(TITLED_KEY + r.text) if r.label == "PERSON" and \
            r.source == "model" and r.canonical == r.text else None
        out.append(replace(r, canonical=known[1]) if known is not None else r)
    return out
