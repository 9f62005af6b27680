"""Every idefx component registers the same way: a ``make_x(nlp, name, ...)`` factory function, declared as a
spaCy entry point, that returns the component."""

import inspect
import tomllib
from importlib import import_module
from pathlib import Path

import spacy

import idefx.pipeline  # noqa: F401  (registers the factories)

ENTRY_POINTS = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))[
    "project"]["entry-points"]["spacy_factories"]


def test_every_entry_point_is_a_make_function_spacy_registered():
    assert set(ENTRY_POINTS) >= {"idefx_countries", "idefx_dates", "idefx_places", "idefx_records"}
    for factory, target in ENTRY_POINTS.items():
        module, attr = target.split(":")
        function = getattr(import_module(module), attr)
        assert inspect.isfunction(function) and attr.startswith("make_"), target
        assert list(inspect.signature(function).parameters)[:2] == ["nlp", "name"], target
        assert spacy.registry.factories.get(factory) is function, target


def test_pipeline_factories_are_the_entry_points(pipeline):
    for name in pipeline.pipe_names:
        assert pipeline.get_pipe_meta(name).factory in ENTRY_POINTS
