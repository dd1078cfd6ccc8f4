"""Result verbs read intransitively: "the Wei army broke" is a defeat of the army.

A ``result_verb`` of ``gazetteer/mt_cues.csv`` ("broke": 破) is also a trigger of
``event_types.csv`` (lemma ``army collapse``, with "collapsed", "gave way" ...: its subject, an
army or a battle line, is what was defeated) but only without an object or a particle: "the
army of Qin broke Dai" is a transitive capture or rout (on a machine-translated page read as a
result verb, :mod:`pipeline.events.mt_results`), "Konishi broke out across the river",
"broke through the line" are an escape or an attack. The particles are the
``result_particle`` cues of ``mt_cues.csv``, the same words that make a result verb something
else.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.mt_cues import load_mt_cues
from pipeline.events.syntax import OBJ

__all__ = ["unfit_intransitive", "without_particle_results"]


def unfit_intransitive(trigger: Span, rules: Sequence[TriggerRule]) -> bool:
    """Whether ``trigger`` (a span of a parsed sentence Doc), a one-word result verb read with
    ``rules`` whose subject is the patient (``subject_role``: the army that broke), is used
    with a direct object, a particle (``prt``) or a ``result_particle`` word right after it or
    among its later children ("broke Dai", "broke out across the river"); False for any other
    trigger (the result verb of an MT page, read with its capture/defeat rules, keeps its
    object), and for a Doc without a dependency parse (nothing to check)."""
    cues = load_mt_cues()
    if len(trigger) != 1 or trigger.text.lower() not in cues.result_verbs \
            or not _collapse_rules(rules) \
            or not trigger.doc.has_annotation("DEP"):
        return False
    head = trigger[0]
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return (after is not None and after.lower_ in cues.result_particles) or any(
        c.dep_ in OBJ or c.dep_ == "prt" or (c.i > head.i and c.lower_ in cues.result_particles)
        for c in head.children)


def _collapse_rules(rules: Sequence[TriggerRule]) -> bool:
    return bool(rules) and all(r.subject_role == "patient" for r in rules)


def without_particle_results(doc: Doc, found: dict[tuple[int, int], str],
                             lexicon: EventLexicon) -> dict[tuple[int, int], str]:
    """``found`` (token start, end → lexicon form, of ``doc``) without the one-word result
    verbs read with patient-subject rows that a ``result_particle`` follows ("the war broke
    out", "Konishi broke out across the river": no army's collapse). Needs no parse: the
    rest of :func:`unfit_intransitive`'s test waits for it."""
    cues = load_mt_cues()
    return {(s, e): form for (s, e), form in found.items()
            if not (e == s + 1 and form in cues.result_verbs
                    and _collapse_rules(lexicon.forms.get(form, ()))
                    and e < len(doc) and doc[e].lower_ in cues.result_particles)}
