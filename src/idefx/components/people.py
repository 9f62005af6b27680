"""The ``idefx_people`` component: find every named person, with titles, organisation and country.

A token-level scan over a Doc, after ``idefx_countries`` and ``idefx_organizations``:

1. Name runs: capitalised tokens that are not titles, countries, organisations or common
   lower-case words, with name particles (al-, bin, van, de), initials, hyphenated parts
   and suffixes (Jr., III) inside.
2. Evidence that a run is a person: a title chain just before it ("Deputy Minister of
   Defense, Head of ... Agil Gurbanov"), an apposition after it ("Zakir Hasanov, Minister
   of Defense of Azerbaijan,"), a known first name, a speech verb after it, a bulleted
   participant line; then shorter forms ("Mr. Sullivan", "Esper") of people already found.
3. Each title piece gives a title (without determiner, honorific or country), a country
   (possessive, demonym or "of <country>"), and an organisation (the complement when it
   names one). People without a stated country take the country of their organisation,
   else the document's home country (front-matter source host or dateline).

Results: ``doc._.idefx_people`` (list of PersonEntity) and ``doc.spans["idefx_people"]``.
"""

from __future__ import annotations

import json
import re
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

from idefx.components.batching import BatchComponent
from idefx.entities import COUNTRY_SPANS, KNOWN_ORG, ORG_SPANS, PEOPLE_SPANS, PersonEntity, doc_text
from idefx.gazetteers import city_country, org_heads
from idefx.resources import data_path, read_jsonl
from idefx.titles import TitleVocabulary
from idefx.wordkinds import bounded, distinct_words, per_word, token_array

CONNECTORS = {"of", "for", "the", "and", "to", ",", "’s", "'s", "-", "&"}
LEADING_CONNECTORS = CONNECTORS - {"the"}  # connectors that cannot open a title region
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our"}
POSSESSIVE = {"’s", "'s", "’", "'"}
SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
BULLETS = {"-", "•", "*", "–", "·"}
INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
HOST = re.compile(r"^source_url:\s*['\"]?https?://([^/\s'\"]+)", re.MULTILINE)
GENERIC_TLDS = {"gov": "US", "mil": "US", "uk": "GB"}
MINISTER_OF = re.compile(r"(?i)^(?:.*\s)?minister\s+(?:of|for)\s+(?:the\s+)?(.+)$")
MINISTER_PRE = re.compile(r"(?i)^(.+?)\s+minister$")
DATELINE_ENDS = {",", ".", ":", "--", "—", "(", "–"}
# word flags (PeopleFinder.word_info)
_CAP, _NAME, _UNCOMMON_NAME, _HYPHEN = 1, 2, 4, 8  # capitalised, name word, name word not common, "-"
_NAME_TO_CAP, _HYPHEN_TO_CAP = 1, 3  # right shifts that move the _NAME and _HYPHEN bits to the _CAP bit
PERSON_KINDS = ("head", "rank", "honorific", "cue")  # the title kinds a title piece holds


def _load_words(name: str, key: str = "text") -> set[str]:
    if not data_path(name).is_file():
        return set()
    return {entry[key].lower() for entry in read_jsonl(name)}


@Language.factory("idefx_people", default_config={
    "titles_file": "titles.jsonl", "particles_file": "name_particles.jsonl",
    "cues_file": "person_cues.jsonl", "common_words_file": "common_words.jsonl",
    "first_names_file": "first_names.jsonl", "org_patterns_file": "org_patterns.jsonl",
    "countries_file": "countries.jsonl", "not_names_file": "not_names.jsonl"})
def make_people_finder(nlp: Language, name: str, titles_file: str, particles_file: str, cues_file: str,
                       common_words_file: str, first_names_file: str, org_patterns_file: str,
                       countries_file: str, not_names_file: str) -> "PeopleFinder":
    return PeopleFinder(nlp, name, titles_file=titles_file, particles_file=particles_file,
                        cues_file=cues_file, common_words_file=common_words_file,
                        first_names_file=first_names_file, org_patterns_file=org_patterns_file,
                        countries_file=countries_file, not_names_file=not_names_file)


