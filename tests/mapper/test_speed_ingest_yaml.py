"""The flat front-matter fast path must give exactly what YAML's BaseLoader gives, and step aside otherwise."""

import random

import pytest
import yaml

from mapper.ingest import metadata

_LOADERS = [yaml.BaseLoader] + ([yaml.CBaseLoader] if hasattr(yaml, "CBaseLoader") else [])


def _yaml_fields(block: str):
    """Every available BaseLoader's reading of a block (they must agree), or the error class when it is not YAML."""
    readings = []
    for loader in _LOADERS:
        try:
            readings.append(yaml.load(block, Loader=loader))
        except yaml.YAMLError:
            readings.append(yaml.YAMLError)
    assert all(reading == readings[0] for reading in readings), (block, readings)
    return readings[0]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("published: 2019-12-24\nsource: SANA\n", {"published": "2019-12-24", "source": "SANA"}),
        ("title: Assad's forces enter Saraqib  \n", {"title": "Assad's forces enter Saraqib"}),
        ("url: https://example.org/a?b=c#d\n", {"url": "https://example.org/a?b=c#d"}),
        ("on: yes\nnull: null\ndate: 2019-12-24T21:05:00+03:00\n",
         {"on": "yes", "null": "null", "date": "2019-12-24T21:05:00+03:00"}),
        ("title: Idlib [update] {live}, day 3\n", {"title": "Idlib [update] {live}, day 3"}),
        ("title: a#b 50% @x `y` !z &w *v\n", {"title": "a#b 50% @x `y` !z &w *v"}),
        ("source: first\nsource: second\n", {"source": "second"}),
        ("title: إدلب\n", {"title": "إدلب"}),
    ],
)
def test_flat_front_matter_read_as_yaml_reads_it(block, expected):
    assert metadata._flat_fields(block) == expected
    assert _yaml_fields(block) == expected


@pytest.mark.parametrize(
    "block",
    [
        "title: Idlib: the offensive\n",  # ": " opens a mapping (a YAML error)
        "title: Idlib # draft\n",  # comment
        "title: 'quoted'\n", 'title: "quoted"\n', "tags: [a, b]\n", "tags:\n  - a\n", "title: ~\n", "title:\n",
        "title: -5\n", "title: &a x\nother: *a\n", "title: !!str x\n", "title: |\n  text\n", "title: x:\n",
        "title: a\n  continued\n", "title: a\n\nsource: b\n", "# comment\ntitle: a\n", "title:\tx\n", "title: a\tb\n",
        "title: a\u00a0b\n", "title: a\u2028b\n", "title: a\x85b\n", "title: a\ufeffb\n", "title x: a\n",
        "title : a\n", "title:a\n", "%YAML 1.1\n", "- a\n", "", "x" * 101 + ": a\n",
    ],
)
def test_anything_but_flat_front_matter_goes_to_yaml(block):
    assert metadata._flat_fields(block) is None


_KEYS = ["published", "date", "title", "source", "url", "Title", "pub_date", "pub-date", "_x", "yes", "on", "1x",
         "x y", "é", "?x", "-x", "x" * 100, "x" * 101]
_SEPARATORS = [": ", ":  ", ":", ":\t", " : ", ": \t", ":\n  "]
_PIECES = [
    "2019-12-24", "2019-12-24T21:05:00+03:00", "24 December 2019", "yes", "No", "on", "off", "null", "Null", "~", "true",
    "1e3", "0x1F", "0o17", ".inf", ".NaN", "12:30", "12:30:", "a: b", "a:b", "a #c", "a#b", "#c", "'q'", "'", '"q"', '"',
    "[a, b]", "[", "]", "{a: b}", "{", "}", ",", "&x", "*x", "!tag", "!!str", "|", ">", "-", "- a", "--", "---", "...",
    "? a", "?", "%x", "@x", "`x", "http://x.org/a?b=c#d", "Assad's", "é", "إدلب", "Σ", "\U0001f600", "\u00a0", "\t", "\u2028",
    "\x85", "\ufeff", "\x07", "\ud800", "\r", "  ", " ", ":", "::", "a:", "<<", "=", "\\", "0", "-1", "+1", "1_000",
]


def _random_block(rnd: random.Random) -> str:
    lines = []
    for _ in range(rnd.randint(1, 4)):
        if rnd.random() < 0.03:
            lines.append(rnd.choice(["", "# comment", "  indented: x", "- item", "---", "..."]))
            continue
        if rnd.random() < 0.7:  # a plain word and at most one odd piece: the fast path is taken often
            value = rnd.choice(["Idlib", "SANA", "AFP", "2020-02-06", "Army enters Saraqib", "1", "yes", "é"])
            value += rnd.choice(["", " ", "x", "-"]) + rnd.choice(_PIECES) * rnd.randint(0, 1)
            separator = rnd.choice([": ", ": ", ":  "] + _SEPARATORS)
        else:
            value = "".join(rnd.choice(_PIECES) + rnd.choice(["", " ", "", "x"]) for _ in range(rnd.randint(0, 4)))
            separator = rnd.choice(_SEPARATORS)
        key = rnd.choice(_KEYS[:8] if rnd.random() < 0.8 else _KEYS)
        lines.append(key + separator + value + rnd.choice(["", "", " ", "  "]))
    return "\n".join(lines) + "\n"


def test_fast_path_matches_yaml_on_generated_front_matter():
    """60,000 generated blocks: wherever the fast path answers, YAML gives the same mapping."""
    rnd = random.Random(20240601)
    taken = 0
    for _ in range(60_000):
        block = _random_block(rnd)
        fast = metadata._flat_fields(block)
        if fast is not None:
            taken += 1
            assert fast == _yaml_fields(block), block
    assert taken > 5_000  # the fast path was exercised, not always refused


@pytest.mark.parametrize(
    ("text", "published", "title"),
    [
        ("---\npublished: 2019-12-24\ntitle: Idlib\n---\nText", "2019-12-24", "Idlib"),
        ("---\npublished: '2019-12-24'\ntitle: Idlib # note\n---\nText", "2019-12-24", "Idlib"),  # through YAML
    ],
)
def test_split_front_matter_same_either_way(text, published, title):
    body, meta, problems = metadata.split_front_matter(text, "a.md")
    assert (str(meta.published), meta.title, problems) == (published, title, [])
    assert body == "\n\n\n\nText"
