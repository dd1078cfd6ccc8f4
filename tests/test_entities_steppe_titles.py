"""A steppe ruler's title written after his name (``title_after_ruler``): one PERSON that keeps
the name, and the bare name in the same text is that person (rule ``PERSON_STEPPE``,
:mod:`pipeline.entities.titled_names`)."""

from __future__ import annotations

from pipeline import api


def _persons(resources: api.Resources, text: str) -> list[tuple[str, str, str]]:
    result = api.process_text(text, "t", resources)
    return [(e.text, e.label, e.canonical) for e in result.entities]


def test_name_and_title_kept_together(resources: api.Resources) -> None:
    rows = _persons(resources, "In 629 the Tuli Qaghan came to court and submitted, and in 51 BC "
                               "the Huhanye Chanyu had come to court.")
    assert ("Tuli Qaghan", "PERSON", "Tuli Qaghan") in rows
    assert ("Huhanye Chanyu", "PERSON", "Huhanye Chanyu") in rows
    assert not any(canonical in ("Qaghan", "Chanyu") for _, _, canonical in rows)


def test_bare_name_of_a_khan_is_the_person(resources: api.Resources) -> None:
    rows = _persons(resources, "In 630 the Jieli Qaghan fled in alarm. Jieli sent envoys to "
                               "apologize. The capture of Jieli was announced at the temple.")
    jieli = [r for r in rows if r[0] == "Jieli"]
    assert jieli and all(r[1:] == ("PERSON", "Jieli Qaghan") for r in jieli)


def test_known_name_before_title_takes_its_canonical(resources: api.Resources) -> None:
    rows = _persons(resources, "In 1206 the Temujin Khan was proclaimed at the Onon River.")
    assert ("Temujin Khan", "PERSON", "Genghis Khan") in rows


def test_people_word_or_sentence_start_is_no_name(resources: api.Resources) -> None:
    rows = _persons(resources, "The Khan came in person. The Xiongnu Chanyu and the Uighur Khan "
                               "fled in 1260, when Kublai was elected Great Khan.")
    texts = [t for t, label, _ in rows if label == "PERSON"]
    assert not any(t in ("The Khan", "Xiongnu Chanyu", "Uighur Khan", "Great Khan")
                   for t in texts)


def test_bare_title_is_no_person(resources: api.Resources) -> None:
    rows = _persons(resources, "In 89 the Marquis was made Generalissimo, and the Generalissimo "
                               "marched north. Generalissimo Chiang Kai-shek fled in 1949.")
    texts = [t for t, label, _ in rows if label == "PERSON"]
    assert "Marquis" not in texts and "Generalissimo" not in texts
    assert "Chiang Kai-shek" in texts


def test_wade_giles_mountain_is_no_person(resources: api.Resources) -> None:
    rows = _persons(resources, "In 89 Tou Hsien defeated the northern army at Chi-lo-shan. Sun "
                               "Chung-shan was born in 1866.")
    assert not any(t == "Chi-lo-shan" and label == "PERSON" for t, label, _ in rows)
    assert ("Sun Chung-shan", "PERSON", "Sun Yat-sen") in rows
