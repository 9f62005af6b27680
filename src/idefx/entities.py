"""What the idefx components hand to one another on a Doc: the extension attributes and their value types.

- ``doc._.idefx_people``: list of :class:`PersonEntity`, one per person (all mentions merged),
  set by the people component. Each mention is also a Span in ``doc.spans["idefx_people"]``
  whose ``kb_id_`` is the person's index in ``doc._.idefx_people``.
- ``doc.spans["idefx_model_ents"]`` (``MODEL_SPANS``): a trained pipeline's entities that no ruler claimed, with ``--model``.
- ``doc._.idefx_published``: ISO publication date or None, set by the dates component.
- ``doc._.idefx_meetings``: list of :class:`MeetingEntity`, set by the meetings component.
- ``doc._.idefx``: the record fields (dict), set last by the records component.
- ``doc._.idefx_source``: the source document's metadata (front matter, format), set before the pipeline runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

# span groups (doc.spans keys), one per kind of thing found
COUNTRY_SPANS = "idefx_countries"  # countries; kb_id_ is the alpha-2 code, label_ "country" or "demonym"
ORG_SPANS = "idefx_orgs"  # organisations
KNOWN_ORG = "KNOWN_ORG"  # label of gazetteer organisation matches; kb_id_ is their country code (or "")
PLACES, EVENTS, VENUES = "idefx_places", "idefx_events", "idefx_venues"  # cities and countries; events; venues
DATES = "idefx_dates"  # date mentions; kb_id_ is the ISO date ("" when it cannot be fixed)
PEOPLE_SPANS = "idefx_people"  # person mentions; kb_id_ is the person's index in doc._.idefx_people
MODEL_SPANS = "idefx_model_ents"  # a trained pipeline's entities that no ruler claimed

TEXT_KEY = "idefx_text"  # doc.user_data key of the Doc's text (set by idefx.extract, else built on first use)


@dataclass
class PersonEntity:
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    organization: Optional[str] = None
    country: Optional[str] = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # character offsets


@dataclass
class MeetingEntity:
    participants: list[int] = field(default_factory=list)  # indices into doc._.idefx_people
    hosts: list[int] = field(default_factory=list)
    guests: list[int] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    mode: str = "in_person"
    date: Optional[str] = None
    city: Optional[str] = None
    country: Optional[str] = None
    venue: Optional[str] = None
    event: Optional[str] = None
    topic: Optional[str] = None
    evidence: list[tuple[int, int]] = field(default_factory=list)  # character offsets


for _name, _default in (("idefx_people", None), ("idefx_published", None),
                        ("idefx_meetings", None), ("idefx", None), ("idefx_source", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token again on each access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
