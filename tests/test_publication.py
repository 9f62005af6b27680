"""The one publication-date decision (idefx.publication): its order, and every record taking its answer."""

import pytest

from idefx.extract import extract_records
from idefx.io import decode_document
from idefx.publication import publication_date

BODY = "Tuesday, March 3, 2020\n\nQUITO, March 3 - The defence minister of Ecuador met the envoy of Chile.\n"


@pytest.fixture(scope="module")
def nlp(pipeline):
    return pipeline


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
