"""Build the idefx spaCy pipeline: a blank English pipeline (or a trained one) plus idefx's rulers and components."""

from __future__ import annotations

from typing import Optional

import spacy
from spacy.language import Language

from idefx.components import records as _records  # noqa: F401  (registers the factory)
from idefx.components import statistical as _statistical  # noqa: F401  (registers the factory)
from idefx.resources import read_jsonl


def country_patterns() -> list[dict]:
    patterns = []
    for entry in read_jsonl("countries.jsonl"):
        for name in {entry["name"], *entry.get("aliases", [])}:
            patterns.append({"label": "GPE", "pattern": name, "id": entry["code"]})
    return patterns


def load_pipeline(model: Optional[str] = None) -> Language:
    """The default, offline pipeline; ``model`` names an installed trained pipeline to combine in.

    Raises :class:`idefx.components.statistical.ModelNotFound` when ``model`` cannot be loaded.
    """
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="idefx_countries", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(country_patterns())
    nlp.add_pipe("idefx_records")
    if model:
        rulers = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory in ("entity_ruler", "span_ruler")]
        place = {"after": rulers[-1]} if rulers else {"first": True}
        nlp.add_pipe("idefx_statistical_entities", config={"model": model}, **place)
    return nlp
