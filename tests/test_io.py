"""Reading one input: decoding, normalisation, front matter, HTML, and clear refusals (idefx.io)."""

import io
import os
from pathlib import Path

import pytest

from idefx.errors import InputError
from idefx.io import (DEFAULT_MAX_BYTES, blank_front_matter, declared_charset, decode_document, format_size, iso_date,
                      parse_size, read_input, read_stdin)

FIXTURES = Path(__file__).parent / "fixtures"
PRESS = "Defence Minister Hulusi Akar met his Italian counterpart in Ankara on Wednesday.\n"
RUSSIAN = ("Министр обороны Турции встретился в Анкаре с делегацией из Италии. "
           "Стороны обсудили сотрудничество в оборонной промышленности.\n")


def write(tmp_path, name, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path, max_bytes=DEFAULT_MAX_BYTES) -> InputError:
    with pytest.raises(InputError) as info:
        read_input(path, max_bytes=max_bytes)
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}: ")
    assert "\n" not in str(info.value)
    return info.value


# --- decoding -----------------------------------------------------------------------------------------------------

def test_utf8_file_reads_as_is_with_stem_as_id(tmp_path):
    doc = read_input(write(tmp_path, "readout.txt", PRESS.encode()))
    assert doc.text == PRESS and doc.id == "readout" and doc.path.endswith("readout.txt")
    assert doc.metadata["encoding"] == "utf-8"


@pytest.mark.parametrize("codec,name", [("utf-8-sig", "utf-8"), ("utf-16", "utf-16"), ("utf-16-be", "utf-16"),
                                        ("utf-32", "utf-32")])
def test_byte_order_mark_decides_and_is_dropped(tmp_path, codec, name):
    text = "Bakan Akar, İtalya Savunma Bakanı ile Ankara'da görüştü.\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    doc = read_input(write(tmp_path, "bom.txt", data))
    assert doc.text == text
    assert doc.metadata["encoding"] == name


def test_utf16_without_bom_is_recognised(tmp_path):
    doc = read_input(write(tmp_path, "le.txt", PRESS.encode("utf-16-le")))
    assert doc.text == PRESS and doc.metadata["encoding"] == "utf-16-le"


def test_bom_that_does_not_match_the_content_is_refused(tmp_path):
    error = refused(write(tmp_path, "bad.txt", b"\xff\xfe" + b"A\x00\x00\xd8"))
    assert "UTF-16" in error.reason


def test_windows_1251_is_detected(tmp_path):
    doc = read_input(write(tmp_path, "ru.txt", RUSSIAN.encode("cp1251")))
    assert doc.text == RUSSIAN
    assert doc.metadata["encoding"] == "cp1251"


def test_single_byte_legacy_text_is_detected(tmp_path):
    text = ("The minister said the talks were \u201cproductive\u201d and the envoy\u2019s visit would continue "
            "\u2013 officials in Ankara confirmed.\n")
    assert read_input(write(tmp_path, "cp.txt", text.encode("cp1252"))).text == text


@pytest.mark.parametrize("declaration", ['<meta charset="windows-1251">',
                                         '<meta http-equiv="Content-Type" content="text/html; charset=cp1251">'])
def test_html_declared_charset_is_used(tmp_path, declaration):
    page = (f"<!DOCTYPE html><html><head>{declaration}<title>Визит</title></head>"
            f"<body><article><p>{RUSSIAN}</p><p>{RUSSIAN}</p></article></body></html>")
    doc = read_input(write(tmp_path, "ru.html", page.encode("cp1251")))
    assert doc.metadata["encoding"] == "cp1251"
    assert RUSSIAN.strip() in doc.text


def test_declared_latin1_reads_as_windows_1252():
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><html>') == "cp1252"
    assert declared_charset(b"<meta charset=nonsense-9>") is None
    assert declared_charset(b"no declaration") is None


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_mostly_utf8_with_a_stray_byte_keeps_its_text(tmp_path, bom):
    text = "Türkiye ve İtalya savunma bakanları Ankara'da görüştü. " * 3
    doc = read_input(write(tmp_path, "stray.txt", bom + text.encode() + b"\xff end\n"))
    assert doc.text == text + "\ufffd end\n"
    assert "replaced" in doc.metadata["encoding"]


