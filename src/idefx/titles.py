"""Title vocabulary: mark the tokens of a Doc that are titles, ranks, honorifics or person cues.

``data/titles.jsonl`` holds one surface form a line with its kind: ``head`` (Minister,
Chief of General Staff), ``modifier`` (Deputy, Defense), ``rank`` (Colonel General),
``honorific`` (Mr., His Excellency) or ``cue`` (counterpart); ``stateless`` marks heads
of bodies that represent no country (Secretary-General); ``full`` spells out an abbreviation (Gov.). Matching is case-insensitive,
so lower-case titles ("defense minister") are found too.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from idefx.phrases import PhraseIndex
from idefx.tokentables import once_per_doc, token_array, token_list

KINDS = ("head", "modifier", "rank", "honorific", "cue")


@dataclass(slots=True)
class TitleTag:
    start: int
    end: int
    kinds: frozenset
    stateless: bool = False


class TitleVocabulary:
    """Longest-match tagging of title vocabulary over a Doc."""

    def __init__(self, nlp: Language, entries: list[dict]):
        info: dict[str, tuple[frozenset, bool]] = {}  # lower-case title -> its kinds and whether stateless
        for entry in entries:
            key = entry["text"].lower()
            kinds, stateless = info.get(key, (frozenset(), False))
            info[key] = (kinds | {entry["kind"]}, stateless or bool(entry.get("stateless")))
        self.matcher = PhraseIndex(nlp.vocab, [(entry["text"].lower(), nlp.make_doc(entry["text"]))
                                               for entry in entries], attr="LOWER")
        self.info_by_key = {get_string_id(key): kinds for key, kinds in info.items()}  # by match key
        self.full_forms = {entry["text"].lower(): entry["full"] for entry in entries if entry.get("full")}

    def spelled_out(self, title: str) -> str:
        """A title with its abbreviated words written in full ("Gov." -> "Governor")."""
        return " ".join(self.full_forms.get(word.lower(), word) for word in title.split())

    def tag(self, doc: Doc) -> list:
        """A list as long as the Doc: the TitleTag covering each token, or None (found once per Doc).

        Longest matches win; a single capitalised-or-not word is kept only when it is
        the whole match, so "General" inside "Colonel General" is part of the rank.
        """
        return once_per_doc(doc, self, self._find)

    def _find(self, doc: Doc) -> list:
        covering: list = [None] * len(doc)
        starts = self.matcher.starts_in(token_array(doc, "LOWER"))
        if not starts:
            return covering
        # longest first, then leftmost (then in the matcher's order): the matches come by start, so a stable
        # sort by length alone gives that order
        for key, start, end in sorted(self.matcher(token_list(doc, "LOWER"), starts), key=_longest_first):
            if any(covering[start:end]):
                continue
            kinds, stateless = self.info_by_key[key]
            covering[start:end] = [TitleTag(start, end, kinds, stateless)] * (end - start)
        return covering


def _longest_first(match: tuple[int, int, int]) -> int:
    """Sort key of a (key, start, end) match: longest first."""
    return match[1] - match[2]
