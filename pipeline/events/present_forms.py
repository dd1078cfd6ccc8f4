"""Present-tense forms of the event lexicon's past forms, for the historic present of
timelines and annals ("- 1358: the Red Turbans burn Shangdu", "Zhang Jiao rises in revolt").
Split from :mod:`pipeline.events.lexicon`, which calls :func:`add_present` once per load.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.events.lexicon import TriggerRule


def add_present(forms: dict[str, list[TriggerRule]], verbs: Mapping[str, Sequence[str]]
                 ) -> frozenset[str]:
    """Add to ``forms`` the present tense of each past form, one word or a phrase opened by
    one ("burned" -> "burns", "burn"; "rose" -> "rises", "rise"; "rose in revolt" -> "rises
    in revolt", "rise in revolt"; "fled to" -> "flees to") with the rules of that past form,
    unless the present
    form is listed already (by any row): timelines and annals tell events in the historic
    present ("- 1358: the Red Turbans burn Shangdu"). The verb is the one of
    ``verb_inflections.csv`` whose past the form is (a form two verbs share, or that is a
    verb's lemma itself, "found", is skipped);
    the present tense is its lemma and its third-person "-s" form. A listed "-s" form gains the
    rules of the past form it lacks ("proclaims": the proclamation row lists "proclaimed"
    only). Return the forms added (not those extended)."""
    past: dict[str, set[str]] = {}
    for lemma, inflected in verbs.items():
        for form in inflected:
            if form not in verbs and not form.endswith(("ing", "s")):  # "found" of "find"
                past.setdefault(form, set()).add(lemma)
    added: dict[str, list[TriggerRule]] = {}
    extra: dict[str, list[TriggerRule]] = {}  # rules of a past form its listed "-s" form lacks
    for form, rules in forms.items():
        first, space, rest = form.partition(" ")
        lemmas = past.get(first, set())
        if len(lemmas) != 1:
            continue
        lemma = next(iter(lemmas))
        third = [f for f in verbs[lemma] if f != lemma and f.endswith("s")]
        for present in (f"{p}{space}{rest}" for p in (lemma, *third[:1])):
            if present not in forms:
                have = added.setdefault(present, [])
                have.extend(r for r in rules if r not in have)
            elif present.endswith("s") and present != lemma:
                extra.setdefault(present, []).extend(
                    r for r in rules if r not in forms[present])  # "proclaims": proclamation
    forms.update(added)
    for present, rules in extra.items():
        forms[present].extend(r for r in dict.fromkeys(rules) if r not in forms[present])
    return frozenset(added)
