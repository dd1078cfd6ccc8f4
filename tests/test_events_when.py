"""Which date an event gets (pipeline.events.when, clauses, horizon): coordinated verbs,
bracketed spans after a noun, after/before bounds, nominal events, events told as earlier,
and how far back the running date reaches (headings, dictionary entries, distance).

Invented sentences, run through the whole chain (the real date stage) on the session's model."""

from __future__ import annotations

from pipeline import api
from pipeline.events.horizon import EXPIRE_SENTENCES, FAR_SENTENCES, Horizons
from pipeline.records import EntityRow, EventRow


def events(res: api.Resources, text: str) -> dict[str, EventRow]:
    """The rows of ``text`` by trigger (lower case)."""
    return {e.trigger.lower(): e for e in api.process_text(text, "t", res).events}


def when(e: EventRow) -> tuple[int | None, int | None, str]:
    return e.year, e.year_end, e.date_source


def test_coordinated_verbs_share_the_date_that_follows_them(resources: api.Resources) -> None:
    ev = events(resources, "Liu Yu deposed the last Eastern Jin emperor and founded the Song "
                           "in 420. He crossed the Yangtze and captured Jiqing in 1356.")
    assert when(ev["deposed"]) == (420, None, "sentence")
    assert when(ev["founded"]) == (420, None, "sentence")
    assert when(ev["crossed"]) == (1356, None, "sentence")  # not the running 420


def test_a_bracketed_span_after_a_noun_dates_its_clause(resources: api.Resources) -> None:
    ev = events(resources, "Zheng He sailed west in 1407. On the third voyage (1409–1411) the "
                           "fleet fought the king of Ceylon. Hai Rui (1514–1587) was appointed "
                           "magistrate.")
    assert when(ev["fought"]) == (1409, 1411, "sentence")
    # a life span after a name dates nothing (not 1514), and the running 1407 falls outside
    # it: no year (pipeline.events.when.lives)
    assert when(ev["appointed"]) == (None, None, "")


def test_the_main_clause_date_only_bounds_an_after_clause(resources: api.Resources) -> None:
    ev = events(resources, "After the prince seized Nanjing, he gave his servant the surname "
                           "Zheng in 1404.")
    assert ev["seized"].year is None  # before 1404: not 1404
    ev = events(resources, "He fled before the Jin captured Kaifeng in 1127.")
    assert ev["fled"].year is None and ev["captured"].year == 1127


def test_nominal_events_take_the_date_inside_their_phrase(resources: api.Resources) -> None:
    ev = events(resources, "After the fall of the Tang in 907 and the death of Li Cunxu in "
                           "926, Li Siyuan was proclaimed emperor in 928.")
    assert [ev[t].year for t in ("fall of", "death of", "proclaimed")] == [907, 926, 928]


def test_an_event_told_as_earlier_takes_no_running_date(resources: api.Resources) -> None:
    ev = events(resources, "In 1127 the Jin army reached Kaifeng. Before that, the Jin "
                           "captured Taiyuan. In his youth, Yue Fei fought the Jin.")
    assert when(ev["captured"]) == (None, None, "")
    assert when(ev["fought"]) == (None, None, "")


def test_a_past_perfect_keeps_the_running_date_with_low_certainty(
        resources: api.Resources) -> None:
    ev = events(resources, "In 975 the Song army besieged Jinling. Li Yu had secretly "
                           "dispatched envoys to the Liao.")
    row = ev["dispatched envoys"]
    assert (when(row), row.certainty) == ((975, None, "running"), "low")


def test_a_running_date_does_not_cross_a_heading_or_come_from_one(
        resources: api.Resources) -> None:
    ev = events(resources, "The Xuanwu Gate Incident of 626\n\nLi Shimin defeated Xue Ju in "
                           "battle.")
    assert when(ev["defeated"]) == (None, None, "")
    ev = events(resources, "Li Yuan took Chang'an in 617.\n\nThe Later Years\n\nLi Shimin "
                           "defeated Xue Ju in battle.")
    assert when(ev["defeated"]) == (None, None, "")
    ev = events(resources, "Li Yuan took Chang'an in 617.\n\nLi Shimin defeated Xue Ju in "
                           "battle.")  # no heading: the running date, far (another paragraph)
    assert (when(ev["defeated"]), ev["defeated"].certainty) == ((617, None, "running"), "low")


