"""Person and polity identity on new text: Korean given names, short names of a person named
in full, aliases and states of another time, OCR'd dictionary headwords."""

from __future__ import annotations

from pipeline import api
from pipeline.entities.headwords import ocr_headword_names
from pipeline.entities.korean import is_korean_syllable, korean_given_name
from pipeline.entities.lifetimes import person_spans
from pipeline.resources import active_gazetteer_dir


def _entities(resources: api.Resources, text: str) -> list[tuple[str, str, str]]:
    result = api.process_text(text, "t", resources)
    return [(e.text, e.label, e.canonical) for e in result.entities]


def _codes(resources: api.Resources, text: str) -> list[str]:
    return [w.code for w in api.process_text(text, "t", resources).warnings]


def test_korean_syllables_by_rule() -> None:
    for s in ("yeong", "hyu", "hyeon", "sin", "Jo", "ye", "sang", "hyŏn", "ch'an"):
        assert is_korean_syllable(s), s
    for s in ("Bator", "khoto", "tsung", "Karakorum", ""):
        assert not is_korean_syllable(s), s
    assert korean_given_name("Mun", "hyu")
    assert not korean_given_name("mun", "hyu")  # the first syllable is capitalised


def test_hyphenated_korean_given_name_kept_whole(resources: api.Resources) -> None:
    rows = _entities(resources, "In 1019 Gang Gam-chan defeated the Khitan. "
                                "His officer Kim Suk-heung fell in the battle.")
    names = {t for t, label, _ in rows if label == "PERSON"}
    assert "Gang Gam-chan" in names
    assert "Gang Gam" not in names


def test_given_name_alone_is_the_person(resources: api.Resources) -> None:
    rows = _entities(resources, "Huo Guang, styled Zimeng, was the brother of Huo Qubing. "
                                "When Qubing became famous, he brought Guang to Chang'an.")
    got = {t: (label, c) for t, label, c in rows}
    assert got["Zimeng"] == ("PERSON", "Huo Guang")
    assert got["Qubing"] == ("PERSON", "Huo Qubing")
    assert got["Guang"] == ("PERSON", "Huo Guang")


def test_courtesy_name_in_brackets(resources: api.Resources) -> None:
    rows = _entities(resources, "Wei Qing (courtesy name Zhongqing) was a general of the Han. "
                                "In 127 BC Zhongqing attacked the Xiongnu.")
    assert [c for t, _, c in rows if t == "Zhongqing"] == ["Wei Qing", "Wei Qing"]


def test_bracketed_title_is_that_persons(resources: api.Resources) -> None:
    text = "His son Dae Mu-ye (King Mu) succeeded him in 719. In 732 King Mu sent a fleet."
    rows = _entities(resources, text)
    assert [c for t, _, c in rows if t == "King Mu"] == ["Dae Mu-ye", "Dae Mu-ye"]
    assert "RULER_AMBIGUOUS" not in _codes(resources, text)


def test_alias_before_the_persons_time_refused(resources: api.Resources) -> None:
    text = "In 74 BC Huo Guang summoned Liu He, King of Changyi, to the capital."
    rows = _entities(resources, text)
    assert ("Liu He", "PERSON", "Liu He") in rows
    assert "PERSON_OUT_OF_PERIOD" in _codes(resources, text)
    later = _entities(resources, "In 1161 the Jin commander Liu He led his troops south.")
    assert ("Liu He", "PERSON", "Liu E") in later  # the Jin commander in his own time


def test_person_spans_from_data() -> None:
    spans = person_spans(active_gazetteer_dir())
    assert spans["Di Qing"][0] < 1008  # person_years.csv: born 1008
    assert 1000 < spans["Liu E"][0] < 1115  # persons.csv polity Jin: reigns from 1115


def test_state_of_another_time(resources: api.Resources) -> None:
    rows = _entities(resources, "In 300 the Jin court moved to the south.")
    assert ("Jin", "POLITY", "Jin (266-420)") in rows
    text = "In 696 the Khitan rose against the Zhou.\n\nFounding of Jin\n\nIn 698 he built a city."
    assert "POLITY_NOT_YET" in _codes(resources, text)


def test_ocr_headword_read_through_noise() -> None:
    text = ("the Board of Rites.\n\n1896 Ti Ch*ing ^ ^ (T. ^ g). A.D. 1008-1057. A native of "
            "Fên-chou.\n\n455 Ssu-ma Kuang ^ ^ A.D. 1019-1086. He compiled a history.")
    got = ocr_headword_names(text)
    assert [r for _, _, r in got] == ["Ti Ch'ing", "Ssu-ma Kuang"]
    start, end, _ = got[0]
    assert text[start:end] == "Ti Ch*ing"
    assert ocr_headword_names("In 1052 the chief rebelled (T. 3).") == []


def test_ocr_headword_is_the_entry_person(resources: api.Resources) -> None:
    rows = _entities(resources, "1896 Ti Ch*ing ^ ^ (T. ^ g). A.D. 1008-1057. He was sent "
                                "to the frontier of Shensi.")
    assert ("Ti Ch*ing", "PERSON", "Di Qing") in rows


