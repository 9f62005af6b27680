"""The words the people finder knows: title vocabulary, name particles, cue words, common words, words that
are never names, organisation heads; and what each written word is as far as the word alone shows."""

from __future__ import annotations

import re
from typing import Optional

import numpy
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from idefx.gazetteers import gazetteer_key
from idefx.titles import TitleVocabulary
from idefx.tokentables import bounded, described_words, followed_by, preceded_by, token_array

INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
# word flags (PersonVocabulary.describe)
CAPITALISED, NAME_WORD, UNCOMMON_NAME, HYPHEN, GLUED_TITLE = 1, 2, 4, 8, 16
# a name glued to the title word after it, the line break between them lost ("SteinmeierDefence")
FIRST_WORD = re.compile(r"[^\W_]+")  # a name's first word, as its first token reads it
GLUED = re.compile(r"[A-Z][a-z]{2,}(?=([A-Z][a-z]{2,})$)")


def by_last_word(phrases: list[str]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases as word tuples, grouped by their last word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        out.setdefault(words[-1], []).append(words)
    return out


def plural(word: str) -> str:
    """The plural of a one-word English title ("minister" -> "ministers", "secretary" -> "secretaries",
    "chairman" -> "chairmen")."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "ch", "sh")) else "s")


def org_key(name: str) -> str:
    """An organisation name as the people finder compares it: lower case, one spelling of "organisation"."""
    return " ".join(name.lower().replace("organisation", "organization").split())


class PersonVocabulary:
    """The word lists of the people finder (from its serialised state) and the per-word descriptions."""

    def __init__(self, nlp: Language, state: dict):
        self.titles = TitleVocabulary(nlp, state["titles"])
        self.particles = set(state["particles"])
        self.verbs = set(state["verbs"])
        self.guest_cues = set(state["guest_cues"])
        self.speech_before = set(state["speech_before"])  # '“...,” said X'
        self.relatives = set(state["relatives"])  # "X, who ..."
        self.relative_adverbs = set(state["relative_adverbs"])  # "X, who is also ..."
        # the phrases before a name that mark it as a person, by their last word
        self.sources_before = by_last_word(state["sources_before"])  # "according to X"
        self.met_before = by_last_word(state["met_before"])  # "met X", "joined by X"
        self.members_before = by_last_word(state["members_before"])  # "included X, Y"
        self.credits_before = by_last_word(state["credits_before"])  # "Reporting by X"
        self.roles_before = set(state["roles_before"])  # "businessman X", "activist X"
        self.attributive_after = set(state["attributive_after"])  # "the Biden administration": a name as modifier
        self.side_words = set(state["side_words"])
        self.travel_words = set(state["travel_words"])  # "visited", "trip (to)", "arrived (in)"
        # a country's seats of power and services named for it ("Pentagon", "Kremlin", "Bundeswehr"), as written
        self.institutions = dict(state["institutions"])
        self.institution_pattern = re.compile(
            r"\b(" + "|".join(re.escape(name) for name in sorted(self.institutions, key=len, reverse=True)) + r")\b")
        # the names that are no one's name: the institutions and the world's regions ("Latin America")
        unnamed = sorted([*self.institutions, *state["world_regions"]], key=len, reverse=True)
        self.unnamed_pattern = re.compile(r"\b(" + "|".join(re.escape(name) for name in unnamed) + r")\b")
        self.unnamed_openers = numpy.array(sorted({hash_string(FIRST_WORD.match(name).group()) for name in unnamed}),
                                           dtype=numpy.uint64)
        self.region_words = set(state["region_words"])  # "Niger Delta", "Mexico State": a region, not the country
        self.regions = {key: (tuple(countries), country_name) for key, countries, country_name in state["regions"]}
        self.common = set(state["common"])
        self.not_names = set(state["not_names"])
        self.title_words = {e["text"].lower() for e in state["titles"] if " " not in e["text"]}
        # "Ministers", "Secretaries", "Chairmen" -> the head as written ("Foreign Ministers A and B")
        self.plural_heads = {plural(e["text"].lower()): e["text"] for e in state["titles"]
                             if e["kind"] == "head" and " " not in e["text"] and e["text"][:1].isupper()}
        # heads whose complement is a portfolio, never a firm ("Minister of Niger Delta Affairs")
        self.portfolio_heads = {e["text"].lower() for e in state["titles"] if e.get("portfolio")}
        self.org_heads = set(state["org_heads"])
        self.corporate_heads = set(state["corporate_heads"])
        self.international_orgs = set(state["international_orgs"])  # org_key of each intergovernmental body
        self.descriptions: dict[int, tuple] = {}  # word hash -> describe(word)
        self.in_name_classes: dict[str, Optional[str]] = {}  # word -> in_name_class(word)

    def words(self, doc: Doc) -> tuple[list[str], list[str], list[int], list[int], list[int]]:
        """The text, lower-case form and flags (see ``describe``) of each token, and the tokens that may open a
        name run as far as the words show (before title and country checks; see ``NameRuns.openers``): an
        uncommon name word, a name word before a capitalised one, a capitalised word after "-"."""
        if not len(doc):
            return [], [], [], [], []
        text, lower, flags = described_words(doc, self.describe, self.descriptions)
        openers = ((flags & UNCOMMON_NAME).astype(bool) | followed_by(flags, NAME_WORD, CAPITALISED)
                   | preceded_by(flags, CAPITALISED, HYPHEN))
        return text, lower, flags.tolist(), numpy.flatnonzero(openers).tolist(), \
            numpy.flatnonzero(flags & GLUED_TITLE).tolist()

    def describe(self, text: str) -> tuple[str, str, int]:
        """(text, lower case, flags) of a word; flags: CAPITALISED, NAME_WORD, UNCOMMON_NAME, HYPHEN, GLUED_TITLE."""
        low = text.lower()
        if not text[:1].isupper():
            return text, low, HYPHEN if text == "-" else 0
        name = self.name_shape(text)
        glued = GLUED.match(text)
        return text, low, CAPITALISED | (NAME_WORD if name else 0) | (
            UNCOMMON_NAME if name and low not in self.common else 0) | (
            GLUED_TITLE if glued and glued.group(1).lower() in self.title_words else 0)

    def name_shape(self, word: str) -> bool:
        """Whether ``word`` looks like a name word whatever its context (the context-free part of
        ``NameRuns.name_word``)."""
        low = word.lower()
        return bool(word[:1].isupper() and word.replace("’", "").replace("'", "").isalpha() and len(word) >= 2
                    and not (word.isupper() and len(word) > 3) and low not in self.not_names
                    and low not in self.org_heads and not (low.endswith("s") and low[:-1] in self.title_words)
                    and low not in self.plural_heads)

    def unnamed_tokens(self, doc: Doc, text: str, starts: list[int]) -> set[int]:
        """The tokens of the names in a Doc that are no person's name: an institution ("State Duma", "Knesset")
        or a region of the world ("Latin America", "Central Asia") (``text``: the Doc's text, ``starts``: each
        token's character offset)."""
        out: set[int] = set()
        orth, openers = token_array(doc, "ORTH"), self.unnamed_openers  # (sorted)
        at = numpy.minimum(numpy.searchsorted(openers, orth), len(openers) - 1)
        for i in numpy.flatnonzero(openers[at] == orth).tolist():
            found = self.unnamed_pattern.match(text, starts[i])
            if found is not None:
                k = i
                while k < len(starts) and starts[k] < found.end():
                    out.add(k)
                    k += 1
        return out

    def institution_country(self, title: str) -> Optional[str]:
        """The country of an institution a title names ("chief Pentagon spokesperson" -> US), or None."""
        found = self.institution_pattern.search(title) if self.institutions else None
        return self.institutions[found.group(1)] if found else None

    def region(self, words: list[str], country_names: bool = False) -> Optional[tuple[str, ...]]:
        """The countries of the region the capitalised ``words`` name: a first-level subdivision ("Edo",
        "Ontario", "Edo State"), or any name with a region word ("Niger Delta", empty: no country known); None
        when they name no region. A name that is also a country's ("Georgia") only with ``country_names``."""
        if not words:
            return None
        marked = len(words) > 1 and words[-1] in self.region_words
        found = self.regions.get(gazetteer_key(" ".join(words[:-1] if marked else words)))
        if found is None or (found[1] and not country_names):
            return () if marked else None
        return found[0]

    def is_international(self, org: str) -> bool:
        """Whether an organisation name is an intergovernmental body ("IMF", "European Commission")."""
        return org_key(org) in self.international_orgs

    def in_name_class(self, word: str) -> Optional[str]:
        """"initial", "particle" or "space" (a single line break not after two spaces, a non-breaking space)
        when ``word`` can sit inside a name as such, else None."""
        classes = self.in_name_classes
        if word in classes:
            return classes[word]
        cls = None
        if INITIAL.match(word) and len(word) <= 4:
            cls = "initial"
        elif word.lower() in self.particles:
            cls = "particle"
        elif word.isspace() and ((word.count("\n") == 1 and not word.startswith((" ", "\t")))
                                 or ("\n" not in word and len(word) <= 2)):
            # a line break or a non-breaking space, not a table's column gap nor a line ended by two spaces
            # (markdown's hard break: the line is a list item or a heading of its own)
            cls = "space"
        classes[word] = cls
        return cls

    def start_doc(self) -> None:
        """Keep the per-word caches bounded (called once per Doc)."""
        bounded(self.in_name_classes)
