"""The ``idefx_records`` component: turn a processed Doc into the fields of a document record."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from idefx.components.batching import BatchComponent
from idefx.entities import COUNTRY_SPANS, DATES, EVENTS, KNOWN_ORG, ORG_SPANS, PEOPLE_SPANS, VENUES, doc_text
from idefx.names import name_key


# an agency's name as a dateline writes it, glued to its marks: "/TASS/.", "MENAFN-"
_BARE = re.compile(r"^/(.+)/\.?$|^(.+)-$")
# markup glued to a name's last word in web text: "Department of Defense</u>", "Office of X](https://...", "X*"
_MARKUP = re.compile(r"\]|\*|</?[A-Za-z]")


def _evidence(text: str, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": text[start:end]}


def _named(doc: Doc, text: str, group: str) -> list[dict]:
    """One item per distinct ``kb_id_`` in a span group, with every mention as evidence."""
    items: dict[str, dict] = {}
    for span in doc.spans[group] if group in doc.spans else []:
        item = items.setdefault(span.kb_id_, {"name": span.kb_id_, "mentions": []})
        item["mentions"].append(_evidence(text, span.start_char, span.end_char))
    return list(items.values())


def _meetings(doc: Doc, text: str) -> list[dict]:
    people = doc._.idefx_people or []
    out = []
    for m in doc._.idefx_meetings or []:
        out.append({
            "participants": [people[i].name for i in m.participants],
            "hosts": [people[i].name for i in m.hosts],
            "guests": [people[i].name for i in m.guests],
            "parties": m.parties, "mode": m.mode, "date": m.date, "city": m.city, "country": m.country,
            "venue": m.venue, "event": m.event, "topic": m.topic,
            "evidence": [_evidence(text, s, e) for s, e in m.evidence],
        })
    return out


def _of_before(doc: Doc, start: int) -> int:
    """The index of the "of" right before a name at ``start`` ("of (the) X"), else -1: the body a gathering or
    building named with it is of ("the summit of the Non-Aligned Movement") stays an organisation of its own."""
    before = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    return before - 1 if before > 0 and doc[before - 1].lower_ == "of" else -1


_LINKS = {"of", "the", "’s", "'s"}


def _body(span, countries: dict[int, str]) -> tuple[frozenset, str | None]:
    """What an organisation's name says apart from its country: its other words, and the country named in it
    (by name, demonym or possessive owner): "Indian Parliament", "Parliament of India" say the same."""
    words = frozenset(t.lower_ for t in span if t.i not in countries and t.lower_ not in _LINKS)
    codes = {countries[t.i] for t in span if t.i in countries}
    return words, codes.pop() if len(codes) == 1 else None


def _one_per_body(entries: list[dict], bodies: list[tuple[frozenset, str | None]]) -> list[dict]:
    """One organisation named in two forms that differ only by its country is one: a form without a country
    goes with the one country form of the same words ("Fortescue Metals Group", "Australia’s Fortescue
    Metals Group"); the name kept is the fullest form without a possessive owner ("Parliament of India")."""
    coded: dict[frozenset, set] = {}
    for words, code in bodies:
        if code is not None and words:
            coded.setdefault(words, set()).add(code)
    groups: dict[tuple, list[dict]] = {}
    for entry, (words, code) in zip(entries, bodies):
        if code is None and len(coded.get(words, ())) == 1:
            code = next(iter(coded[words]))
        key = (words, code) if words and code is not None else (id(entry),)
        groups.setdefault(key, []).append(entry)
    out = []
    for group in groups.values():
        best = max(group, key=lambda e: ("’s " not in e["name"] and "'s " not in e["name"], len(e["name"].split())))
        for entry in group:
            if entry is not best:
                best["mentions"].extend(entry["mentions"])
        best["mentions"].sort(key=lambda m: m["start"])
        out.append(best)
    return out


@Language.factory("idefx_records")
def make_records(nlp: Language, name: str) -> "RecordBuilder":
    return RecordBuilder(nlp, name)


class RecordBuilder(BatchComponent):
    """Collect entities into ``doc._.idefx``: a dict with the record's fields."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        in_person = set()
        for span in doc.spans.get(PEOPLE_SPANS, []):
            in_person.update(range(span.start, span.end))
        people = []
        for person in doc._.idefx_people or []:
            people.append({
                "name": person.name, "aliases": list(person.aliases), "titles": list(person.titles),
                "organization": person.organization, "country": person.country,
                "mentions": [_evidence(text, s, e) for s, e in person.mentions],
            })
        countries: dict[str, dict] = {}
        for span in doc.spans.get(COUNTRY_SPANS, []):
            if in_person.intersection(range(span.start, span.end)):
                continue
            start, end = span.start_char, span.end_char
            entry = countries.get(span.kb_id_)
            if entry is None:
                entry = countries[span.kb_id_] = {"code": span.kb_id_, "name": text[start:end], "mentions": []}
            entry["mentions"].append(_evidence(text, start, end))
        named_elsewhere = set()  # events and venues are not organisations either
        modifiers = set()  # ... but a known body an event is named by stays one ("NATO" in "NATO Summit")
        for group in (EVENTS, VENUES):
            for span in doc.spans.get(group, []):
                named_elsewhere.update(range(span.start, span.end))
                if group == EVENTS:  # a name followed by a word of the event's, not by its edition ("Edex 2021")
                    modifiers.update((s, e) for s in range(span.start, span.end) for e in range(s + 1, span.end)
                                     if doc[e].is_alpha)
        organizations: dict[str, dict] = {}
        bodies = []  # what each organisation's first form says apart from its country
        country_of = {i: span.kb_id_ for span in doc.spans.get(COUNTRY_SPANS, []) for i in range(span.start, span.end)}
        for span in doc.spans.get(ORG_SPANS, []):
            inside = range(span.start, span.end)
            naming = span.label_ == KNOWN_ORG and (span.start, span.end) in modifiers
            if in_person.intersection(inside) or (named_elsewhere.intersection(inside) and not naming
                                                  and _of_before(doc, span.start) not in named_elsewhere):
                continue
            start, end = span.start_char, span.end_char
            markup = _MARKUP.search(text, start + 1, end)
            end = markup.start() if markup else end
            name = _BARE.sub(r"\1\2", " ".join(text[start:end].split()))
            if name_key(name) not in organizations:
                bodies.append(_body(span, country_of))
            entry = organizations.setdefault(name_key(name), {"name": name, "mentions": []})
            entry["mentions"].append(_evidence(text, start, end))
        doc._.idefx = {
            "people": people,
            "countries": list(countries.values()),
            "organizations": _one_per_body(list(organizations.values()), bodies),
            "published": doc._.idefx_published,
            "dates": [{"text": text[s.start_char:s.end_char], "date": s.kb_id_ or None, "start": s.start_char,
                       "end": s.end_char} for s in (doc.spans[DATES] if DATES in doc.spans else [])],
            "events": _named(doc, text, EVENTS),
            "venues": _named(doc, text, VENUES),
            "meetings": _meetings(doc, text),
        }
        return doc
