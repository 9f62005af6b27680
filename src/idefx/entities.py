"""What the idefx components hand to one another on a Doc: the extension attributes and their value types.

- ``doc._.idefx_people``: list of :class:`PersonEntity`, one per person (all mentions merged),
  set by the people component. Each mention is also a Span in ``doc.spans["idefx_people"]``
  whose ``kb_id_`` is the person's index in ``doc._.idefx_people``.
- ``doc.spans["idefx_model_ents"]`` (``MODEL_SPANS``): a trained pipeline's entities that no ruler claimed, with ``--model``.
- ``doc._.idefx_parse``: a :class:`Parse` of the sentences the trained pipeline read, with ``--model``; None
  without it, and the rule components then decide as they always do.
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


@dataclass
class Parse:
    """A trained parser's reading of some sentences of a Doc, in the Doc's token indices. Tokens outside the
    parsed sentences have no entry: a reader asks ``covers`` first."""

    heads: dict[int, int] = field(default_factory=dict)  # token -> its head (a root is its own head)
    deps: dict[int, str] = field(default_factory=dict)  # token -> dependency label ("nsubj", "pobj", ...)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # the parser's sentences (token ranges)
    kids: dict[int, list[int]] = field(init=False, repr=False)

    def __post_init__(self):
        self.kids = {}
        for child, head in sorted(self.heads.items()):
            if child != head:
                self.kids.setdefault(head, []).append(child)

    def covers(self, start: int, end: int) -> bool:
        """Whether every token of ``start``..``end`` was parsed."""
        return all(i in self.heads for i in range(start, end))

    def children(self, token: int) -> list[int]:
        return self.kids.get(token, [])

    def head_of(self, start: int, end: int) -> int:
        """The token of ``start``..``end`` whose head lies outside it (the phrase's head)."""
        for i in range(start, end):
            head = self.heads.get(i, i)
            if head == i or not start <= head < end:
                return i
        return end - 1


for _name, _default in (("idefx_people", None), ("idefx_published", None), ("idefx_parse", None),
                        ("idefx_meetings", None), ("idefx", None), ("idefx_source", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token again on each access)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
