"""The ``idefx_records`` component: turn a processed Doc into the fields of a document record."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import idefx.entities  # noqa: F401  (declares the Doc extensions)


@Language.factory("idefx_records")
class RecordBuilder:
    """Collect entities into ``doc._.idefx``: a dict with the record's list fields."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        countries = {}
        for ent in doc.ents:
            if ent.label_ == "GPE" and ent.ent_id_:
                countries.setdefault(ent.ent_id_, {"code": ent.ent_id_, "name": ent.text, "mentions": []})
                countries[ent.ent_id_]["mentions"].append(
                    {"start": ent.start_char, "end": ent.end_char, "text": ent.text})
        doc._.idefx = {"countries": list(countries.values())}
        return doc