def test_a_running_date_stays_in_its_dictionary_entry(resources: api.Resources) -> None:
    ev = events(resources, "Li Cunxu. Founder of the Later Tang dynasty. He defeated the Liang "
                           "in 923.\n\nLi Siyuan. Adopted son of Li Keyong. He was proclaimed "
                           "emperor.")
    assert ev["defeated"].year == 923
    assert when(ev["proclaimed"]) == (None, None, "")


def test_a_running_date_far_back_is_low(resources: api.Resources) -> None:
    text = ("In 1854 Zeng Guofan raised the Hunan Army. The army was trained in Hunan. Zeng "
            "Guofan attacked Wuchang. It grew quickly. Many scholars joined it. The generals "
            "were loyal. Zeng Guofan attacked Anqing.")
    rows = [e for e in api.process_text(text, "t", resources).events
            if e.event_type == "attack"]
    assert [(e.year, e.date_source, e.certainty) for e in rows] == [
        (1854, "running", "medium"), (1854, "running", "low")]


def person(start: int, end: int) -> EntityRow:
    return EntityRow("", -1, start, end, "x", "PERSON", "x", "gazetteer")


def test_horizons_read_titles_entries_and_distance() -> None:
    title = "The Siege of Jinling: A Standoff\nIn the spring of 975 the Song came."
    prose = "Li Zicheng After their defeat, to retreat. June\n1644, Li Zicheng rose."
    entry = "Li Cunxu 李存勗. Died A.D. 926."
    blocks = [(title, 0), (prose, 100), (entry, 200)]
    h = Horizons(blocks, [0, 33, 100, 200], [person(200, 208)])
    assert h.at(33, 0).since == 32  # after the title line: its own date is no running date
    assert h.at(0, 0).since == 0  # the title's own sentence
    assert h.at(100, 100).since == 32  # a line of prose with a full stop is no title
    assert h.at(215, 200).since == 200  # a headword opens an entry
    lines = "He died in 926.\n1187 Li Siyuan 李嗣源. He was proclaimed.\nLi Siyuan rose."
    h = Horizons([(lines, 0)], [0], [person(21, 30), person(55, 64)])
    assert h.at(45, 0).since == 21  # a numbered line with a name and characters: an entry
    assert h.at(70, 0).since == 21  # a name without characters: prose
    starts = list(range(0, 1000, 10))
    far = Horizons([("x", 0)], starts, []).at(500, 0)
    assert far.near == 500 - 10 * FAR_SENTENCES  # far: low certainty
    assert far.since == 500 - 10 * EXPIRE_SENTENCES  # expired: no running date


def test_a_birth_death_or_enthronement_takes_its_subjects_span_end(
        resources: api.Resources) -> None:
    ev = events(resources, "Emperor Xiaowen (r. 471–499) ascended the throne at the age of "
                           "four. Yue Fei (1103–1142) died in prison. Zhao Gou (r. 1127–1162) "
                           "was born in Kaifeng.")
    assert when(ev["ascended the throne"]) == (471, None, "sentence")
    assert when(ev["died"]) == (1142, None, "sentence")
    assert ev["was born"].year is None  # a reign span says nothing of a birth


def test_a_date_opening_a_later_coordinated_clause_dates_only_that_clause(
        resources: api.Resources) -> None:
    ev = events(resources, "After the fall of the Tang, Li Cunxu destroyed the Later Liang, "
                           "and in 923 proclaimed himself emperor.")
    assert when(ev["proclaimed himself emperor"]) == (923, None, "sentence")
    # a state destroyed falls: the ruler tables give the Later Liang's last year (923), not the
    # clause's "in 923"
    assert when(ev["destroyed"]) == (923, None, "sentence")
    # before 923: not the clause's "923"; a state destroyed is its fall, dated by the end of
    # the Later Liang in the ruler tables (923), not by the coordinated clause
    assert ev["destroyed"].date_text == "Later Liang"
    # after the fall: the fall is earlier, not 923; the Tang's last year (ruler tables)
    assert when(ev["fall of"]) == (907, None, "sentence")
    ev = events(resources, "In 1126 the Jin took Taiyuan and captured Kaifeng.")
    assert when(ev["captured"]) == (1126, None, "sentence")  # a fronted date: both clauses


