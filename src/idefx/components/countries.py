"""The ``idefx_countries`` component: find countries named by name, alias, official name or demonym.

Every match becomes a Span in ``doc.spans["idefx_countries"]`` whose ``kb_id_`` is the
ISO alpha-2 code and whose label is ``country`` or ``demonym``; country names are also
set as ``GPE`` entities (``ent_id_`` = code) where they do not clash with earlier ones.
The forms are :func:`idefx.gazetteers.country_terms` of ``data/countries.jsonl`` (saved with the
pipeline); a form that also names something else ("Georgia") is kept only where the text backs it
(:func:`idefx.gazetteers.backed_by_text`). Names broken over lines ("United\\nKingdom") are found too.
This span group is the one country finding: the places component takes its countries from it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from idefx.components.batching import BatchComponent
from idefx.entities import COUNTRY_SPANS, doc_text
from idefx.gazetteers import backed_by_text, country_terms
from idefx.phrases import PhraseIndex
from idefx.resources import read_jsonl
from idefx.tokentables import token_array


class _Match(NamedTuple):
    key: int
    start: int
    end: int


@Language.factory("idefx_countries", default_config={"data_file": "countries.jsonl"})
def make_country_finder(nlp: Language, name: str, data_file: str) -> "CountryFinder":
    return CountryFinder(nlp, name, data_file)


class CountryFinder(BatchComponent):
    """Phrase lookup over country surface forms (whitespace tokens skipped); longest match wins."""

    def __init__(self, nlp: Language, name: str, data_file: str = "countries.jsonl"):
        self.nlp = nlp
        self.name = name
        self.data_file = data_file
        self.forms = country_terms(read_jsonl(data_file)) if data_file else []
        self._build()

    def _build(self) -> None:
        self.keys = {}  # match key (hash) -> (label, code, ambiguous)
        grouped: dict[str, list[str]] = {}
        for form in self.forms:
            key = f"{form['label']}:{form['code']}" + (":ambiguous" if form["ambiguous"] else "")
            self.keys[self.nlp.vocab.strings.add(key)] = (form["label"], form["code"], form["ambiguous"])
            grouped.setdefault(key, []).append(form["text"])
        self.phrases = PhraseIndex(self.nlp.vocab, [(key, doc) for key, texts in grouped.items()
                                                    for doc in self.nlp.tokenizer.pipe(texts)])

    def __call__(self, doc: Doc) -> Doc:
        kept = numpy.flatnonzero(token_array(doc, "IS_SPACE") == 0)
        keep, orth = kept.tolist(), token_array(doc, "ORTH")[kept]
        # longest matches win, as Spans would (Spans are made for the kept matches only)
        found = filter_spans([_Match(key, keep[start], keep[end - 1] + 1)
                              for key, start, end in self.phrases(orth.tolist(), self.phrases.starts_in(orth))])
        if any(self.keys[m.key][2] for m in found):
            found = [m for m, backed in zip(found, backed_by_text(
                [(code, ambiguous, doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))
                 for m in found for _, code, ambiguous in [self.keys[m.key]]], doc_text(doc))) if backed]
        doc.spans[COUNTRY_SPANS] = [Span(doc, m.start, m.end, label=label, kb_id=code)
                                    for m in found for label, code, _ in [self.keys[m.key]]]
        countries = [m for m in found if self.keys[m.key][0] == "country"]
        if countries:
            ents = list(doc.ents)
            taken = {i for e in ents for i in range(e.start, e.end)}
            ents.extend(Span(doc, m.start, m.end, label="GPE", span_id=self.keys[m.key][1]) for m in countries
                        if not taken.intersection(range(m.start, m.end)))
            # as ``doc.ents = ents``, without making the Spans over again; the other tokens are left as they are
            # rather than each marked outside an entity, which ``doc.ents`` reads the same
            doc.set_ents(ents, default="unmodified")
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "forms.json").write_text(json.dumps(self.forms, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, exclude=tuple()) -> "CountryFinder":
        self.forms = json.loads((Path(path) / "forms.json").read_text(encoding="utf-8"))
        self._build()
        return self
