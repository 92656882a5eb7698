"""Unit tests of mapper.ingest: front matter, manifests and precedence, the dateline rule, furniture, HTML, JSONL."""

from __future__ import annotations

import datetime as dt
import doctest
import json
import shutil
from pathlib import Path

import pytest

import mapper.ingest
from mapper.article import Article
from mapper.errors import Problem
from mapper.ingest import collect, dates, decode, furniture, markup, metadata, read_articles
from mapper.ingest.dates import find_dateline, parse_date_value
from mapper.ingest.furniture import remove_furniture

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data" / "ingest"
SEED_002 = SEEDS / "002_9ff67fba2024452d.txt"
SEED_003 = SEEDS / "003_94511c32bb130de8.txt"
BODY = "The army took control of the village of Tell Mardikh on Monday after clashes with militants.\n"


def test_exported_members():
    assert mapper.ingest.__all__ == sorted(mapper.ingest.__all__)
    assert {name for name in dir(mapper.ingest) if not name.startswith("_")} >= set(mapper.ingest.__all__)


@pytest.mark.parametrize("module", [dates, decode, furniture, markup, metadata, mapper.ingest])
def test_docstring_examples(module):
    assert doctest.testmod(module).failed == 0


# --- dates and the dateline rule -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-12-24", dt.date(2019, 12, 24)),
        ("2019-12-24T23:30:00+03:00", dt.date(2019, 12, 24)),
        ("December 24, 2019", dt.date(2019, 12, 24)),
        ("24 Dec 2019", dt.date(2019, 12, 24)),
        (dt.date(2020, 1, 27), dt.date(2020, 1, 27)),
        ("2019-13-45", None),
        ("yesterday", None),
        ("", None),
        (20191224, None),
    ],
)
def test_parse_date_value(value, expected):
    assert parse_date_value(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Battle for Idlib\n\nGlobal Research, December 24, 2019\n\nThe army advanced.", dt.date(2019, 12, 24)),
        ("Title\n\n[South Front](#) 23 December 2019\n\nBody.", dt.date(2019, 12, 23)),
        ("Published: 2020-01-28\nThe army entered the town.", dt.date(2020, 1, 28)),
        ("Nov 25, 2019\nThe army entered the town.", dt.date(2019, 11, 25)),
        ("Tuesday, 24 December 2019\nText.", dt.date(2019, 12, 24)),
        ("Posted on January 5, 2020 by admin in Syria News\nText.", dt.date(2020, 1, 5)),
        (("DAMASCUS, December 24, 2019 (SANA) – The army entered the town of al-Tah after clashes with the militants "
         "who had held it for years and used it as a base for their attacks."), dt.date(2019, 12, 24)),
        # a sentence with a date is an event date, not a dateline
        ("The operation started on December 19, 2019.\nMore text.", None),
        ("Syrian army advances, December 24, 2019\nText.", None),
        # a quoted tweet's signature is not the article's dateline
        ("Short title\n— سانا عاجل (@SanaAjel) November 25, 2019\nText.", None),
        # a date after the first body paragraph is in the body
        (("Clashes have broken out between militants and government forces in the northwestern province, the last "
         "stronghold of the extremists, a monitor said.\n24 December 2019\n"), None),
        # no year: not a full date
        ("Global Research, December 24\nText.", None),
        ("\n".join(["Line"] * 15) + "\nDecember 24, 2019", None),
    ],
)
def test_find_dateline(text, expected):
    assert find_dateline(text) == expected


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000_e9e787f6a0feb607.txt", None),
        ("001_72f3e311adc64d59.txt", None),
        ("002_9ff67fba2024452d.txt", None),
        ("003_94511c32bb130de8.txt", dt.date(2019, 12, 24)),
        ("004_4e88ac0699ade509.txt", None),  # the tweet dated November 25, 2019 is a quote inside the body
    ],
)
def test_seed_datelines_without_manifest(tmp_path, seed, expected):
    shutil.copy(SEEDS / seed, tmp_path / seed)
    [article] = [item for item in read_articles([tmp_path]) if isinstance(item, Article)]
    assert article.published == expected
    assert article.published_evidence == ("dateline in text" if expected else "")


# --- front matter, manifests, precedence -------------------------------------------------------------------------

