"""Doc-free matching helpers: PhraseIndex gives a PhraseMatcher's matches in its order; tokentables finds words
by kind."""

import pickle

import numpy
import spacy
from spacy.matcher import PhraseMatcher

from idefx.phrases import HashSet, PhraseIndex
from idefx.tokentables import distinct_words, per_word, token_array, token_list, where

NLP = spacy.blank("en")
TEXT = ("The United States and the United Kingdom met in New York; New York City and York hosted "
        "Singapore officials. Singapore said the U.S. Army and the Army would meet in 2023.")


def test_phrase_index_matches_like_a_phrase_matcher_in_the_same_order():
    phrases = [("COUNTRY|US", "United States"), ("COUNTRY|GB", "United Kingdom"), ("CITY|US", "New York"),
               ("CITY|US", "New York City"), ("CITY|GB", "York"), ("COUNTRY|SG", "Singapore"),
               ("CITY|SG", "Singapore"), ("ORG|US", "U.S. Army"), ("ORG|", "Army")]
    matcher = PhraseMatcher(NLP.vocab, attr="ORTH")
    for key, text in phrases:
        matcher.add(key, [NLP.make_doc(text)])
    index = PhraseIndex(NLP.vocab, [(key, NLP.make_doc(text)) for key, text in phrases])
    doc = NLP.make_doc(TEXT)
    ids = doc.to_array("ORTH").tolist()
    assert index(ids) == list(matcher(doc))
    starts = index.starts_in(doc.to_array("ORTH"))
    assert starts == [i for i, token_id in enumerate(ids) if token_id in index.roots]
    assert index(ids, starts) == list(matcher(doc))
    assert pickle.loads(pickle.dumps(index))(ids) == list(matcher(doc))


def test_per_word_computes_each_distinct_word_once_and_flags_tokens_by_their_word():
    doc = NLP.make_doc("Army and army and the Army")
    orths, uniq, inverse = distinct_words(doc)
    assert orths.tolist() == doc.to_array("ORTH").tolist()
    computed = []

    def classify(word):
        computed.append(word)
        return 1 if word == "Army" else 2 if word == "and" else 0

    cache = {}
    kinds = numpy.array(per_word(doc.vocab.strings, uniq, classify, cache))[inverse]
    assert where(kinds, 1) == [0, 5] and where(kinds, 2) == [1, 3]
    assert sorted(computed) == ["Army", "and", "army", "the"]
    per_word(doc.vocab.strings, uniq, classify, cache)
    assert len(computed) == 4  # remembered: nothing computed again


def test_token_array_is_made_once_per_doc_and_cannot_be_changed_by_a_reader():
    import pytest

    doc = NLP.make_doc(TEXT)
    lowers = token_array(doc, "LOWER")
    assert lowers.tolist() == doc.to_array("LOWER").tolist()
    assert token_array(doc, "LOWER") is lowers
    assert token_array(NLP.make_doc(TEXT), "LOWER") is not lowers
    with pytest.raises(ValueError):
        lowers[0] = 0
    assert token_list(doc, "LOWER") == lowers.tolist() and token_list(doc, "LOWER") is token_list(doc, "LOWER")


def test_hash_set_finds_the_positions_of_its_members():
    members = [NLP.vocab.strings.add(w) for w in ("army", "navy", "air")]
    values = numpy.array([NLP.vocab.strings.add(w) for w in ("the", "navy", "and", "army", "navy", "airs")],
                         dtype=numpy.uint64)
    assert HashSet(members).positions(values).tolist() == [1, 3, 4]
    assert HashSet([]).positions(values).tolist() == []
