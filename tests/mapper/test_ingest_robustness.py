"""Robustness of ingest (issue 3 acceptance): every bad input gets a message naming the file, the rest is read.

Each case writes one bad input into a folder beside two good articles, reads the folder, and checks the problem's
text, its severity, what became of the bad input, and that both good articles still came through.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from mapper.article import Article
from mapper.ingest import collect, read_articles

GOOD = {
    "good_a.txt": "The army took control of the village of Tell Mardikh on Monday after clashes with militants.\n",
    "good_b.md": "---\npublished: 2020-02-05\n---\nRebels retook the town of Saraqib on Tuesday, a monitor said.\n",
}
ARABIC = "استعادت وحدات من الجيش العربي السوري السيطرة على قرية ضهرة الزرزور بريف إدلب الجنوبي الشرقي"


@dataclass(frozen=True)
class Case:
    """A bad input: the files it writes, the problem expected, and what should become of the input."""

    files: dict[str, bytes | Callable[[], bytes]]  # callables make big contents only when the case runs
    problem: str  # expected str(problem), with {dir} for the folder
    severity: str = "error"
    article: str | None = None  # expected id of an article still made from the bad input (warnings)
    text_has: str | None = None
    text_lacks: str | None = None
    published: dt.date | None = None


BIG_LINE = b"The army shelled positions near the town on Monday, a monitor said, as clashes went on. \n"
BIG_SIZE = len(BIG_LINE) * (20 * 1024 * 1024 // len(BIG_LINE) + 1)  # just over 20 MiB


def _big() -> bytes:
    return BIG_LINE * (BIG_SIZE // len(BIG_LINE))




def _binary() -> bytes:
    noise = random.Random(3).randbytes(4096)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise


CASES = {
    "empty": Case({"empty.txt": b""}, "{dir}/empty.txt: empty (no text); skipped"),
    "whitespace only": Case({"blank.md": b"  \n\r\n\t\n"}, "{dir}/blank.md: empty (no text); skipped"),
    "binary": Case({"photo.txt": _binary()}, "{dir}/photo.txt: looks binary (NUL or control bytes), not text; skipped"),
    "20 MB text": Case(
        {"big.txt": _big},
        "{dir}/big.txt: file is " + f"{BIG_SIZE:,}" + " bytes, over the limit of 10,000,000 (--max-bytes raises it); skipped",
    ),
    "invalid UTF-8": Case(
        {"latin.txt": "Army enters the town.\nThe café in Ma’arat was shelled, a resident said.\n".encode("cp1252")},
        "{dir}/latin.txt:2: not valid UTF-8 (byte 0xe9 at offset 29); read as cp1252",
        severity="warning", article="latin.txt", text_has="The café in Ma’arat was shelled",
    ),
    "cp1256 Arabic": Case(
        {"arabic.txt": f"سانا\n{ARABIC}\n".encode("cp1256")},
        "{dir}/arabic.txt:1: not valid UTF-8 (byte 0xd3 at offset 0); read as cp1256",
        severity="warning", article="arabic.txt", text_has=ARABIC,
    ),
    "HTML with script": Case(
        {"page.html": b"<html><head><title>T</title><script>alert(1)</script></head><body><p>Army entered "
                      b"al-Tah.<script>alert('body')</script></p><script src=x.js></script><p>Clashes went on."
                      b"</p><body onload=\"alert(2)\"></body></html>",
         "unclosed.htm": b"<p>Unclosed <b>tags <script>alert('x')",
         "broken.htm": b"<script>alert(3)</script><style>p { color: red }</style>"},
        "{dir}/broken.htm: no article text left after removing markup and page furniture; skipped",
        article="page.html", text_has="Army entered al-Tah.\n\nClashes went on.", text_lacks="alert",
    ),
    "manifest row naming a missing file": Case(
        {"manifest.csv": b"file,published,source,url,date_evidence\ngood_a.txt,2019-12-23,SANA,,\n"
                         b"missing.txt,2019-12-24,SANA,,\n"},
        "{dir}/manifest.csv:3: row names 'missing.txt', which does not exist in {dir}; skipped",
        article="good_a.txt", published=dt.date(2019, 12, 23),
    ),
    "manifest row with a bad date": Case(
        {"manifest.csv": b"file,published,source,url,date_evidence\ngood_a.txt,2019-02-30,SANA,,\n"},
        "{dir}/manifest.csv:2: good_a.txt: published '2019-02-30' is not a date (expected YYYY-MM-DD); "
        "publication date unknown",
        severity="warning", article="good_a.txt", published=None,
    ),
    "bad date in front matter": Case(
        {"dated.md": b"---\ntitle: Army enters al-Tah\npublished: 2019-13-45\n---\nArmy entered al-Tah.\n"},
        "{dir}/dated.md:3: front matter published: '2019-13-45' is not a date (expected YYYY-MM-DD); "
        "publication date unknown",
        severity="warning", article="dated.md", text_has="Army entered al-Tah.", published=None,
    ),
    "word date in front matter": Case(
        {"words.txt": b"---\npublished: yesterday\n---\nArmy entered al-Tah.\n"},
        "{dir}/words.txt:2: front matter published: 'yesterday' is not a date (expected YYYY-MM-DD); "
        "publication date unknown",
        severity="warning", article="words.txt", published=None,
    ),
    "bad JSONL line": Case(
        {"feed.jsonl": b'{"text": "Army entered al-Tah.", "published": "2019-12-24"}\n{"text": \n'},
        "{dir}/feed.jsonl:2: not valid JSON (Expecting value at column 10); line skipped",
        article="feed.jsonl#1", published=dt.date(2019, 12, 24),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input_is_reported_and_the_rest_is_read(tmp_path, case):
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for name, data in case.files.items():
        (tmp_path / name).write_bytes(data() if callable(data) else data)

    articles, problems = collect([str(tmp_path)])

    expected = case.problem.format(dir=tmp_path)
    assert [str(p) for p in problems] == [expected]
    assert problems[0].severity == case.severity
    by_id = {a.id: a for a in articles}
    assert set(GOOD) <= set(by_id), "the good files must still be read"
    assert by_id["good_b.md"].published == dt.date(2020, 2, 5)
    if case.article is None:
        assert set(by_id) == set(GOOD)
        return
    article = by_id[case.article]
    if case.text_has is not None:
        assert case.text_has in article.text
    if case.text_lacks is not None:
        assert all(case.text_lacks not in a.text for a in articles)
    assert article.published == case.published


def test_big_file_is_read_when_the_limit_is_raised(tmp_path):
    (tmp_path / "big.txt").write_bytes(_big())
    [article] = collect([tmp_path], max_bytes=30_000_000)[0]
    assert len(article.text) > 20_000_000
    assert article.text.startswith("The army shelled positions near the town on Monday")


def test_vanished_file(tmp_path):
    (tmp_path / "good_a.txt").write_text(GOOD["good_a.txt"], encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "gone.txt")  # listed by the walk, gone when read
    articles, problems = collect([tmp_path])
    assert [a.id for a in articles] == ["good_a.txt"]
    assert [str(p) for p in problems] == [f"{tmp_path}/gone.txt: cannot read: No such file or directory"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("text", encoding="utf-8")
    locked.chmod(0)
    [problem] = list(read_articles([locked]))
    assert str(problem) == f"{locked}: cannot read: Permission denied"


def test_utf8_bom_nul_and_line_ends(tmp_path):
    data = "\ufeffArmy entered\x00 al-Tah.\r\nCafe\u0301 shelled.\rEnd.\n".encode()
    (tmp_path / "bom.txt").write_bytes(data)
    [article], problems = collect([tmp_path])
    assert problems == []
    assert article.text == "Army entered al-Tah.\nCafé shelled.\nEnd."


def test_problems_come_as_a_stream(tmp_path):
    """A generator: the first item is available before later files are read."""
    (tmp_path / "a.txt").write_text(GOOD["good_a.txt"], encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    items = read_articles([tmp_path])
    first = next(items)
    assert isinstance(first, Article) and first.id == "a.txt"
    (tmp_path / "b.txt").write_text(GOOD["good_a.txt"], encoding="utf-8")  # fixed before it is read
    assert [a.id for a in items] == ["b.txt"]


@pytest.mark.parametrize(("grown_to", "limit", "read"), [(5_000, 10_000, True), (12_000, 10_000, False)])
def test_file_that_grows_between_stat_and_read(tmp_path, monkeypatch, grown_to, limit, read):
    """The reader asks for the size it saw; a file that grew since is read on up to the limit, never cut short."""
    from mapper.ingest import readers

    text = ("The army entered the town of Kafr Nabl on Monday. " * 400)[:grown_to]
    (tmp_path / "grows.txt").write_text(text, encoding="utf-8")
    real_stat = os.stat

    class Shrunk:
        st_size = 100  # what stat said before the file grew

    monkeypatch.setattr(readers.os, "stat", lambda p, *a, **k: Shrunk if str(p).endswith("grows.txt") else
                        real_stat(p, *a, **k))
    articles, problems = collect([tmp_path], max_bytes=limit)
    if read:
        assert [a.text for a in articles] == [text.strip()] and not problems
    else:
        assert not articles and "over the limit of 10,000 bytes" in problems[0].message
