"""Entity stage: a gazetteer + name-rule component placed before spaCy's ``ner``.

Labels: PERSON, PLACE, POLITY, ARMY. The ``chronicle_gazetteer`` component sets ``doc.ents``
from (1) gazetteer aliases (PhraseMatcher), (2) general name rules built from the word lists in
``gazetteer/entity_lexicon.csv`` (token Matcher: titles, temple names, surnames, place/army
suffixes) and (3) modern-place glosses "X (now Y, Province)". The statistical ``ner`` then fills
only what is left; :func:`extract_entities` maps its labels (``label_map`` in the lexicon) and
drops its known error types. Book titles (``gazetteer/works.csv`` and their spellings derived
from the characters: "Hsin Wu-tai shih", "Zizhi Tongjian") and ``not_entity`` phrases are
preset as blocked spans, so neither the rules nor the model make names of them. Entities set
by the component carry their canonical name in ``ent.ent_id_`` and are reported with source
``gazetteer`` (rule hits come from lexicon data files, so they count as gazetteer too); the
rest are ``model``.

Offsets are Python ``str`` character indices into ``doc.text``, end exclusive.

Rulers (``gazetteer/rulers.csv``) named by title, temple or posthumous name, dynasty or an era
of their reign get one canonical name per reign (``rulers``: "Emperor Taizong of Tang" and
"Tang Taizong" -> "Emperor Taizong of Tang", the name historians use, rulers.csv
``canonical``; "the Hongwu Emperor" -> "Zhu Yuanzhang" of persons.csv).
A ruler named without a dynasty ("Emperor Wu") is read again once the dates are known
(``ruler_dates.reread_rulers``, called by :mod:`pipeline.document`): a personal name beside it,
the year of its sentence or the running year, the dynasties named nearest.

Subpackage layout (same public functions as the former ``pipeline/entities.py``): ``pinyin``,
``tables`` (word sets and matchers; ``dynasty_years``), ``rules`` (rule checks),
``name_checks`` (typing checks over data, carry_names), ``spans`` (find_spans; its helpers
``candidates``, ``span_places``, ``span_names``, ``span_text``),
``rulers`` (RulerIndex), ``component`` (the spaCy component, build_nlp), ``extract``
(extract_entities, model labels, demonyms, repeats), ``wadegiles`` (Wade–Giles -> pinyin from
pypinyin's tables: "Ssu-ma Kuang" and "Li K'o-yung" get the canonical "Sima Guang", "Li
Keyong"; a ruler's personal name in either spelling, "Chu Wên", gets "Zhu Wen").

Wade–Giles names without a gazetteer row get pinyin canonicals by rule (``wadegiles``, its
syllable table checked against the standard Legeza/Giles table): a Wade–Giles surname + one
syllable ("Tung Chang" -> "Dong Zhang", "Meng Ch'ang"), a whole name joined by hyphens
("Tsêng-kuo-fan" -> "Zeng Guofan"), a temple name in two words ("Chuang Tsung"), and model
names that are plainly Wade–Giles ("Shih Lang" -> "Shi Lang"; a place keeps a spelling the
place data knows). A ruler's personal name stays the ruler only where the text supports it
(``ruler_dates``: "the imperial supervisor Li Yen" of 927 is "Li Yan", not Tang Wuzong).

Spelling variants handled by mechanism, not by alias lists: a ``clan_surname`` in any split,
case, ü/v or Wade–Giles form ("Ai XinJueluo Nurhaci", "Yelv Dashi", "Ssu-ma Kuang"); titles in
lower case ("emperor ningzong of Song Dynasty"); the typographic apostrophe (’) wherever the
gazetteer has "'"; Giles's ê and ŭ ("Ssŭch'uan").

Typing checks over data, not sentences: a surname + polity word whose dynasties lie centuries
apart is a person ("Wei Qing", ``rules._far_apart``); a name of the place data (CHGIS, cpca,
postal spellings) the model calls a person is a place ("Fancheng"); a hyphenated Wade–Giles
compound is one word, never its first syllable's polity ("Chin-t'ien", "Han-yang"); a model
PERSON of English words led by a verb or adjective (the model's own lemma index) is no name
("Lash Law"); one sense per text across the blocks of a document (``carry_names``).

One person, one canonical (``short_names``): a courtesy name after "styled"/"courtesy name",
the given name alone ("Guang" after "Huo Guang") and a title glossed in brackets ("Dae Mu-ye
(King Mu)") are the person named in full; a titled full name takes the bare name's canonical
("King Tuoba Shao" / "Tuoba Shao"; "the Mingyuan Emperor" / "Emperor Mingyuan of Northern
Wei": ``titled_names``); an era emperor with a lower-case second syllable is one name ("Yung
lo": ``era_emperors.lower_era_tail``); what a sovereign is king of is a state ("the King of
Dai", "Dayuan, a kingdom of ...": ``ruled_states``); a hyphenated Korean given name is one word
(``korean``: Revised Romanization and McCune–Reischauer syllables by rule). Readings the dates
rule out (``lifetimes``, ``unborn``): a ``persons.csv`` alias dated before the person's time
("Liu He" in 74 BC is no Liu E of the Jin), a state of its own spelling not founded yet ("Jin"
in 300 is Jin (266-420)).
"""

from pipeline.entities.component import (
    GazetteerComponent,
    ModelNotFoundError,
    add_gazetteer_component,
    build_nlp,
)
from pipeline.entities.extract import (
    _map_model_label,
    _norm,
    _trim,
    extract_entities,
)
from pipeline.entities.name_checks import carry_names
from pipeline.entities.pinyin import is_one_syllable, is_pinyin_word
from pipeline.entities.spans import find_spans
from pipeline.entities.tables import BLOCK_LABEL, COMPONENT

__all__ = [
    "BLOCK_LABEL", "COMPONENT", "GazetteerComponent", "ModelNotFoundError",
    "_map_model_label", "_norm", "_trim", "add_gazetteer_component", "build_nlp", "carry_names",
    "extract_entities", "find_spans", "is_one_syllable", "is_pinyin_word",
]
