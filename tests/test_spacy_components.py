"""The spaCy components: entry points, config, saving and loading, displaCy.

Entry-point tests run in a fresh Python process (``subprocess``) started outside the checkout,
so nothing of ``pipeline`` is imported before spaCy looks the factories up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy import displacy

from pipeline.records import DateRow, EntityRow, EventRow
from pipeline.resources import gazetteer_dir

TEXT = ("In the third year of Jianyan, Yue Fei defeated the Jin army at Kaifeng. "
        "In 1127 the capital fell.")


def _fresh(code: str, cwd: Path) -> str:
    """Run ``code`` in a new interpreter in ``cwd``; its stdout (fails on a non-zero exit)."""
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _blank(*pipes: str, **config: object):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in pipes:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


@pytest.fixture(scope="module")
def nlp():
    return _blank("chronicle_gazetteer", "chronicle_dates", "chronicle_events")


def test_entry_point_without_importing_the_package(tmp_path):
    out = _fresh(
        "import sys, spacy\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('chronicle_dates')\n"
        f"doc = nlp({TEXT!r})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pipeline')[:1])\n"
        "print([(d.text, d.year) for d in doc._.dates])\n", tmp_path)
    first, second = out.splitlines()
    assert first == "['pipeline']"  # imported by spaCy through the entry point, not by us
    assert second == "[('the third year of Jianyan', 1129), ('1127', 1127)]"


def test_rows_are_frozen_records_with_offsets_into_doc_text(nlp):
    doc = nlp(TEXT)
    assert all(isinstance(d, DateRow) for d in doc._.dates)
    assert all(isinstance(e, EntityRow) for e in doc._.entities)
    assert all(isinstance(e, EventRow) for e in doc._.events)
    for row in [*doc._.dates, *doc._.entities, *doc._.events]:
        assert doc.text[row.start:row.end] == row.text
    assert [d.date_id for d in doc._.dates] == [1, 2]
    assert [d.sentence_id for d in doc._.dates] == [1, 2]
    (event,) = doc._.events
    assert (event.event_type, event.year, event.date_id) == ("defeat", 1129, 1)


def test_gazetteer_path_in_config(tmp_path):
    nlp = _blank("chronicle_dates", chronicle_dates={"gazetteer_dir": str(gazetteer_dir())})
    assert nlp.get_pipe_config("chronicle_dates")["gazetteer_dir"] == str(gazetteer_dir())
    assert [d.year for d in nlp(TEXT)._.dates] == [1129, 1127]
    with pytest.raises(Exception, match="eras|No such file|not found"):
        _blank("chronicle_dates", chronicle_dates={"gazetteer_dir": str(tmp_path / "none")})


def test_to_disk_then_load_in_a_fresh_process(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    expected = [[d.text, d.year, d.date_start, d.date_end] for d in nlp(TEXT)._.dates]
    out = _fresh(
        "import json, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipe')!r})\n"
        f"doc = nlp({TEXT!r})\n"
        "print(json.dumps([[d.text, d.year, d.date_start, d.date_end] for d in doc._.dates]))\n"
        "print(json.dumps([[e.text, e.label_] for e in doc.ents]))\n"
        "print(json.dumps([e.event_type for e in doc._.events]))\n", tmp_path)
    dates, ents, events = (json.loads(line) for line in out.splitlines())
    assert dates == expected
    assert ents == [[e.text, e.label_] for e in nlp(TEXT).ents]
    assert events == ["defeat"]


def test_displacy_renders_entities_and_dates(nlp):
    doc = nlp(TEXT)
    html = displacy.render(doc, style="ent", options={"ents": ["PERSON", "PLACE", "POLITY"]})
    for name in ("Yue Fei", "Kaifeng", "PERSON", "PLACE"):
        assert name in html
    spans = displacy.render(doc, style="span", options={"spans_key": "chronicle_dates"})
    labels = [line.strip() for line in spans.splitlines()]
    assert "1129" in labels and "1127" in labels  # the CE years label the date spans
    assert "Jianyan" in labels


def test_own_gazetteer_from_config(nlp, tmp_path):
    import shutil

    own = tmp_path / "gaz"
    shutil.copytree(gazetteer_dir(), own)
    with (own / "persons.csv").open("a", encoding="utf-8") as f:
        f.write("Hermit Of Testing,Wise Recluse Tester,Song,,test row\n")
    text = "The Wise Recluse Tester left the capital in 1127."
    config = {"gazetteer_dir": str(own)}
    mine = _blank("chronicle_gazetteer", "chronicle_events",
                  chronicle_gazetteer=config, chronicle_events=config)(text)
    bundled = nlp(text)  # the components with the bundled gazetteer
    assert [(e.text, e.canonical, e.label) for e in mine._.entities] == [
        ("Wise Recluse Tester", "Hermit Of Testing", "PERSON")]
    assert all(e.canonical != "Hermit Of Testing" for e in bundled._.entities)


def test_docs_with_rows_serialise_and_load_in_a_fresh_process(nlp, tmp_path):
    from spacy.tokens import DocBin

    doc = nlp(TEXT)
    assert doc.copy()._.dates == doc._.dates
    bin_ = DocBin(store_user_data=True, docs=[doc])
    (tmp_path / "docs.spacy").write_bytes(bin_.to_bytes())
    out = _fresh(  # the srsly decoder entry point rebuilds the rows; nothing imported by us
        "import spacy\nfrom spacy.tokens import DocBin\n"
        f"data = open({str(tmp_path / 'docs.spacy')!r}, 'rb').read()\n"
        "(doc,) = DocBin().from_bytes(data).get_docs(spacy.blank('en').vocab)\n"
        "rows = doc.user_data[('._.', 'dates', None, None)]\n"
        "print(repr(list(rows)))\n", tmp_path)
    assert out.strip() == repr(list(doc._.dates))


def test_event_offsets_skip_the_blank_lines_before_a_sentence(nlp):
    doc = nlp("The war went on.\n\nIn 1127, Yue Fei defeated the Jin army at Kaifeng.")
    (event,) = doc._.events
    assert doc.text[event.start:event.end] == event.text
    assert event.text.startswith("In 1127")
