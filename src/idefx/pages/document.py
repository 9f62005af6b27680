"""A document as a page: its text with people, titles, organisations, countries, venues, events and dates
highlighted by displaCy's entity renderer, and beside it the meeting records, each linked to its evidence in
the text and showing that evidence with displaCy's span renderer (where spans may overlap).
"""

from __future__ import annotations

import html
import re
from typing import IO, Iterable

from spacy.displacy.render import EntityRenderer, SpanRenderer
from spacy.displacy.templates import TPL_ENTS

from idefx.network import country_label
from idefx.pages import page
from idefx.records import DocumentRecord

COLOURS = {"PERSON": "#aa9cfc", "TITLE": "#f6c2d9", "ORG": "#7aecec", "COUNTRY": "#feca74", "VENUE": "#c8e59a",
           "EVENT": "#ffeb80", "DATE": "#bfe1d9"}
_ENTS_OPEN, _ENTS_CLOSE = TPL_ENTS.format(content="\x00", dir="ltr").split("\x00")
_TOKEN = re.compile(r"\S+")


def _mentions(record: DocumentRecord) -> list[tuple[int, int, str]]:
    """Every highlighted span as ``(start, end, label)``."""
    spans = [(m.start, m.end, "PERSON") for p in record.people for m in p.mentions]
    spans += [(m.start, m.end, "ORG") for o in record.organizations for m in o.mentions]
    spans += [(m.start, m.end, "COUNTRY") for c in record.countries for m in c.mentions]
    spans += [(m.start, m.end, "VENUE") for v in record.venues for m in v.mentions]
    spans += [(m.start, m.end, "EVENT") for e in record.events for m in e.mentions]
    spans += [(d.start, d.end, "DATE") for d in record.dates]
    return spans


def _title_spans(record: DocumentRecord, text: str) -> list[tuple[int, int, str]]:
    """Where the people's titles stand in the text (records keep titles as words, without offsets)."""
    titles = sorted({t for p in record.people for t in p.titles if t.strip()}, key=len, reverse=True)
    return [(m.start(), m.end(), "TITLE") for title in titles
            for m in re.finditer(r"(?<!\w)" + re.escape(title) + r"(?!\w)", text)]


def entity_spans(record: DocumentRecord, text: str) -> list[tuple[int, int, str]]:
    """The spans the page highlights, none overlapping: earlier first, the longer of two at one start, titles
    only where no extracted item stands."""
    chosen, end = [], -1
    for start, stop, label in sorted(_mentions(record), key=lambda s: (s[0], -s[1])):
        if start >= end and stop <= len(text):
            chosen.append((start, stop, label))
            end = stop
    taken = list(chosen)
    for start, stop, label in _title_spans(record, text):
        if not any(start < b and a < stop for a, b, _ in taken):
            taken.append((start, stop, label))
    return sorted(taken)


def _evidence_regions(record: DocumentRecord) -> list[tuple[int, int, list[int]]]:
    """Meeting evidence as non-overlapping regions ``(start, end, meeting numbers)``."""
    spans = sorted((e.start, e.end, i) for i, m in enumerate(record.meetings) for e in m.evidence)
    regions: list[tuple[int, int, list[int]]] = []
    for start, end, i in spans:
        if regions and start < regions[-1][1]:
            a, b, ids = regions[-1]
            regions[-1] = (a, max(b, end), ids + [i] if i not in ids else ids)
        else:
            regions.append((start, end, [i]))
    return regions


