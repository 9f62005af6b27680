"""People a meeting report mentions who were not at the meeting: the inviter ("at the invitation of X"),
the one a message or letter comes from ("a message sent by X", "on behalf of X", "X's letter"), the one
a participant serves or is kin to ("B, an aide to X", "a close ally of X"), a byline's writer ("By X"). Such a
mention takes no part in a meeting; the same person named elsewhere still can."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from idefx.matchindex import ByStart, MatchIndex

PHRASE_REACH = 12  # tokens after "at the invitation of" within which the inviter is named
_PHRASE_ENDS = (",", ";", ".", ":", "(", ")")


def absent(doc: Doc, mentions: list[Span], cues: MatchIndex) -> set[int]:
    """Token starts of the mentions that name someone who was not there."""
    by_start = ByStart(mentions)
    out = set()
    for cue in cues.all("absent_after"):  # "at the invitation of [the Speaker of the House] X[ and Y]"
        last = cue.end
        for m in by_start.within(cue.end, min(len(doc), cue.end + PHRASE_REACH)):
            if not _one_phrase(doc, last, m.start, first=last == cue.end):
                break
            out.add(m.start)
            last = m.end
    possessed = {cue.start for cue in cues.all("absent_before")}  # "X's letter", "X' message"
    out.update(m.start for m in mentions if m.end in possessed)
    out.update(m.start for m in mentions if _byline(doc, m))
    return out


def _byline(doc: Doc, mention: Span) -> bool:
    """Whether a mention is a byline's writer: "By X" closing its line."""
    return mention.start > 0 and doc[mention.start - 1].text == "By" and \
        (mention.end == len(doc) or "\n" in doc[mention.end].text or "\n" in doc[mention.end - 1].whitespace_)


def _one_phrase(doc: Doc, start: int, end: int, first: bool) -> bool:
    """Whether ``start``..``end`` stays inside the phrase: no punctuation, but for the one comma of an
    apposition to a title before the first name ("sent by his President, H. E. X")."""
    ends = [t for t in doc[start:end] if t.text in _PHRASE_ENDS]
    if not ends:
        return True
    return first and len(ends) == 1 and ends[0].text == "," and ends[0].i > start and doc[ends[0].i - 1].is_title
