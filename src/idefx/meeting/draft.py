"""A meeting being built, before it becomes a record."""

from __future__ import annotations

from dataclasses import dataclass, field

from idefx.entities import MeetingEntity


@dataclass
class MeetingDraft(MeetingEntity):
    """A meeting being built: the record's fields plus what the linking needs."""

    subjects: list[int] = field(default_factory=list)
    pending: bool = False  # a visit to a stand or a place, a meeting only once people there are named
    date_open: bool = False  # on a trip over a span of days: no single day, and no fallback to publication
    earlier: bool = False  # mentioned in passing as held before ("they last met in Oslo"): its own setting only
    several: bool = False  # "held meetings with A, B and C": one per counterpart once one of them is told alone

    def absorb(self, other: "MeetingDraft") -> None:
        for name in ("participants", "hosts", "guests", "subjects", "parties", "evidence"):
            merged = getattr(self, name)
            merged.extend(x for x in getattr(other, name) if x not in merged)
        for name in ("date", "city", "country", "venue", "event", "topic"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        self.date_open = self.date_open and self.date is None
        if self.mode == "in_person" and len(other.participants) >= 2:
            self.mode = other.mode
        self.pending = self.pending and other.pending

    @property
    def valid(self) -> bool:
        if self.pending:
            return False
        return len(self.participants) >= 2 or (len(self.participants) == 1 and len(self.parties) >= 2)

    def record(self) -> MeetingEntity:
        return MeetingEntity(
            participants=self.participants, hosts=self.hosts, guests=self.guests, parties=self.parties,
            mode=self.mode, date=self.date, city=self.city, country=self.country, venue=self.venue,
            event=self.event, topic=self.topic, evidence=self.evidence)


def same_sentence(drafts: list[MeetingDraft]) -> list[MeetingDraft]:
    """The drafts made from the same sentence as the last one (the meetings "the sentence before" reports)."""
    last_evidence = drafts[-1].evidence[0]
    return [draft for draft in drafts if draft.evidence and draft.evidence[0] == last_evidence]
