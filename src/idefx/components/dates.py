"""The ``idefx_dates`` component: fix the publication date and resolve every date mention to ISO.

The publication date is :func:`idefx.publication.publication_date`'s decision, from the text, the front
matter the input reader took off it (``doc._.idefx_source``) and a date set on the Doc from metadata outside
the text (``doc._.idefx_published``). Mentions go to ``doc.spans["idefx_dates"]`` with ``kb_id_`` the ISO
date ("" when it cannot be fixed); relative ones ("today", "on Tuesday", "July 26", "on the
second day of IDEF-2023") are resolved against the publication date, or the
event's first day when the text gives the event's dates. Runs after
``idefx_places`` (it reads ``doc.spans["idefx_events"]``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

from idefx.components.batching import BatchComponent
from idefx.entities import DATES, EVENTS, doc_text
from idefx.layout import body_start
from idefx.datetext import (ENDS_IN_WORD, MAY_START, ORDINALS, START_RE, STARTS_IN_WORD, DateExpr, find_dates,
                            word_starts)
from idefx.publication import dateline, publication_date
from idefx.tokentables import distinct_words, per_word, token_array

# "[on] the second day of [the]": written to open with its first letter (o or t), so the regex engine
# skips quickly to those letters
_DAY_OF = re.compile(r"[ot](?<=\b.)(?:(?<=o)n\s+the|(?<=t)he)\s+(" + "|".join(ORDINALS) + r")\s+day\s+of\s+(?:the\s+)?",
                     re.IGNORECASE)
_DAY_OF_CUE = re.compile(r"day\s+of\s", re.IGNORECASE)  # in every _DAY_OF match, and quicker to look for


def _datelines(text: str, start: int, lines: int = 12) -> set[int]:
    """Offsets of dateline dates ("Istanbul, April 24, IRNA"): a date early in one of the first lines, after a comma."""
    out, offset = set(), start
    for line in text[start:].split("\n", lines)[:lines]:
        expr = dateline([line])
        if expr is not None:
            out.add(offset + expr.start)
        offset += len(line) + 1
    return out


def date_starts(doc: Doc, text: str, cache: dict) -> list[int]:
    """The offsets in ``text`` (the Doc's text) where ``START_RE`` matches, in order, found from the Doc's words
    (each distinct word looked at once, remembered in ``cache``) instead of a scan of the whole text: such an
    offset lies in a token where the regex matches when the token stands alone, or is where the last run of word
    characters of a token joined to the next one (no space, word characters on both sides) starts. The text is
    looked at only in tokens joined to a neighbour, where the token alone may tell wrong."""
    if not len(doc):
        return []
    _, distinct, inverse = distinct_words(doc)
    infos = per_word(doc.vocab.strings, distinct, word_starts, cache)
    flags = numpy.fromiter([info[0] for info in infos], numpy.uint8, len(infos))[inverse]
    token_starts, spaces = token_array(doc, "IDX"), token_array(doc, "SPACY")
    joined = numpy.zeros(len(flags) + 1, dtype=bool)  # token i joined to the next; the last slot stays False
    joined[:len(flags) - 1] = (flags[:-1] & ENDS_IN_WORD > 0) & (flags[1:] & STARTS_IN_WORD > 0) & (spaces[:-1] == 0)
    picked = numpy.flatnonzero((flags & MAY_START > 0) | joined[:-1])
    out = []
    for k, start, glued, unsure in zip(inverse[picked].tolist(), token_starts[picked].tolist(),
                                       joined[picked].tolist(), (joined[picked] | joined[picked - 1]).tolist()):
        _, offsets, last_run = infos[k]
        if not unsure:
            out.extend(start + offset for offset in offsets)
            continue
        for offset in sorted({*offsets, last_run}) if glued else offsets:
            if START_RE.match(text, start + offset):
                out.append(start + offset)
    return out


@Language.factory("idefx_dates")
def make_dates(nlp: Language, name: str) -> "DateFinder":
    return DateFinder(nlp, name)


class DateFinder(BatchComponent):
    """Set ``doc._.idefx_published`` and the ``idefx_dates`` span group."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.word_starts: dict[int, tuple] = {}  # word hash -> datetext.word_starts(word)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        published = publication_date(text, (doc._.idefx_source or {}).get("front_matter"), doc._.idefx_published)
        doc._.idefx_published = published
        skip = body_start(text)
        datelines = _datelines(text, skip)
        spans = []
        starts = [at - skip for at in date_starts(doc, text, self.word_starts) if at >= skip]
        for expr in find_dates(text[skip:], skip, starts):
            label = "DATELINE" if expr.start in datelines else expr.kind.upper()
            span = doc.char_span(expr.start, expr.end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append((span, expr))
        starts = _event_starts(doc, spans, published)
        out = []
        for span, expr in spans:
            out.append(Span(doc, span.start, span.end, label=span.label_, kb_id=expr.resolve(published) or ""))
        events = doc.spans[EVENTS] if EVENTS in doc.spans else []
        for match in _DAY_OF.finditer(text, skip) if len(events) and _DAY_OF_CUE.search(text, skip) else ():
            event = next((e for e in events if e.start_char == match.end()), None)
            if event is None:
                continue
            iso = _nth_day(starts.get(event.kb_id_), ORDINALS[match.group(1).lower()]) or published or ""
            span = doc.char_span(match.start(), event.end_char, label="EVENT_DAY", alignment_mode="expand")
            if span is not None:
                out.append(Span(doc, span.start, span.end, label="EVENT_DAY", kb_id=iso))
        doc.spans[DATES] = sorted(out, key=lambda s: s.start)
        return doc


def _event_starts(doc: Doc, spans: list[tuple[Span, DateExpr]], published: Optional[str]) -> dict[str, str]:
    """Each event's first day, from a date range in a sentence that names the event."""
    starts: dict[str, str] = {}
    if EVENTS not in doc.spans:
        return starts
    for span, expr in spans:
        if expr.kind != "range":
            continue
        sent = span.sent if doc.has_annotation("SENT_START") else doc[max(0, span.start - 30):span.end + 30]
        for event in doc.spans[EVENTS]:
            if sent.start <= event.start < sent.end and expr.resolve(published):
                starts.setdefault(event.kb_id_, expr.resolve(published))
    return starts


def _nth_day(start: Optional[str], nth: int) -> Optional[str]:
    if not start or nth < 1:
        return None
    return (date.fromisoformat(start) + timedelta(days=nth - 1)).isoformat()
