"""Sentence-level extraction rules: triggers, lists, descriptors, sides, modality, dates, sources, non-events."""

from __future__ import annotations

import datetime as dt

import pytest

from mapper import extract
from mapper.article import Article
from mapper.extract import CONTROL_CHANGE, ActorLexicon, extract_reports, split_sentences

D = dt.date
PUB = D(2022, 11, 16)  # a Wednesday
CC, GOV, OPP = CONTROL_CHANGE, "government", "opposition"


def run(text: str, published: dt.date | None = PUB, **kw):
    return extract_reports(Article("t.txt", "t.txt", text, published, source="Outlet"), **kw)


def by_mention(reports):
    return {r.mention: r for r in reports if not r.region}


CASES = [
    # (sentence, mention, event_type, controller, modality, date)
    ("Ukrainian forces liberated Kherson on 11 November 2022.", "Kherson", CC, "Ukraine", "asserted", D(2022, 11, 11)),
    ("The RSF seized Wad Madani on Monday after heavy fighting.", "Wad Madani", CC, "RSF", "asserted", D(2022, 11, 14)),
    ("Rebels captured the town of Hpakant from the junta yesterday.", "Hpakant", CC, OPP, "asserted",
     D(2022, 11, 15)),
    ("The strategic town of Saraqeb fell to government forces on Tuesday.", "Saraqeb", CC, GOV, "asserted",
     D(2022, 11, 15)),
    ("Militants withdrew from Tal Rifaat on Sunday.", "Tal Rifaat", CC, GOV, "asserted", D(2022, 11, 13)),
    ("Kupiansk returned to Ukrainian control.", "Kupiansk", CC, "Ukraine", "asserted", None),
    ("The SDF drove ISIS fighters out of Baghuz on 23 March 2019.", "Baghuz", CC, "SDF", "asserted",
     D(2019, 3, 23)),
    ("The Arakan Army said it had taken full control of Paletwa town.", "Paletwa", CC, "Arakan Army", "asserted",
     None),
    ("According to SOHR, regime forces entered and secured Maarat Harma.", "Maarat Harma", CC, GOV, "asserted",
     None),
    ("Pro-government forces wrested control over Dhale city last week.", "Dhale", CC, GOV, "asserted", None),
    ("The Sudanese army retook Omdurman's old city on Tuesday.", "Omdurman", CC, GOV, "asserted", D(2022, 11, 15)),
    ("Villagers said the Tatmadaw had occupied Kyauktaw.", "Kyauktaw", CC, GOV, "asserted", None),
    ("Several villages were liberated from terrorists, including Kafr Sajna.", "Kafr Sajna", CC, GOV, "asserted", None),
    # passive voice, agent after "by"
    ("The two villages of Maar Hitat and Hish were seized by rebels on Sunday.", "Hish", CC, OPP, "asserted",
     D(2022, 11, 13)),
    ("Khirbet Ghazaleh was recaptured by the Free Syrian Army.", "Khirbet Ghazaleh", CC, OPP, "asserted", None),
    # modality
    ("ISIS claimed it had captured the village of Susah.", "Susah", CC, "ISIS", "claimed", None),
    ("The ministry denied that Russian forces had captured Avdiivka.", "Avdiivka", CC, "Russia", "denied", None),
    ("Officials said troops have not entered Marinka.", "Marinka", CC, GOV, "denied", None),
    ("The army pushed to retake the city of Ariha.", "Ariha", CC, GOV, "attempted", None),
    ("Opposition factions launched a counter-offensive to recapture Kafr Nabl.", "Kafr Nabl", CC, OPP, "attempted",
     None),
    ("Houthi fighters are trying to seize Marib.", "Marib", CC, "Houthis", "attempted", None),
    ("The army could retake Bakhmut within days.", "Bakhmut", CC, GOV, "expected", None),
    ("Analysts say the RSF will likely capture El Fasher.", "El Fasher", CC, "RSF", "expected", None),
    ("Saraqeb could fall to the government troops fast.", "Saraqeb", CC, GOV, "expected", None),
    # advances, sieges, attacks
    ("Government troops were inching closer to the city of Idlib on Sunday.", "Idlib", "advance", GOV, "expected",
     D(2022, 11, 13)),
    ("Troops deployed in a distance allowing to advance on Jarjanaz.", "Jarjanaz", "advance", GOV, "expected", None),
    ("Russian units advanced towards Vuhledar.", "Vuhledar", "advance", "Russia", "asserted", None),
    ("Troops are besieging the city of El Fasher.", "El Fasher", "siege", GOV, "asserted", None),
    ("The Syrian Army conducted a missile strike on depots near Ras Elhisn and Babsqa.", "Babsqa", "attack", GOV,
     "asserted", None),
    ("An ISIS cell killed 3 Syrian troops near Khanasir in the province of Aleppo.", "Khanasir", "attack", "ISIS",
     "asserted", None),
    ("Government forces shelled Kafr Nabl overnight.", "Kafr Nabl", "attack", GOV, "asserted", None),
    ("Myanmar's military lost control of Lashio to the MNDAA in August.", "Lashio", CC,
     "Three Brotherhood Alliance", "asserted", None),
    ("The town of Soledar has fallen, Russian officials claimed.", "Soledar", CC, None, "claimed", None),
    ("Resistance forces overran a junta base in Kawlin township on Saturday.", "Kawlin", CC, OPP, "asserted",
     D(2022, 11, 12)),
    ("Pro-Assad militias entered Khan Sheikhoun after rebels pulled out.", "Khan Sheikhoun", CC, GOV, "asserted",
     None),
    ("Russian forces recently advanced in western Bakhmut.", "Bakhmut", "advance", "Russia", "asserted", None),
    ("RSF fighters stormed the town of Ardamata in West Darfur.", "Ardamata", "attack", "RSF", "asserted", None),
]


