"""Behaviour of the country finder (idefx_countries)."""

import spacy

from idefx.entities import COUNTRY_SPANS


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
    doc = loaded("Georgia's minister")
    assert [s.kb_id_ for s in doc.spans[COUNTRY_SPANS]] == ["GE"]
