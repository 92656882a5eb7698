"""Modality: the keyword pre-checks in front of each regex never change an answer (each case below goes through a
pre-check; the answers are the regexes' own)."""

from __future__ import annotations

import pytest

from mapper.extract.modality import modality_of

TRIGGER = "capture the town of Kafr Nabl."


@pytest.mark.parametrize(("before", "intrinsic", "expected"), [
    ("The army could soon ", None, "expected"),
    ("The army (could ", None, "expected"),  # a modal glued to punctuation is still a modal
    ("The army is on the verge of ", None, "expected"),
    ("Troops aimed at ", None, "expected"),
    ("The army is set to quickly also finally ", None, "expected"),  # three adverbs after the keyword phrase
    ("The army could, after weeks of heavy fighting in the hills around it, ", None, "asserted"),  # modal too far
    ("The army pushed to ", None, "attempted"),
    ("The army pushed hard to ", None, "attempted"),  # one word may stand between
    ("The army pushed to then now ", None, "asserted"),  # "to" too far from the trigger
    ("The army launched an offensive to ", None, "attempted"),
    ("The army managed to ", None, "asserted"),
    ("The army reportedly managed to ", None, "claimed"),
    ("Rebels denied that the army had managed to ", None, "denied"),
    ("The army did not ", None, "denied"),
    ("The army moved to ", "expected", "attempted"),
    ("The army moved closer and ", "expected", "expected"),
    # letters IGNORECASE folds but str.lower() does not: every regex runs without pre-checks
    ("The army ſoon ", None, "expected"),
    ("The İSIS fighters could ", None, "expected"),
    ("The ſyrian army ", None, "asserted"),
])
def test_modality_with_pre_checks(before, intrinsic, expected):
    assert modality_of(before + TRIGGER, len(before), intrinsic) == expected


# Every keyword phrase of modality._EXPECT, so a phrase added to the regex but not to its pre-check keys fails here.
EXPECT_PHRASES = ["could", "would", "might", "may", "will", "shall", "can", "going to", "expected to", "likely to",
                  "poised to", "set to", "about to", "threatened to", "plans to", "aims at", "aiming to", "prepared to",
                  "ready to", "allowed to", "hoped to", "vowed to", "intends to", "in order to", "on the verge of",
                  "on the brink of", "soon", "imminently", "close to", "near to", "having to", "supposed to", "has to"]


@pytest.mark.parametrize("phrase", EXPECT_PHRASES)
def test_every_expectation_phrase_passes_its_pre_check(phrase):
    before = f"The army is {phrase} "
    assert modality_of(before + TRIGGER, len(before)) == "expected"