@pytest.mark.parametrize(("sentence", "mention", "event_type", "controller", "modality", "day"), CASES)
def test_sentence(sentence, mention, event_type, controller, modality, day):
    reports = by_mention(run(sentence))
    assert mention in reports, sorted(reports)
    r = reports[mention]
    assert (r.event_type, r.controller, r.modality, r.date.date) == (event_type, controller, modality, day)


@pytest.mark.parametrize(("sentence", "mentions"), [
    ("Government forces liberated the villages of Tell Abyad, Ain Issa and Suluk on Monday.",
     ["Tell Abyad", "Ain Issa", "Suluk"]),
    ("Kafr Nabl, Hass, Kafr Sajna and Maar Hitat are among the villages recaptured by the army.",
     ["Kafr Nabl", "Hass", "Kafr Sajna", "Maar Hitat"]),
    ("Syrian troops took control of Kafr Nabl and Hass towns in southern Idlib.", ["Kafr Nabl", "Hass"]),
    ("The army entered the key towns and villages of Kafr Ruma, al-Bara, Deir Sunbul and Ihsim.",
     ["Kafr Ruma", "al-Bara", "Deir Sunbul", "Ihsim"]),
    (("“Hish and Babila regions and the two towns of Maar Shamarin and Kafr Batikh in eastern Idlib were "
     "recaptured by the Syrian army on Monday,” the source said."), ["Hish", "Babila", "Maar Shamarin", "Kafr Batikh"]),
    ("Rebels seized the strategic northwestern town of Khan Sheikhoun as well as Murak.", ["Khan Sheikhoun", "Murak"]),
    ("Government forces captured Dhahret a-Zarzour, besides farmland surrounding al-Musheirifa village.",
     ["Dhahret a-Zarzour", "al-Musheirifa"]),
    ("Ukraine's forces recaptured Klishchiivka and Andriivka south of Bakhmut.", ["Klishchiivka", "Andriivka"]),
])
def test_every_list_member_is_a_report_with_its_own_span(sentence, mentions):
    reports = [r for r in run(sentence) if r.event_type == CC and not r.region]
    assert [r.mention for r in reports] == mentions
    assert all(sentence[slice(*r.evidence.span)] == r.mention for r in reports)
    assert len({r.evidence.span for r in reports}) == len(reports)


@pytest.mark.parametrize(("sentence", "mentions"), [
    ("Fighters loyal to the government recaptured al-Hazm, the capital of al-Jawf province.", ["al-Hazm"]),
    ("An ISIS cell killed 3 soldiers near Khanasir in the province of Aleppo.", ["Khanasir"]),
    ("RSF fighters stormed the town of Ardamata in West Darfur.", ["Ardamata"]),
])
def test_containers_and_appositions_are_not_extra_places(sentence, mentions):
    assert [r.mention for r in run(sentence)] == mentions


def test_descriptors_are_peeled_and_nearness_kept():
    reports = by_mention(run("Troops liberated strategic Ma’asaran town and the key village of al-Sawami’a, "
                             "besides farming land surrounding al-Musheirifa village."))
    assert sorted(reports) == ["Ma’asaran", "al-Musheirifa", "al-Sawami’a"]
    assert reports["al-Musheirifa"].geo_precision == 2
    assert reports["Ma’asaran"].geo_precision == 1


def test_arabic_report_line_with_hashtags():
    text = "مراسل سانا: وحدات من الجيش العربي السوري تستعيد السيطرة على قريتي #ضهرة_الزرزور و #الصير و #مزارع_المشيرفة بريف #إدلب"
    reports = [r for r in run(text) if r.event_type == CC]
    assert [(r.mention, r.controller, r.geo_precision) for r in reports] == [
        ("ضهرة الزرزور", GOV, 1), ("الصير", GOV, 1), ("المشيرفة", GOV, 2)]
    assert all(text[slice(*r.evidence.span)].replace("_", " ") == r.mention for r in reports)
    assert reports[0].attribution == "SANA"