class PeopleFinder(BatchComponent):
    """Find people and their titles, organisation and country (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "idefx_people", *, titles_file: str = "titles.jsonl",
                 particles_file: str = "name_particles.jsonl", cues_file: str = "person_cues.jsonl",
                 common_words_file: str = "common_words.jsonl", first_names_file: str = "first_names.jsonl",
                 org_patterns_file: str = "org_patterns.jsonl", countries_file: str = "countries.jsonl",
                 not_names_file: str = "not_names.jsonl"):
        self.nlp = nlp
        self.name = name
        self.state = {
            "titles": read_jsonl(titles_file),
            "particles": sorted(_load_words(particles_file)),
            "verbs": sorted(e["text"].lower() for e in read_jsonl(cues_file) if e["kind"] == "verb_after"),
            "guest_cues": sorted(e["text"].lower() for e in read_jsonl(cues_file) if e["kind"] == "guest_before"),
            "side_words": sorted(e["text"].lower() for e in read_jsonl(cues_file) if e["kind"] == "side"),
            "common": sorted(_load_words(common_words_file, "word")),
            "first_names": sorted(_load_words(first_names_file, "name")),
            "not_names": sorted(_load_words(not_names_file)),
            "org_heads": sorted(org_heads(read_jsonl(org_patterns_file))),
            "corporate_heads": sorted(e["text"].lower() for e in read_jsonl(org_patterns_file) if e.get("corporate")),
            "country_codes": sorted(e["code"] for e in read_jsonl(countries_file)),
        }
        self._build()

    def _build(self) -> None:
        s = self.state
        self.titles = TitleVocabulary(self.nlp, s["titles"])
        self.particles = set(s["particles"])
        self.verbs = set(s["verbs"])
        self.guest_cues = set(s["guest_cues"])
        self.side_words = set(s["side_words"])
        self.common = set(s["common"])
        self.first_names = set(s["first_names"])
        self.not_names = set(s["not_names"])
        self.title_words = {e["text"].lower() for e in s["titles"] if " " not in e["text"]}
        self.org_head_words = set(s["org_heads"])
        self.corporate_heads = set(s["corporate_heads"])
        self.country_codes = set(s["country_codes"])
        self.word_infos: dict[int, tuple] = {}
        self.word_classes: dict[str, Optional[str]] = {}

    def words(self, doc: Doc) -> tuple[list[str], list[str], list[int], list[int]]:
        """The text, lower-case form and flags (see ``word_info``) of each token, and the tokens that may open
        a name run as far as the words show (before title and country checks; see ``_Scan.openers``). Each
        distinct word is looked at once per Doc, and described once (``word_infos``)."""
        if not len(doc):
            return [], [], [], []
        _, distinct, inverse = distinct_words(doc)
        texts, lowers, word_flags = zip(*per_word(doc.vocab.strings, distinct, self.word_info, self.word_infos))
        text = numpy.array(texts, dtype=object)[inverse].tolist()
        lower = numpy.array(lowers, dtype=object)[inverse].tolist()
        flags = numpy.array(word_flags, dtype=numpy.uint8)[inverse]
        # an uncommon name word, a name word before a capitalised one, a capitalised word after "-" (name words
        # are capitalised; the shifts bring the _NAME and _HYPHEN bits down to the _CAP bit)
        openers = flags & _UNCOMMON_NAME
        openers[:-1] |= (flags[:-1] >> _NAME_TO_CAP) & flags[1:] & _CAP
        openers[1:] |= (flags[:-1] >> _HYPHEN_TO_CAP) & flags[1:] & _CAP
        return text, lower, flags.tolist(), numpy.flatnonzero(openers).tolist()

    def word_info(self, text: str) -> tuple[str, str, int]:
        """(text, lower case, flags) of a word; flags: _CAP, _NAME, _UNCOMMON_NAME, _HYPHEN."""
        low = text.lower()
        if not text[:1].isupper():  # most words: not capitalised, so no name word
            return text, low, _HYPHEN if text == "-" else 0
        name = self.name_shape(text)  # each word is described once (``word_infos``), so not cached itself
        return text, low, _CAP | (_NAME if name else 0) | (_UNCOMMON_NAME if name and low not in self.common else 0)

    def name_shape(self, word: str) -> bool:
        """Whether ``word`` looks like a name word whatever its context (the context-free part of
        ``_Scan.name_word``)."""
        low = word.lower()
        return bool(word[:1].isupper() and word.replace("’", "").replace("'", "").isalpha() and len(word) >= 2
                    and not (word.isupper() and len(word) > 3) and low not in self.not_names
                    and low not in self.org_head_words and not (low.endswith("s") and low[:-1] in self.title_words))

    def word_class(self, word: str) -> Optional[str]:
        """"initial", "particle" or "space" (a single line break) when ``word`` can sit inside a name
        as such, else None; cached per word."""
        if word in self.word_classes:
            return self.word_classes[word]
        cls = None
        if INITIAL.match(word) and len(word) <= 4:
            cls = "initial"
        elif word.lower() in self.particles:
            cls = "particle"
        elif word.isspace() and word.count("\n") == 1:
            cls = "space"
        self.word_classes[word] = cls
        return cls

    # ------------------------------------------------------------------ serialisation
    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "state.json").write_text(json.dumps(self.state, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, exclude=tuple()) -> "PeopleFinder":
        self.state = json.loads((Path(path) / "state.json").read_text(encoding="utf-8"))
        self._build()
        return self

    # ------------------------------------------------------------------ the scan
    def __call__(self, doc: Doc) -> Doc:
        bounded(self.word_classes)
        scan = _Scan(self, doc)
        people = scan.run()
        doc._.idefx_people = people
        spans = []
        for index, person in enumerate(people):
            for chars in person.mentions:
                spans.append(Span(doc, *scan.mention_tokens[chars], label="PERSON", kb_id=str(index)))
        doc.spans[PEOPLE_SPANS] = sorted(spans, key=lambda sp: sp.start)
        return doc


class _Person:
    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.forms: list[str] = []
        self.keys: set[tuple[str, ...]] = set()  # name keys of the forms
        self.words: set[str] = set()
        self.titles: list[str] = []
        self.ranks: list[str] = []
        self.country: Optional[str] = None
        self.org: Optional[str] = None
        self.stateless = False
        self.guest = False  # named as the one met, welcomed or received
        self.first_tok: Optional[int] = None
        self.mentions: list[tuple[int, int]] = []

    def name(self) -> str:
        return max(self.forms, key=lambda f: (len(_name_key(f)), len(f)))


@lru_cache(maxsize=4096)
def _name_key_cached(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"\w+", text.lower()) if w not in SUFFIXES)


def _name_key(text: str) -> list[str]:
    return list(_name_key_cached(text))


class _Scan:
    """One pass over one Doc."""

    def __init__(self, finder: PeopleFinder, doc: Doc):
        self.f = finder
        self.doc = doc
        self.text, self.lower, self.flags, self.opener_words = finder.words(doc)
        offsets = [token_array(doc, "IDX").tolist(), token_array(doc, "SPACY").tolist()]
        self.starts, self.spaces = offsets  # each token's character offset and trailing-space flag
        self.doc_text = doc_text(doc)
        self.n = len(doc)
        self.classes: list = ["?"] * self.n  # token_class, filled on demand
        self.tags = finder.titles.tag(doc)
        self.country = [None] * self.n
        self.country_spans = list(doc.spans.get(COUNTRY_SPANS, []))
        self.org_spans = list(doc.spans.get(ORG_SPANS, []))
        for span in self.country_spans:
            for i in range(span.start, span.end):
                self.country[i] = span
        self.taken: set[int] = set()  # tokens of accepted person mentions and their appositions
        self.mention_tokens: dict[tuple[int, int], tuple[int, int]] = {}  # a mention's characters -> its tokens
        self.right_region: list[int] = []
        self.name_runs: list[tuple[int, int, int]] = []
        self.org = [None] * self.n
        for span in self.org_spans:
            for i in range(span.start, span.end):
                self.org[i] = span

    # ---------------------------------------------------------------- token classes
    def is_space(self, i: int) -> bool:
        return self.text[i].isspace()

    def is_break(self, i: int) -> bool:
        return self.text[i].isspace() and self.text[i].count("\n") >= 2

    def glued_hyphen(self, i: int) -> bool:
        return (self.text[i] == "-" and 0 < i < self.n - 1 and not self.spaces[i - 1] and not self.spaces[i]
                and self.text[i - 1][-1:].isalpha() and self.text[i + 1][:1].isalpha())

    def is_cap(self, i: int) -> bool:
        t = self.text[i]
        return t[:1].isupper()

    def name_word(self, i: int, lookahead: bool = True) -> bool:
        """A capitalised token that can be part of a personal name.

        A common word ("Mark") counts mid-sentence when an uncommon name word follows it.
        """
        if self.tags[i] is not None or self.country[i] is not None or not self.flags[i] & _NAME:
            return False
        org = self.org[i]
        if org is not None and not (org.label_ == KNOWN_ORG and org.end - org.start == 1 and i > 0 and (
                self.lower[self.prev_word(i)] in self.f.first_names or INITIAL.match(self.text[self.prev_word(i)]))):
            return False  # a one-word firm's name may still be a surname: "Kamala Harris"
        if not self.flags[i] & _UNCOMMON_NAME:  # a common word
            return lookahead and i + 1 < self.n and self.name_word(i + 1, False) \
                and self.lower[i + 1] not in self.f.common and not self.sentence_start(i) and self.opens_name(i)
        return True

    def opens_name(self, i: int) -> bool:
        """What stands before token i lets a name start there: a lower-case word, a title head or an honorific."""
        j = self.prev_word(i)
        tag = self.tags[j]
        if tag is not None:
            return bool(tag.kinds & {"head", "rank", "honorific", "cue"})
        return self.text[j][:1].islower() or self.text[j] in {",", "("}

    def sentence_start(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.is_space(j) and "\n" not in self.text[j]:
            j -= 1
        return j < 0 or "\n" in self.text[j] or self.text[j] in {".", "!", "?", ":", "\"", "“", "‘", "(", "-", "—"}

    def token_class(self, i: int) -> Optional[str]:
        cls = self.classes[i]
        if cls == "?":
            cls = self.classes[i] = self._token_class(i)
        return cls

    def _token_class(self, i: int) -> Optional[str]:
        t = self.text[i]
        if self.name_word(i):
            return "name"
        if self.glued_hyphen(i):
            return "hyphen"
        if i > 0 and self.glued_hyphen(i - 1) and t.isalpha() and self.tags[i] is None and self.country[i] is None:
            return "name"
        return self.f.word_class(t)

    # ---------------------------------------------------------------- name runs
    def openers(self) -> list[int]:
        """The tokens where a name run can start (a superset; ``token_class`` decides): a name word, a common
        one only before another capitalised word, or a capitalised word after a hyphen."""
        text, tags, country = self.text, self.tags, self.country
        return [i for i in self.opener_words
                if (tags[i] is None and country[i] is None) or (i > 0 and text[i - 1] == "-")]

    def runs(self) -> list[tuple[int, int, int]]:
        """(start, name_end, end_with_suffix) of every candidate name run."""
        out = []
        resume = 0
        for i in self.openers():
            if i < resume or self.token_class(i) != "name":
                continue
            j = i
            last = i
            while j < self.n:
                cls = self.token_class(j)
                if cls is None:
                    break
                if cls == "name":
                    last = j
                j += 1
            end = last + 1
            # a common word closes a name after a first name or an initial ("Dana W. White")
            if (end < self.n and self.text[end][:1].isupper() and self.text[end].isalpha()
                    and self.tags[end] is None and self.country[end] is None and self.org[end] is None
                    and self.lower[end] in self.f.common and self.lower[end] not in self.f.org_head_words
                    and self.lower[end] not in self.f.not_names
                    and (self.lower[last] in self.f.first_names or INITIAL.match(self.text[last]))):
                end += 1
            start = self.trim_start(i, end)
            # a capitalised particle opens the name ("Al-Kadhimi", "De Croo")
            while start > 0 and (self.glued_hyphen(start - 1) or (
                    self.lower[start - 1] in self.f.particles and self.is_cap(start - 1)
                    and self.tags[start - 1] is None)):
                if self.glued_hyphen(start - 1) and not (self.lower[start - 2] in self.f.particles
                                                         and self.is_cap(start - 2)):
                    break
                start -= 1
            full = self.suffix_end(end)
            out.append((start, end, full))
            resume = max(end, i + 1)
        return out

    def trim_start(self, start: int, end: int) -> int:
        """Start a name at a known first name that follows a non-name word ("Baykar Selçuk Bayraktar")."""
        words = [k for k in range(start, end) if self.token_class(k) == "name"]
        if len(words) < 3 or not self.f.first_names:
            return start
        for a, b in zip(words, words[1:-1]):
            if self.lower[b] in self.f.first_names and self.lower[a] not in self.f.first_names:
                return b
        return start

    def suffix_end(self, end: int) -> int:
        k = end
        if k < self.n and self.text[k] == "," and k + 1 < self.n and self.lower[k + 1] in SUFFIXES:
            return k + 2
        if k < self.n and self.lower[k] in SUFFIXES:
            return k + 1
        return end

    # ---------------------------------------------------------------- title pieces
    def has_kind(self, tokens: list[int], *kinds: str) -> bool:
        tags = self.tags
        return any(not tags[k].kinds.isdisjoint(kinds) for k in tokens if tags[k] is not None)

    def starts_title(self, i: int) -> bool:
        if i >= self.n:
            return False
        if self.lower[i] in DETERMINERS and i + 1 < self.n:
            i += 1
        tag = self.tags[i]
        if tag is not None and tag.kinds & {"head", "rank", "honorific"}:
            return True
        if tag is not None and "modifier" in tag.kinds:
            # "Defense Minister": a modifier starts a title only when a head follows it
            for k in range(tag.end, min(tag.end + 3, self.n)):
                nxt = self.tags[k]
                if nxt is None or self.lower[k] in {"of", ","}:
                    return False
                if nxt.kinds & {"head", "rank"}:
                    return True
            return False
        span = self.country[i]
        return span is not None and span.label_ == "demonym"

    def region_token(self, i: int) -> bool:
        t = self.text[i]
        if t[:1].isupper():  # (no bullet or bracket)
            return True
        if t in BULLETS and not self.glued_hyphen(i):
            return False  # a list bullet or a dash between clauses
        if t in {"(", ")"}:  # an acronym in brackets inside a title: "Joint Chiefs of Staff Committee (CJCSC)"
            inner = i + 1 if t == "(" else i - 1
            return 0 <= inner < self.n and self.text[inner].isupper() and self.text[inner].isalpha() and (
                self.text[inner + 1] == ")" if t == "(" else self.text[inner - 1] == "(")
        return (self.lower[i] in CONNECTORS or self.tags[i] is not None or self.country[i] is not None
                or self.org[i] is not None or t[:1].isupper() or self.glued_hyphen(i)
                or (i > 0 and self.glued_hyphen(i - 1)))

    def pieces(self, region: list[int]) -> list[list[int]]:
        """Split a title region at commas and at "and" before a title; headless comma pieces join the left one."""
        raw: list[tuple[str, list[int]]] = []
        sep, cur = "", []
        for k in region:
            if self.text[k] == "," or (self.lower[k] == "and" and self.starts_title(k + 1)):
                if cur:
                    raw.append((sep, cur))
                sep, cur = self.text[k], []
            else:
                cur.append(k)
        if cur:
            raw.append((sep, cur))
        merged: list[list[int]] = []
        for sep, toks in raw:
            if merged and sep == "," and not self.has_kind(toks, *PERSON_KINDS) \
                    and not self.is_org_piece(toks):
                merged[-1].extend(toks)
            else:
                merged.append(toks)
        return merged

    def is_org_piece(self, toks: list[int]) -> bool:
        return any(self.org[k] is not None for k in toks) or any(
            self.lower[k] in self.f.org_head_words and self.is_cap(k) for k in toks)

    def left_titles(self, start: int) -> list[dict]:
        text, lower, taken, region = self.text, self.lower, self.taken, []
        j = start - 1
        while j >= 0 and len(region) < 40:
            t = text[j]
            if t.isspace():
                if t.count("\n") >= 2:
                    break
                j -= 1
                continue
            if j in taken or not self.region_token(j):
                break
            region.append(j)
            j -= 1
        if not region:
            return []
        region.reverse()
        while region and lower[region[0]] in LEADING_CONNECTORS:
            region.pop(0)
        if not region or (lower[region[-1]] in CONNECTORS and text[region[-1]] != ","):
            return []
        if not self.has_kind(region, *PERSON_KINDS):
            return []  # no piece can hold a title
        out = []
        for piece in reversed(self.pieces(region)):
            if not self.has_kind(piece, *PERSON_KINDS):
                break
            out.insert(0, self.analyse(piece, leading=not out))
        # "his Brazilian counterpart, His Excellency the Minister ...": the cue is someone else's
        if len(out) > 1 and out[0]["cue"] and any(p["title"] for p in out[1:]):
            out = out[1:]
        # the country may stand before a lower-case run ("Germany's newly sworn-in defense minister")
        if out and not any(p["country"] for p in out):
            out[0]["country"] = self.country_before(region[0])
        return out

    def right_titles(self, end: int) -> tuple[list[dict], Optional[str]]:
        k = end
        if k >= self.n or self.text[k] != ",":
            return [], None
        k += 1
        while k < self.n and self.is_space(k) and not self.is_break(k):
            k += 1
        if k >= self.n or (not self.starts_title(k)
                           and not (self.country[k] is not None and self.country_then_title(k))):
            return [], None
        region = []
        while k < self.n and len(region) < 40:
            if self.is_space(k):
                if self.is_break(k):
                    break
                k += 1
                continue
            if self.lower[k] == "and" and not self.starts_title(k + 1):
                break
            if not (self.region_token(k) or self.lower[k] in DETERMINERS or self.lower[k] == "at"):
                break
            region.append(k)
            k += 1
        # ", President Murmu said" / ", and Colonel Ahmed Salem Hamza": the next person's title ends it
        named = [k for k in region if k > 0 and self.name_word(k) and self.tags[k - 1] is not None]
        if region and not named:
            # ", Chief of Staff of the Qatari Armed Forces Salem bin Hamad ...": a name running on past it
            named = [a for a, _, b in self.name_runs if region[0] <= a <= region[-1] < b - 1]
        if named:
            cut = [j for j, k in enumerate(region) if k < named[0] and self.text[k] == ","]
            region = region[:cut[-1]] if cut else []
        while region and self.lower[region[-1]] in CONNECTORS:
            region.pop()
        self.right_region = region
        titles, org = [], None
        for piece in self.pieces(region):
            if self.has_kind(piece, "head", "rank"):
                titles.append(self.analyse(piece, leading=True))
            elif titles and self.is_org_piece(piece):
                org = self.span_text(piece[0], piece[-1] + 1)
                break
            else:
                break
        return titles, org

    def country_after(self, end: int) -> Optional[str]:
        """"President Guillermo Lasso of Ecuador": the country straight after a titled name."""
        k = end
        if k + 1 < self.n and self.lower[k] == "of":
            k += 1
            if self.lower[k] == "the" and k + 1 < self.n:
                k += 1
            span = self.country[k]
            if span is not None and span.label_ == "country" and span.start == k:
                return span.kb_id_
        return None

    def country_then_title(self, k: int) -> bool:
        span = self.country[k]
        j = span.end
        if j < self.n and self.text[j] in POSSESSIVE:
            j += 1
        return self.starts_title(j)

    def country_before(self, start: int) -> Optional[str]:
        """A possessive country or demonym a few lower-case words before a title."""
        j, skipped = start - 1, 0
        while j >= 0 and skipped <= 3:
            if self.is_space(j):
                j -= 1
                continue
            if self.text[j] in POSSESSIVE and j > 0 and self.country[j - 1] is not None:
                return self.country[j - 1].kb_id_
            span = self.country[j]
            if span is not None and span.label_ == "demonym":
                return span.kb_id_
            if not (self.text[j][:1].islower() or self.text[j] == "-"):
                return None
            skipped += 1
            j -= 1
        return None

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens start..end-1 with whitespace runs folded to single spaces."""
        if start >= min(end, self.n):
            return ""
        return " ".join(self.doc_text[self.starts[start]:self.starts[end] if end < self.n else None].split())

    def analyse(self, piece: list[int], leading: bool) -> dict:
        """One title piece -> title, rank, country, organisation."""
        out = {"title": None, "rank": None, "country": None, "org": None, "honorific": False,
               "stateless": False, "cue": False, "first": piece[0]}
        toks = [k for k in piece if not self.is_space(k)]
        # honorifics and determiners at either end
        changed = True
        while toks and changed:
            changed = False
            for pos in (0, -1):
                if not toks:
                    break
                k = toks[pos]
                tag = self.tags[k]
                if tag is not None and "honorific" in tag.kinds and not tag.kinds & {"head", "rank"}:
                    toks = [t for t in toks if not (tag.start <= t < tag.end)]
                    out["honorific"] = changed = True
                elif (self.lower[k] in DETERMINERS and pos == 0) or self.text[k] in {",", ":", ";", "."}:
                    toks = toks[:-1] if pos == -1 else toks[1:]
                    changed = True
        # a rank right before the name is kept apart
        if toks and self.tags[toks[-1]] is not None and "rank" in self.tags[toks[-1]].kinds:
            tag = self.tags[toks[-1]]
            rank_toks = [t for t in toks if tag.start <= t < tag.end]
            rest = [t for t in toks if t < tag.start]
            while rest and self.tags[rest[-1]] is not None and "rank" in self.tags[rest[-1]].kinds:
                tag = self.tags[rest[-1]]
                rank_toks = [t for t in rest if t >= tag.start] + rank_toks
                rest = [t for t in rest if t < tag.start]
            if self.has_kind(rest, "head") or not rest:
                out["rank"] = self.span_text(rank_toks[0], rank_toks[-1] + 1)
                toks = rest
        if not toks:
            return out
        heads = [k for k in toks if self.tags[k] is not None and self.tags[k].kinds & {"head", "cue"}]
        if not heads:
            return out
        head = heads[0]
        out["cue"] = "head" not in self.tags[head].kinds and "cue" in self.tags[head].kinds
        out["stateless"] = any(self.tags[k].stateless for k in heads if self.tags[k] is not None)
        # left edge: modifiers and capitalised words straight before the head
        start = self.tags[head].start
        while True:
            prev = start - 1
            if prev not in toks:
                break
            tag = self.tags[prev]
            if self.country[prev] is not None or self.text[prev] in POSSESSIVE:
                break
            if tag is not None and tag.kinds & {"modifier", "head"}:
                start = tag.start
                continue
            if self.text[prev].isupper() and len(self.text[prev]) > 1:
                break
            if self.is_cap(prev) and self.lower[prev] not in self.f.common or (
                    self.glued_hyphen(prev) and self.is_cap(prev - 1)) or (
                    prev > 0 and self.glued_hyphen(prev - 1) and self.is_cap(prev)):
                start = prev
                continue
            break
        before = [k for k in toks if k < start]
        for k in before:
            span = self.country[k]
            if span is not None and out["country"] is None:
                out["country"] = span.kb_id_
            if out["org"] is None and self.org[k] is not None:
                out["org"] = self.org[k].text
            elif out["org"] is None and self.text[k].isupper() and len(self.text[k]) > 1 and span is None:
                out["org"] = self.text[k]
        body = [k for k in toks if k >= start]
        # trailing "of [the] <country>" is the person's country, not part of the title
        end = body[-1] + 1
        last = self.country[body[-1]]
        if last is not None and last.label_ == "country":
            j = last.start - 1
            while j >= start and (self.lower[j] == "the" or self.is_space(j)):
                j -= 1
            if j >= start and self.lower[j] in {"of", "for"}:
                out["country"] = out["country"] or last.kb_id_
                end = j
        if out["cue"]:
            return out
        at = [k for k in range(start, end) if self.lower[k] == "at"]
        title = self.span_text(start, at[0] if at else end)
        out["title"] = title
        # the complement names the organisation when it holds an organisation
        comp = [k for k in range(start, end) if self.lower[k] in {"of", "for", "at"}]
        if comp:
            c0 = comp[0] + 1
            while c0 < end and self.lower[c0] == "the":
                c0 += 1
            orgs = [self.org[k] for k in range(c0, end) if self.org[k] is not None]
            proper = c0 < end and all(self.is_cap(k) for k in range(c0, end)) and any(
                self.lower[k] not in self.f.common and self.country[k] is None and self.tags[k] is None
                for k in range(c0, end))
            if orgs:
                out["org"] = out["org"] or " ".join(orgs[0].text.split())
            elif proper or any(self.lower[k] in self.f.org_head_words and self.is_cap(k) for k in range(c0, end)):
                out["org"] = out["org"] or self.span_text(c0, body[-1] + 1)
            # "Technical Director of Baykar", "CEO of United Airlines": a position in a firm or school is
            # the position alone; "Chief of Staff of the ... Army" keeps its body
            corporate = any(self.lower[k] in self.f.corporate_heads for k in range(c0, end))
            if c0 == comp[0] + 1 and (proper or corporate) and self.lower[comp[0]] == "of":
                out["title"] = self.span_text(start, comp[0])
        for k in range(start, body[-1] + 1):
            span = self.country[k]
            if span is not None and out["country"] is None:
                out["country"] = span.kb_id_
        return out

    # ---------------------------------------------------------------- evidence
    def bulleted(self, start: int) -> bool:
        j = start - 1
        while j >= 0 and self.text[j].isspace() and "\n" not in self.text[j]:
            j -= 1
        if j < 0 or self.text[j] not in BULLETS:
            return False
        j -= 1
        return j < 0 or "\n" in self.text[j] or self.text[j].isspace()

    def prev_word(self, k: int) -> int:
        text = self.text
        k -= 1
        while k > 0 and text[k].isspace():
            k -= 1
        return max(k, 0)

    def next_word(self, k: int) -> Optional[int]:
        text, n = self.text, self.n
        while k < n and text[k].isspace():
            k += 1
        return k if k < n else None

    def home_country(self) -> Optional[str]:
        source = self.doc._.idefx_source or {}
        front = source.get("front_matter") or {}
        url = front.get("source_url") or front.get("url") or source.get("url") or ""
        host = HOST.search(f"source_url: {url}" if url else self.doc_text[:2000])
        if host:
            tld = host.group(1).rsplit(".", 1)[-1].lower()
            code = GENERIC_TLDS.get(tld, tld.upper())
            if code in self.f.country_codes:
                return code
        # dateline: "BAKU, Azerbaijan, July 26." / "New Delhi, Oct 22 (IANS)" at the start of a line
        body = self.body_start()
        i = body
        while i < min(self.n, body + 60):
            if i == body or "\n" in self.text[i - 1] or (i > 0 and self.text[i - 1].isspace()):
                j = i
                while j < self.n and j - i < 4 and self.is_cap(j) and self.text[j].replace(".", "").isalpha():
                    j += 1
                if i < j < self.n and self.text[j] in DATELINE_ENDS:
                    name = self.doc[i:j].text
                    code = city_country(name) or (self.country[i].kb_id_ if self.country[i] is not None else None)
                    if code:
                        return code
            i += 1
        return None

    def most_named(self, home: Optional[str]) -> Optional[str]:
        """The country (other than home) named most often, when one stands out."""
        counts: dict[str, int] = {}
        for span in self.country_spans:
            if span.kb_id_ != home:
                counts[span.kb_id_] = counts.get(span.kb_id_, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        return ranked[0][0]

    def country_following(self, tok: int, home: Optional[str]) -> Optional[str]:
        """The first country other than home named after token ``tok`` in its paragraph."""
        for span in self.country_spans:
            if span.start > tok and span.kb_id_ != home:
                if any(self.is_break(k) for k in range(tok, span.start)):
                    return None
                return span.kb_id_
        return None

    @cached_property
    def names_a_side(self) -> bool:
        """Whether a side word ("from the Mauritanian side") occurs in the Doc (see ``side_country``)."""
        return not self.f.side_words.isdisjoint(self.lower)

    def side_country(self, tok: int) -> Optional[str]:
        """"attended from the Mauritanian side by ...": a demonym before a side word earlier in the sentence."""
        if not self.names_a_side:
            return None
        text, lower, side_words = self.text, self.lower, self.f.side_words
        j = tok - 1
        while j > 0 and text[j] not in {".", "!", "?"} and not (text[j].isspace() and text[j].count("\n") >= 2):
            if lower[j] in side_words:
                prev = self.prev_word(j)
                span = self.country[prev]
                if span is not None and span.label_ == "demonym":
                    return span.kb_id_
            j -= 1
        return None

    def body_start(self) -> int:
        """The first token after YAML front matter and a leading "date YYYY-MM-DD"."""
        i = 0
        if self.doc_text.startswith("---"):
            close = self.doc_text.find("\n---", 3)
            if close > 0:
                span = self.doc.char_span(close + 4, close + 4, alignment_mode="expand")
                i = span.start if span is not None else 0
        while i < self.n and self.is_space(i):
            i += 1
        if i + 1 < self.n and self.lower[i] == "date" and self.text[i + 1][:4].isdigit():
            i += 2
        while i < self.n and (self.is_space(i) or self.text[i] in {"-", "—"} or self.text[i][:1].isdigit()):
            i += 1
        return i

    # ---------------------------------------------------------------- assembly
    def run(self) -> list[PersonEntity]:
        people: list[_Person] = []
        pending = []
        last = None  # (person, end token) of the previous titled mention
        self.name_runs = self.runs()
        for start, end, full in self.name_runs:
            words = [k for k in range(start, end) if self.token_class(k) == "name"]
            nxt = self.next_word(full)
            if nxt is not None and self.is_cap(nxt) and (self.lower[nxt] in self.f.org_head_words
                                                         or self.lower[nxt] in self.f.not_names):
                continue  # "Denali Commission", "Biden-Harris Administration", "Asia-Africa Summit": not a person
            left = self.left_titles(start)
            if not left and len(words) >= 3 and self.lower[self.prev_word(start)] in {"of", "for"}:
                # "Technical Director of Baykar Selçuk Bayraktar": the complement ends where the name starts
                trimmed = self.trim_start(start, end)
                start = trimmed if trimmed != start else words[1]
                words = [k for k in words if k >= start]
                left = self.left_titles(start)
            right, right_org = self.right_titles(full)
            after = self.country_after(full)
            if after and left and not any(p["country"] for p in left):
                left[-1]["country"] = after
            info = left + right
            strong = any(p["title"] or p["rank"] or p["honorific"] or p["cue"] for p in info)
            if len(words) == 1 and nxt is not None and self.tags[nxt] is not None and "head" in self.tags[nxt].kinds:
                strong = False  # "chief Pentagon spokesperson", "NATO Secretary General": part of a title
            if not strong and len(words) >= 2:
                strong = ((self.lower[start] in self.f.first_names and self.lower[start] not in self.f.common
                           and not city_country(self.span_text(start, end)))
                          or self.bulleted(start)
                          or (nxt is not None and self.lower[nxt] in self.f.verbs and all(
                              self.lower[k] not in self.f.common for k in words)))
            if strong:
                person = self.add(people, start, end, full, info, right_org)
                if right:
                    self.taken.update(self.right_region)  # an apposition belongs to this person only
                first = min([p["first"] for p in left] or [start])
                before = self.prev_word(first)
                if self.lower[before] in self.f.guest_cues or (
                        self.lower[before] == "and" and last is not None and last[1] - 1 == self.prev_word(before)
                        and {t.lower() for t in last[0].titles} & {p["title"].lower() for p in left if p["title"]}):
                    person.guest = True  # "met with President X" / "President A and President X"
                if person.first_tok is None:
                    person.first_tok = start
                last = (person, full)
            else:
                pending.append((start, end, full))
        for start, end, full in pending if people else ():  # shorter forms of the people found
            person = self.match(people, self.name_tokens(start, end))
            if person is not None:
                self.mention(person, start, full, [], None)
        home = self.home_country()
        if home is None:
            home = self.most_named(None)
        foreign = self.most_named(home) if home else None
        out = []
        for p in people:
            country = p.country
            if country is None and p.first_tok is not None:
                country = self.side_country(p.first_tok)
            if p.org is None:
                p.org = self.ministry(p.titles, country)
            if country is None and p.org:
                country = self.org_country(p.org)
            if country is None and p.guest and home:
                # "the President met with President Lasso": the guest's country follows, or stands out
                country = self.country_following(p.first_tok, home) or foreign
            if country is None and not p.stateless:
                country = home
            name = p.name()
            aliases = [f for f in dict.fromkeys(p.forms) if f != name]
            titles = p.titles or p.ranks[:1]
            out.append(PersonEntity(name=name, aliases=aliases, titles=titles, organization=p.org,
                                    country=country, mentions=sorted(set(p.mentions))))
        return out

    def name_tokens(self, start: int, end: int) -> list[str]:
        return _name_key(self.span_text(start, end))

    def match(self, people: list[_Person], key: list[str]) -> Optional[_Person]:
        if not key:
            return None
        ks = set(key)
        tk = tuple(key)
        near = [p for p in reversed(people) if not p.words.isdisjoint(ks)]
        for p in near:
            if tk in p.keys:
                return p
        for p in near:
            for fk in p.keys:
                fs = set(fk)
                if (ks < fs and (key[-1] == fk[-1] or key[0] == fk[0])) or \
                        (fs < ks and (fk[-1] == key[-1] or fk[0] == key[0])):
                    return p
        # another spelling of the given names ("Ambrosa"/"Ambrose Lufuma")
        for p in near:
            for fk in p.keys:
                if len(fk) == len(key) > 1 and fk[-1] == key[-1] and all(
                        a[:3] == b[:3] for a, b in zip(fk[:-1], key[:-1])):
                    return p
        return None

    def ministry(self, titles: list[str], country: Optional[str]) -> Optional[str]:
        """A minister's ministry when the text names it: "Defense Minister" -> "Defense Ministry"/"Ministry of Defense"."""
        cores = []
        for title in titles:
            m = MINISTER_OF.match(title) or MINISTER_PRE.match(title)
            if m:
                words = m.group(1).lower().split()
                cores += [" ".join(words[i:]) for i in range(len(words))]
        if not cores:
            return None
        for span in self.org_spans:
            inner = [c for c in self.country_spans if span.start <= c.start < span.end]
            if any(c.kb_id_ != country for c in inner):
                continue
            words = [self.lower[k] for k in range(span.start, span.end) if not any(c.start <= k < c.end for c in inner)
                     and self.text[k] not in {"’s", "'s"}]
            while words and words[-1] in {"of", "the"}:
                words.pop()
            core = " ".join(words)
            if any(core in (f"ministry of {c}", f"{c} ministry") for c in cores):
                return " ".join(span.text.split())
        return None

    def org_country(self, org: str) -> Optional[str]:
        for span in self.org_spans:
            # a known firm's country; generic names ("Ministry of Defence") belong to many countries
            if span.label_ == KNOWN_ORG and span.kb_id_ and span.text in org \
                    and any(self.lower[k] not in self.f.common and self.lower[k] not in self.f.title_words
                            and self.lower[k] not in self.f.org_head_words for k in range(span.start, span.end)):
                return span.kb_id_
        for span in self.country_spans:
            if span.text in org:
                return span.kb_id_
        return None

    def add(self, people: list[_Person], start: int, end: int, full: int, info: list[dict],
            org: Optional[str]) -> _Person:
        """The person named by tokens start..end (found in ``people``, else new), with this mention."""
        key = self.name_tokens(start, end)
        person = self.match(people, key)
        if person is None:
            person = _Person(key)
            people.append(person)
        self.mention(person, start, full, info, org)
        return person

    def mention(self, person: _Person, start: int, full: int, info: list[dict], org: Optional[str]) -> None:
        """Add the mention at tokens start..full-1 to ``person``, with its title pieces and organisation."""
        form = self.span_text(start, full)
        person.forms.append(form)
        person.keys.add(_name_key_cached(form))
        person.words.update(_name_key_cached(form))
        chars = (self.starts[start], self.starts[full - 1] + len(self.text[full - 1]))
        person.mentions.append(chars)
        self.mention_tokens[chars] = (start, full)
        self.taken.update(range(start, full))
        for piece in info:
            if piece["title"] and piece["title"].lower() not in {t.lower() for t in person.titles}:
                person.titles.append(piece["title"])
            if piece["rank"] and piece["rank"] not in person.ranks:
                person.ranks.append(piece["rank"])
            person.country = person.country or piece["country"]
            person.org = person.org or piece["org"]
            person.stateless = person.stateless or piece["stateless"]
        person.org = person.org or org
