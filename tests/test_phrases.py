"""Doc-free matching helpers: PhraseIndex gives a PhraseMatcher's matches in its order; wordkinds finds words
by kind."""

import pickle

import spacy
from spacy.matcher import PhraseMatcher

from idefx.phrases import PhraseIndex
from idefx.wordkinds import doc_words, token_array, where, word_kinds

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
    starts = [i for i in range(len(doc)) if index.starts(doc[i].text)]
    assert index(ids, starts) == list(matcher(doc))
    assert pickle.loads(pickle.dumps(index))(ids) == list(matcher(doc))


def test_word_kinds_flag_each_token_by_its_word():
    doc = NLP.make_doc("Army and army and the Army")
    orths, kinds = word_kinds(doc, lambda word: 1 if word == "Army" else 2 if word == "and" else 0, {})
    assert where(kinds, 1) == [0, 5] and where(kinds, 2) == [1, 3]
    assert orths.tolist() == doc.to_array("ORTH").tolist()
    assert doc_words(doc, {}).tolist() == [t.text for t in doc]


def test_token_array_is_made_once_per_doc_and_cannot_be_changed_by_a_reader():
    import pytest

    doc = NLP.make_doc(TEXT)
    lowers = token_array(doc, "LOWER")
    assert lowers.tolist() == doc.to_array("LOWER").tolist()
    assert token_array(doc, "LOWER") is lowers
    assert token_array(NLP.make_doc(TEXT), "LOWER") is not lowers
    with pytest.raises(ValueError):
        lowers[0] = 0