@pytest.mark.parametrize(("sentence", "area"), [
    (("The army announced that it has regained control of many villages and towns in the southern countryside of "
     "Idlib."), "Idlib"),
    ("Government forces liberated more than 40 towns and villages in the south and southeastern Hama.", "Hama"),
    ("Rebels captured over two dozen villages in the Hama countryside.", "Hama"),
    ("In the past few days, our soldiers have managed to regain control of many towns, villages and hills.", ""),
    (("A source said three other villages had been freed from the terrorists in the eastern parts of the town of "
     "Kafr Nabl in Idlib."), "Idlib"),
])
def test_region_reports_name_no_village(sentence, area):
    reports = run(sentence)
    assert [(r.region, r.mention, r.event_type, r.geo_precision) for r in reports] == [(True, area, CC, 3)]
    r = reports[0]
    assert sentence[slice(*r.evidence.span)] == r.mention


def test_region_with_named_members():
    reports = run("The army, led by the Tiger Forces, have liberated over two dozens of villages and towns, including "
                  "one of the biggest urban centers in the area – al-Tah.")
    assert [(r.region, r.mention) for r in reports] == [(True, ""), (False, "al-Tah")]


@pytest.mark.parametrize("sentence", [
    "Rebels were supposed to pull out heavy arms by October 17 2018, and had to withdraw two days earlier.",
    "Maarat al-Numan is located 33 kilometers south of the provincial capital city of Idlib.",
    "Al-Tah is the first defense line of the militants in Maarat al-Numan and is located adjacent to Jorjnaz.",
    "The National Front for the Liberation of Syria is the main Turkish-backed alliance in Idlib.",
    "Idlib remains the only large area in the hands of terrorists.",
    "The capture came after intense clashes with the extremists.",
    "The HTS, which is said to be in control of some 60 percent of Idlib, has yet to announce its stance.",
    "Residents of Aleppo watched the news on Monday.",
])
def test_non_events_are_not_control_changes(sentence):
    assert [r for r in run(sentence) if r.event_type == CC] == []


def test_strikes_near_places_are_attacks():
    reports = run("Warning strikes were also conducted near a Turkish military convoy moving in the area of "
                  "Kafar Aweed.")
    assert [(r.mention, r.event_type) for r in reports] == [("Kafar Aweed", "attack")]


def test_capture_wins_over_attack_on_the_same_place():
    reports = run("Rebels shelled and captured Kafr Nabl.")
    assert [(r.mention, r.event_type, r.controller) for r in reports] == [("Kafr Nabl", CC, OPP)]


def test_agentless_passive_takes_the_side_of_the_surrounding_sentences():
    reports = run("The Syrian army advanced on Monday and took Kafr Nabl. Hass was also captured.")
    assert [(r.mention, r.controller) for r in reports] == [("Kafr Nabl", GOV), ("Hass", GOV)]


def test_date_carried_by_previous_sentence_of_the_paragraph():
    text = ("In a relevant development on Monday, the army liberated two strategic towns. "
            "The army managed to take control of Kafr Nabl and Hass.\n\nTroops took full control of Hish.")
    dates = {r.mention: r.date.date for r in run(text) if not r.region}
    assert dates == {"Kafr Nabl": D(2022, 11, 14), "Hass": D(2022, 11, 14), "Hish": None}


def test_tweet_signature_dates_the_tweet():
    text = ("— SANA (@SanaAjel) November 25, 2019\n"
            "وحدات من الجيش تستعيد السيطرة على قرية #الصير")
    [r] = run(text, None)
    assert (r.mention, r.date.date) == ("الصير", D(2019, 11, 25))


@pytest.mark.parametrize(("text", "source"), [
    ("Troops liberated Hish on Monday, Syria's official news agency SANA reported.", "SANA"),
    ("According to the Syrian Observatory for Human Rights, rebels seized Hish.", "SOHR"),
    ("The Russian Defence Ministry said troops took Hish.", "Russian MoD"),
    ("A Syrian military source told Sputnik the army entered Hish.", "A Syrian military source"),
    ("A military source told reporters the army was advancing. “Hish was recaptured,” the source said.",
     "A military source"),
    ("Troops took control of Hish.", "Outlet"),
])
def test_attribution(text, source):
    [r] = run(text)
    assert r.attribution == source


def test_without_publication_day_relative_dates_are_unknown():
    [r] = run("On Monday, rebels captured the town of Hish.", None)
    assert (r.date.date, r.date.precision) == (None, "unknown")


