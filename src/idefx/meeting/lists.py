"""Participant lists: bulleted lines that name people, under a heading that says who they are
("Participants in the meeting:", "The delegation included:")."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple, Optional

from idefx.meeting.draft import MeetingDraft
from idefx.meeting.participants import Participants
from idefx.meeting.setting import Setting
from idefx.meeting.text import MeetingText
from idefx.segments import Sentence

LIST_HEADING_CHARS = 120  # the longest heading (or sub-heading) of a participant list
_BULLET = re.compile(r"^[ \t]*(?:[-*•·–]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
_BULLET_AFTER_BREAK = re.compile("\n" + _BULLET.pattern[1:])  # found by its line break, a literal the regex engine searches for
_MARKUP = re.compile(r"<[^>]*>|[*_\\]")


def bullet_lines(text: str, start: int) -> Iterator[int]:
    """The offsets of the bulleted lines that start at or after ``start``."""
    if start == 0 and _BULLET.match(text):
        yield 0
    for bullet in _BULLET_AFTER_BREAK.finditer(text, max(start - 1, 0)):
        yield bullet.start() + 1


class ParticipantList(NamedTuple):
    """A list's heading start and end (character offsets) and the people it names."""

    start: int
    end: int
    people: list[int]


class ParticipantLists:
    """Finds participant lists and adds their people to meetings."""

    def __init__(self, text: MeetingText, heading_words: set[str], participants: Participants, setting: Setting,
                 inclusion: tuple[set[str], set[str]] = (set(), set())):
        self.text, self.heading_words = text, heading_words
        # "include" heads a list of people only beside a word for people or a gathering ("Leaders from the
        # meeting included:"), not "These policies and programs include:"
        self.inclusion_words, self.people_nouns = inclusion
        self.participants, self.setting = participants, setting

    def find(self) -> list[ParticipantList]:
        """The lists in the body, right below a heading that holds one of the heading words."""
        text, body = self.text.text, self.text.body
        out: list[ParticipantList] = []
        taken = body
        for first in bullet_lines(text, body):
            if first < taken:
                continue
            end = taken = _list_end(text, first - 1) or first
            heading = _heading(text, first)
            if heading is None or heading[0] < body:
                continue
            line = _MARKUP.sub(" ", text[heading[0]:heading[1]]).lower()
            words = set(re.findall(r"[a-z]+", line))
            found = self.heading_words & words
            if not found or found <= self.inclusion_words and not words & self.people_nouns:
                continue
            people = self.participants.people_in(*self._token_range(first, end))
            if people:
                out.append(ParticipantList(heading[0], end, people))
        return out

    def _token_range(self, start_char: int, end_char: int) -> tuple[int, int]:
        doc = self.text.doc
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        return (span.start, span.end) if span is not None else (len(doc), len(doc))

    def attach(self, block: ParticipantList, drafts: list[MeetingDraft]) -> None:
        """The people of a participant list take part in the meeting described before the list, else in
        a meeting of their own."""
        start, end, people = block
        target = next((d for d in reversed(drafts) if d.evidence and d.evidence[0][0] < start), None)
        if target is None:
            target = MeetingDraft(evidence=[(start, end)])
            heading = self.text.doc.char_span(start, end, alignment_mode="expand")
            if heading is not None:
                self.setting.from_clause(target, heading.start, heading.end,
                                         Sentence(heading.start, heading.end, heading.start_char, heading.end_char))
            drafts.append(target)
        else:
            target.evidence.append((start, end))
        target.participants.extend(p for p in people if p not in target.participants)
        target.parties.extend(c for c in self.participants.countries(people) if c not in target.parties)
        target.pending = False


def in_list(blocks: list[ParticipantList], offset: int) -> bool:
    """Whether the character ``offset`` lies within one of ``blocks`` (from heading to list end)."""
    return any(block.start <= offset < block.end for block in blocks)


def _heading(text: str, first: int) -> Optional[tuple[int, int]]:
    """The line above the line starting at ``first`` (blank lines between allowed), cut to its last
    sentence, when it is short; else None."""
    end = text.rfind("\n", 0, max(first - 1, 0))
    while end > 0 and not text[text.rfind("\n", 0, end) + 1:end].strip():
        end = text.rfind("\n", 0, end)
    if end <= 0:
        return None
    start = text.rfind("\n", 0, end) + 1
    stop = max(text.rfind(". ", start, end), text.rfind(".\t", start, end))
    start = stop + 2 if stop >= 0 else start
    return (start, end) if end - start <= LIST_HEADING_CHARS else None


def _list_end(text: str, pos: int) -> Optional[int]:
    """The end of the bulleted lines that start after offset ``pos`` (blank lines, indented continuation
    lines and short sub-headings ending in ":" may come between them), or None when none follow."""
    end = None
    while pos < len(text):
        nxt = text.find("\n", pos + 1)
        nxt = len(text) if nxt < 0 else nxt
        line = text[pos + 1:nxt]
        if _BULLET.match(line):
            end = nxt
        else:
            plain = _MARKUP.sub("", line).strip()
            if plain and not (end is not None and line[:1] in " \t") and \
                    not (plain.endswith(":") and len(plain) <= LIST_HEADING_CHARS):
                break
        pos = nxt
    return end
