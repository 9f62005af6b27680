"""The meeting patterns (``meeting_patterns.jsonl``), compiled: the matcher, each pattern's entry, the word
lists, and the places of known events and venues."""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from idefx.matching import FastMatcher, required_words
from idefx.matchindex import Match, MatchIndex


class MeetingPatterns:
    """Patterns by label (``type|id``), word lists by type, and the trigger words a text must hold."""

    def __init__(self, nlp: Language, patterns: list[dict], events: list[dict], venues: list[dict]):
        self.vocab, self.make_doc = nlp.vocab, nlp.make_doc
        self.matcher = FastMatcher(nlp.vocab, nlp.make_doc)
        self.entries: dict[str, dict] = {}
        self.words: dict[str, set[str]] = {}
        for entry in patterns:
            if "words" in entry:
                self.words.setdefault(entry["type"], set()).update(entry["words"])
                continue
            label = f"{entry['type']}|{entry['id']}"
            self.matcher.add(label, entry["pattern"])
            self.entries[label] = entry
        self.matcher.compile()
        self.trigger_words = _words_one_of_which_each_match_holds(
            [e["pattern"] for e in patterns if e["type"] == "trigger"])
        self.event_places = {e["name"]: (e.get("city"), e.get("country")) for e in events}
        self.venue_places = {v["name"]: (v.get("city"), v.get("country")) for v in venues}

    def entry(self, match: Match) -> dict:
        return self.entries[match.label_]

    def word_list(self, kind: str) -> set[str]:
        return self.words.get(kind, set())

    def find(self, doc: Doc) -> MatchIndex:
        """The Doc's matches by pattern type (a pattern's ``keep`` cuts its matches to their first tokens)."""
        by_kind: dict[str, list[Match]] = {}
        for match_id, start, end in self.matcher(doc):
            label = self.vocab.strings[match_id]
            entry = self.entries[label]
            end = start + entry.get("keep", end - start)
            by_kind.setdefault(entry["type"], []).append(Match(start, end, label))
        return MatchIndex(by_kind)

    def entries_in(self, doc: Doc) -> list[tuple[int, int, dict]]:
        """The Doc's matches, uncut, with their pattern entries."""
        return [(start, end, self.entries[self.vocab.strings[match_id]])
                for match_id, start, end in self.matcher(doc)]

    def cued_title(self, doc: Doc) -> Optional[str]:
        """The Doc's title (its whitespace made single spaces) when it holds a word that a trigger needs (a
        readout title may name a meeting, see readout.ReadoutTitle), else None."""
        source = doc._.idefx_source or {}
        title = source.get("title") or (source.get("front_matter") or {}).get("title")
        if not isinstance(title, str) or not title.strip():
            return None
        title = " ".join(title.split())
        lowered = title.lower()
        if self.trigger_words is not None and not any(word in lowered for word in self.trigger_words):
            return None  # no trigger can match: none of the words one needs is even part of the title
        return title


def _words_one_of_which_each_match_holds(patterns: list[list[dict]]) -> Optional[frozenset[str]]:
    """Lower-case words one of which every match of any of ``patterns`` holds, or None when a pattern has no
    required literal token."""
    words: set[str] = set()
    for pattern in patterns:
        found = required_words(pattern)
        if found is None:
            return None
        words |= found
    return frozenset(words)
