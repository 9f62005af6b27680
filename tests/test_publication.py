"""The one publication-date decision (idefx.publication): its order, and every record taking its answer."""

import pytest

from idefx.extract import extract_records
from idefx.io import decode_document
from idefx.publication import publication_date

BODY = "Tuesday, March 3, 2020\n\nQUITO, March 3 - The defence minister of Ecuador met the envoy of Chile.\n"


def record(nlp, text):
    source = decode_document(text.encode(), name="x", doc_id="x", path=None)
    return source, next(extract_records(nlp, [source]))


def test_front_matter_published_key_beats_a_stamp_in_the_text(nlp):
    text = "---\ntitle: Talks in Quito\npublished: 2020-03-05\n---\n" + BODY
    source, rec = record(nlp, text)
    assert source.published == "2020-03-05"
    assert rec.published == "2020-03-05"
    assert publication_date(text) == "2020-03-05"  # the same answer with the block still in the text


def test_a_stamp_in_the_text_beats_metadata_from_outside_it():
    assert publication_date(BODY, outside="2020-03-09") == "2020-03-03"
    assert publication_date("The envoy of Chile arrived.\n", outside="2020-03-09") == "2020-03-09"


def test_the_date_line_comes_before_header_stamps_and_after_front_matter():
    text = "date 2020-03-04\n" + BODY
    assert publication_date(text) == "2020-03-04"
    assert publication_date(text, front_matter={"date": "2020-03-01"}) == "2020-03-01"


def test_a_date_set_on_the_doc_is_kept_when_the_text_gives_none(nlp):
    doc = nlp.make_doc("The envoy of Chile met the minister.")
    doc._.idefx_published = "2020-03-09"
    assert nlp(doc)._.idefx["published"] == "2020-03-09"


@pytest.mark.parametrize("head, iso", [
    ("Talks in Oslo\n\nOSLO, September 12, 2023 (Reuters) - Norway's foreign minister met", "2023-09-12"),
    ("Envoys meet\nNAIROBI, Kenya, 4 March 2021: The envoy of Ghana arrived", "2021-03-04"),
    ("LIMA (Andina / EFE - 21st October, 2019) The defence minister of Peru", "2019-10-21"),
    ("Headline\n\nUpdated - February 2, 2022 11:40 am CET - Berlin\n\nThe chancellor received", "2022-02-02"),
    ("Headline\nShare Print Anadolu, May 5, 2020\nANKARA, May 5 (AA) - The minister", "2020-05-05"),
    ("Headline\nPosted On: 14 MAR 2022 6:05PM by the press office\nThe minister met", "2022-03-14"),
    ("Headline\nFirst published on Wed 9 Nov 2022 08.15 GMT\nThe minister met", "2022-11-09"),
])
def test_a_dated_header_line_gives_the_publication_date(head, iso):
    assert publication_date(head + " his counterpart.\n") == iso


@pytest.mark.parametrize("head", [
    "On Monday, June 12, 2024, the minister of Chile met the envoy of Peru.",
    "The two sides met on June 4, 2023 in Paris.",
    "The envoy spoke with the premier on Saturday, June 3, 2023",
    "In a statement, June 12, 2024",
    "He posted on Monday, June 3, 2024 a note to the envoy",
])
def test_a_date_inside_a_sentence_is_no_publication_date(head):
    assert publication_date(head + "\nMore text follows here.\n") is None


def test_a_stand_alone_date_line_comes_before_a_dateline_with_a_year():
    text = "Friday, March 6, 2020\n\nQUITO, March 5, 2020 (EFE) - The envoy of Chile met the minister.\n"
    assert publication_date(text) == "2020-03-06"