def test_front_matter(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\npublished: 2019-12-24\nsource: SANA\nurl: https://sana.example/a\ntitle: Army enters al-Tah\n---\n"
        "# Army enters al-Tah\n\n" + BODY, encoding="utf-8")
    articles, problems = collect([tmp_path / "a.md"])
    assert problems == []
    [article] = articles
    assert (article.published, article.published_evidence) == (dt.date(2019, 12, 24), "front matter")
    assert (article.source, article.url, article.title) == ("SANA", "https://sana.example/a", "Army enters al-Tah")
    assert article.text == "Army enters al-Tah\n\n" + BODY.strip()
    assert "---" not in article.text and "published" not in article.text


def test_front_matter_invalid_yaml(tmp_path):
    (tmp_path / "a.txt").write_text("---\ntitle: [unclosed\n---\n" + BODY, encoding="utf-8")
    articles, problems = collect([tmp_path])
    assert [a.text for a in articles] == [BODY.strip()]
    assert len(problems) == 1 and problems[0].severity == "warning" and "not valid YAML" in problems[0].message


def _write_manifest(folder: Path, rows: list[str], header: str = "file,published,source,url,date_evidence") -> Path:
    path = folder / "manifest.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("front", "manifest_date", "option", "dateline", "expected", "evidence"),
    [
        ("2020-01-01", "2020-01-02", dt.date(2020, 1, 3), True, dt.date(2020, 1, 1), "front matter"),
        (None, "2020-01-02", dt.date(2020, 1, 3), True, dt.date(2020, 1, 2), "manifest"),
        (None, "", dt.date(2020, 1, 3), True, dt.date(2020, 1, 3), "option"),
        (None, "", None, True, dt.date(2020, 1, 4), "dateline in text"),
        (None, "", None, False, None, ""),
        ("yesterday", "2020-01-02", None, True, dt.date(2020, 1, 2), "manifest"),
    ],
)
def test_precedence(tmp_path, front, manifest_date, option, dateline, expected, evidence):
    text = (f"---\npublished: {front}\n---\n" if front else "") + ("Example Post, 4 January 2020\n\n" if dateline else "")
    (tmp_path / "a.txt").write_text(text + BODY, encoding="utf-8")
    _write_manifest(tmp_path, [f"a.txt,{manifest_date},Outlet,,"])
    [article] = [item for item in read_articles([tmp_path], published=option) if isinstance(item, Article)]
    assert (article.published, article.published_evidence) == (expected, evidence)
    assert article.source == "Outlet"


def test_seed_manifest_is_read():
    articles, problems = collect([SEEDS])
    assert problems == []
    by_id = {a.id: a for a in articles}
    assert sorted(by_id) == sorted(p.name for p in SEEDS.glob("*.txt"))
    if (SEEDS / "manifest.csv").exists():
        assert by_id["000_e9e787f6a0feb607.txt"].published == dt.date(2019, 12, 24)
        assert by_id["000_e9e787f6a0feb607.txt"].published_evidence == "manifest"
        assert by_id["002_9ff67fba2024452d.txt"].published is None  # empty published: unknown, and no dateline


