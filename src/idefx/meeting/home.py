"""The rule that makes a government's own readout's country (``idefx.home.government_country``) a party of
the meetings the readout reports."""

from __future__ import annotations

from typing import Callable, Optional

from idefx.meeting.draft import MeetingDraft


def add_home_party(draft: MeetingDraft, home: Optional[str], country_of: Callable[[int], Optional[str]]) -> None:
    """In a government's own readout its country is a party of the meetings it reports, when the text
    leaves a participant's country open or names one side only."""
    if home is None or home in draft.parties:
        return
    if len(draft.parties) < 2 or any(country_of(p) is None for p in draft.participants):
        draft.parties.append(home)
