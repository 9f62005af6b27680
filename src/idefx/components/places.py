"""The ``idefx_places`` component: find countries, cities, named events and venues.

Shapes come from data: ``event_patterns.jsonl`` and ``venue_patterns.jsonl``
(spaCy Matcher token patterns) plus the gazetteers ``cities.jsonl``, ``events.jsonl`` and
``venues.jsonl`` when they are shipped. Results go to span groups:

- ``doc.spans["idefx_places"]``: labels ``COUNTRY``, ``DEMONYM`` and ``CITY``; ``kb_id_`` is the
  ISO alpha-2 code of the country (of the city). The countries are those of ``idefx_countries``
  (``doc.spans["idefx_countries"]``, which runs first); a city name longer than a country's wins.
- ``doc.spans["idefx_events"]`` and ``doc.spans["idefx_venues"]``: ``kb_id_`` is the canonical
  name every mention of the same event (venue) shares ("International IDEF-2023 Defense Industry
  Exhibition", "IDEF" and "IDEF'23" all point to "IDEF-2023"); a known event with a long name goes by the
  fullest form the text writes ("UN General Assembly").

Runs after ``idefx_organizations``: an organisation's name is no side of a two-sided gathering.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Optional

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from idefx.components.batching import BatchComponent
from idefx.entities import COUNTRY_SPANS, EVENTS, ORG_SPANS, PLACES, VENUES
from idefx.matching import FastMatcher
from idefx.names import name_key
from idefx.phrases import PhraseIndex
from idefx.resources import optional_jsonl, read_jsonl
from idefx.tokentables import token_array

EDITION_IDS = ("acronym_edition", "acronym_year", "camel_edition")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
_EDITION = re.compile(r"^#?(.*?[A-Za-z])[\s\-'’]*((?:19|20)\d\d|(?<=['’])\d\d)?$")
# an edition's ordinal before the name ("the 16th BRICS Summit", "the Tenth Raisina Dialogue")
_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                      r"|eleventh|twelfth)$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SESSION_OF = re.compile(r"^session of (?:the )?", re.IGNORECASE)
_OPENERS = ("(", ",", '"', "“", "«", "'", "‘")
LEADING_WORDS = {"at", "in", "inside", "from", "the"}  # what a venue's context pattern may open with ("At the ...")


def event_key(name: str) -> str:
    """The comparison key of an event name: its name key without spaces, so "Aero India" and "AeroIndia" (and
    "IDEF-2023" and "IDEF 2023") are one event."""
    return name_key(name).replace(" ", "")


def city_terms() -> list[dict]:
    """Phrase terms for cities: ``{"label": "CITY", "id": country code, "text"}``, each name to the most
    populous (capitals first) of the unambiguous cities that bear it."""
    best: dict[str, tuple[int, str]] = {}
    for entry in optional_jsonl("cities.jsonl"):
        if entry.get("ambiguous"):
            continue
        weight = int(entry.get("population") or 0) + (10**9 if entry.get("capital") else 0)
        for name in filter(None, {entry.get("name"), *entry.get("aliases", [])}):
            if name[:1].isupper() and (name not in best or best[name][0] < weight):
                best[name] = (weight, entry["country"])
    return [{"label": "CITY", "id": code, "text": name} for name, (_, code) in best.items()]


def named_terms(entries: Iterable[dict], label: str) -> list[dict]:
    """Phrase terms for gazetteer events or venues: every name and alias points to the entry's name. A name
    that also stands for an institution ("the White House said") is marked ``"context": True``."""
    return [{"label": label, "id": e["name"], "text": alias, **({"context": True} if e.get("metonym") else {})}
            for e in entries for alias in {e["name"], *e.get("aliases", [])} if alias]


@Language.factory("idefx_places", default_config={"gazetteers": True})
def make_places(nlp: Language, name: str, gazetteers: bool) -> "PlaceFinder":
    finder = PlaceFinder(nlp, name)
    finder.add_patterns(read_jsonl("event_patterns.jsonl") + read_jsonl("venue_patterns.jsonl"),
                        city_terms() + named_terms(optional_jsonl("events.jsonl"), "EVENT")
                        + named_terms(optional_jsonl("venues.jsonl"), "VENUE") if gazetteers else [])
    return finder


class PlaceFinder(BatchComponent):
    """Token patterns for event and venue shapes plus phrase lists for gazetteer names."""

    def __init__(self, nlp: Language, name: str = "idefx_places"):
        self.nlp, self.name = nlp, name
        self.patterns: list[dict] = []
        self.terms: list[dict] = []
        self._build()

    def add_patterns(self, patterns: list[dict], terms: list[dict]) -> None:
        self.patterns.extend(patterns)
        self.terms.extend(terms)
        self._build()

    def _build(self) -> None:
        self.matcher = FastMatcher(self.nlp.vocab, self.nlp.make_doc)
        self.keep: dict[str, int] = {}
        self.prefer_acronym: set[str] = set()
        self.generic_head: set[str] = set()  # "ExCeL exhibition centre" names the venue "ExCeL"
        self.not_by_place: set[str] = set()  # "the Kazan summit" names where an event was, not the event
        self.dash_joins: set[str] = set()  # "Central Asia – Italy": a spaced dash inside the name
        # "Summit of the Organization of Turkic States": the body's name runs on over "of" (the words that end it)
        self.runs_on_of: dict[str, frozenset[str]] = {}
        self.place_words: set[str] = set()  # what comes before a venue that also names an institution
        for entry in self.patterns:
            if "words" in entry:
                self.place_words.update(entry["words"])
                continue
            self.matcher.add(f"{entry['label']}|{entry['id']}", entry["pattern"])
            self.keep[entry["id"]] = entry.get("keep", 0)
            if entry.get("prefer_acronym"):
                self.prefer_acronym.add(entry["id"])
            if entry.get("generic_lower_head"):
                self.generic_head.add(entry["id"])
            if entry.get("not_by_place"):
                self.not_by_place.add(entry["id"])
            if entry.get("dash_joins"):
                self.dash_joins.add(entry["id"])
            if entry.get("runs_on_of"):
                self.runs_on_of[entry["id"]] = frozenset(entry["pattern"][-1]["LOWER"]["NOT_IN"])
        self.event_names = {t["text"] for t in self.terms if t["label"] == "EVENT"}
        self.in_context = {t["id"] for t in self.terms if t.get("context")}
        grouped: dict[str, list[str]] = {}
        for term in self.terms:
            forms = {term["text"]}
            if term["label"] == "CITY" and len(term["text"]) > 3:
                forms.add(term["text"].upper())
            for form in forms:
                grouped.setdefault(f"{term['label']}|{term['id']}", []).append(form)
        self.phrases = PhraseIndex(self.nlp.vocab, [(match_key, form) for match_key, forms in grouped.items()
                                                    for form in self.nlp.tokenizer.pipe(sorted(set(forms)))])
        # the phrases' match keys (hashes) -> (label, id) of the term
        self.term_of = {self.nlp.vocab.strings.add(match_key): tuple(match_key.split("|", 1)) for match_key in grouped}

    def __call__(self, doc: Doc) -> Doc:
        # the countries are those the country finder kept, so places and countries never disagree
        places = [Span(doc, s.start, s.end, label=s.label_.upper(), kb_id=s.kb_id_)
                  for s in doc.spans.get(COUNTRY_SPANS, [])]
        events, venues = [], []
        orgs = doc.spans.get(ORG_SPANS, [])
        # names broken over lines ("Mexico\nCity") match as well: matching runs over the tokens but whitespace
        kept = numpy.flatnonzero(token_array(doc, "IS_SPACE") == 0)
        keep, orth_array, lowers = kept.tolist(), token_array(doc, "ORTH")[kept], token_array(doc, "LOWER")[kept]
        for match_id, start, end in self.phrases(orth_array.tolist(), self.phrases.starts_in(orth_array)):
            start, end = keep[start], keep[end - 1] + 1
            label, ident = self.term_of[match_id]
            span = Span(doc, start, end, label=label, kb_id=ident)
            if label == "VENUE" and ident in self.in_context and not self._after_place_word(doc, start):
                continue
            {"EVENT": events, "VENUE": venues}.get(label, places).append(span)
        anchors = self.matcher.anchors(orth_array, lowers, token_array(doc, "SHAPE")[kept])
        matches = [(m, keep[s], keep[e - 1] + 1)
                   for m, s, e in self.matcher.match_words(orth_array, lowers, anchors.tolist())]
        # taken through a set again by start and end: matches of one extent (the spans filter_spans then picks
        # from) keep the order they have always had
        for match_id, start, end in sorted(set(matches), key=lambda x: (x[1], x[2])):
            label, ident = self.nlp.vocab.strings[match_id].split("|", 1)
            if self.keep.get(ident):
                end = start + self.keep[ident]
            while end > start + 1 and doc[end - 1].lower_ in {"and", "&"}:
                end -= 1  # "the G20 Summit and ...": an optional second head that did not come
            if ident in self.runs_on_of:
                end = _run_on_of(doc, end, self.runs_on_of[ident])
            span = Span(doc, start, end, label=ident)
            if ident in self.not_by_place and _named_by_place(span, places):
                continue
            if ident in self.dash_joins and any(o.label_ == "ORG" and o.start < end and start < o.end for o in orgs):
                continue  # "Catholic Relief Services – US Conference": an organisation's name is no side
            if ident not in self.dash_joins and _spaced_dash(doc, start, end):
                continue  # "Leadership Conference on Civil and Human\n- Damon Hewitt": a dash between two items
            (events if label == "EVENT" else venues).append(span)
        doc.spans[PLACES] = filter_spans(places)
        doc.spans[VENUES] = [Span(doc, s.start, s.end, label="VENUE", kb_id=s.kb_id_ or self._venue_name(s))
                             for s in filter_spans([_trim(v) for v in venues])]
        inside_venue = {i for v in doc.spans[VENUES] for i in range(v.start, v.end)}
        doc.spans[EVENTS] = self._events(doc, [e for e in events if not inside_venue & set(range(e.start, e.end))])
        return doc

    def _after_place_word(self, doc: Doc, start: int) -> bool:
        """Whether a place word ("at", "in", "to") comes right before token ``start`` (a "the" between)."""
        i = start - 1
        while i >= 0 and (doc[i].is_space or doc[i].lower_ == "the"):
            i -= 1
        return i >= 0 and doc[i].lower_ in self.place_words

    def _venue_name(self, span: Span) -> str:
        end = span.end
        if span.label_ in self.generic_head:
            while end > span.start + 1 and span.doc[end - 1].is_lower:
                end -= 1
        return _clean(span.doc[span.start:end].text)

    def _events(self, doc: Doc, found: list[Span]) -> list[Span]:
        """Event spans named canonically: an edition ("IDEF-2023") inside or right after a long form names it,
        so does a known acronym in brackets ("... Exhibition (LAAD)"); bare names join their edition."""
        editions = [s for s in found if s.label_ in EDITION_IDS]
        kept = filter_spans(found)
        written = _written_forms(found)
        spans = []
        for span in kept:
            inner = [e for e in editions if span.start <= e.start and e.end <= span.end]
            name = written.get(span.kb_id_) or span.kb_id_ or _clean(inner[0].text if inner else span.text)
            lead = _edition_lead(doc, span.start) if span.kb_id_ else span.start
            if lead < span.start:
                # "the 77th United Nations General Assembly", "the 78th session of the UN General Assembly"
                lead_text = _clean(doc[lead:span.start].text)
                name = f"{name} {lead_text}" if _YEAR.match(lead_text) else f"{lead_text} {name}"
                span = Span(doc, lead, span.end, label=span.label_, kb_id=span.kb_id_)
            follow = span.end
            while follow < len(doc) and follow < span.end + 2 and doc[follow].text in _OPENERS:
                follow += 1
            if follow > span.end and follow < len(doc):
                tail = [e for e in editions if e.start == follow]
                if tail:
                    name = _clean(tail[0].text)
                elif not span.kb_id_ and _ACRONYM.match(doc[follow].text) and (doc[follow].text in self.event_names
                                                            or span.label_ in self.prefer_acronym):
                    name = doc[follow].text
            spans.append((span, name))
        ends = {s.end for s, _ in spans}
        for i in ends:
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" \
                    and _ACRONYM.match(doc[i + 1].text) and doc[i + 1].text in {n for _, n in spans}:
                spans.append((doc[i + 1:i + 2], doc[i + 1].text))
        canon: dict[str, str] = {}
        seen: dict[tuple[str, Optional[str]], str] = {}
        for _, name in sorted(spans, key=lambda p: -_edition_rank(p[1])):
            base, year = _edition(name)
            same = seen.get((base, year)) or (
                next((n for (b, _), n in seen.items() if b == base), None) if year is None else None)
            seen.setdefault((base, year), same or name)
            canon.setdefault(event_key(name), same or name)
        out = []
        for span, name in spans:
            out.append(Span(doc, span.start, span.end, label="EVENT", kb_id=canon[event_key(name)]))
        return sorted(out, key=lambda s: s.start)

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "patterns.json").write_text(json.dumps({"patterns": self.patterns, "terms": self.terms}),
                                            encoding="utf-8")

    def from_disk(self, path, exclude=tuple()) -> "PlaceFinder":
        data = json.loads((Path(path) / "patterns.json").read_text(encoding="utf-8"))
        self.patterns, self.terms = data["patterns"], data["terms"]
        self._build()
        return self


def _edition_lead(doc: Doc, start: int) -> int:
    """Where a known event's edition begins before token ``start``: its ordinal or year ("the 77th", "the 2023",
    which the name then ends with, as editions are written: "Shangri-La Dialogue 2023") or "the 78th session
    of (the)"; ``start`` when none."""
    i = start
    if i >= 2 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of":
        i -= 1
    if i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ == "session" and _ORDINAL.match(doc[i - 3].text):
        return i - 3
    if start > 0 and (_ORDINAL.match(doc[start - 1].text) or _YEAR.match(doc[start - 1].text)):
        return start - 1
    return start


