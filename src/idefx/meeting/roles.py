"""Whom a role reference stands for: "the WHO Director General" or "the Nepalese foreign minister" names the
one person of the text whose titles (or the title words right before their name) hold all its words."""

from __future__ import annotations

import functools
from typing import Callable, Optional

from spacy.tokens import Doc, Span

from idefx.matchindex import Match

APPOSITION_GAP = 5  # tokens between a role reference and the name it stands beside ("the head of the IMF, X")
TITLE_REACH = 8  # title-case tokens read before a name ("World Health Organisation Director General")
_ARTICLES = ("the", "a", "an", "of", "'s", "’s")  # glue words a role reference need not share
_POSSESSIVE = ("'s", "’s")


def _initials(words: list[str]) -> set[str]:
    """The acronyms of runs of capitalised words ("World Health Organisation" gives "who")."""
    caps = [w[0].lower() for w in words if w[:1].isupper()]
    return {"".join(caps[i:j]) for i in range(len(caps)) for j in range(i + 2, min(len(caps), i + 6) + 1)}


class RoleHolders:
    """The people a role reference can name, from their titles, organisation and the words before their names."""

    def __init__(self, doc: Doc, people, mentions: list[Span], place_spans: list[Span],
                 country_of: Callable[[int], Optional[str]]):
        self.doc, self.people, self.mentions = doc, people, mentions
        self.place_spans, self.country_of = place_spans, country_of

    @functools.cached_property
    def _words(self) -> dict[int, set[str]]:
        """Per named person: the lower-case words of their titles and organisation, the title-case words right
        before each mention, and the acronyms these spell."""
        out: dict[int, set[str]] = {}
        for m in self.mentions:
            person = int(m.kb_id_)
            entity = self.people[person]
            before = []
            i = m.start - 1
            while i >= 0 and m.start - i <= TITLE_REACH and (self.doc[i].is_title or self.doc[i].is_upper):
                before.insert(0, self.doc[i].text)
                i -= 1
            phrases = [t.split() for t in entity.titles] + [(entity.organization or "").split(), before]
            known = out.setdefault(person, set())
            for words in phrases:
                known.update(w.lower() for w in words)
                known.update(_initials(words))
        return out

    def holder(self, start: int, end: int) -> Optional[int]:
        """The one person whose role words hold every word of the reference ``start``..``end`` and its "of"
        phrase (a country or demonym in it must be theirs); None when no one or several people fit."""
        end = self.extent(end)
        places = [p for p in self.place_spans if start <= p.start < end]
        in_place = {i for p in places for i in range(p.start, p.end)}
        codes = {p.kb_id_ for p in places}
        words = [t.lower_ for t in self.doc[start:end]
                 if t.is_alpha and t.lower_ not in _ARTICLES and t.i not in in_place]
        if not words:
            return None
        found = [person for person, known in self._words.items()
                 if all(w in known for w in words) and (not codes or self.country_of(person) in codes)]
        return found[0] if len(found) == 1 else None

    def extent(self, end: int, stop: Optional[int] = None) -> int:
        """The end of a role reference ending at ``end`` with its "of" phrase ("the Speaker of the Lok Sabha"),
        up to ``stop``."""
        doc, stop = self.doc, len(self.doc) if stop is None else stop
        i = end
        while i < stop and doc[i].lower_ == "of":
            j = i + 1
            while j < stop and doc[j].lower_ == "the":
                j += 1
            if j == stop or not doc[j].is_title:
                break
            while j < stop and doc[j].is_title:
                j += 1
            i = j
        return i

    def beside_names(self, refs: list[Match], known: list[int]) -> list[int]:
        """The holders of role references standing beside named people ("between the President and X"): not
        an apposition to a name ("the IMF chief X", "X, the IMF chief"), not a possessor ("the President's
        adviser"), not one of ``known``."""
        out: list[int] = []
        for ref in refs:
            if self._apposition(ref) or ref.end < len(self.doc) and self.doc[ref.end].lower_ in _POSSESSIVE:
                continue
            holder = self.holder(ref.start, ref.end)
            if holder is not None and holder not in known and holder not in out:
                out.append(holder)
        return out

    def _apposition(self, ref: Match) -> bool:
        """Whether a role reference sits right beside a name: before it with at most a few words of its own
        and no "and" between ("the head of the IMF, X"), or after it past one comma ("X, the IMF chief")."""
        for m in self.mentions:
            after = [t for t in self.doc[ref.end:m.start] if not t.is_space]
            before = [t for t in self.doc[m.end:ref.start] if not t.is_space]
            if m.start >= ref.end and len(after) <= APPOSITION_GAP and all(t.lower_ != "and" for t in after) or \
                    m.end <= ref.start and len(before) <= 1 and all(t.text == "," for t in before):
                return True
        return False
