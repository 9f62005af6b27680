"""The ``idefx_countries`` component: find countries named by name, alias, official name or demonym.

Every match becomes a Span in ``doc.spans["idefx_countries"]`` whose ``kb_id_`` is the
ISO alpha-2 code and whose label is ``country`` or ``demonym``; country names are also
set as ``GPE`` entities (``ent_id_`` = code) where they do not clash with earlier ones.
Patterns come from ``data/countries.jsonl``; the built patterns are saved with the pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from idefx.components.batching import BatchComponent
from idefx.entities import COUNTRY_SPANS
from idefx.resources import read_jsonl



class _Match(NamedTuple):
    key: int
    start: int
    end: int


def country_surface_forms(entries: list[dict]) -> list[dict]:
    """``{"text", "code", "label"}`` for every name, alias, official name and demonym (title and upper case)."""
    forms = []
    for entry in entries:
        names = {entry["name"], entry.get("official_name") or entry["name"], *entry.get("aliases", [])}
        for name in names:
            for text in {name, name.upper()} if len(name) > 3 else {name}:
                forms.append({"text": text, "code": entry["code"], "label": "country"})
            if name.lower().startswith("the "):
                forms.append({"text": name[4:], "code": entry["code"], "label": "country"})
        for demonym in entry.get("demonyms", []):
            forms.append({"text": demonym, "code": entry["code"], "label": "demonym"})
    return forms


@Language.factory("idefx_countries", default_config={"data_file": "countries.jsonl"})
def make_country_finder(nlp: Language, name: str, data_file: str) -> "CountryFinder":
    return CountryFinder(nlp, name, data_file)


class CountryFinder(BatchComponent):
    """PhraseMatcher over country surface forms; longest match wins."""

    def __init__(self, nlp: Language, name: str, data_file: str = "countries.jsonl"):
        self.nlp = nlp
        self.name = name
        self.data_file = data_file
        self.forms = country_surface_forms(read_jsonl(data_file)) if data_file else []
        self._build()

    def _build(self) -> None:
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.keys = {}
        for form in self.forms:
            key = f"{form['label']}:{form['code']}"
            self.keys[self.nlp.vocab.strings.add(key)] = (form["label"], form["code"])
            self.matcher.add(key, [self.nlp.make_doc(form["text"])])

    def __call__(self, doc: Doc) -> Doc:
        # longest matches win, as Spans would (Spans are made for the kept matches only)
        found = filter_spans([_Match(key, start, end) for key, start, end in self.matcher(doc)])
        doc.spans[COUNTRY_SPANS] = [Span(doc, m.start, m.end, label=label, kb_id=code)
                                    for m in found for label, code in [self.keys[m.key]]]
        ents = list(doc.ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        for m in found:
            label, code = self.keys[m.key]
            if label == "country" and not taken.intersection(range(m.start, m.end)):
                ents.append(Span(doc, m.start, m.end, label="GPE", span_id=code))
        doc.set_ents(ents)  # as ``doc.ents = ents``, without making the Spans over again
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "forms.json").write_text(json.dumps(self.forms, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, exclude=tuple()) -> "CountryFinder":
        self.forms = json.loads((Path(path) / "forms.json").read_text(encoding="utf-8"))
        self._build()
        return self