def _run_on_of(doc: Doc, end: int, stops: frozenset[str], most: int = 2) -> int:
    """Where a body's name ending at ``end`` ends when it runs on over "of (the)" and capitalised words ("the
    Heads of State of the CIS"), at most ``most`` times; ``stops`` are words that end it (months, weekdays)."""
    for _ in range(most):
        k = end + 1 if end < len(doc) and doc[end].lower_ == "of" else end
        if k < len(doc) and k > end and doc[k].lower_ == "the":
            k += 1
        run = k
        while run < len(doc) and run > end and (doc[run].text == "-" or (
                doc[run].is_alpha and doc[run].text[:1].isupper() and doc[run].lower_ not in stops)):
            run += 1
        if run == k or doc[run - 1].text == "-":
            return end
        end = run
    return end


def _spaced_dash(doc: Doc, start: int, end: int) -> bool:
    """Whether a dash with space before it stands inside tokens start..end-1 (a dash that separates)."""
    return any(doc[k].text in {"-", "–", "—"} and (doc[k - 1].whitespace_ or doc[k - 1].is_space)
               for k in range(start + 1, end))


def _named_by_place(span: Span, places: list[Span]) -> bool:
    """Whether the capitalised words of ``span`` are all a place's name (a city or a country)."""
    covered = {k for p in places for k in range(p.start, p.end)}
    return all(k in covered for k in range(span.start, span.end) if span.doc[k].text[:1].isupper())