def test_a_present_perfect_takes_no_running_date(resources: api.Resources) -> None:
    # told from the time of writing, up to it: not the year the narrative had reached (Anqing
    # fell in 1861)
    ev = events(resources, "In 1854 Zeng Guofan built war boats in Hunan. His army "
                           "has captured Anqing.")
    assert when(ev["captured"]) == (None, None, "")
    ev = events(resources, "In 1854 Zeng Guofan built war boats in Hunan. He has "
                           "occupied Qimen, from which place he effected the recovery of Anqing.")
    row = ev["recovery of"]  # a relative clause on a noun of the perfect clause: its running
    assert (when(row), row.certainty) == ((1854, None, "running"), "low")  # date stays, low


def test_a_present_perfect_under_since_takes_no_running_date(resources: api.Resources) -> None:
    ev = events(resources, "In 1854 Zeng Guofan built war boats in Hunan. Since then his army "
                           "has captured Anqing.")
    assert when(ev["captured"]) == (None, None, "")  # after 1854, up to the time of writing
    ev = events(resources, "In 1854 Zeng Guofan built war boats in Hunan. Since then he has "
                           "occupied Qimen, from which place he effected the recovery of Anqing.")
    assert when(ev["recovery of"]) == (None, None, "")  # (hangs on the perfect clause)


def test_an_entrys_lead_date_dates_the_death_not_the_life(resources: api.Resources) -> None:
    ev = events(resources, "Li Siyuan 李嗣源. A.D. 867-933. He was proclaimed emperor in 926. "
                           "He fell ill and perished.\n\nLi Cunxu 李存勗. Died A.D. 926. He "
                           "defeated the Liang. He was assassinated by an actor.\n\n"
                           "Li Conghou 李從厚. A.D. 914-934. He fled to Weizhou.")
    assert when(ev["perished"]) == (933, None, "running")  # the life span's end
    assert when(ev["assassinated"]) == (926, None, "running")
    # a death lead bounds the life, it dates no event of it (the death came years later)
    assert when(ev["defeated"]) == (None, None, "")
    assert when(ev["fled"]) == (None, None, "")  # a life span is no running date


def test_a_death_lead_dates_its_own_death_word_not_the_career(resources: api.Resources
                                                              ) -> None:
    ev = events(resources, "Li Mu 李牧. Died B.C. 229. A commander of the Chao State, who for "
                           "many years guarded the northern frontier against the Hsiung-nu. "
                           "In B.C. 233 he defeated the Ch'in army at Fei.")
    # "who for many years guarded ..." is a standing charge, no row (habits.standing_charge);
    # were it one, not 229 BC: years before the death
    assert "guarded" not in ev or when(ev["guarded"]) == (None, None, "")
    assert when(ev["defeated"])[0] == -232
    ev = events(resources, "Li Conghou 李從厚. Died A.D. 934. Son of Li Siyuan, and third "
                           "Emperor of the Later Tang, to the throne of which he had just "
                           "succeeded when he was assassinated by his adopted son.")
    assert when(ev["died"]) == (934, None, "sentence")  # the lead's own death word


def test_horizons_find_an_entrys_lead_date() -> None:
    from pipeline.records import DateRow
    text = "Li Cunxu 李存勗 (T. 亞子). Died A.D. 926. He fought."
    died = DateRow("", -1, 27, 35, "A.D. 926", "gregorian", year=926)
    h = Horizons([(text, 0)], [0, 37], [person(0, 8)], [died], {"died"})
    lead = h.at(37, 0).lead
    assert lead is not None and (lead.kind, lead.death.year, lead.headword) == (
        "death", 926, "Li Cunxu")
    assert Horizons([(text, 0)], [0, 37], [person(0, 8)], [died], ()).at(37, 0).lead is None


