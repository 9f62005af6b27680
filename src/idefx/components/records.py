"""The ``idefx_records`` component: turn a processed Doc into the fields of a document record."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import idefx.entities  # noqa: F401  (declares the Doc extensions)
from idefx.components.countries import COUNTRY_SPANS
from idefx.components.organizations import ORG_SPANS
from idefx.entities import PEOPLE_SPANS


def _mention(span) -> dict:
    return {"start": span.start_char, "end": span.end_char, "text": span.text}


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


@Language.factory("idefx_records")
class RecordBuilder:
    """Collect entities into ``doc._.idefx``: a dict with the record's list fields."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        in_person = set()
        for span in doc.spans.get(PEOPLE_SPANS, []):
            in_person.update(range(span.start, span.end))
        people = []
        for person in doc._.idefx_people or []:
            people.append({
                "name": person.name, "aliases": list(person.aliases), "titles": list(person.titles),
                "organization": person.organization, "country": person.country,
                "mentions": [{"start": s, "end": e, "text": doc.text[s:e]} for s, e in person.mentions],
            })
        countries: dict[str, dict] = {}
        for span in doc.spans.get(COUNTRY_SPANS, []):
            if in_person.intersection(range(span.start, span.end)):
                continue
            entry = countries.setdefault(span.kb_id_, {"code": span.kb_id_, "name": span.text, "mentions": []})
            entry["mentions"].append(_mention(span))
        organizations: dict[str, dict] = {}
        for span in doc.spans.get(ORG_SPANS, []):
            if in_person.intersection(range(span.start, span.end)):
                continue
            text = " ".join(span.text.split())
            entry = organizations.setdefault(_norm(text), {"name": text, "mentions": []})
            entry["mentions"].append(_mention(span))
        doc._.idefx = {"people": people, "countries": list(countries.values()),
                       "organizations": list(organizations.values())}
        return doc
