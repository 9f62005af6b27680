"""A readout whose body reports no meeting but whose title names one ("Readout of X's Meeting with Y on
Z")."""

from __future__ import annotations

from spacy.tokens import Doc

from idefx.meeting.draft import MeetingDraft
from idefx.meeting.participants import Participants
from idefx.meeting.patterns import MeetingPatterns
from idefx.meeting.setting import Setting
from idefx.meeting.text import MeetingText
from idefx.names import is_suffix

_TITLE_JOINERS = {"and", "of", "the", "with", "'s", "’s", "de", "da", "van", "von", "al", "bin"}


def surname_forms(person) -> set[str]:
    """The last words of a person's name and aliases, without a suffix ("Joseph R. Biden, Jr." -> "Biden")."""
    forms = set()
    for name in (person.name, *person.aliases):
        words = [w for w in name.replace(",", " ").split() if not is_suffix(w)]
        if words and words[-1][:1].isupper():
            forms.add(words[-1])
    return forms


class ReadoutTitle:
    """The meeting a readout's title names, among people the body names."""

    def __init__(self, patterns: MeetingPatterns, text: MeetingText, people, participants: Participants,
                 setting: Setting):
        self.patterns, self.text, self.people = patterns, text, people
        self.participants, self.setting = participants, setting

    def meetings(self, doc: Doc) -> list[MeetingDraft]:
        """The title's people who are named in the body meet, with the body sentence naming the most of them
        as evidence; none when the title names no meeting or fewer than two such people."""
        title = self.patterns.cued_title(doc)
        if title is None:
            return []
        needed = self.patterns.trigger_words
        title_doc = self.patterns.make_doc(title)
        if needed is not None and not any(token.lower_ in needed for token in title_doc):
            return []
        matches = self.patterns.entries_in(title_doc)
        triggers = [m for m in matches if m[2]["type"] == "trigger"]
        if not triggers:
            return []
        start, end, entry = triggers[0]
        stop = end
        while stop < len(title_doc) and not (title_doc[stop].is_lower and title_doc[stop].lower_ not in _TITLE_JOINERS):
            stop += 1
        words = {t.text for t in title_doc[:stop] if not t.is_lower}
        named = [i for i, person in enumerate(self.people)
                 if any(form in words for form in surname_forms(person)) and self.participants.is_named(i)]
        if len(named) < 2:
            return []
        best, most = None, 0
        for sent in self.text.sentences:
            count = len(set(self.participants.people_in(sent.start, sent.end)) & set(named))
            if count > most:
                best, most = sent, count
        if best is None:
            return []
        draft = MeetingDraft(participants=named, subjects=named[:1], evidence=[(best.start_char, best.end_char)])
        draft.parties = self.participants.countries(named)
        draft.mode = entry.get("mode") or next((m["mode"] for _, _, m in matches if m["type"] == "mode"), "in_person")
        self.setting.from_clause(draft, best.start, best.end, best)
        return [draft]