def test_explicit_manifest_beats_beside(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(BODY, encoding="utf-8")
    _write_manifest(tmp_path / "docs", ["a.txt,2020-01-02,Beside,,"])
    explicit = tmp_path / "explicit.csv"
    explicit.write_text("file,published,source,url,date_evidence,title\ndocs/a.txt,2020-02-02,Explicit,,,T\n")
    [article] = collect([tmp_path / "docs"], manifest=explicit)[0]
    assert (article.published, article.source, article.title) == (dt.date(2020, 2, 2), "Explicit", "T")


def test_manifest_without_file_column(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    _write_manifest(tmp_path, ["a.txt,2020"], header="name,date")
    articles, problems = collect([tmp_path])
    assert [a.id for a in articles] == ["a.txt"]
    assert [str(p) for p in problems] == [(f"{tmp_path / 'manifest.csv'}: manifest has no 'file' column (columns: "
                                          "name, date)")]


# --- ids, order, folders -------------------------------------------------------------------------------------------

def test_ids_order_and_skipped_files(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.htm", ".hidden.txt", ".git/e.txt", "notes.pdf"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<p>{BODY}</p>" if name.endswith(("html", "htm")) else BODY, encoding="utf-8")
    _write_manifest(tmp_path, [])
    articles, problems = collect([str(tmp_path), str(tmp_path / "b.txt")])
    assert problems == []
    assert [a.id for a in articles] == ["a.md", "b.txt", "sub/c.html", "sub/deeper/d.htm"]
    assert articles[2].path == str(tmp_path / "sub" / "c.html")
    assert all(a.text == BODY.strip() for a in articles)


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.txt", "no such file or folder"), ("notes.pdf", "unsupported file type '.pdf'")],
)
def test_bad_arguments(tmp_path, name, message):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    [problem] = list(read_articles([tmp_path / name]))
    assert str(problem).startswith(f"{tmp_path / name}: {message}")


# --- page furniture ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("gone", "kept"),
    [
        ("Note to readers: please click the share buttons", "The Syrian Army and its allies delivered a devastating"),
        ("PayPal: southfront@list.ru", "Since the start of the operation on December 19, the army"),
        ("Disclaimer: The contents of this article", "Warning strikes were also conducted near a Turkish"),
        ("contains copyrighted material", "The Syrian Army even conducted a missile strike on militants"),
        ("Copyright ©", "On December 22, ISIS claimed that its members had killed 2 Russian soldiers"),
        ("The original source of this article is", "According to them, the “moderate opposition” just conducted"),
        ("Region:", "The increase of ISIS activity amid the Syrian Army advance"),
        ("Theme:", "Video: Battle for Idlib: Syrian Army Aims for M5 Highway"),
        ("In-depth Report:", "Global Research, December 24, 2019"),
        ("[War Agenda](#)", "South Front 23 December 2019"),
        ("https://southfront.org/wp-content", "A day earlier, an ISIS cell killed 3 Syrian troops near Khanasir"),
        ("Become a Member of Global Research", "over 200 militants were killed or injured in Idlib clashes"),
        ("Comment on Global Research Articles", "close to the Turkish border."),
        ("Articles by:", "ISIS, so far, has appeared to be more effective than its Idlib counterparts."),
        ("For media inquiries", "Also, the southern Idlib operation was apparently coordinated"),
        ("By South Front", "A devastating blow to Al-Qaeda-linked Hayat Tahrir al-Sham"),
        ("](", "Media outlets affiliated with Hayat Tahrir al-Sham and the Turkish-backed National Front"),
    ],
)
def test_furniture_seed_003(gone, kept):
    text = remove_furniture(SEED_003.read_text(encoding="utf-8"))
    assert gone not in text
    assert kept in text


@pytest.mark.parametrize("seed", ["000_e9e787f6a0feb607.txt", "001_72f3e311adc64d59.txt", "004_4e88ac0699ade509.txt"])
def test_furniture_leaves_clean_seeds_alone(seed):
    """No furniture in these: the text, the Arabic tweet and its signature line included, comes through verbatim."""
    original = (SEEDS / seed).read_text(encoding="utf-8")
    assert remove_furniture(original) == original.strip()


def test_furniture_seed_003_body_intact():
    original = SEED_003.read_text(encoding="utf-8")
    start = original.index("The Syrian Army and its allies delivered")
    end = original.index("\n", original.index("The increase of ISIS activity"))
    video_link = "\n\nhttps://southfront.org/wp-content/uploads/video/IMR_23_12_2019.mp4"
    body = original[start:end].replace(video_link, "")
    assert body.count("\n\n") == 8
    cleaned = remove_furniture(original)
    assert cleaned.endswith(body)  # every body paragraph, verbatim, and nothing after it
    assert cleaned.startswith("Video: Battle for Idlib: Syrian Army Aims for M5 Highway\n\nA devastating blow")


@pytest.mark.parametrize(
    ("gone", "kept"),
    [
        ("Roshan Amiri is an advocate for the truth", "more than 900,000 people have been displaced"),
        ("Leave a Reply", "The Syrian army recovering more areas in Idlib."),
        ("Your email address will not be published", "the army continues to liberate all Syrian lands"),
        ("Required fields are marked", "The violence came as a Russian delegation was due to arrive in Turkey"),
    ],
)
def test_furniture_seed_002(gone, kept):
    text = remove_furniture(SEED_002.read_text(encoding="utf-8"))
    assert gone not in text
    assert kept in text
    assert text.endswith("displaced from their homes in about three months.")


@pytest.mark.parametrize("pattern", furniture._WEAK_CUE_PATTERNS + furniture._STRONG_CUE_PATTERNS)
def test_every_cue_has_an_anchor(pattern):
    """The fast pre-check must not hide a cue: each pattern holds one of the anchor literals."""
    literal = pattern.replace("log ?in to", "log in to")
    assert any(anchor in literal for anchor in furniture.CUE_ANCHORS)