SAMPLE = Path(__file__).parent.parent / "data" / "samples" / "idef-2023-trend.txt"


def with_stray_bytes(data: bytes, count: int) -> bytes:
    """``data`` with ``count`` invalid UTF-8 bytes put between ASCII characters, spread over the text."""
    out = bytearray(data)
    for i in range(count):
        at = len(out) * (i + 1) // (count + 1)
        while out[at - 1] >= 0x80 or out[at] >= 0x80:
            at += 1
        out[at:at] = b"\xe9" if i % 2 else b"\x93"
    return bytes(out)


@pytest.mark.parametrize("count", [1, 3, 10])
def test_mostly_valid_utf8_stays_utf8_with_replacement_characters(tmp_path, count):
    clean = SAMPLE.read_bytes()
    doc = read_input(write(tmp_path, "sample.txt", with_stray_bytes(clean, count)))
    assert doc.metadata["encoding"] == "utf-8 (invalid bytes replaced)"
    assert doc.metadata["replaced_bytes"] == count
    assert doc.text.count("\ufffd") == count
    assert doc.text.replace("\ufffd", "") == clean.decode("utf-8")


def test_a_truncated_sequence_counts_each_replaced_byte(tmp_path):
    text = "Görüşme Ankara'da yapıldı. " * 2
    doc = read_input(write(tmp_path, "cut.txt", text.encode() + b"\xe2\x80 and \xef\xbf\xbd kept\n"))
    assert doc.metadata["replaced_bytes"] == 2
    assert doc.text.endswith("\ufffd and \ufffd kept\n")


def test_legacy_text_with_no_valid_utf8_is_still_detected(tmp_path):
    text = "Les ministres se sont rencontrés à Genève et à Zürich; l'accord a été signé à Besançon.\n" * 3
    doc = read_input(write(tmp_path, "fr.txt", text.encode("cp1252")))
    assert "replaced" not in doc.metadata["encoding"] and "\ufffd" not in doc.text
    assert "Besançon" in doc.text


def test_text_is_normalised_to_nfc(tmp_path):
    doc = read_input(write(tmp_path, "nfd.txt", "Caf\u0065\u0301 diplomacy in Ko\u0308ln.\n".encode()))
    assert doc.text == "Caf\u00e9 diplomacy in K\u00f6ln.\n"


def test_crlf_and_text_controls_are_kept(tmp_path):
    text = "Line one.\r\n\tLine two.\f\r\n"
    assert read_input(write(tmp_path, "crlf.txt", text.encode())).text == text


# --- refusals -----------------------------------------------------------------------------------------------------

def test_missing_file(tmp_path):
    assert refused(tmp_path / "nope.txt").reason == "no such file"


def test_directory(tmp_path):
    assert "directory" in refused(tmp_path).reason


def test_file_deleted_between_listing_and_reading(tmp_path):
    write(tmp_path, "gone.txt", PRESS.encode())
    listed = sorted(tmp_path.glob("*.txt"))
    listed[0].unlink()
    assert refused(listed[0]).reason == "no such file"


def test_file_deleted_after_opening_is_still_read(tmp_path, monkeypatch):
    path = write(tmp_path, "open.txt", PRESS.encode())
    real_fstat = os.fstat

    def fstat_then_delete(fd):
        path.unlink(missing_ok=True)
        return real_fstat(fd)

    monkeypatch.setattr(os, "fstat", fstat_then_delete)
    assert read_input(path).text == PRESS


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", PRESS.encode())
    path.chmod(0)
    assert refused(path).reason == "permission denied"


def test_empty_file(tmp_path):
    assert refused(write(tmp_path, "empty.txt", b"")).reason == "empty file"


def test_whitespace_only_file(tmp_path):
    assert "whitespace" in refused(write(tmp_path, "blank.txt", b" \n\t\r\n  \n")).reason


