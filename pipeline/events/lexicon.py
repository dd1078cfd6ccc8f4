"""The event lexicon: trigger forms and modality/anaphora cues, read from ``gazetteer/``.

``event_types.csv`` (lemma, forms, event_type, object_label, takes_object, example,
subject_role, hostile, object_words, partner, implied_agent, anchor) maps surface forms to
event types; ``event_cues.csv`` (cue, kind, example) lists
the words that, governing a trigger in the dependency parse, change what it asserts
(``irrealis``, ``negation``, ``modal``, ``near_miss``, ``avoidance``, ``request``,
``claim``, ``pretense``: no event; ``attempt``: "tried to", "made an attempt to", no event
unless told as failed: ``status=failed``; ``purpose``: "in order to", or a verb of setting out whose
"for" phrase states what it was for, no event; ``ocr``: letter confusions of OCR text, to read
a garbled trigger word (:mod:`pipeline.events.ocr`);
``failure``: ``status=failed``;
``order``: a verb whose object carries out the infinitive) and the words that refer back to
an actor (``anaphor_person``, ``anaphor_group``), and the words of an age phrase that gives a
clause its time instead of a date (``age``: "at the age of twenty-five"), and the nouns of
someone who travels (``mover``: the subject an ``anchor=mover`` motion verb needs,
:mod:`pipeline.events.motion`), and the words opening a list of measures (``list_opener``:
"such as") and the endings of an act noun (``act_suffix``: "-ation") whose items after an
event noun are events of its kind (:mod:`pipeline.events.listing`), and whose one-word forms
gain their plural ("invasions": :func:`_add_plurals`). Forms and cues may
write a verb ``{lemma}`` for all its inflections (``verb_inflections.csv``, derived from
lemminflect: :func:`expand_form`), and ``~`` for an object inside a phrasal verb ("{put} ~ to
death": :mod:`pipeline.events.gapped`).
Schemas: ``gazetteer/README.md``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.events.present_forms import add_present
from pipeline.resources import gazetteer_dir

GAZETTEER = gazetteer_dir()
FORM_TOKENS = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]")
_GROUP = re.compile(r"\(([^()]*)\)")
_VERB = re.compile(r"\{([^{}]*)\}")
#: Most forms one written form may expand to (a typo in the groups should not explode).
MAX_EXPANSIONS = 512
#: A form's word for the object English puts inside a phrasal verb ("{put} ~ to death": "put
#: Zhu Yiming to death"); found by :func:`pipeline.events.gapped.gapped_triggers`, not by the
#: phrase matcher.
GAP = "~"
CUE_KINDS = frozenset({"irrealis", "attempt", "negation", "modal", "failure", "order",
                       "anaphor_person",
                       "anaphor_group", "age", "near_miss", "avoidance", "bound",
                       "earlier", "request", "claim", "pretense", "support", "purpose",
                       "onset", "ocr", "title_qualifier", "group_noun", "mover",
                       "habitual", "list_opener", "act_suffix",
                       "censor", "campaign_head", "relative", "negative_determiner",
                       "substitution", "hypothetical", "result_mark", "copular", "condition",
                       "weather", "causative", "nature", "natural_damage", "generic",
                       "penalty", "agent_noun", "army_noun", "wish", "rescue",
                       "naming", "counted_force", "outcome_noun",
                       "undoing"})


@dataclass(frozen=True)
class TriggerRule:
    """One row of event_types.csv.

    ``subject_role``: ``agent`` (default) or ``patient`` ("Kaifeng fell to the Jin": the
    subject is what the event happened to, the object of the trigger's preposition its agent).
    ``hostile``: actor1 and actor2 are opposing sides (attack, defeat, capture ...), so an
    agentless passive's agent may be read as the patient's opponent (``actors.side_actor``).
    ``object_words``: the rule applies only when the patient's head word is one of them
    ("issued an edict", not "issued coins"); ``partner``: see the field.
    """

    lemma: str
    event_type: str
    object_label: str  # "" = any object (a fallback), else the label the object must have
    takes_object: bool = True  # False: intransitive ("died", "fled"), no actor2
    subject_role: str = "agent"
    hostile: bool = False
    #: lower-case head words the patient must have for this rule ("issued" + edict, decree);
    #: empty = any
    object_words: frozenset[str] = frozenset()
    #: a preposition whose object on the trigger is actor2 when the patient names no actor
    #: ("made peace with X", "ceded Y to X", "submitted to X"); "" = none
    partner: str = ""
    #: who acts when the text names no agent: ``ruler`` (the reigning ruler, else the
    #: patient's polity), ``polity`` or "" (:mod:`pipeline.events.implied`)
    implied_agent: str = ""
    #: ``onset``: a noun trigger is an event only as the subject or object of an ``onset`` cue
    #: verb ("the war with Japan broke out", "began the war"); "" = no such condition
    anchor: str = ""


@dataclass(frozen=True)
class EventLexicon:
    """Trigger forms (lower case) -> rules, in file order; cue word form (lower case) -> kind."""

    forms: Mapping[str, tuple[TriggerRule, ...]]
    cues: Mapping[str, str]
    #: OCR confusions (letters as printed, letters meant), from the ``ocr`` rows of
    #: event_cues.csv ("y=v": "oyerthrew" is "overthrew")
    ocr: tuple[tuple[str, str], ...] = ()
    #: forms that come only from ``event_nouns.csv`` (nouns derived from the lexicon's verbs
    #: through WordNet: "death", "invasions"): a nominal trigger of one needs an argument of
    #: its own (:func:`pipeline.events.nominal.derived_anchored`)
    derived: frozenset[str] = frozenset()
    #: head words of a named campaign ("Expedition": :mod:`pipeline.events.campaigns`), from
    #: the ``campaign_head`` rows of event_cues.csv; kept apart from ``cues`` as a word may be
    #: a cue of another kind too ("the expedition returned": a ``mover``)
    campaign_heads: frozenset[str] = frozenset()
    #: present-tense forms added from the lexicon's past forms ("burns", "burn" of "burned":
    #: :func:`~pipeline.events.present_forms.add_present`): a trigger only on a timeline line
    #: (:func:`pipeline.events.triggers.prepare_block`) and when tagged a present verb
    #: (:func:`pipeline.events.modality.modality`), not a noun ("the rebels") nor a past
    present: frozenset[str] = frozenset()
    #: every cue kind of a word form, for a word listed under more than one kind ("made": a
    #: ``support`` verb and a ``causative``); :meth:`cue` gives the last row's kind
    all_kinds: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def cue(self, word: str) -> str:
        """The cue kind of a lower-case word form ("" if none)."""
        return self.cues.get(word, "")

    def is_cue(self, word: str, kind: str) -> bool:
        """Whether the lower-case word form is listed under cue ``kind`` (by any of its rows)."""
        return kind in self.all_kinds.get(word, ()) or self.cues.get(word) == kind


@lru_cache(maxsize=2)
def load_event_lexicon(path: Path = GAZETTEER / "event_types.csv") -> EventLexicon:
    """Read event_types.csv and, next to it, event_cues.csv.

    Raises ValueError naming the file and line for an unknown cue kind or subject role.
    """
    forms: dict[str, list[TriggerRule]] = {}
    verbs = load_verb_inflections(path.with_name("verb_inflections.csv"))
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            role = row.get("subject_role") or "agent"
            if role not in ("agent", "patient"):
                raise ValueError(f"{path}:{line}: subject_role must be agent or patient")
            words = frozenset(w.strip().lower() for w in (row.get("object_words") or "")
                              .split(";") if w.strip())
            rule = TriggerRule(row["lemma"], row["event_type"], row["object_label"],
                               row["takes_object"] != "no", role,
                               (row.get("hostile") or "") == "yes", words,
                               (row.get("partner") or "").strip().lower(),
                               (row.get("implied_agent") or "").strip(),
                               (row.get("anchor") or "").strip())
            for written in row["forms"].split(";"):
                for form in expand_form(written, f"{path}:{line}", verbs):
                    for variant in reflexive_variants(form):
                        if rule not in forms.setdefault(variant, []):
                            forms[variant].append(rule)
    derived = _derived_nouns(path.with_name("event_nouns.csv"), forms)
    present = add_present(forms, verbs)
    cues: dict[str, str] = {}
    ocr: list[tuple[str, str]] = []
    heads: set[str] = set()
    kinds: dict[str, set[str]] = {}
    cue_path = path.with_name("event_cues.csv")
    if cue_path.exists():
        with cue_path.open(encoding="utf-8", newline="") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                if row["kind"] not in CUE_KINDS:
                    raise ValueError(f"{cue_path}:{line}: unknown cue kind {row['kind']!r}")
                if row["kind"] == "ocr":
                    for pair in row["cue"].split(";"):
                        seen, eq, meant = pair.strip().partition("=")
                        if not (seen and eq and meant):
                            raise ValueError(f"{cue_path}:{line}: an ocr cue is seen=meant, "
                                             f"not {pair!r}")
                        ocr.append((seen, meant))
                    continue
                if row["kind"] == "campaign_head":
                    heads.update(w.strip().lower() for w in row["cue"].split(";") if w.strip())
                    continue
                for written in row["cue"].split(";"):
                    for form in expand_form(written.strip(), f"{cue_path}:{line}", verbs):
                        cues[form] = row["kind"]
                        kinds.setdefault(form, set()).add(row["kind"])
    derived |= _add_plurals(forms, tuple(c for c, k in cues.items() if k == "act_suffix"))
    return EventLexicon({k: tuple(v) for k, v in forms.items()}, cues, tuple(ocr), derived,
                        frozenset(heads), present,
                        {k: frozenset(v) for k, v in kinds.items()})


_REFLEXIVE = re.compile(r"\b(himself|his own)\b")
_OTHER_PERSONS = {"himself": ("herself", "themselves"), "his own": ("her own", "their own")}


def reflexive_variants(form: str) -> list[str]:
    """``form`` and, for a form written with a masculine reflexive ("hanged himself", "took
    his own life"), the same with the feminine and plural one ("hanged herself", "killed
    themselves", "took her own life"): the lexicon writes the person once."""
    found = _REFLEXIVE.search(form)
    if found is None:
        return [form]
    word = found.group(1)
    return [form, *(form[:found.start()] + other + form[found.end():]
                    for other in _OTHER_PERSONS[word])]


def _add_plurals(forms: dict[str, list[TriggerRule]], suffixes: Sequence[str]
                 ) -> frozenset[str]:
    """Add to ``forms`` the plural ("-s") of each one-word form that ends in an act-noun
    ending (``act_suffix`` cues: "-ation", "-sion", "-ment", "-ance" ...: "invasion" ->
    "invasions", "alliance" -> "alliances") with that form's rules, unless listed already;
    return the forms added (kept with the derived nouns: a plural trigger needs an argument
    of its own, "the Mongol invasions", :func:`pipeline.events.nominal.derived_anchored`)."""
    added = {form + "s": list(rules) for form, rules in forms.items()
             if suffixes and " " not in form and form.endswith(tuple(suffixes))
             and form + "s" not in forms}
    forms.update(added)
    return frozenset(added)


def _derived_nouns(path: Path, forms: dict[str, list[TriggerRule]]) -> frozenset[str]:
    """Add the nouns of ``event_nouns.csv`` (and their plurals) to ``forms`` with the rules
    of their lemma's event_types.csv rows, unless the form is listed there already; return
    the forms added. A lemma with no row is skipped (the table is rebuilt from the lexicon)."""
    if not path.is_file():
        return frozenset()
    by_lemma: dict[str, list[TriggerRule]] = {}
    for rules in forms.values():
        for rule in rules:
            if rule not in by_lemma.setdefault(rule.lemma, []):
                by_lemma[rule.lemma].append(rule)
    added: set[str] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rules = by_lemma.get(row["lemma"])
            for form in (row["noun"], row.get("plural") or ""):
                form = form.strip().lower()
                if rules and form and (form not in forms or form in added):
                    forms.setdefault(form, [])
                    forms[form].extend(r for r in rules if r not in forms[form])
                    added.add(form)
    return frozenset(added)


@lru_cache(maxsize=4)
def load_verb_inflections(path: Path = GAZETTEER / "verb_inflections.csv"
                          ) -> Mapping[str, tuple[str, ...]]:
    """lemma -> its verb forms (lower case, the lemma first) from ``verb_inflections.csv``
    (derived from lemminflect by ``scripts/build_verb_inflections.py``); {} without the
    file."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["lemma"]: tuple(f for f in row["forms"].split(";") if f)
                for row in csv.DictReader(fh)}


def expand_form(written: str, where: str = "",
                verbs: Mapping[str, tuple[str, ...]] | None = None) -> list[str]:
    """The lower-case forms a written form of ``event_types.csv`` stands for: a verb written
    ``{lemma}`` stands for each of its inflections ("{come} back" -> "come back", "came
    back", "comes back", "coming back"; ``verbs``: lemma -> forms, default
    :func:`load_verb_inflections`), and each group of alternatives in parentheses is
    replaced by each of them in turn, and an empty alternative
    drops the group ("(took|taken) charge (of|)" -> "took charge of", "took charge", "taken
    charge of", "taken charge"); spaces are normalised. Word-by-word calques of a Chinese verb
    and its object ("(weighs|weighed|called) (the |)emperor") are written with groups.
    Raises ValueError (naming ``where``) for an unbalanced parenthesis or brace, a
    ``{lemma}`` the inflection table lacks (rebuild it: ``scripts/build_verb_inflections.py``)
    or more than :data:`MAX_EXPANSIONS` forms."""
    text = written.lower()
    if "{" in text or "}" in text:
        table = load_verb_inflections() if verbs is None else verbs

        def inflect(match: re.Match[str]) -> str:
            lemma = match.group(1).strip()
            if lemma not in table:
                raise ValueError(f"{where}: verb {{{lemma}}} is not in verb_inflections.csv "
                                 "(run scripts/build_verb_inflections.py)")
            return "(" + "|".join(table[lemma]) + ")"

        text = _VERB.sub(inflect, text)
        if "{" in text or "}" in text:
            raise ValueError(f"{where}: unbalanced brace in form {written!r}")
    out = [text]
    while any("(" in f or ")" in f for f in out):
        nxt = []
        for form in out:
            match = _GROUP.search(form)
            if match is None:
                raise ValueError(f"{where}: unbalanced parenthesis in form {written!r}")
            nxt.extend(form[:match.start()] + alt + form[match.end():]
                       for alt in match.group(1).split("|"))
        out = nxt
        if len(out) > MAX_EXPANSIONS:
            raise ValueError(f"{where}: form {written!r} expands to more than "
                             f"{MAX_EXPANSIONS} forms")
    return list(dict.fromkeys(f for f in (" ".join(f.split()) for f in out) if f))


def build_trigger_matcher(doc_or_vocab: Doc | object, lexicon: EventLexicon) -> PhraseMatcher:
    """A case-insensitive PhraseMatcher over the lexicon's forms (match ids = form strings)."""
    vocab = doc_or_vocab.vocab if isinstance(doc_or_vocab, Doc) else doc_or_vocab
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for form in lexicon.forms:  # split like spaCy's English tokenizer: "counter-attack" -> 3
        words = FORM_TOKENS.findall(form)
        if GAP not in words:  # a gapped form: pipeline.events.gapped
            matcher.add(form, [Doc(vocab, words=words)])
    return matcher


def load_person_polities(*paths: Path) -> dict[str, str]:
    """canonical -> polity from CSVs with columns canonical, polity (persons.csv, armies.csv).

    Beside a ``persons.csv``, the rulers of ``rulers.csv`` (sanmiao) are added under the
    canonical names the entity stage gives them ("Ming Yingzong" -> Ming,
    :func:`pipeline.entities.rulers.build_ruler_index`), when their dynasty is a canonical of
    ``polities.csv`` or ``polity_dynasties.csv``; rows of the CSVs win over rulers."""
    out: dict[str, str] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("polity"):
                    out.setdefault(row["canonical"], row["polity"])
    for path in paths:
        if path.name == "persons.csv":
            for name, polity in _ruler_polities(path.parent).items():
                out.setdefault(name, polity)
    return out


#: Title anaphors that only a ruler can be the antecedent of ("the emperor fled").
RULER_TITLES = frozenset({"emperor", "empress", "king", "queen", "khan", "sovereign",
                          "monarch"})


@lru_cache(maxsize=4)
def ruler_names(directory: Path = GAZETTEER) -> frozenset[str]:
    """Canonical names of persons known to have ruled: the rulers of ``rulers.csv`` under the
    names the entity stage gives them, and the persons of ``persons.csv`` an alias or note of
    which calls them a ruler (a title of :data:`RULER_TITLES`, or a reign "r. 1115-1123")."""
    names = set(_ruler_polities(directory))
    path = directory / "persons.csv"
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                words = set(re.findall(r"[a-z]+", (row.get("aliases") or "").lower()))
                if words & RULER_TITLES or re.search(r"\br\. ?-?\d", row.get("note") or ""):
                    names.add(row["canonical"])
    return frozenset(names)


@lru_cache(maxsize=4)
def _ruler_polities(directory: Path) -> dict[str, str]:
    from pipeline.entities.rulers import build_ruler_index
    from pipeline.rulers import load_ruler_table

    polities: set[str] = set()
    for name in ("polities.csv", "polity_dynasties.csv"):
        if (directory / name).is_file():
            with (directory / name).open(encoding="utf-8", newline="") as fh:
                polities.update(row["canonical"] for row in csv.DictReader(fh))
    index = build_ruler_index(directory, {}) if polities else None
    if index is None:
        return {}
    dynasty = {r.ruler_id: r.dynasty for r in load_ruler_table(directory).rulers}
    return {name: dynasty[rid] for rid, name in index.canonical.items()
            if dynasty.get(rid) in polities}
