"""Who speaks: a verb of saying is a censor's accusation (``memorial``) only in a censor's
mouth (``anchor=censor`` rows of ``event_types.csv``).

Machine translations render a censor's impeachment (言, 論, 劾) as a plain "said that ...":
"the remonstrance officer said that X was treacherous", "Fan Zuyu, an admonition official,
said that X was absent". Such a verb is a ``memorial`` event only when its subject (its own,
shared or inherited: :func:`pipeline.events.subjects.controller`), with the words hanging on
it (a compound, an apposition, a conjunct: "Taiwan and the remonstrance officer"), holds a
``censor`` cue of ``event_cues.csv`` ("censor", "remonstrance", "admonition"); any other
"said" is no event.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.lexicon import EventLexicon
from pipeline.events.subjects import controller

#: ``anchor`` value of a row whose verb must have a censor for its subject.
CENSOR = "censor"
#: Most tokens of a subject phrase looked at (a long apposition is no title).
_MAX_SUBJECT = 12


def censor_speaks(verb: Token, lexicon: EventLexicon) -> bool:
    """True when the subject phrase of ``verb`` names a censor (see the module doc)."""
    subject = controller(verb, lexicon)
    if subject is None:
        return False
    words = [t for t in subject.subtree if t.i < verb.i][:_MAX_SUBJECT]
    return any(lexicon.cue(t.lower_) == CENSOR or lexicon.cue(t.lemma_.lower()) == CENSOR
               for t in words)