def test_bom_only_file_is_empty(tmp_path):
    assert "empty" in refused(write(tmp_path, "bom.txt", b"\xef\xbb\xbf\n")).reason


@pytest.mark.parametrize("data,word", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"{\\rtf1\\ansi Minister met envoy}", "RTF"),
])
def test_known_binary_formats_are_named(tmp_path, data, word):
    error = refused(write(tmp_path, "doc.txt", data))
    assert error.reason.startswith("not a text file") and word in error.reason


def test_nul_bytes_mean_binary(tmp_path):
    assert "NUL" in refused(write(tmp_path, "blob.txt", b"Minister\x00\x01\x02met\x00\xff\xfe\x00 envoy" * 5)).reason


def test_many_control_characters_mean_binary(tmp_path):
    data = bytes(range(1, 9)) * 20 + b"Minister met envoy. " * 3
    assert "control characters" in refused(write(tmp_path, "ctrl.txt", data)).reason


def test_random_bytes_are_refused_not_misread(tmp_path):
    data = bytes(b for b in os.urandom(8192) if b)
    refused(write(tmp_path, "random.bin", data))


def test_file_larger_than_the_limit_is_refused(tmp_path):
    path = write(tmp_path, "big.txt", PRESS.encode() * 20)
    error = refused(path, max_bytes=1000)
    assert "larger than the limit" in error.reason and "1000 bytes" in error.reason
    assert read_input(path, max_bytes=path.stat().st_size).text == PRESS * 20


# --- standard input -----------------------------------------------------------------------------------------------

def test_stdin_goes_through_the_same_decoding():
    doc = read_stdin(stream=io.BytesIO(b"\xff\xfe" + PRESS.encode("utf-16-le")))
    assert doc.text == PRESS and doc.id == "stdin" and doc.path is None


def test_read_input_dash_reads_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(RUSSIAN.encode("cp1251"))))
    assert read_input("-").text == RUSSIAN


@pytest.mark.parametrize("data,reason", [(b"", "empty file"), (b"\x00\x00\x00\x01" * 8, "NUL")])
def test_stdin_refusals_name_dash(data, reason):
    with pytest.raises(InputError) as info:
        read_stdin(stream=io.BytesIO(data))
    assert info.value.path == "-" and reason in info.value.reason


def test_stdin_larger_than_the_limit():
    with pytest.raises(InputError, match="larger than the limit"):
        read_stdin(max_bytes=10, stream=io.BytesIO(PRESS.encode()))


# --- front matter -------------------------------------------------------------------------------------------------

def test_front_matter_becomes_metadata_and_keeps_offsets():
    raw = (FIXTURES / "front-matter.md").read_text(encoding="utf-8")
    doc = read_input(FIXTURES / "front-matter.md")
    assert doc.title == "Envoy calls on the Chief of Defence Staff"
    assert doc.published == "2023-11-02"
    assert doc.metadata["front_matter"]["date"] == "2023-11-02"
    assert doc.metadata["front_matter"]["tags"] == ["diplomacy", "defence"]
    assert len(doc.text) == len(raw)
    assert doc.text.count("\n") == raw.count("\n")
    body = raw.index("The ambassador")
    assert doc.text[body:] == raw[body:]
    assert not doc.text[:body].strip()
    start = doc.text.index("Ankara")
    assert raw[start:start + len("Ankara")] == "Ankara"


def test_front_matter_with_crlf_and_textual_date():
    text = "---\r\ntitle: Talks\r\ndate: 2 March 2024\r\n---\r\nThe minister met the envoy.\r\n"
    blanked, fields = blank_front_matter(text)
    assert fields == {"title": "Talks", "date": "2 March 2024"}
    assert len(blanked) == len(text)
    assert blanked.endswith("   \r\nThe minister met the envoy.\r\n")
    assert iso_date(fields["date"]) == "2024-03-02"


