"""``idefx.matching``: FastMatcher finds what spaCy's Matcher finds, across line breaks, and pickles."""

import pickle

import pytest
import spacy
from spacy.matcher import Matcher

from idefx.matching import FastMatcher, required_words

NLP = spacy.blank("en")

PATTERNS = {
    "literal": [{"LOWER": {"IN": ["met", "meets"]}}, {"LOWER": "with"}, {"LOWER": "the", "OP": "?"}],
    "gap": [{"LOWER": {"IN": ["held", "had"]}}, {"IS_ALPHA": True, "OP": "{0,2}"}, {"LOWER": "talks"}],
    "not_in": [{"LOWER": "spoke"}, {"IS_LOWER": True, "OP": "{0,3}", "LOWER": {"NOT_IN": ["with"]}},
               {"LOWER": "with"}],
    "title": [{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": {"IN": ["minister", "president"]}}],
    "called": [{"LOWER": "called"}, {"IS_TITLE": True, "LENGTH": {">=": 3}}],
    "named": [{"TEXT": {"REGEX": "^[A-Z]"}, "OP": "+"}, {"LOWER": "summit"}],
    "edition": [{"IS_UPPER": True}, {"TEXT": {"REGEX": "^(19|20)\\d\\d$"}}],
}
TEXT = ("The minister met with the President. He held bilateral talks and had talks, then spoke briefly "
        "with the defence minister, called Smith, and attended the Global Peace Summit and IDEX 2023.")


def fast_matcher():
    matcher = FastMatcher(NLP.vocab, NLP.make_doc)
    for key, pattern in PATTERNS.items():
        matcher.add(key, pattern)
    return matcher


def spacy_matches(doc):
    matcher = Matcher(NLP.vocab)
    for key, pattern in PATTERNS.items():
        matcher.add(key, [pattern])
    return sorted(set(matcher(doc)))


def test_every_match_of_every_length_as_spacy_finds_it():
    doc = NLP.make_doc(TEXT)
    found = fast_matcher()(doc)
    assert sorted(found) == spacy_matches(doc)
    assert found == sorted(found, key=lambda m: (m[1], m[2])) and len(found) >= 8


def test_line_breaks_do_not_stop_a_match():
    doc = NLP.make_doc("They held\n  bilateral\ntalks and met\nwith him.")
    names = [(NLP.vocab.strings[m], doc[s:e].text) for m, s, e in fast_matcher()(doc)]
    assert ("gap", "held\n  bilateral\ntalks") in names
    assert ("literal", "met\nwith") in names


def test_survives_pickling():
    doc = NLP.make_doc(TEXT)
    assert pickle.loads(pickle.dumps(fast_matcher()))(doc) == fast_matcher()(doc)


def test_unsupported_pattern_parts_are_refused():
    with pytest.raises(ValueError):
        fast_matcher().add("dep", [{"LOWER": "met"}, {"DEP": "nsubj"}])
    with pytest.raises(ValueError):
        fast_matcher().add("negated", [{"LOWER": "met"}, {"LOWER": "with", "OP": "!"}])


def test_long_reaching_patterns_match_as_spacy_does_within_the_windows_around_their_anchors():
    long_reach = {"named": PATTERNS["named"],
                  "edition": [{"IS_UPPER": True, "OP": "*"}, {"TEXT": {"REGEX": "^20\\d\\d$"}}],
                  "exercise": [{"TEXT": "Exercise"}, {"IS_TITLE": True, "OP": "+"}]}
    matcher = FastMatcher(NLP.vocab, NLP.make_doc, reach=2)
    spacy_matcher = Matcher(NLP.vocab)
    for key, pattern in long_reach.items():
        matcher.add(key, pattern)
        spacy_matcher.add(key, [pattern])
    doc = NLP.make_doc("We Saw The Big Global Peace Summit, then IDEX NAVDEX 2023 and Exercise Bright Star Today.")
    assert matcher.windowed and matcher.unanchored
    windows = [(4, 7), (9, 12), (13, 16)]  # two tokens before "Summit" and "2023", two after "Exercise"
    expected = {(m, start + s, start + e) for start, end in windows for m, s, e in spacy_matcher(doc[start:end])}
    assert sorted(matcher(doc)) == sorted(expected) and len(expected) >= 6


def test_required_words_come_from_the_required_literal_token_least_made_of_stop_words():
    the_event = [{"LOWER": "the"}, {"LOWER": {"IN": ["summit", "show", "conference"]}}]
    assert required_words(the_event) == {"summit", "show", "conference"}  # "show" is a stop word, "the" all
    held = [{"LOWER": {"IN": ["held", "had"]}}, {"LOWER": "talks", "OP": "?"}, {"LOWER": "with"}]
    assert required_words(held) == {"held", "had"}  # the optional token cannot be required
    assert required_words([{"LOWER": "the"}, {"IS_TITLE": True, "OP": "+"}]) == {"the"}
    assert required_words([{"IS_TITLE": True}, {"LOWER": "with", "OP": "?"}]) is None
