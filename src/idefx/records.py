"""The record model: what idefx extracts from one document, serialisable to JSON.

The keys read by the reference scorer (``id``, ``path``, ``published``,
``people[].name/aliases/titles/organization/country``, ``meetings[]
.participants/parties/mode/date/city/country/event``, ``organizations``,
``countries``, ``events``, ``venues``) are part of the public contract and
stay stable. Every extracted item carries provenance: character offsets into
the text of the document it came from.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1


class Span(BaseModel):
    """Evidence: ``text == document_text[start:end]``."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0, description="Character offset where the evidence starts.")
    end: int = Field(ge=0, description="Character offset just after the evidence.")
    text: str = Field(description="The evidence as it stands in the document.")


class Person(BaseModel):
    name: str = Field(description="Fullest form of the personal name, without titles.")
    aliases: list[str] = Field(default_factory=list, description="Other forms used for the same person.")
    titles: list[str] = Field(default_factory=list, description="Positions or roles, as written.")
    organization: Optional[str] = Field(None, description="Organisation the person serves or represents.")
    country: Optional[str] = Field(None, description="ISO 3166-1 alpha-2 code of the country the person represents.")
    mentions: list[Span] = Field(default_factory=list)


class Organization(BaseModel):
    name: str
    country: Optional[str] = None
    mentions: list[Span] = Field(default_factory=list)


class Country(BaseModel):
    code: str = Field(description="ISO 3166-1 alpha-2 code.")
    name: str = Field(description="Common English name.")
    mentions: list[Span] = Field(default_factory=list)


class Event(BaseModel):
    name: str
    mentions: list[Span] = Field(default_factory=list)


class Venue(BaseModel):
    name: str
    city: Optional[str] = None
    country: Optional[str] = None
    mentions: list[Span] = Field(default_factory=list)


class DateMention(BaseModel):
    text: str
    date: Optional[str] = Field(None, description="ISO date, when it can be fixed.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Meeting(BaseModel):
    participants: list[str] = Field(default_factory=list, description="Names of the people who took part.")
    hosts: list[str] = Field(default_factory=list, description="Participants the text says received the others.")
    guests: list[str] = Field(default_factory=list, description="Participants the text says were received.")
    parties: list[str] = Field(default_factory=list, description="ISO alpha-2 codes of the countries taking part.")
    mode: Literal["in_person", "call", "video"] = "in_person"
    date: Optional[str] = Field(None, description="ISO date when the text fixes it; never guessed from "
                                                  "publication alone.")
    city: Optional[str] = Field(None, description="Where the meeting took place, when the text says so.")
    country: Optional[str] = Field(None, description="ISO alpha-2 code of where the meeting took place.")
    venue: Optional[str] = Field(None, description="The named building or site of the meeting.")
    event: Optional[str] = Field(None, description="The named event during which the meeting took place.")
    topic: Optional[str] = Field(None, description="What the text says was discussed.")
    evidence: list[Span] = Field(default_factory=list, description="The sentences that report the meeting.")

    def evidence_extent(self) -> tuple[Optional[int], Optional[int]]:
        """Where the meeting's evidence lies: from the first piece's start to the last piece's end (the one
        ``evidence_start``/``evidence_end`` of every listing), or (None, None) without evidence."""
        return (min((e.start for e in self.evidence), default=None),
                max((e.end for e in self.evidence), default=None))


class DocumentRecord(BaseModel):
    """Everything extracted from one document."""

    schema_version: int = SCHEMA_VERSION
    id: str = Field(description="The document's file stem (or 'stdin').")
    path: Optional[str] = None
    sha256: str = Field(description="SHA-256 of the document's text as UTF-8.")
    published: Optional[str] = Field(None, description="ISO publication date.")
    title: Optional[str] = None
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    countries: list[Country] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    venues: list[Venue] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json()


def json_schema() -> dict:
    """The JSON Schema of a document record (``docs/record.schema.json``)."""
    return DocumentRecord.model_json_schema()
