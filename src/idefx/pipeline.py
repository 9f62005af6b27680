"""Build the idefx spaCy pipeline: blank English plus idefx's rulers and components, optionally a trained pipeline's parse and entities."""

from __future__ import annotations

import gc
from typing import Optional

import spacy
from spacy.language import Language

from idefx.components import countries as _countries  # noqa: F401  (registers the factories)
from idefx.components import dates as _dates  # noqa: F401
from idefx.components import meetings as _meetings  # noqa: F401
from idefx.components import organizations as _organizations  # noqa: F401
from idefx.components import people as _people  # noqa: F401
from idefx.components import places as _places  # noqa: F401
from idefx.components import records as _records  # noqa: F401
from idefx.components import syntax as _syntax  # noqa: F401


def load_pipeline(model: Optional[str] = None) -> Language:
    """The idefx pipeline every command runs: from the on-disk cache when it is usable, else built (and cached).

    ``model`` names an installed trained pipeline to combine in. Raises
    :class:`idefx.components.syntax.ModelNotFound` when it cannot be loaded.
    """
    from idefx.cache import cached_pipeline

    nlp = cached_pipeline(build_pipeline, model)
    gc.freeze()  # the pipeline lives as long as the process: full garbage collections need not walk it again
    return nlp


def build_pipeline(model: Optional[str] = None) -> Language:
    """The default, offline pipeline, built from the component factories (what the cache stores).

    Raises :class:`idefx.components.syntax.ModelNotFound` when ``model`` cannot be loaded.
    """
    nlp = spacy.blank("en")
    nlp.add_pipe("idefx_countries")
    nlp.add_pipe("idefx_organizations")
    nlp.add_pipe("idefx_places")
    if model:  # after the rulers, so they win where they speak; before the people finder, which reads it
        nlp.add_pipe("idefx_syntax", config={"model": model})
    nlp.add_pipe("idefx_people")
    nlp.add_pipe("idefx_dates")
    nlp.add_pipe("idefx_meetings")
    nlp.add_pipe("idefx_records")
    return nlp
