"""The home country of a government's own readout, and the rule that makes it a party of the meetings the
readout reports."""

from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Doc

from idefx.gazetteers import country_code
from idefx.meeting.draft import MeetingDraft

_HOST = re.compile(r"https?://([^/\s'\"]+)")


def home_country(doc: Doc, government_hosts: set[str]) -> Optional[str]:
    """The country of a government source (``source_url`` on a .gov, .mil, .gov.xx ... host), else None."""
    source = doc._.idefx_source or {}
    url = (source.get("front_matter") or {}).get("source_url") or source.get("url") or ""
    host = _HOST.match(str(url).strip())
    if not host:
        return None
    labels = host.group(1).lower().split(".")
    if not set(labels) & government_hosts:
        return None
    tld = labels[-1]
    return country_code(tld.upper()) if len(tld) == 2 else ("US" if tld in ("gov", "mil") else None)


def add_home_party(draft: MeetingDraft, home: Optional[str], country_of: Callable[[int], Optional[str]]) -> None:
    """In a government's own readout its country is a party of the meetings it reports, when the text
    leaves a participant's country open or names one side only."""
    if home is None or home in draft.parties:
        return
    if len(draft.parties) < 2 or any(country_of(p) is None for p in draft.participants):
        draft.parties.append(home)