def _ents(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> str:
    """displaCy's entity markup of ``text[start:end]``, without its wrapping element."""
    inside = [{"start": a - start, "end": b - start, "label": label} for a, b, label in spans if start <= a and b <= end]
    markup = EntityRenderer({"colors": COLOURS}).render_ents(text[start:end], inside, None)
    return markup[len(_ENTS_OPEN):-len(_ENTS_CLOSE)]


def annotated_text(record: DocumentRecord, text: str, anchor: str) -> str:
    """The text with its entities highlighted and each meeting's evidence wrapped in a linkable element."""
    spans = entity_spans(record, text)
    parts, at = [], 0
    for start, end, ids in _evidence_regions(record):
        parts.append(_ents(text, at, start, spans))
        names = " ".join(f"{anchor}-m{i + 1}" for i in ids)
        others = "".join(f'<a id="{anchor}-m{i + 1}-ev"></a>' for i in ids[1:])
        parts.append(f'<span class="evidence" id="{anchor}-m{ids[0] + 1}-ev" data-meetings="{names}">{others}'
                     f"{_ents(text, start, end, spans)}</span>")
        at = end
    parts.append(_ents(text, at, len(text), spans))
    return f'<div class="entities">{"".join(parts)}</div>'


def _evidence_spans(record: DocumentRecord, text: str, start: int, end: int) -> str:
    """The evidence ``text[start:end]`` with displaCy's span renderer: every item in it, overlaps kept."""
    tokens = [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(text[start:end])]
    spans = []
    for a, b, label in _mentions(record) + _title_spans(record, text):
        covered = [i for i, (ta, tb, _) in enumerate(tokens) if ta < b and a < tb]
        if covered:
            spans.append({"start_token": covered[0], "end_token": covered[-1] + 1, "label": label})
    return SpanRenderer({"colors": COLOURS}).render_spans([t for _, _, t in tokens], spans, None)


def _meeting_item(record: DocumentRecord, text: str, index: int, anchor: str) -> str:
    m = record.meetings[index]
    where = ", ".join(x for x in (m.venue, m.city, country_label(m.country or "")) if x)
    facts = [("date", m.date), ("mode", m.mode.replace("_", " ")), ("hosts", "; ".join(m.hosts)),
             ("guests", "; ".join(m.guests)), ("countries", ", ".join(country_label(c) for c in m.parties)),
             ("place", where), ("event", m.event), ("topic", m.topic)]
    rows = "".join(f"<tr><th>{name}</th><td>{html.escape(value)}</td></tr>" for name, value in facts if value)
    evidence = "".join(_evidence_spans(record, text, e.start, e.end) for e in m.evidence[:1])
    link = (f'<a class="to-evidence" href="#{anchor}-m{index + 1}-ev" data-meeting="{anchor}-m{index + 1}">'
            f"evidence at {m.evidence[0].start}–{m.evidence[0].end}</a>" if m.evidence else "")
    return (f'<li class="meeting" id="{anchor}-m{index + 1}"><strong>{html.escape(", ".join(m.participants))}'
            f"</strong><table>{rows}</table>{link}{evidence}</li>")


def document_section(record: DocumentRecord, text: str, number: int = 1) -> str:
    """One document: the annotated text and its meetings side by side."""
    anchor = f"d{number}"
    meetings = "".join(_meeting_item(record, text, i, anchor) for i in range(len(record.meetings)))
    legend = "".join(f'<span class="label" style="background:{c}">{label}</span>' for label, c in COLOURS.items())
    heading = html.escape(record.title or record.id)
    meta = " · ".join(html.escape(x) for x in (record.id, record.published or "", record.path or "") if x)
    return (f'<section class="document" id="{anchor}"><h1>{heading}</h1><p class="muted">{meta}</p>'
            f'<div class="legend">{legend}</div><div class="doc-body"><article>{annotated_text(record, text, anchor)}'
            f'</article><aside><h2>{len(record.meetings)} meeting{"" if len(record.meetings) == 1 else "s"}</h2>'
            f'<ol class="meetings">{meetings}</ol></aside></div></section>')


def documents_page(documents: Iterable[tuple[DocumentRecord, str]]) -> str:
    """A page of annotated documents, from ``(record, text)`` pairs."""
    sections = [document_section(record, text, n) for n, (record, text) in enumerate(documents, 1)]
    title = "idefx: annotated document" + ("s" if len(sections) != 1 else "")
    return page(title, "<main>" + "".join(sections) + "</main>", styles=("document.css",), scripts=("document.js",))


def write_documents_page(records: Iterable[DocumentRecord], out: IO[str], max_bytes: int) -> None:
    """Write the page of ``records``, reading each document's text again from its path (records keep offsets,
    not text); a document whose file changed since is refused."""
    from idefx.errors import InputError
    from idefx.io import read_input

    def with_text(record: DocumentRecord):
        source = read_input(record.path, max_bytes)
        if source.sha256 != record.sha256:
            raise InputError(record.path, "changed while it was read; run again")
        return record, source.text

    out.write(documents_page(with_text(record) for record in records))
