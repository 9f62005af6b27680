"""Test helper: every offset-carrying item (mentions, evidence, dates) anywhere in a record."""


def spans(value):
    """Yield each ``{"start", "end", "text"}`` item nested in ``value`` (a record as JSON data)."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= set(value):
            yield value
        for item in value.values():
            yield from spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from spans(item)
