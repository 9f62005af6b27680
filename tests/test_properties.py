"""Properties over arbitrary input (hypothesis): extraction never raises, every offset points at its text,
decoding round-trips, and the output guards hold for any string."""

import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from idefx.document import SourceDocument
from idefx.errors import InputError
from idefx.extract import extract_records
from idefx.io import blank_front_matter, decode_document, looks_like_html
from idefx.output import record_json
from idefx.resources import data_path
from idefx.safety import FORMULA_TRIGGERS, csv_cell, terminal_text, unicode_safe
from record_spans import spans

SAMPLE_WORDS = data_path("samples/idef-2023-trend.txt").read_text(encoding="utf-8").split()
ANY_CHAR = st.characters(exclude_categories=())  # includes lone surrogates and every control character
PROSE_SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", ", ", ". ", "\t", "\u00a0", "\r\n", "-", "'s "])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def press_like():
    """Words of the sample article and arbitrary strings, joined by prose-like separators."""
    piece = st.one_of(st.sampled_from(SAMPLE_WORDS), st.text(ANY_CHAR, max_size=8))
    return st.lists(st.tuples(piece, PROSE_SEPARATORS), max_size=60).map(lambda parts: "".join(a + b for a, b in parts))


def check_record(nlp, text):
    (record,) = extract_records(nlp, [SourceDocument(id="h", text=text)])
    serialised = record_json(record)
    serialised.encode("utf-8")  # always valid UTF-8
    data = json.loads(serialised)
    shown = unicode_safe(text)  # lone surrogates reach the pipeline and the JSON as U+FFFD, one for one
    for span in spans(data):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert shown[span["start"]:span["end"]] == span["text"]


@SETTINGS
@given(st.text(ANY_CHAR, max_size=300))
def test_extraction_never_raises_on_arbitrary_unicode(nlp, text):
    check_record(nlp, text)


@SETTINGS
@given(press_like())
def test_offsets_point_at_their_text_in_press_like_input(nlp, text):
    check_record(nlp, text)


PREFIXES = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"---\ntitle: x\n---\n", b"<!DOCTYPE html><p>",
                            b"%PDF-", b"<?xml version='1.0' encoding='koi8-r'?><html>", b"<meta charset=utf-16>"])
ENCODED_TEXT = st.builds(lambda prefix, text, codec, junk: prefix + text.encode(codec, "replace") + junk, PREFIXES,
                         st.text(ANY_CHAR, max_size=300).map(unicode_safe),
                         st.sampled_from(["utf-8", "utf-16-le", "cp1251", "cp1252", "latin-1", "koi8-r"]),
                         st.binary(max_size=8))


@SETTINGS
@given(st.one_of(st.binary(max_size=2000), ENCODED_TEXT))
def test_any_bytes_give_a_document_or_a_clear_refusal(data):
    try:
        doc = decode_document(data, name="x", doc_id="x", path=None)
    except InputError as error:
        assert error.reason and "\n" not in error.reason
    else:
        assert doc.text.strip()
        doc.text.encode("utf-8")
        assert unicodedata.is_normalized("NFC", doc.text)


TEXT_CHARS = st.characters(exclude_categories=("Cs", "Cc"))


@SETTINGS
@given(st.text(TEXT_CHARS, min_size=1, max_size=200),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decoding_round_trips_unicode_text(text, codec):
    text = unicodedata.normalize("NFC", text)
    if not text.strip() or text.startswith("---") or looks_like_html(text):
        return
    assert decode_document(text.encode(codec), name="x", doc_id="x", path=None, html=False).text == text


YAML_VALUE_CHARS = st.characters(min_codepoint=0x20, max_codepoint=0xFFFD, exclude_categories=("Cs", "Cc", "Zl", "Zp"))


@SETTINGS
@given(st.dictionaries(st.from_regex(r"[a-z]{1,8}_[a-z0-9_]{0,8}", fullmatch=True),
                       st.text(YAML_VALUE_CHARS, max_size=30), min_size=1),
       st.text(TEXT_CHARS, max_size=200), st.sampled_from(["\n", "\r\n"]))
def test_front_matter_blanking_keeps_length_and_body(fields, body, newline):
    lines = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}{newline}" for k, v in fields.items())
    head = "---" + newline + lines + "---" + newline
    blanked, found = blank_front_matter(head + body)
    assert found == fields
    assert len(blanked) == len(head + body)
    assert blanked[len(head):] == body
    assert blanked[:len(head)].strip() == ""


@SETTINGS
@given(st.text(ANY_CHAR))
def test_output_guards_hold_for_any_string(value):
    cell = csv_cell(value)
    assert not cell.startswith(FORMULA_TRIGGERS)
    cell.encode("utf-8")
    shown = terminal_text(value)
    shown.encode("utf-8")
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in shown)
    assert len(unicode_safe(value)) == len(value)
