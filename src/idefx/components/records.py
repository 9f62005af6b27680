"""The ``idefx_records`` component: turn a processed Doc into the fields of a document record."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import idefx.entities  # noqa: F401  (declares the Doc extensions)
from idefx.components.dates import DATES, doc_text
from idefx.components.places import EVENTS, VENUES


def _evidence(doc: Doc, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": doc_text(doc)[start:end]}


def _named(doc: Doc, group: str) -> list[dict]:
    """One item per distinct ``kb_id_`` in a span group, with every mention as evidence."""
    items: dict[str, dict] = {}
    for span in doc.spans[group] if group in doc.spans else []:
        item = items.setdefault(span.kb_id_, {"name": span.kb_id_, "mentions": []})
        item["mentions"].append(_evidence(doc, span.start_char, span.end_char))
    return list(items.values())


def _meetings(doc: Doc) -> list[dict]:
    people = doc._.idefx_people or []
    out = []
    for m in doc._.idefx_meetings or []:
        out.append({
            "participants": [people[i].name for i in m.participants],
            "hosts": [people[i].name for i in m.hosts],
            "guests": [people[i].name for i in m.guests],
            "parties": m.parties, "mode": m.mode, "date": m.date, "city": m.city, "country": m.country,
            "venue": m.venue, "event": m.event, "topic": m.topic,
            "evidence": [_evidence(doc, s, e) for s, e in m.evidence],
        })
    return out


@Language.factory("idefx_records")
class RecordBuilder:
    """Collect entities into ``doc._.idefx``: a dict with the record's fields."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        countries = {}
        for ent in doc.ents:
            if ent.label_ == "GPE" and ent.ent_id_:
                countries.setdefault(ent.ent_id_, {"code": ent.ent_id_, "name": ent.text, "mentions": []})
                countries[ent.ent_id_]["mentions"].append(
                    {"start": ent.start_char, "end": ent.end_char, "text": ent.text})
        doc._.idefx = {
            "countries": list(countries.values()),
            "published": doc._.idefx_published,
            "dates": [{"text": s.text, "date": s.kb_id_ or None, "start": s.start_char, "end": s.end_char}
                      for s in (doc.spans[DATES] if DATES in doc.spans else [])],
            "events": _named(doc, EVENTS),
            "venues": _named(doc, VENUES),
            "meetings": _meetings(doc),
        }
        return doc
