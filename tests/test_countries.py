"""Behaviour of the country finder (idefx_countries)."""

import pytest
import spacy

import idefx.components.places  # noqa: F401  (registers the factory)
from idefx.entities import COUNTRY_SPANS, PLACES


def test_names_aliases_official_names_and_demonyms():
    nlp = spacy.blank("en")
    nlp.add_pipe("idefx_countries")
    doc = nlp("The Federal Republic of Nigeria, Türkiye and a Turkish firm met in the U.S. and AZERBAIJAN.")
    found = [(s.text, s.label_, s.kb_id_) for s in doc.spans[COUNTRY_SPANS]]
    assert found == [("Federal Republic of Nigeria", "country", "NG"), ("Türkiye", "country", "TR"),
                     ("Turkish", "demonym", "TR"), ("U.S.", "country", "US"), ("AZERBAIJAN", "country", "AZ")]
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents][0] == ("Federal Republic of Nigeria", "GPE", "NG")


def test_country_finder_round_trips_through_disk(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("idefx_countries")
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    doc = loaded("Georgia's minister met Georgian officers")
    assert [s.kb_id_ for s in doc.spans[COUNTRY_SPANS]] == ["GE", "GE"]


@pytest.fixture(scope="module")
def finder():
    """Blank English with the country finder and the places finder, which must agree on countries."""
    nlp = spacy.blank("en")
    nlp.add_pipe("idefx_countries")
    nlp.add_pipe("idefx_places")
    return nlp


def _countries(doc):
    return [(" ".join(s.text.split()), s.kb_id_) for s in doc.spans[COUNTRY_SPANS]]


def _places(doc):
    return [(" ".join(s.text.split()), s.kb_id_) for s in doc.spans[PLACES] if s.label_ != "CITY"]


def test_a_form_that_names_something_else_needs_backing_and_both_groups_agree(finder):
    nlp = finder
    alone = nlp("The governor of Georgia met farmers in Atlanta.")
    assert _countries(alone) == _places(alone) == []
    backed = nlp("Georgia's defence minister met the Georgian army chief.")
    assert _countries(backed) == _places(backed) == [("Georgia", "GE"), ("Georgian", "GE")]
    named = nlp("King Abdullah of Jordan received the Hashemite Kingdom of Jordan's envoys.")
    assert ("Jordan", "JO") in _countries(named) and _countries(named) == _places(named)


def test_a_form_in_a_list_of_countries_is_a_country(finder):
    nlp = finder
    doc = nlp("Aid went to Gabon, Guinea, Mali and Chad; talks with Egypt and Jordan followed.")
    assert _countries(doc) == _places(doc) == [("Gabon", "GA"), ("Guinea", "GN"), ("Mali", "ML"), ("Chad", "TD"),
                                                ("Egypt", "EG"), ("Jordan", "JO")]


def test_names_broken_over_lines_and_typeset_apostrophes(finder):
    doc = finder("Envoys of the United\nKingdom and the People’s Republic of China met.")
    assert _countries(doc) == _places(doc) == [("United Kingdom", "GB"), ("People’s Republic of China", "CN")]


def test_the_lookup_by_name_reads_the_same_forms():
    from idefx.gazetteers import country_code

    assert [country_code(t) for t in ("People’s Republic of China", "Georgia", "GEORGIA", "the Gambia")] == [
        "CN", "GE", "GE", "GM"]


def test_a_word_of_national_government_next_to_the_form_backs_it(finder):
    nlp = finder
    for text in ("Georgia's defence minister arrived.", "He met the President of Georgia.",
                 "Georgian Defense Minister Levan Kapanadze spoke.", "the Embassy of Jordan said"):
        doc = nlp(text)
        assert [code for _, code in _countries(doc)] == [code for _, code in _places(doc)] != [], text
    for text in ("The governor of Georgia spoke.", "She studied at the University of Georgia.",
                 "Michael Jordan's coach arrived."):
        doc = nlp(text)
        assert _countries(doc) == _places(doc) == [], text


def test_press_demonyms_of_small_states_are_countries():
    nlp = spacy.blank("en")
    nlp.add_pipe("idefx_countries")
    doc = nlp("The Maldivian, Ecuadorian, Djiboutian and Icelandic envoys met.")
    assert [span.kb_id_ for span in doc.spans[COUNTRY_SPANS]] == ["MV", "EC", "DJ", "IS"]
