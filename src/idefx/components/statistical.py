"""The ``idefx_statistical_entities`` component: combine a trained spaCy pipeline's entities with idefx's rulers.

The user names an installed trained pipeline (a package such as
``en_core_web_sm``, or the path of a saved pipeline). The component loads it
with only its entity recogniser(s) and what they listen to (a shared
``tok2vec``), runs it over each document's text, and keeps the entities whose
label it is configured for (PERSON, ORG, GPE, NORP, FAC, EVENT) that overlap
nothing the rulers found (``doc.ents`` or a span group such as ``idefx_orgs``):
placed after idefx's rulers, rulers win where they speak and the statistical
entities fill the gaps. The kept entities join ``doc.ents`` and are also the
span group ``doc.spans["idefx_model_ents"]``, where later components (the
people finder) can take statistical PERSON spans as candidates.

The trained pipeline runs on its own Doc, so idefx's tokenisation and rulers
behave exactly as without a model; its entities are carried over by character
offsets.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from idefx.entities import MODEL_SPANS
from idefx.errors import EXIT_USAGE, IdefxError

STATISTICAL_LABELS = ["PERSON", "ORG", "GPE", "NORP", "FAC", "EVENT"]


class ModelNotFound(IdefxError):
    """The named trained pipeline is not installed, or has no entity recogniser."""

    exit_code = EXIT_USAGE


def load_recogniser(model: str) -> Language:
    """Load a trained pipeline with only the components that set ``doc.ents`` and those they listen to enabled."""
    try:
        trained = spacy.load(model)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelNotFound(f"spaCy pipeline {model!r} is not installed (pip install it, "
                            f"or give the path of a saved pipeline)") from exc
    recognisers = {name for name in trained.pipe_names if "doc.ents" in trained.get_pipe_meta(name).assigns}
    if not recognisers:
        raise ModelNotFound(f"spaCy pipeline {model!r} has no entity recogniser")
    needed = recognisers | {name for name, proc in trained.pipeline
                            if recognisers & set(getattr(proc, "listening_components", []) or [])}
    trained.select_pipes(enable=[name for name in trained.pipe_names if name in needed])
    return trained


@Language.factory("idefx_statistical_entities",
                  default_config={"model": "", "labels": STATISTICAL_LABELS, "spans_key": MODEL_SPANS})
def make_statistical_entities(nlp: Language, name: str, model: str, labels: list[str],
                              spans_key: str) -> "StatisticalEntities":
    return StatisticalEntities(name, load_recogniser(model), labels, spans_key)


class StatisticalEntities:
    """Add a trained recogniser's entities to the Doc where no rule entity stands."""

    def __init__(self, name: str, trained: Language, labels: Iterable[str], spans_key: str = MODEL_SPANS):
        self.name = name
        self.trained = trained
        self.labels = set(labels)
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        return self.combine(doc, self.trained(doc.text))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            for doc, stat in zip(batch, self.trained.pipe((d.text for d in batch), batch_size=batch_size)):
                yield self.combine(doc, stat)

    def combine(self, doc: Doc, stat: Doc) -> Doc:
        """Copy ``stat``'s entities of the configured labels onto ``doc`` where no rule found anything.

        Rules speak through ``doc.ents`` and through span groups (``idefx_orgs``, ``idefx_places``, ...):
        a token covered by either is taken.
        """
        rule_spans = [*doc.ents, *(s for key, group in doc.spans.items() if key != self.spans_key for s in group)]
        taken = {i for span in rule_spans for i in range(span.start, span.end)}
        kept: list[Span] = []
        for ent in stat.ents:
            if ent.label_ not in self.labels:
                continue
            span = doc.char_span(ent.start_char, ent.end_char, label=ent.label_, alignment_mode="contract")
            if span is None or len(span) == 0 or any(i in taken for i in range(span.start, span.end)):
                continue
            kept.append(span)
            taken.update(range(span.start, span.end))
        doc.set_ents(kept, default="unmodified")
        doc.spans[self.spans_key] = kept
        return doc
