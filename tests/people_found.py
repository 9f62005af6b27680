"""Test helper: the people the pipeline finds in a text, by name."""


def people(nlp, text):
    """``{name: person}`` for the people of ``nlp(text)``."""
    return {p.name: p for p in nlp(text)._.idefx_people}
