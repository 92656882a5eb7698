"""Fast paths of ingest: the shortcuts must give what the full rules give."""

import pytest

from mapper.ingest import furniture


@pytest.mark.parametrize(
    ("patterns", "anchors"),
    [(furniture._WEAK_CUE_PATTERNS, furniture.WEAK_CUE_ANCHORS),
     (furniture._STRONG_CUE_PATTERNS, furniture.STRONG_CUE_ANCHORS)],
    ids=["weak", "strong"],
)
def test_every_cue_has_an_anchor_of_its_own_kind(patterns, anchors):
    """A cue regex is skipped when the unit holds none of its kind's anchors, so each pattern must hold one."""
    for pattern in patterns:
        literal = pattern.replace("log ?in to", "log in to")
        assert any(anchor in literal for anchor in anchors), pattern


@pytest.mark.parametrize(
    ("unit", "furniture_expected"),
    [
        ("Troops moved across the river and took the crossing.", False),  # "cross" anchor, no cue
        ("Cross-post this to your email list.", True),  # two weak cues
        ("Leave a Reply", True),  # one strong cue opening a short unit
        ("Share this article with friends across the region, please.", True),  # weak cue + "this article" cue
        ("The commander declined to comment on the losses across Idlib.", False),  # "comment" anchor, no cue
        ("Text [a link](http://x.org) and more text in the same sentence about Saraqib.", False),
    ],
)
def test_is_furniture_with_narrowed_anchors(unit, furniture_expected):
    narrowed = furniture.cue_anchors_in(unit.lower())
    assert furniture.is_furniture(unit, anchors=narrowed) is furniture_expected
    assert furniture.is_furniture(unit) is furniture_expected


@pytest.mark.parametrize(
    "text",
    ["plain text, no links", "a <b>tag</b> and [a link](x) and ![img](y.png)", "brackets [not a link] (here)"],
)
def test_strip_link_syntax_shortcut(text):
    """Text without "](" or "<" comes back as it is; the full substitutions agree."""
    full = furniture._LINK.sub(r"\1", furniture._AUTOLINK.sub(r"\1", furniture._IMAGE.sub("", text)))
    assert furniture.strip_link_syntax(text) == full


@pytest.mark.parametrize(
    ("text", "expected"),
    [("\n\n\n\nA.\n\n\n\n\nB.\n", "A.\n\nB."), ("A.\n\nB.", "A.\n\nB."), ("A.\n \n\n\nB.", "A.\n\nB.")],
)
def test_blank_runs_collapse(text, expected):
    assert furniture.remove_furniture(text) == expected
