"""A document's home country: the country of its source (the front-matter source host's top-level domain) or
of its dateline ("BAKU, Azerbaijan, July 26."); the country of a government's own release; and the country a
document names most after it. The one place where a document's source says which country it speaks for."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Iterable, Optional

from spacy.tokens import Doc, Span

from idefx.entities import doc_text
from idefx.gazetteers import city_country, country_name
from idefx.layout import body_start
from idefx.tokentables import token_array

HOST = re.compile(r"^source_url:\s*['\"]?https?://([^/\s'\"]+)", re.MULTILINE)
GENERIC_TLDS = {"gov": "US", "mil": "US", "uk": "GB"}
DATELINE_ENDS = {",", ".", ":", "--", "—", "(", "–"}
MAX_CITY_WORDS = 4  # words of a dateline's place
DATELINE_REACH = 100  # tokens after the body start where a dateline may stand (after a standfirst, a caption)
HOST_REACH = 2000  # characters of the text where a source_url line may stand when the metadata has none


def home_country(doc: Doc, country_spans: Iterable[Span]) -> Optional[str]:
    """The country the document speaks from: its source host's country, else its dateline's (a city, or a
    country among ``country_spans``), else None."""
    host = source_host(doc)
    return (host_country(host) if host else None) or dateline_country(doc, list(country_spans))


def government_country(doc: Doc, government_hosts: set[str]) -> Optional[str]:
    """The country of a government's own release: its source host's country when the host is a government's
    (a label among ``government_hosts``: gov, mil, ...), else None."""
    host = source_host(doc)
    if host is None or not set(host.split(".")) & government_hosts:
        return None
    return host_country(host)


def source_host(doc: Doc) -> Optional[str]:
    """The lower-case host of the document's source URL: from its metadata, else from a ``source_url:``
    line near the top of the text."""
    source = doc._.idefx_source or {}
    front = source.get("front_matter") or {}
    url = front.get("source_url") or front.get("url") or source.get("url") or ""
    host = HOST.search(f"source_url: {str(url).strip()}" if url else doc_text(doc)[:HOST_REACH])
    return host.group(1).lower() if host else None


def host_country(host: str) -> Optional[str]:
    """The country of a host's top-level domain (gov and mil are the United States'), or None."""
    tld = host.rsplit(".", 1)[-1]
    code = GENERIC_TLDS.get(tld, tld.upper())
    return code if country_name(code) is not None else None


def dateline_country(doc: Doc, country_spans: list[Span]) -> Optional[str]:
    """The country of a dateline ("BAKU, Azerbaijan, July 26." / "New Delhi, Oct 22 (IANS)") at the start of
    a line near the start of the body."""
    n = len(doc)
    body = _body_start(doc)
    text = [token.text for token in doc[:body + DATELINE_REACH + MAX_CITY_WORDS]]
    i = body
    while i < min(n, body + DATELINE_REACH):
        if i == body or "\n" in text[i - 1] or (i > 0 and text[i - 1].isspace()):
            j = i
            while j < n and j - i < MAX_CITY_WORDS and text[j][:1].isupper() and text[j].replace(".", "").isalpha():
                j += 1
            if i < j < n and text[j] in DATELINE_ENDS:
                code = city_country(doc[i:j].text) or next(
                    (span.kb_id_ for span in country_spans if span.start <= i < span.end), None)
                if code:
                    return code
        i += 1
    return None


def _body_start(doc: Doc) -> int:
    """The first token of the body (``idefx.layout.body_start``) after leading spaces, dashes and numbers."""
    offset = body_start(doc_text(doc))
    i = bisect_left(token_array(doc, "IDX"), offset)
    n = len(doc)
    while i < n and (doc[i].is_space or doc[i].text in {"-", "—"} or doc[i].text[:1].isdigit()):
        i += 1
    return int(i)


def most_named(country_spans: Iterable[Span], home: Optional[str], first_on_tie: bool = False) -> Optional[str]:
    """The country (other than ``home``) named most often in ``country_spans``, when one stands out
    (``first_on_tie``: else the first named of those named most)."""
    counts: dict[str, int] = {}
    for span in country_spans:
        if span.kb_id_ != home:
            counts[span.kb_id_] = counts.get(span.kb_id_, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])  # stable: the first named first among equals
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1] and not first_on_tie):
        return None
    return ranked[0][0]