def test_courtesy_name_after_whose(resources: api.Resources) -> None:
    rows = _entities(resources, "Cao Cao, whose courtesy name was Mengde, was born in 155. "
                                "In 200 Mengde defeated Yuan Shao at Guandu.")
    assert [c for t, _, c in rows if t == "Mengde"] == ["Cao Cao", "Cao Cao"]


def _short_rows(text: str, rows: list[tuple[str, str, str]]) -> list:
    """Entity rows for the given (surface, label, source) in reading order, canonical = text."""
    from pipeline.records import EntityRow
    out, pos = [], 0
    for surface, label, source in rows:
        start = text.index(surface, pos)
        pos = start + len(surface)
        out.append(EntityRow(doc_id="d", sentence_id=0, start=start, end=pos, text=surface,
                             label=label, canonical=surface, source=source))
    return out


def test_a_courtesy_name_after_an_apposed_name_belongs_to_the_head_of_the_chain() -> None:
    from pipeline.entities.short_names import carry_short_names
    text = "Zhang Juzheng, the word Shu Da, number Taiyue, is a native of Jiangling."
    rows = _short_rows(text, [("Zhang Juzheng", "PERSON", "gazetteer"),
                              ("Shu Da", "PERSON", "gazetteer"), ("Taiyue", "PERSON", "model")])
    out = carry_short_names(tuple(rows), text, {})
    assert out[2].canonical == "Zhang Juzheng"
    text = "Cao Cao, and Liu Bei, styled Xuande, met at Xuzhou."
    rows = _short_rows(text, [("Cao Cao", "PERSON", "gazetteer"),
                              ("Liu Bei", "PERSON", "gazetteer"), ("Xuande", "PERSON", "model")])
    assert carry_short_names(tuple(rows), text, {})[2].canonical == "Liu Bei"


def test_a_given_name_of_a_name_only_the_model_proposed_is_not_carried() -> None:
    # "Ming China" is a model false person: "China" later stays what it was
    from pipeline.entities.short_names import carry_short_names
    text = "The envoys of Ming China arrived. China sent troops."
    rows = _short_rows(text, [("Ming China", "PERSON", "model"), ("China", "PLACE", "model")])
    out = carry_short_names(tuple(rows), text, {})
    assert (out[1].label, out[1].canonical) == ("PLACE", "China")


def test_a_given_name_a_person_noun_introduces_is_someone_new() -> None:
    # "Xiang Yu ... his consort Yu": the consort is not Xiang Yu, and a later bare "Yu" is
    # either of two persons (no one); an apposed office noun does not stop the carry
    from pipeline.entities.short_names import carry_short_names
    text = ("Xiang Yu sang a farewell song to his consort Yu. Yu wept. "
            "Huo Guang fell ill. Huo Guang's son Yun came. Huo Yun wept. "
            "Hsiao Yen, the Liang ruler Guang, rose.")
    rows = _short_rows(text, [("Xiang Yu", "PERSON", "gazetteer"), ("Yu", "PERSON", "model"),
                              ("Yu", "PERSON", "model"), ("Huo Guang", "PERSON", "gazetteer"),
                              ("Huo Guang", "PERSON", "gazetteer"), ("Yun", "PERSON", "model"),
                              ("Huo Yun", "PERSON", "gazetteer"),
                              ("Hsiao Yen", "PERSON", "gazetteer"),
                              ("Guang", "PERSON", "model")])
    out = carry_short_names(tuple(rows), text, {})
    assert [e.canonical for e in out] == ["Xiang Yu", "Yu", "Yu", "Huo Guang", "Huo Guang",
                                          "Yun", "Huo Yun", "Hsiao Yen", "Huo Guang"]
    text = "Liu Bang defeated Xiang Yu. The consort Yu was buried."
    rows = _short_rows(text, [("Liu Bang", "PERSON", "gazetteer"),
                              ("Xiang Yu", "PERSON", "gazetteer"), ("Yu", "PERSON", "model")])
    assert carry_short_names(tuple(rows), text, {})[2].canonical == "Yu"


def test_a_name_spelling_a_cyclical_pair_is_a_person_where_no_date_stands(
        resources: api.Resources) -> None:
    # "Wu Chen" (武臣) spells Wuchen (戊辰): a person as the subject of a verb, a date after
    # "the day", "on" or before "year"
    rows = _entities(resources, "In 209 BC Wu Chen declared himself King of Zhao at Handan.")
    assert ("Wu Chen", "PERSON", "Wu Chen") in rows
    for text in ("On the day Wu Chen, the emperor died.", "In the Wu Chen year the army marched.",
                 "The king fled. Ren Xu, the army marched."):
        assert not [t for t, label, _ in _entities(resources, text) if label == "PERSON"], text


