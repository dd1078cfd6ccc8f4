"""The paragraph's salience: who the story is about, for anaphors and agentless events.

:class:`Salience` keeps, per paragraph, the grammatical subjects of events, the agent-labelled
mentions, the persons reported dead, the dates of births, the agents and both sides of hostile
events, and (over the document) the last agent of a hostile event at each place. Offsets are
full-text ``str`` indices.

Anaphors are resolved by salience (:meth:`Salience.resolve`, after Lappin and Leass 1994): each
mention of an actor scores by its role (:mod:`pipeline.events.mentions`: from the words around
it, or from the parse in trigger sentences), halved for each sentence back and summed per
person; the subjects of the paragraph's events and the pronouns already resolved count as
mentions; the previous paragraph's last subject and an entry's headword (its topic, kept
through the paragraphs after it until another headword) are candidates too; an unnamed
subject ("The Imperial Commissioner ... built boats") that is the most salient leaves a later
"he" blank. A person reported dead in an earlier paragraph who is a subject again is alive
(the text went back in time). The document's PERSON mentions so far, by spelling key, serve
the spelling pass of :mod:`pipeline.events.coref` (:meth:`Salience.spellings`); a qualified
title ("the Retired Emperor") names only the person this or the previous paragraph gave it
(:meth:`Salience.qualified`). A bare ruler title naming no one is the last person reported
enthroned, else the ruler the document's heading names (:meth:`Salience.reigning`). A ruler
title never stands for a person the text gives a title of another rank (emperor / king /
khan: "Emperor Wu of Han" for "the king"; "set up X as king" for "the emperor",
:meth:`Salience.title_conflicts`): blank instead.

A person pronoun agrees in gender with its antecedent (:mod:`.gender`: "she" is no man, and
once the text has named a woman, only a woman; "he" is never a woman).

Modules: ``core`` (:class:`Salience`), ``ranking`` (the pronoun chain and the ranking of
candidates, :meth:`Salience.resolve`), ``titles`` (title lookups and the reigning ruler),
``sides`` (the sides of hostile events), ``heading`` (the ruler a heading names), ``gender``
(the genders of the document's persons).
"""


from pipeline.events.salience.core import Salience

__all__ = ["Salience"]
