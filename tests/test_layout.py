"""The head of a document (idefx.layout): one front-matter reader and one list of date keys, the same for the
input reader (idefx.io) and the dates component."""

import pytest

from idefx.publication import publication_date
from idefx.io import decode_document
from idefx.layout import PUBLISHED_KEYS, body_start, front_matter_date, read_front_matter

BODY = "The foreign minister of Peru received the ambassador of Ghana in Lima.\n"


@pytest.mark.parametrize("key", ["published", "publishDate", "pubdate", "published_time"])
def test_every_date_key_gives_the_publication_date_to_io_and_to_the_dates_component(key):
    text = f"---\ntitle: Talks in Lima\n{key}: 2022-03-09\n---\n" + BODY
    assert decode_document(text.encode(), name="x", doc_id="x", path=None).published == "2022-03-09"
    assert publication_date(text) == "2022-03-09"


def test_date_keys_are_read_in_order_the_first_holding_a_date_wins():
    fields = {"published": "2019-05-01", "date": "not a date", "pubdate": "2018-01-01"}
    assert PUBLISHED_KEYS.index("date") < PUBLISHED_KEYS.index("published") < PUBLISHED_KEYS.index("pubdate")
    assert front_matter_date(fields) == "2019-05-01"
    assert front_matter_date({"title": "No date"}) is None


def test_the_body_starts_after_front_matter_as_io_reads_it():
    text = "---\r\ntitle: Talks\r\npublished: 9 March 2022\r\n...\r\n" + BODY
    end, fields = read_front_matter(text)
    assert fields["published"] == "9 March 2022" and body_start(text) == end
    assert text[body_start(text):] == BODY
    assert publication_date(text) == "2022-03-09"


def test_rules_around_prose_are_not_front_matter_anywhere():
    text = "---\nThe minister arrived.\n---\n" + BODY
    assert read_front_matter(text) == (0, {})
    assert body_start(text) == 0
    assert decode_document(text.encode(), name="x", doc_id="x", path=None).text == text


def test_a_date_line_after_front_matter_is_head_too():
    text = "---\ntitle: Talks\n---\ndate 2020-10-02\n" + BODY
    assert text[body_start(text):] == "\n" + BODY