def test_a_polity_qualifier_before_a_state_is_no_titled_person(resources: api.Resources) -> None:
    rows = _entities(resources, "Zhang Shicheng called his state Great Zhou. "
                                "The Great Khan Ogedei died.")
    assert not [t for t, label, _ in rows if label == "PERSON" and "Zhou" in t]
    assert ("Great Khan Ogedei", "PERSON") in [(t, label) for t, label, _ in rows]


def test_a_name_translated_as_numbers_is_one_person(resources: api.Resources) -> None:
    rows = _entities(resources, "Zhang Nine Four was born in Taizhou. "
                                "Later Zhang Nine Four killed Qiu Yi.")
    persons = [(t, c) for t, label, c in rows if label == "PERSON"]
    assert persons.count(("Zhang Nine Four", "Zhang Jiusi")) == 2
    assert not [t for t, _ in persons if t in ("Zhang Nine", "Four")]


def test_a_name_split_at_an_ocr_hyphen_is_joined(resources: api.Resources) -> None:
    rows = _entities(resources, "In 618 it was broken near Yen-shih by Wang Shih- ch^ung. "
                                "He then went east.")
    persons = [(t, c) for t, label, c in rows if label == "PERSON"]
    assert ("Wang Shih- ch^ung", "Wang Shichong") in persons
    assert not [t for t, _ in persons if t == "Wang Shih-"]


def test_a_cited_author_is_no_entity() -> None:
    from pipeline.entities.citations import drop_citation_authors
    text = "3. ^ Loewe, p. 110.\n4. ^ Twitchett 1979, pp. 45-47.\nLoewe crossed the river."
    rows = _short_rows(text, [("Loewe", "PLACE", "model"), ("Twitchett", "PERSON", "model"),
                              ("Loewe", "PLACE", "model")])
    assert [e.start for e in drop_citation_authors(rows, text)] == [rows[2].start]


def test_a_close_misspelling_of_a_dated_person_is_linked_with_a_warning(
        resources: api.Resources) -> None:
    text = "In 1360 Zhang Shicheng stood between Zhu Yuanzhang and Chen Yongliang."
    result = api.process_text(text, "t", resources)
    assert ("Chen Yongliang", "Chen Youliang") in [(e.text, e.canonical)
                                                   for e in result.entities]
    assert [w.code for w in result.warnings].count("PERSON_NEAR_SPELLING") == 1
    for text in ("Chen Yongliang was a poet.", "In 1700 Chen Yongliang wrote a poem.",
                 "In 1360 Chen Youliang attacked."):  # undated, outside his life, as written
        result = api.process_text(text, "t", resources)
        assert "PERSON_NEAR_SPELLING" not in [w.code for w in result.warnings], text


def test_a_one_syllable_name_after_a_locative_word_is_a_place() -> None:
    from pipeline.entities.relabel import _place_frames
    from pipeline.gazetteer import load_gazetteer
    text = "Xiang Yu rose at Kuaiji while Liu Bang rose at Pei. He met at Xiang's camp."
    rows = [(text.index(n), text.index(n) + len(n), "PERSON", n, "model", n)
            for n in ("Pei", "Xiang")]
    _place_frames(rows, text, load_gazetteer())
    assert [r[2] for r in rows] == ["PLACE", "PERSON"]


def test_a_weekday_and_month_before_a_day_is_no_person(resources: api.Resources) -> None:
    rows = _entities(resources, "The Mongols left.\n\nLast Updated: Sun Jan 14 2024")
    assert not [t for t, label, _ in rows if label == "PERSON"]
    rows = _entities(resources, "Sun Jan attacked the city.")  # no day after: a name
    assert ("Sun Jan", "PERSON") in [(t, label) for t, label, _ in rows]


def test_a_name_apposed_to_a_title_between_commas_is_a_person(resources: api.Resources) -> None:
    rows = _entities(resources, "In 209 BC the Second Emperor, Huhai, ordered 900 conscripts "
                                "to Yuyang.")
    assert ("Huhai", "PERSON") in [(t, label) for t, label, _ in rows]
    rows = _entities(resources, "He went to see the Emperor, Luoyang, and the rest.")
    assert ("Luoyang", "PLACE") in [(t, label) for t, label, _ in rows]


def test_a_state_name_after_a_common_noun_and_of_is_the_state(resources: api.Resources) -> None:
    rows = _entities(resources, "He sent Wu Chen north to the old lands of Zhao.")
    assert ("Zhao", "POLITY") in [(t, label) for t, label, _ in rows]


def test_a_month_never_opens_a_name_before_a_place(resources: api.Resources) -> None:
    text = ("In 397 the Wei army besieged Zhongshan. In October Zhongshan fell. "
            "Next year in October Wuchang rose, and Ximen Bao came to Ye.")
    rows = [(t, label) for t, label, _ in _entities(resources, text)]
    assert ("Zhongshan", "PLACE") in rows and ("Wuchang", "PLACE") in rows
    assert not any(t.startswith("October") for t, _ in rows)  # the month is the date's
