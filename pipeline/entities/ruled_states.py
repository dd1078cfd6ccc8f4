"""A name a sovereign rules is a state: "the King of Dai", "King Wugua of Dayuan".

The model reads many one-word state names of the steppe and the borderlands as persons
("Dai", 代, the Tuoba state; "Dayuan", 大宛, Ferghana), and an actor then stands where the
text names a side. A sovereign's title (``sovereign_title`` of ``gazetteer/entity_lexicon.csv``:
King, Queen, Emperor, Khan, Chanyu, Sultan; Kingdom, State) followed by "of", with or without
the ruler's name between ("the King of Dai", "King Wugua of Dayuan", "the khan of Kokand"),
says what the name is: what a king is king of is a state, never a person. Fief titles
(Prince, Duke, Marquis, Lord) are not sovereign titles: "Prince of Donghai" is a fief, read by
the place stage.

So does an apposition that calls the name a state (``state_noun`` of the lexicon: kingdom,
state, khanate …): "against Dayuan, a kingdom of the Ferghana Valley", "Kucha, an oasis
state in the Tarim Basin"; the noun must end the apposition's head (a comma, full stop, "of",
"in", "on", "that", "which", "whose" after it: "Zhang, a state official" is no state).

One sense per text: the document's other model PERSON rows of that name become the POLITY too
("Dayuan bred fine horses", "the nobles of Dayuan"), unless the gazetteer knows the name as a
person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.gazetteer import Gazetteer

Row = tuple[int, int, str, str, str, str]

_NAME = r"[A-Z][\w'’-]+"


@lru_cache(maxsize=4)
def _title_before(titles: tuple[str, ...]) -> re.Pattern[str] | None:
    """The pattern of "<title> [<Name> [<Name>]] of [the] " ending right before a name."""
    if not titles:
        return None
    forms = sorted({t for w in titles for t in (w, w.lower())}, key=len, reverse=True)
    return re.compile(r"(?:^|(?<=[\s(\"“]))(?:" + "|".join(map(re.escape, forms))
                      + r")(?: " + _NAME + r"){0,2} of (?:the )?$")


@lru_cache(maxsize=4)
def _state_after(nouns: tuple[str, ...]) -> re.Pattern[str] | None:
    """The pattern of ", a(n)/the [word [word]] <state noun>" + the end of the head, right
    after a name."""
    if not nouns:
        return None
    return re.compile(r",\s+(?:a|an|the)\s+(?:[A-Za-z'’-]+\s+){0,2}(?:"
                      + "|".join(map(re.escape, sorted(nouns, key=len, reverse=True)))
                      + r")(?=[,.;:]|\s+(?:of|in|on|that|which|whose)\b)")


def _state_canonical(name: str, gaz: Gazetteer) -> str:
    """The gazetteer's POLITY canonical for a state name ("Zhao" -> "Zhao (state)"), else the
    name itself."""
    for form in (name, f"State of {name}", f"{name} State", f"Kingdom of {name}",
                 f"{name} Kingdom"):
        entry = gaz.resolve(form)
        if entry is not None and entry.label == "POLITY":
            return entry.canonical
    return name


def ruled_states(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """Relabel in place, as POLITY, each one-word model PERSON of ``rows`` written right after a
    sovereign's title and "of" (see the module docstring), and the document's other model
    PERSON rows of the same name. ``rows``: ``(start, end, label, canonical, source, text)``
    with character offsets into ``text``."""
    pattern = _title_before(gaz.words("sovereign_title"))
    apposed = _state_after(gaz.words("state_noun"))
    if pattern is None and apposed is None:
        return
    states: dict[str, str] = {}
    for start, _end, label, _canon, source, name in rows:
        if label != "PERSON" or source != "model" or " " in name or name in states:
            continue
        if any(e.label == "PERSON" for e in gaz.lookup(name)):
            continue  # a person the gazetteer knows: "the Emperor of Wu ... Wu" stays apart
        if (pattern is not None and pattern.search(text, max(0, start - 60), start) is not None) \
                or (apposed is not None and apposed.match(text, _end) is not None):
            states[name] = _state_canonical(name, gaz)
    if not states:
        return
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label == "PERSON" and source == "model" and name in states:
            rows[k] = (start, end, "POLITY", states[name], source, name)