@pytest.mark.parametrize(
    "sentence",
    [
        "A spokesman declined to comment on the report, saying the army would support our efforts.",
        "Maarat al-Numan is a key stronghold of the militants, the correspondent said.",
        "The Observatory said the convoy was hit near the border crossing on Tuesday.",
        "Share prices fell in Damascus as the army advanced; Turkey said it would donate tents to the displaced.",
    ],
)
def test_furniture_keeps_body_sentences(sentence):
    text = f"Title\n\n{sentence}\n\n{BODY}"
    assert remove_furniture(text) == text.strip()


@pytest.mark.parametrize(
    "line",
    [
        "Share this:", "Facebook | Twitter | WhatsApp", "Tags: Syria, Idlib, SAA", "Filed under: Middle East",
        "Subscribe to our newsletter", "© 2020 Example News. All rights reserved.", "* * *",
        "<https://example.org/donate>", "[Read more](https://example.org/x) | [Next](https://example.org/y)",
        "The views expressed in this article are the author's own.", "Jane Roe is a freelance journalist in Beirut.",
    ],
)
def test_furniture_lines_removed(line):
    assert remove_furniture(f"{BODY}\n{line}") == BODY.strip()


# --- HTML ----------------------------------------------------------------------------------------------------------

def test_html_page_metadata_and_text():
    [article] = collect([DATA / "page.html"])[0]
    assert article.id == "page.html"
    assert article.title == "Army regains control of two villages near Saraqib"
    assert (article.published, article.published_evidence) == (dt.date(2020, 2, 5), "html metadata")
    assert article.source == "Example News"
    assert article.url == "https://news.example.org/2020/02/army-regains-villages"
    assert "Tell Mardikh and Kafr Battikh on Wednesday" in article.text
    assert "the town & along the M5 highway" in article.text
    for furniture_text in ["alert", "injected", "dataLayer", "Share on Facebook", "Leave a Reply", "Copyright",
                           "Jane Roe", "Note to readers", "old paragraph", "Home", "Related", "display: flex"]:
        assert furniture_text not in article.text


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta property="article:published_time" content="2019-12-24T08:00:00Z">', dt.date(2019, 12, 24)),
        ('<meta itemprop="datePublished" content="2019-12-23">', dt.date(2019, 12, 23)),
        ("</head><body><time datetime=2019-12-22>Dec 22</time>", dt.date(2019, 12, 22)),
        ("", None),
    ],
)
def test_html_published(tmp_path, head, expected):
    (tmp_path / "a.html").write_text(f"<html><head>{head}</head><body><p>{BODY}</p></body></html>", encoding="utf-8")
    [article] = collect([tmp_path])[0]
    assert article.published == expected


def test_html_time_after_first_paragraph_is_body():
    doc = markup.html_to_text("<p>Army entered the town.</p><p>On <time datetime=2019-12-19>Dec 19</time></p>")
    assert doc.published is None


# --- JSONL ---------------------------------------------------------------------------------------------------------

def test_jsonl(tmp_path):
    lines = [
        json.dumps({"text": BODY, "published": "2019-12-24", "source": "SANA", "url": "https://s.example/1",
                    "title": "T1"}),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "<p>Army entered <b>al-Tah</b>.</p><script>alert(1)</script>", "published": "2019-13-45"}),
        json.dumps(["a list"]),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = collect([tmp_path])
    assert [(a.id, a.published, a.published_evidence) for a in articles] == [
        ("feed.jsonl#1", dt.date(2019, 12, 24), "jsonl"), ("feed.jsonl#5", None, "")]
    assert articles[0].source == "SANA" and articles[0].title == "T1" and articles[0].text == BODY.strip()
    assert articles[1].text == "Army entered al-Tah."
    feed = tmp_path / "feed.jsonl"
    assert [str(p) for p in problems] == [
        f"{feed}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2); line skipped",
        f"{feed}:3: no 'text' (a non-empty string is required); line skipped",
        f"{feed}:5: published '2019-13-45' is not a date (expected YYYY-MM-DD); publication date unknown",
        f"{feed}:6: expected a JSON object, found list; line skipped",
    ]
    assert [p.severity for p in problems] == ["error", "error", "warning", "error"]


def test_problem_and_article_types(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    assert [type(item) for item in read_articles([tmp_path])] == [Article, Problem]