def _written_forms(spans: list[Span]) -> dict[str, str]:
    """Known events whose canonical name is a long form ("United Nations General Assembly") go by the fullest
    form the text writes ("UN General Assembly", else "UNGA"): a name is reported as written. Fairs known by
    their acronym ("IDEF") keep it."""
    written: dict[str, tuple[int, str]] = {}
    for span in spans:
        if " " in span.kb_id_ and len(span) > written.get(span.kb_id_, (0, ""))[0]:
            written[span.kb_id_] = (len(span), _clean(span.text))
    return {key: text for key, (_, text) in written.items()}


def _edition(name: str) -> tuple[str, Optional[str]]:
    """A name's base and edition: ("idef", "2023") for "IDEF-2023", "IDEF'23" or "IDEF 2023", ("idef", None) for
    "IDEF", ("aeroindia", "2023") for "Aero India 2023", ("bricssummit", "16th") for "16th BRICS Summit"."""
    first, _, rest = name.partition(" ")
    if rest and _ORDINAL.match(first):
        return event_key(_SESSION_OF.sub("", rest)), first.lower()
    match = _EDITION.match(name)
    if not match:
        return event_key(name), None
    year = match.group(2)
    if year and len(year) == 2:
        year = "20" + year
    return event_key(match.group(1)), year


def _edition_rank(name: str) -> int:
    return 1 if re.search(r"(19|20)?\d\d$", name) or _ORDINAL.match(name.partition(" ")[0]) else 0


def _clean(name: str) -> str:
    """A name as one line: runs of whitespace (line breaks of wrapped text) become single spaces."""
    return " ".join(name.split())


def _trim(span: Span) -> Span:
    """A venue without a leading preposition or determiner ("at the White House" -> "White House")."""
    start = span.start
    while start < span.end - 1 and (span.doc[start].is_lower or span.doc[start].lower_ in LEADING_WORDS):
        start += 1
    return Span(span.doc, start, span.end, label=span.label_, kb_id=span.kb_id_)