def test_is_place_only_breaks_ties_on_sentence_openers():
    text = "Residents said. Hish was captured by rebels."
    assert [r.mention for r in run(text, is_place=lambda name: name == "Hish")] == ["Hish"]
    assert [r.mention for r in run("Hish was captured by rebels.", is_place=lambda name: False)] == []


def test_actor_table_is_extensible():
    lexicon = ActorLexicon((("Blue\\s+Brigade", "Blue"),) + extract.ACTOR_TABLE)
    [r] = run("The Blue Brigade captured Hish.", actors=lexicon)
    assert r.controller == "Blue"


@pytest.mark.parametrize("text", [
    "", "No triggers here at all.", "The weather in Aleppo was mild on Monday.", "\n\n\n", "#### ---- ****",
    "Troops captured", "captured by", "Liberated!",
])
def test_no_report_without_trigger_and_place(text):
    assert run(text) == []


@pytest.mark.parametrize("text", [c[0] for c in CASES] + [
    "Um Tina, Abu Sharqi and Sha’ara are among the villages liberated by the army. The army took Hish.\nX",
    "وحدات من الجيش تستعيد السيطرة على قريتي #ضهرة_الزرزور و #الصير",
])
def test_spans_are_inside_the_text_and_spell_the_mention(text):
    for r in run(text):
        start, end = r.evidence.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end].replace("_", " ") == r.mention
        assert r.evidence.sentence in text and r.evidence.article == "t.txt"


def test_sentences_keep_offsets_and_abbreviations():
    text = 'Gen. Ali said on Nov. 5 "it fell." The U.S. army left.\nNext line'
    sents = split_sentences(text)
    assert [s.text for s in sents] == ['Gen. Ali said on Nov. 5 "it fell."', "The U.S. army left.", "Next line"]
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert [s.paragraph for s in sents] == [0, 0, 1]


def test_exported_names():
    public = {name for name in vars(extract) if not name.startswith("_")} - {
        "actors", "dates", "mentions", "model", "modality", "reports", "rxguard", "sentences", "triggers"}
    assert set(extract.__all__) == public
    assert {"extract_reports", "find_dates", "Report", "DateInfo", "DateMention", "Evidence"} <= public


@pytest.mark.parametrize(("phrase", "side"), [
    ("the Syrian Arab Army", GOV), ("SAA", GOV), ("Tiger Forces", GOV), ("Assad forces", GOV), ("the regime", GOV),
    ("government troops", GOV), ("the army", GOV), ("Hezbollah", GOV), ("the junta", GOV), ("the Tatmadaw", GOV),
    ("pro-government militias", GOV), ("SAF", GOV), ("rebels", OPP), ("HTS", OPP), ("Hayat Tahrir al-Sham", OPP),
    ("Jabhat al-Nusra", OPP), ("Jabhat Fateh al-Sham", OPP), ("National Front for Liberation", OPP), ("NFL", OPP),
    ("Turkish-backed militants", OPP), ("terrorists", OPP), ("militants", OPP), ("jihadists", OPP), ("FSA", OPP),
    ("Takfiri terrorists", OPP), ("Syrian National Army", OPP), ("SDF", "SDF"), ("ISIS", "ISIS"),
    ("the Islamic State", "ISIS"), ("Turkish troops", "Turkey"), ("Russian forces", "Russia"),
    ("Ukrainian forces", "Ukraine"), ("RSF", "RSF"), ("Rapid Support Forces", "RSF"), ("the Houthis", "Houthis"),
    ("Arakan Army", "Arakan Army"), ("الجيش العربي السوري", GOV),
])
def test_actor_lexicon(phrase, side):
    found = ActorLexicon().find(f"Reports say {phrase} moved.")
    assert [a.side for a in found] == [side]


def test_acronyms_are_case_sensitive():
    assert ActorLexicon().find("This is what it is, saa.") == []


def test_run_on_text_keeps_evidence_short_and_spans_right():
    unit = "the army captured the town of Kafr Nabl on Monday and rebels shelled Hish, "
    text = unit * 200  # a page with no full stop: one 15 kB "sentence"
    reports = run(text)
    assert {(r.mention, r.event_type) for r in reports} == {("Kafr Nabl", CC), ("Hish", "attack")}
    for r in reports:
        assert len(r.evidence.sentence) <= 1300 and r.evidence.sentence in text
        assert text[slice(*r.evidence.span)] == r.mention


def test_statement_dated_by_its_speech_verb_bounds_undated_events():
    text = ("The army said on Tuesday that its units advanced.\n"
            "The statement noted that troops captured Hish and Babila.")
    reports = run(text)
    assert [(r.mention, r.date.date, r.date.start, r.date.precision) for r in reports] == [
        ("Hish", D(2022, 11, 15), D(2022, 11, 9), "week"), ("Babila", D(2022, 11, 15), D(2022, 11, 9), "week")]