def test_front_matter_is_real_yaml():
    text = ('---\ntags: releases\npublished_time: 2021-06-11 09:09:44-04:00\n'
            'title: "Readout of the Minister\\u2019s Meeting\\\n  \\ with the\\_Ambassador"\n'
            'count: 3\nnested: {a: 1}\n---\nThe minister met the ambassador.\n')
    blanked, fields = blank_front_matter(text)
    assert fields["title"] == "Readout of the Minister\u2019s Meeting with the\u00a0Ambassador"
    assert fields["count"] == 3 and "nested" not in fields
    assert len(blanked) == len(text)
    doc = decode_document(text.encode(), name="x", doc_id="x", path=None)
    assert doc.published == "2021-06-11" and doc.title == fields["title"]


@pytest.mark.parametrize("text", [
    "---\nThe minister met the envoy.\n---\nMore text.\n",     # a horizontal rule, not YAML
    "---\ntitle: [unclosed\n---\nThe minister met the envoy.\n",  # invalid YAML
    "---\ntitle: Unclosed\nThe minister met the envoy.\n",     # never closed
    "Intro\n---\ntitle: Late\n---\nText\n",                    # not at the start
])
def test_text_that_is_not_front_matter_is_left_alone(text):
    assert blank_front_matter(text) == (text, {})


def test_front_matter_alone_is_refused(tmp_path):
    assert "front matter" in refused(write(tmp_path, "fm.md", b"---\ntitle: Nothing\n---\n\n")).reason


@pytest.mark.parametrize("value,expected", [("2023-07-26", "2023-07-26"), ("2023-07-26T10:00:00Z", "2023-07-26"),
                                            ("26 July 2023", "2023-07-26"), ("2023-02-30", None),
                                            ("sometime", None), ("", None)])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


# --- HTML ---------------------------------------------------------------------------------------------------------

def test_html_page_gives_main_text_title_and_date():
    doc = read_input(FIXTURES / "ministry-readout.html")
    assert doc.metadata["format"] == "html"
    assert "received the visiting Minister of Defence of Azerbaijan" in doc.text
    assert "working lunch" in doc.text
    assert "Cookie settings" not in doc.text and "tracking" not in doc.text and "<p>" not in doc.text
    assert doc.title == "Defence ministers discuss industrial cooperation"
    assert doc.published == "2024-03-14"
    assert doc.metadata["url"] == "https://www.example.gov/news/defence-ministers-discuss-industrial-cooperation"


def test_html_is_recognised_by_content_whatever_the_suffix(tmp_path):
    page = write(tmp_path, "saved-page.txt", (FIXTURES / "ministry-readout.html").read_bytes())
    doc = read_input(page)
    assert doc.metadata["format"] == "html" and "<p>" not in doc.text


def test_html_is_recognised_by_content_on_stdin():
    doc = read_stdin(stream=io.BytesIO((FIXTURES / "ministry-readout.html").read_bytes()))
    assert doc.metadata["format"] == "html" and "Azerbaijan" in doc.text


def test_html_page_without_main_text_is_refused(tmp_path):
    path = write(tmp_path, "empty.html", b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>")
    assert "no main text" in refused(path).reason


def test_decode_document_can_force_plain_text():
    html = "<html><body><p>Minister met envoy.</p></body></html>"
    assert decode_document(html.encode(), name="x", doc_id="x", path=None, html=False).text == html


# --- sizes --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [("20MB", 20 * 1024 ** 2), ("500k", 500 * 1024), ("1.5GiB", 1610612736),
                                            ("1000", 1000), ("2 m", 2 * 1024 ** 2)])
def test_parse_size(value, expected):
    assert parse_size(value) == expected


@pytest.mark.parametrize("value", ["", "ten", "-5", "0", "5 TB"])
def test_parse_size_refuses_nonsense(value):
    with pytest.raises(ValueError):
        parse_size(value)


def test_format_size():
    assert [format_size(n) for n in (999, 1536, 20 * 1024 ** 2, 50 * 1024 ** 3)] == \
        ["999 bytes", "1.5 KB", "20 MB", "50 GB"]