def test_a_yearless_date_far_from_its_year_is_low(resources: api.Resources) -> None:
    text = ("In 1854 Zeng Guofan raised the Hunan Army. He captured Wuchang. The army grew. "
            "Many scholars joined it.\n\nThe war went on. On August 7 the rebels were "
            "defeated by Bao Chao at Xuwan.\n\nIn 1860 the army was trained in Hunan. In "
            "August the rebels were defeated by Bao Chao.")
    rows = [e for e in api.process_text(text, "t", resources).events
            if e.event_type == "defeat"]
    assert [(e.year, e.date_source, e.certainty) for e in rows] == [
        (1854, "sentence", "low"), (1860, "sentence", "medium")]


def test_a_date_phrase_not_read_leaves_the_running_date_unsure(
        resources: api.Resources) -> None:
    text = ("In 1847 Hong Xiuquan went to Guangzhou. A few months later, Feng Yunshan was "
            "imprisoned by the Qing. He was released by the Qing.")
    res = api.process_text(text, "t", resources)
    assert any(w.code in ("DATE_NOT_READ", "GARBLED_DIGITS") for w in res.warnings)
    rows = {e.trigger: e for e in res.events}
    assert (when(rows["imprisoned"]), rows["imprisoned"].certainty) == (
        (1847, None, "running"), "low")
    assert when(rows["went to"])[0] == 1847 and rows["went to"].certainty != "low"


def test_an_age_on_the_verb_marks_another_time(resources: api.Resources) -> None:
    ev = events(resources, "Liu Zan ascended the throne at Wuchang in 480 at the age of thirty "
                           "and died at seventy-two.")
    assert ev["ascended the throne"].year == 480
    assert ev["died"].year is None  # the age is a later time: not 480


def test_an_event_told_as_later_lies_before_the_next_printed_year(resources: api.Resources
                                                                  ) -> None:
    ev = events(resources, "In 1405 Zheng He sailed to Calicut. He later fought the pirates "
                           "at Palembang. In 1407 he returned to Nanjing.")
    assert when(ev["fought"]) == (1405, 1407, "running") and ev["fought"].certainty == "low"
    # no later year printed: no year (not the year the narrative had reached)
    ev = events(resources, "In 207 BC Liu Bang entered Xianyang. Liu Bang later set thirty "
                           "households at Dang to guard the tomb.")
    assert when(ev["to guard"]) == (None, None, "")
    # a near "later" keeps the running year; a date of its own clause stays
    ev = events(resources, "In 1405 Zheng He sailed to Calicut. Soon afterwards he fought the "
                           "pirates at Palembang.")
    assert when(ev["fought"])[0] == 1405
    ev = events(resources, "On 4 June 1928 his train was blown up at Huanggutun, and he died "
                           "a few hours later.")  # a measured "later": a date phrase
    assert when(ev["died"])[0] == 1928
    ev = events(resources, "In 1126 Li Gang defended Kaifeng and later, in 1127, was "
                           "dismissed.")
    assert when(ev["dismissed"])[0] == 1127


def test_an_event_placing_another_in_time_takes_not_the_sentences_date(resources: api.Resources
                                                                       ) -> None:
    # "after the death of X" on a noun: background told in passing, not the rising's date
    ev = events(resources, "The Dazexiang uprising (July 209 BC) was the first armed rising "
                           "against the Qin dynasty after the death of the First Emperor.")
    assert when(ev["death of"])[0] is None
    # the rising itself keeps the sentence's date
    assert when(ev["uprising"])[0] == -208


def test_an_undated_stretch_between_two_close_dates_keeps_the_running_year(
        resources: api.Resources) -> None:
    """fresh report 14, finding 8: nine undated sentences of one battle between "In 342 BC"
    and "In 340 BC" keep the running year (far: low), instead of a blank with no warning; a
    stretch before a date far later still expires."""
    middle = ("The army turned back. It dug stoves for many men. The general said nothing. "
              "The scouts reckoned the distance. The men cut down a tree. The enemy came at "
              "night. The archers waited. The crossbows fired at once. ")
    text = ("In 1127 the Jin army marched south. " + middle
            + "The Jin army broke. In 1129 the court fled to Hangzhou.")
    ev = events(resources, text)
    assert ev["broke"].year == 1127 and ev["broke"].certainty == "low"
    far = events(resources, text.replace("In 1129", "In 1190"))
    assert far["broke"].year is None  # the next date is decades later: the text moved on
