"""Behaviour of the parts of the people finder (idefx.person), each on its own."""

import numpy

from idefx.names import name_words
from idefx.person.identity import PersonRecord
from idefx.person.scan import PeopleScan
from idefx.tokentables import followed_by, once_per_doc, preceded_by


def scan_of(nlp, text):
    """A PeopleScan over ``text`` after the components the people finder reads."""
    doc = nlp.make_doc(text)
    for name in ("idefx_countries", "idefx_organizations", "idefx_places"):
        doc = nlp.get_pipe(name)(doc)
    return PeopleScan(nlp.get_pipe("idefx_people").vocabulary, doc)


def test_name_runs_keep_particles_initials_and_suffixes(nlp):
    scan = scan_of(nlp, "Talks with Anna van der Berg and Samuel T. Okafor, Jr. ended in Accra.")
    runs = [scan.tokens.span_text(run.start, run.full) for run in scan.names.find()]
    assert runs[:2] == ["Anna van der Berg", "Samuel T. Okafor, Jr."]  # then the candidate "Accra"


def test_a_name_run_crosses_one_line_break_but_not_a_paragraph(nlp):
    scan = scan_of(nlp, "The envoy Marta\nKowalczyk arrived.\n\nPiotr\n\nNowak left.")
    runs = [scan.tokens.span_text(run.start, run.full) for run in scan.names.find()]
    assert "Marta Kowalczyk" in runs and "Piotr Nowak" not in runs


def test_a_title_chain_reads_into_title_pieces(nlp):
    scan = scan_of(nlp, "Kenya's Defence Minister Lieutenant General Amos Mwangi spoke.")
    run = scan.names.find()[0]
    pieces, _ = scan.chain.before(run.start, set())
    assert [(p.title, p.rank, p.country) for p in pieces] == [("Defence Minister", "Lieutenant General", "KE")]
    assert pieces[0].names_a_person()


def test_an_apposition_gives_title_and_organisation(nlp):
    scan = scan_of(nlp, "Lena Berg, Chief Executive Officer of Nordic Freight, said so.")
    run = scan.names.find()[0]
    pieces, org, region = scan.apposition.after(run.full)
    assert [p.title for p in pieces] == ["Chief Executive Officer"]
    assert pieces[0].org == "Nordic Freight"
    assert region


def test_the_country_straight_after_a_titled_name(nlp):
    scan = scan_of(nlp, "President Ana Souza of Brazil and President Ana Souza of the Moon.")
    first, second = scan.names.find()[:2]
    assert scan.attribution.country_after(first.full) == "BR"
    assert scan.attribution.country_after(second.full) is None


def person(*forms):
    record = PersonRecord()
    for form in forms:
        record.forms.append(form)
        record.keys.add(name_words(form))
        record.words.update(name_words(form))
    return record


def test_short_and_long_forms_name_the_same_person():
    record = person("Amos Kiprono Mwangi")
    assert record.same_name(name_words("Mwangi")) and record.same_name(name_words("Amos Mwangi"))
    assert not record.same_name(name_words("Kiprono"))  # neither first nor last word
    assert not record.same_name(name_words("Grace Mwangi"))  # another given name: another person
    assert record.other_spelling(name_words("Amoss Kiprono Mwangi"))
    assert record.name() == "Amos Kiprono Mwangi"


def test_followed_and_preceded_by_flag_pairs_of_tokens():
    kinds = numpy.array([1, 2, 1, 0, 2], dtype=numpy.uint8)
    assert followed_by(kinds, 1, 2).tolist() == [True, False, False, False, False]
    assert preceded_by(kinds, 2, 1).tolist() == [False, True, False, False, False]


def test_once_per_doc_computes_once_per_owner(nlp):
    doc = nlp.make_doc("a b c")
    calls = []
    owner = object()
    assert once_per_doc(doc, owner, lambda d: calls.append(1) or len(d)) == 3
    assert once_per_doc(doc, owner, lambda d: calls.append(1) or 0) == 3
    assert calls == [1]
