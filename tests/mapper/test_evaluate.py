"""evaluate: precision, recall and F1 of control changes against a gold CSV, on a hand-made example."""


import pytest
from events_fixtures import FixtureGazetteer, make_report

from mapper.evaluate import GoldError, evaluate
from mapper.events import locate_reports, merge_events

GOLD = """article,place,date,controller,date_precision,lat,lon
a.txt,Jorjnaz,2019-12-23,government,day,,
b,Jarjanaz,2019-12-20,government,week,,
a.txt,al-Tah,2019-12-23,government,,,
c.txt,Saraqib,2020-02,opposition,,,
c.txt,al-Musheirifa,2019-11-25,government,day,,
c.txt,Kafr Nowhere,,government,,35.87472,36.80056
c.txt,Hraki,23/12/2019,government,day,,
"""


@pytest.fixture
def events():
    reports = [
        make_report("Jorjnaz", article="a.txt", when="2019-12-23"),
        make_report("Jirjanaz", article="b.txt", when="2019-12-23"),
        make_report("al-Tah", article="a.txt", when="2019-12-22"),
        make_report("Saraqib", article="c.txt", when="2020-02-27", controller="opposition", modality="claimed"),
        make_report("al-Musheirifa", article="c.txt", when="2019-11-25", modality="attempted"),
        make_report("Dhahret a-Zarzour", article="c.txt", when="2019-11-25", event_type="attack"),
        make_report("Saraqib", article="c.txt", when=None),
        make_report("Hama countryside", article="c.txt", when="2020-02-27", region=True),
    ]
    return merge_events(locate_reports(reports, FixtureGazetteer()).located)


def test_scores_on_a_hand_made_example(tmp_path, events):
    gold = tmp_path / "gold.csv"
    gold.write_text(GOLD, encoding="utf-8")
    result = evaluate(gold, events, gazetteer=FixtureGazetteer())
    # predictions: Jarjanaz in a and b, al-Tah in a, Saraqib (opposition) in c, Saraqib (government, undated) in c;
    # the attempt on al-Musheirifa and the attack on Dhahret a-Zarzour are not control changes that count.
    assert [(row.line, p.article, p.event.place_name) for row, p in result.true_positives] == [
        (2, "a.txt", "Jarjanaz"), (3, "b.txt", "Jarjanaz"), (5, "c.txt", "Saraqib"), (7, "c.txt", "Saraqib")]
    assert [row.line for row in result.misses] == [4, 6]
    assert [(p.article, p.event.place_name, str(p.event.date)) for p in result.false_alarms] == [
        ("a.txt", "al-Tah", "2019-12-22")]
    assert [(row.line, str(p.event.date)) for row, p in result.date_errors] == [(4, "2019-12-22")]
    # the region event ("villages in the Hama countryside") names no place a gold row could match or refute
    assert [(p.event.place_name, p.event.geo_precision) for p in result.unscored_regions] == [("Hama Governorate", 3)]
    assert [(p.line, p.message) for p in result.problems] == [(8, "date '23/12/2019' is not YYYY-MM-DD (or YYYY-MM)")]
    assert (result.precision, round(result.recall, 4), round(result.f1, 4)) == (0.8, 0.6667, 0.7273)


def test_without_a_gazetteer_places_match_on_spelling(tmp_path, events):
    gold = tmp_path / "gold.csv"
    gold.write_text("article,place,date,controller\na.txt,Jorjnaz,2019-12-23,government\n"
                    "a.txt,Jarjanaz,2019-12-23,government\n", encoding="utf-8")
    result = evaluate(gold, events)
    assert [row.place for row, _ in result.true_positives] == ["Jorjnaz"]
    assert [row.place for row in result.misses] == ["Jarjanaz"]  # the prediction was used once already
    assert (result.precision, result.recall) == (0.2, 0.5)


@pytest.mark.parametrize("text, message", [
    ("article,place,date\na,b,2019-12-23\n", "missing column"),
    (b"\xff\xfe\x00bad", "cannot read"),
])
def test_unusable_gold_files_raise_naming_the_file(tmp_path, events, text, message):
    gold = tmp_path / "gold.csv"
    gold.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(GoldError, match=message) as caught:
        evaluate(gold, events)
    assert "gold.csv" in str(caught.value)


def test_evaluate_command_prints_scores_and_lists(tmp_path, monkeypatch):
    from click.testing import CliRunner
    from events_fixtures import toy_extract_reports, write_toy_articles

    import gazetteer
    import mapper.extract
    from mapper.cli import main

    monkeypatch.setattr(gazetteer, "load_gazetteer", lambda overlays=(), **kw: FixtureGazetteer(), raising=False)
    monkeypatch.setattr(mapper.extract, "extract_reports", toy_extract_reports, raising=False)
    folder = write_toy_articles(tmp_path / "articles")
    (folder / "empty.txt").unlink()
    gold = tmp_path / "gold.csv"
    gold.write_text("article,place,date,controller\na.md,Jarjanaz,2019-12-23,government\n"
                    "b.txt,Jarjanaz,2019-12-24,government\nc.txt,Saraqib,2020-02-27,opposition\n"
                    "c.txt,al-Tah,2020-02-27,opposition\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # Kafr Nowhere is in no gazetteer: still an extracted control change, so with no gold row a false alarm.
    assert lines[0] == ("precision 0.500  recall 0.500  F1 0.500  (2 matched, 2 missed, 2 false alarms, "
                        "1 wrong days)")
    assert any(line.startswith("  a.md: Kafr Nowhere -> government (2019-12-23, day) [") for line in lines)
    assert "  b.txt: Jarjanaz -> government (2019-12-24, day) [line 3]" in lines
    assert "  c.txt: al-Tah -> opposition (2020-02-27, day) [line 5]" in lines
    assert any(line.startswith("  b.txt: Jarjanaz -> government (2019-12-23, day) [") for line in lines)
