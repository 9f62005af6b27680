"""The ``idefx_organizations`` component: find named organisations by shape and by gazetteer.

Shapes (``data/org_patterns.jsonl``): a capitalised phrase around an organisation head
noun ("Ministry of Defense Industry of Azerbaijan", "Georgia's Defense Ministry",
"Russian Federal Service for Military-Technical Cooperation"), and news agencies named
by a reporting cue ("Trend reports", "(Xinhua)", "By WAM"). Names from
``data/organizations.jsonl`` (when present) are matched as phrases. Spans go to
``doc.spans["idefx_orgs"]`` (label ``ORG``, or ``KNOWN_ORG`` with the country code as ``kb_id_`` for
gazetteer names). Runs after ``idefx_countries``.
"""

from __future__ import annotations

import json
import operator
import re
from itertools import compress
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from idefx.components.batching import BatchComponent
from idefx.entities import COUNTRY_SPANS, KNOWN_ORG, ORG_SPANS
from idefx.gazetteers import city_country, org_heads, regions
from idefx.phrases import PhraseIndex
from idefx.resources import data_path, optional_jsonl, read_jsonl
from idefx.titles import TitleVocabulary
from idefx.tokentables import bounded, covering, distinct_words, remembered, true_positions, where

INNER = {"of", "for", "and", "&", "the", "’s", "'s", "-", "on"}
POSSESSIVE = {"’s", "'s"}
STOPS = {"by", "the", "a", "an"}
DASHES = {"-", "–", "—"}

_SLASHED = re.compile(r"^/[A-Z][A-Z0-9]+/\.?$")  # "/TASS/.": one token
_GLUED_DASH = re.compile(r"^[A-Z]{3,}-$")  # "(MENAFN- Trend News Agency)"

# kinds of words the scans start from (bit flags)
LINE_BREAK, HEAD, NEWS_CUE, OPENING, KNOWN_START, LOWER_HEAD = 1, 2, 4, 8, 16, 32


def _by_country(pairs: list[list[str]]) -> list[tuple[str, str]]:
    """The gazetteer's (name, country) pairs grouped by country, in the order they were first added."""
    by_country: dict[str, list[str]] = {}
    for name, country in pairs:
        by_country.setdefault(country, []).append(name)
    return [(name, country) for country, names in by_country.items() for name in names]


@Language.factory("idefx_organizations", default_config={
    "patterns_file": "org_patterns.jsonl", "gazetteer_file": "organizations.jsonl",
    "common_words_file": "common_words.jsonl", "titles_file": "titles.jsonl", "not_names_file": "not_names.jsonl",
    "events_file": "events.jsonl"})
def make_org_finder(nlp: Language, name: str, patterns_file: str, gazetteer_file: str,
                    common_words_file: str, titles_file: str, not_names_file: str, events_file: str) -> "OrgFinder":
    return OrgFinder(nlp, name, patterns_file, gazetteer_file, common_words_file, titles_file, not_names_file,
                     events_file)


class OrgFinder(BatchComponent):
    """Organisation names from head-noun phrases, reporting cues and a gazetteer."""

    def __init__(self, nlp: Language, name: str, patterns_file: str = "org_patterns.jsonl",
                 gazetteer_file: str = "organizations.jsonl", common_words_file: str = "common_words.jsonl",
                 titles_file: str = "titles.jsonl", not_names_file: str = "not_names.jsonl",
                 events_file: str = "events.jsonl"):
        self.nlp = nlp
        self.name = name
        patterns = read_jsonl(patterns_file)
        names = []  # [name, country] of unambiguous gazetteer names
        # a firm named as the fair it runs ("IDEX", "DSEI"): in text the name is the fair, an event
        not_firms = {n for e in optional_jsonl(events_file) if e.get("kind") in {"exhibition", "airshow"}
                     for n in (e["name"], *e.get("aliases", []))}
        # an exhibitor named as its region's pavilion ("North Carolina", "Ohio"): in text the name is the place
        not_firms |= {n for e in regions() for n in (e["name"], *e.get("aliases", []))}
        if gazetteer_file and data_path(gazetteer_file).is_file():
            for entry in read_jsonl(gazetteer_file):
                if entry.get("ambiguous"):
                    continue
                unsafe = set(entry.get("ambiguous_aliases", []))
                names.extend([n, entry.get("country") or ""] for n in {entry["name"], *entry.get("aliases", [])}
                             if n not in unsafe and n not in not_firms)
        state = {
            "heads": sorted(org_heads(patterns)),
            "single_word_heads": sorted(e["text"].lower() for e in patterns if e.get("alone")),
            "in_place": sorted(e["text"].lower() for e in patterns if e.get("in_place")),
            # "Staff" after "Chief of (the) ...": a title's last word, no body ("of Policy Planning Staff" is one)
            "title_tails": {e["text"].lower(): e["title_tail"] for e in patterns if e.get("title_tail")},
            "corporate": sorted(e["text"].lower() for e in patterns if e.get("corporate")),
            "not_names": sorted(e["text"].lower() for e in read_jsonl(not_names_file)),
            "news_cues": sorted(e["text"].lower() for e in patterns if e["kind"] == "news_cue"),
            "news_before": sorted(e["text"] for e in patterns if e["kind"] == "news_before"),
            "credit_after": sorted(e["text"] for e in patterns if e["kind"] == "credit_after"),
            "lower_heads": sorted(e["text"] for e in patterns if e["kind"] == "lower_head"),
            "names": sorted(names),
            "common": sorted(e["word"] for e in read_jsonl(common_words_file)),
            "titles": [e for e in read_jsonl(titles_file) if e["kind"] in {"head", "rank", "honorific"}],
        }
        # what the finder is built from, kept for to_disk as JSON text: the pipeline cache unpickles a string
        # about ten times quicker than the 50,000 small lists it holds, at every start
        self.state_json = json.dumps(state, ensure_ascii=False)
        self._build(state)

    def _build(self, state: dict) -> None:
        self.heads = set(state["heads"])
        self.single_word_heads = set(state["single_word_heads"])
        self.in_place = set(state["in_place"])
        self.title_tails = {head: set(words) for head, words in state["title_tails"].items()}
        self.corporate = set(state["corporate"])
        self.not_names = set(state["not_names"])
        self.news_cues = set(state["news_cues"])
        self.news_before = set(state["news_before"])
        self.credit_after = set(state["credit_after"])
        self.lower_heads = set(state["lower_heads"])
        self.common = set(state["common"])
        self.titles = TitleVocabulary(self.nlp, state["titles"])
        self.news_words = self.news_cues | self.credit_after | {w.lower() for w in self.news_before}
        self.word_cache: dict[int, tuple[str, int]] = {}  # word hash -> (word, kinds)
        self.known = PhraseIndex(self.nlp.vocab, [(country, self.nlp.make_doc(name))
                                                  for name, country in _by_country(state["names"])])

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "state.json").write_text(self.state_json, encoding="utf-8")

    def from_disk(self, path, exclude=tuple()) -> "OrgFinder":
        self.state_json = (Path(path) / "state.json").read_text(encoding="utf-8")
        self._build(json.loads(self.state_json))
        return self

    def _distinct_words(self, uniq: list[int]) -> tuple[list[str], list[int]]:
        """The strings and kinds (bit flags) of a Doc's distinct word hashes ``uniq``, remembered by hash in a
        bounded cache: only the words not seen before are looked up and tested."""
        strings = self.nlp.vocab.strings

        def describe(_, new_ids):
            words = [strings[orth] for orth in new_ids]
            return list(zip(words, self._kinds(new_ids, words)))

        entries = remembered(bounded(self.word_cache), uniq, describe)
        return list(map(operator.itemgetter(0), entries)), list(map(operator.itemgetter(1), entries))

    def _kinds(self, uniq: list[int], words: list[str]) -> list[int]:
        """The kinds (bit flags) of the words ``words`` (hashes ``uniq``): C-level tests over all of them,
        Python only at the few that pass one."""
        lower = list(map(str.lower, words))
        found = ((true_positions(map(self.known.roots.__contains__, uniq)), KNOWN_START),
                 (true_positions(map(self.news_words.__contains__, lower)), NEWS_CUE),
                 (true_positions(map(self.lower_heads.__contains__, words)), LOWER_HEAD),
                 ([k for k in true_positions(map(self.heads.__contains__, lower)) if words[k][:1].isupper()], HEAD),
                 ([k for k in true_positions(map(str.isupper, words)) if words[k].isalpha() and len(words[k]) > 3], NEWS_CUE),
                 ([k for k in true_positions(map(str.isspace, words)) if words[k].count("\n") == 1], LINE_BREAK),
                 (true_positions(map("(".__eq__, words)), OPENING),
                 ([k for k in true_positions(map(str.isupper, words)) if _SLASHED.match(words[k])], OPENING))
        kinds = [0] * len(uniq)
        for positions, kind in found:
            for k in positions:
                kinds[k] |= kind
        return kinds

    def __call__(self, doc: Doc) -> Doc:
        strings = self.nlp.vocab.strings
        orths, uniq, inverse = distinct_words(doc)
        words, kinds = self._distinct_words(uniq)
        text = numpy.array(words, dtype=object)[inverse].tolist()
        kinds = numpy.array(kinds, dtype=numpy.int64)[inverse]
        countries = covering(len(doc), doc.spans.get(COUNTRY_SPANS, []))
        spans = [Span(doc, s, e, label=KNOWN_ORG, kb_id=strings[key])
                 for key, s, e in self.known(orths.tolist(), where(kinds, KNOWN_START))]
        # title tags matter only next to head nouns and in bracketed acronym definitions
        tags = self.titles.tag(doc) if (kinds & (HEAD | OPENING)).any() else [None] * len(doc)
        if (kinds & HEAD).any():  # head-noun phrases run across line breaks ("Department of Veterans\nAffairs")
            inside = (kinds & LINE_BREAK) == 0
            mask = inside.tobytes()  # a byte per token, which itertools.compress reads at C speed
            spans += self._head_phrases(doc, numpy.flatnonzero(inside), list(compress(text, mask)),
                                        list(compress(countries, mask)), list(compress(tags, mask)),
                                        where(kinds[inside], HEAD))
        spans += self._news_agencies(doc, text, countries, where(kinds, NEWS_CUE | OPENING))
        spans += acronym_definitions(doc, text, countries, tags, where(kinds, OPENING))
        spans += national_bodies(doc, text, countries, where(kinds, LOWER_HEAD))
        doc.spans[ORG_SPANS] = merge_acronyms(filter_spans(spans), text)
        return doc

    def _cap(self, t: str) -> bool:
        return t[:1].isupper() or t[:1].isdigit()

    def _title_word(self, text: list[str], tags: list, k: int) -> bool:
        """A title, rank or honorific, which no organisation name runs through; a one-word rank
        before a head noun is part of the name ("General Staff")."""
        tag = tags[k]
        if tag is None:
            return False
        if tag.kinds & {"head", "honorific"} or tag.end - tag.start > 1:
            return True
        return not (k + 1 < len(text) and text[k + 1].lower() in self.heads)

    def _name_like(self, text: list[str], tags: list, countries: list, k: int) -> bool:
        """A capitalised word that is not vocabulary: no common word, title, head noun or country."""
        if k >= len(text):
            return False
        t = text[k]
        return (t[:1].isupper() and t.isalpha() and not t.isupper() and t.lower() not in self.common
                and tags[k] is None and countries[k] is None and t.lower() not in self.heads)

    def _person_before(self, text: list[str], tags: list, countries: list, k: int) -> bool:
        """Whether the capitalised run ending at ``k`` (the word before an "and") is a person's name: personal
        name words after a title, or two of them ("Advisor Jake Sullivan and National Security Council
        staff"); an organisation never takes a person in across "and"."""
        j = k
        while j >= 0 and self._name_like(text, tags, countries, j):
            j -= 1
        return k - j >= 2 or (k - j == 1 and j >= 0 and self._title_word(text, tags, j))

    def _head_phrases(self, doc: Doc, idx: numpy.ndarray, text: list[str], countries: list, tags: list,
                      heads: list[int]) -> list[Span]:
        """Phrases around the capitalised head nouns at ``heads``, over the tokens ``idx`` of the Doc (``text``
        etc. are aligned with it)."""
        out = []
        n = len(idx)
        for i in heads:
            if tags[i] is not None and tags[i].end - tags[i].start > 1:
                continue  # "Staff" in "Chief of Staff" is part of a title
            # leftwards: capitalised words, possessive countries, hyphens
            start = i
            owned = False  # an owner's possessive passed: no "and" before the owner joins ("X and Mexico’s ...")
            while start > 0:
                p = text[start - 1]
                if p in POSSESSIVE and start > 1 and self._cap(text[start - 2]):
                    start -= 2
                    owned = True
                    while start > 0 and tags[start] is not None and tags[start - 1] is tags[start]:
                        start -= 1  # "the Prime Minister’s Office": the whole title owns the office
                    continue
                if p == "-" and start > 1 and not doc[idx[start - 2]].whitespace_:
                    start -= 1
                    continue
                if p in {"and", "&"} and start > 1 and start < i and not owned and self._cap(text[start - 2]) \
                        and text[start - 2].lower() not in self.heads and not self._title_word(text, tags, start - 2) \
                        and not self._person_before(text, tags, countries, start - 2):
                    start -= 1  # "United States Trade and Development Agency"
                    continue
                # "D-8", "COVID-19", "U.S.-China" (not "U.S.-led", "2023-24")
                if self._cap(p) and p.lower() not in STOPS and not p.replace("-", "").isdigit() \
                        and all(w.replace(".", "").isalnum() and self._cap(w) for w in p.split("-")) \
                        and not self._title_word(text, tags, start - 1):
                    start -= 1
                    continue
                break
            # rightwards: "of/for/and" + capitalised segments; a name-like word ends a segment of common words
            end = i + 1
            while end < n:
                k = end
                if text[k] in {"of", "for", "and", "&", "on"} or (text[k] == "in" and text[i].lower() in self.in_place):
                    k += 1
                    while k < n and text[k] == "the":
                        k += 1
                    seg_start = k
                    while k < n and (self._cap(text[k]) or (text[k] == "-" and k + 1 < n and self._cap(text[k + 1]))
                                     or (text[k] in POSSESSIVE and k > seg_start and head_follows(self.heads, text, k + 1))):
                        if self._title_word(text, tags, k) and self._name_like(text, tags, countries, k + 1):
                            break  # "... Forces Major General X": a title before a name
                        if k > seg_start and text[k - 1] != "-" and self._name_like(text, tags, countries, k) \
                                and (self._name_like(text, tags, countries, k + 1) or text[k + 1:k + 2] == ["bin"]):
                            break  # "... of Türkiye Haluk Gergin": a personal name after the organisation
                        k += 1
                    if k == seg_start:
                        break
                    if text[end] in {"and", "&"} and second_body(self.heads, text, i, end, seg_start, k):
                        break
                    end = k
                    if countries[k - 1] is not None and countries[k - 1].end == idx[k - 1] + 1 \
                            and not (k < n and text[k] == "in" and text[i].lower() in self.in_place):
                        break
                elif self._cap(text[k]) and text[k].lower() in self.heads:
                    end = k + 1
                elif text[k] == "," and k + 1 < n and text[k + 1].lower() in self.corporate \
                        and text[k - 1].lower() in self.corporate:
                    end = k + 2  # "Hanwha Aerospace Co., Ltd."
                else:
                    break
            if end == i + 1 and text[i].lower() not in self.corporate and all(
                    self._name_like(text, tags, countries, k) or text[k] == "-" for k in range(start, i)):
                continue  # "Biden Administration": a government body is not named by a person alone
            if end == i + 1 and end - start == 2 and start >= 2 and text[start - 1] == "the" \
                    and text[start - 2] in {"at", "to", "from", "in"}:
                continue  # "at the White House": a place
            if start == i and i > 1 and text[i - 1] == "of" and tags[i - 2] is not None \
                    and text[i].lower() not in self.single_word_heads:
                continue  # "Head of Government of Spain", "Chief of Army Staff": the rest of a title
            before = start - 2 if start > 1 and text[start - 1] == "the" else start - 1
            if end == i + 1 and before > 0 and text[before] == "of" \
                    and text[before - 1].lower() in self.title_tails.get(text[i].lower(), ()) \
                    and all(countries[k] is None for k in range(start, i)):
                continue  # "Chief of the Air Staff": a title's last words ("of the Iranian General Staff": a body)
            country = countries[start]
            if country is not None and country.start == idx[start] and country.end == idx[end - 1] + 1:
                continue  # "the Russian Federation": a country's name
            if end - start >= 2 or text[i].lower() in self.single_word_heads:
                out.append(Span(doc, idx[start], idx[end - 1] + 1, label="ORG"))
        return out

    def _news_agencies(self, doc: Doc, text: list[str], countries: list, cues: list[int]) -> list[Span]:
        """Agencies named around the cue words at ``cues`` (reporting cues, "(", upper-case words)."""
        out = []
        n = len(doc)
        for i in cues:
            t = text[i]
            lower = t.lower()
            if lower in self.news_cues and i > 0:
                end = i
                start = end
                while start > 0 and end - start < 3 and (self._cap(text[start - 1]) or text[start - 1] == "."):
                    start -= 1
                if start < end and self._cap(text[start]) and countries[start] is None:
                    out.append(Span(doc, start, end, label="ORG"))
                # "... reports Asian Lite News" closing a line
                k = i + 1
                while k < n and k - i <= 4 and text[k][:1].isupper() and text[k].isalpha():
                    k += 1
                if k > i + 1 and (k == n or "\n" in text[k] or text[k] == "."):
                    out.append(Span(doc, i + 1, k, label="ORG"))
            elif lower in self.credit_after:
                # "AFP photo", "VNA/VNS Photo": the agencies (upper-case short names) a picture is credited to
                k = i
                while k > 0 and text[k - 1].isupper() and text[k - 1].isalpha() and countries[k - 1] is None:
                    out.append(Span(doc, k - 1, k, label="ORG"))
                    k -= 2
                    if k < 1 or text[k] != "/":
                        break
            elif lower in self.news_before and i + 1 < n:
                # "By WAM", "source: 1TV": an agency's short name after a source cue
                k = i + 2 if text[i + 1] == ":" else i + 1
                if k < n and len(text[k]) > 1 and text[k].isalnum() and text[k].upper() == text[k] \
                        and any(c.isalpha() for c in text[k]):
                    out.append(Span(doc, k, k + 1, label="ORG"))
            elif t == "(" and i + 2 < n and text[i + 2].startswith(")") and text[i + 1].isupper() \
                    and len(text[i + 1]) > 1 and countries[i + 1] is None \
                    and (i + 3 >= n or "\n" in text[i + 3]):
                out.append(Span(doc, i + 1, i + 2, label="ORG"))  # a headline's source: "... in Riyadh (WAM)"
            elif t == "(" and i + 2 < n and text[i + 2].startswith(")") and doc[i].idx < 400 and i > 0 \
                    and text[i - 1].isdigit() and text[i + 1][:1].isupper() and countries[i + 1] is None:
                out.append(Span(doc, i + 1, i + 2, label="ORG"))  # "Oct. 15 (Xinhua)"
            elif t == "(" and i + 1 < n and doc[i].idx < 400 and _GLUED_DASH.match(text[i + 1]):
                out.append(Span(doc, i + 1, i + 2, label="ORG"))  # a syndicator before its source: "(MENAFN- ..."
            elif t == "(" and doc[i].idx < 400:
                out.extend(source_list(doc, text, countries, i))
            elif t.startswith("/") and doc[i].idx < 400:
                out.append(Span(doc, i, i + 1, label="ORG"))  # a dateline's agency between slashes: "/TASS/."
            elif t.isupper() and t.isalpha() and len(t) > 3 and i > 1 and doc[i].idx < 300 \
                    and text[i - 1] in {",", "."} and (text[i - 2].isdigit() or text[i - 2].isupper() or (
                        city_country(text[i - 2]) and i + 1 < n and text[i + 1] in DASHES)) \
                    and countries[i] is None and t.lower() not in self.not_names and not city_country(t):
                out.append(Span(doc, i, i + 1, label="ORG"))  # dateline agency: "YEREVAN, OCTOBER 4, ARMENPRESS."
        return out


def source_list(doc: Doc, text: list[str], countries: list, i: int) -> list[Span]:
    """The sources a dateline credits in brackets at ``i``, split by slashes before the date
    ("WASHINGTON (Daily News / Agency - 13th May, 2022)"): each capitalised run names an organisation."""
    stop = min(len(text), i + 25)
    close = next((k for k in range(i + 1, stop) if text[k] == ")" or "\n" in text[k]), None)
    dash = next((k for k in range(i + 1, close or i) if text[k] in DASHES), None)
    if dash is None or "/" not in text[i + 1:dash] or not any(c.isdigit() for c in text[dash + 1]):
        return []
    out = []
    start = i + 1
    for k in range(i + 1, dash + 1):
        if text[k] != "/" and text[k] not in DASHES:
            continue
        run = text[start:k]
        if 0 < len(run) <= 4 and all(w[:1].isupper() for w in run) \
                and not (countries[start] is not None and countries[start].end >= k):
            out.append(Span(doc, start, k, label="ORG"))
        start = k + 1
    return out


def acronym_definitions(doc: Doc, text: list[str], countries: list, tags: list, opening: list[int]) -> list[Span]:
    """"Inter-Services Public Relations (ISPR)": a capitalised phrase whose initials spell the
    bracketed acronym names an organisation (not a title or a country); ``opening`` holds the indices of "("."""
    out = []
    n = len(text)
    for i in opening:
        if i + 2 >= n or text[i + 2] != ")":
            continue
        acronym = text[i + 1]
        if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 8):
            continue
        letters = list(acronym)
        k = i
        while letters and k > 0:
            w = text[k - 1]
            if w in INNER and k < i:
                k -= 1
                continue
            parts = [p for p in w.split("-") if p]
            if not parts or not all(p[:1].isupper() for p in parts):
                break
            initials = [p[0] for p in parts]
            if letters[-len(initials):] == initials:
                del letters[-len(initials):]
            elif letters[-1] == initials[-1]:
                letters.pop()
            else:
                break
            k -= 1
        while k < i and text[k] in INNER:
            k += 1
        if letters or i - k < 2 or tags[k] is not None \
                or (countries[k] is not None and countries[i - 1] is not None and countries[k] == countries[i - 1]):
            continue
        out.append(Span(doc, k, i, label="ORG", kb_id=acronym))
    return out


def national_bodies(doc: Doc, text: list[str], countries: list, heads: list[int]) -> list[Span]:
    """A nationality before a lower-case mission ("the Chinese embassy", "the French consulate") names that
    country's mission; ``heads`` holds the indices of the lower-case heads (``lower_head`` in the data)."""
    out = []
    for i in heads:
        k = i
        while k > 0 and i - k < 2 and text[k - 1].isalpha() and text[k - 1].islower() \
                and text[k - 1] not in STOPS and text[k - 1] not in INNER:
            k -= 1  # "Chinese trade embassy": the mission's own words
        country = countries[k - 1] if k > 0 else None
        if country is not None and country.label_ == "demonym" and country.end == k:
            out.append(Span(doc, country.start, i + 1, label="ORG"))
    return out


def merge_acronyms(spans: list[Span], text: list[str]) -> list[Span]:
    """Drop bare acronyms of a name found in full: by a bracketed definition or by the initials of
    its capitalised words ("International Monetary Fund" ... "the IMF"), some acronyms keeping the "of"
    ("Economic Community of West African States" ... "ECOWAS"); ``text`` holds the Doc's words."""
    full = {s.kb_id_ for s in spans if s.kb_id_ and s.label_ == "ORG"}
    for s in spans:
        if s.end - s.start > 1:
            full.add("".join(t[0] for t in text[s.start:s.end] if t[:1].isupper()))
            full.add("".join(t[0].upper() for t in text[s.start:s.end] if t[:1].isupper() or t == "of"))
    return [s for s in spans if not (s.end - s.start == 1 and text[s.start].isupper() and text[s.start] in full)]


def name_ahead(heads: set[str], text: list[str], k: int) -> bool:
    """Whether the words from ``k`` (after a name complete with its head noun and an "and") name a body of
    their own: an acronym ("Agency and NASA") or capitalised words joined by "and" up to a head noun
    ("Foundation and Washington and Lee University")."""
    if text[k].isupper() and len(text[k]) > 1 and text[k].isalpha():
        return True
    while k < len(text) and (text[k][:1].isupper() or text[k] in {"and", "&"}):
        if text[k].lower() in heads:
            return True
        k += 1
    return False


def second_body(heads: set[str], text: list[str], head: int, end: int, seg_start: int, k: int) -> bool:
    """Whether the words seg_start..k after "and" (the name so far ending at ``end``, its head noun at
    ``head``) name a second organisation: "X Council and the Office of Y", "X Group and Y Industries", "X and
    Mexico’s Ministry of Y" (one owner's word: "of Housing and Urban Development’s" is one), "Council of State
    and Council of Ministers" (a head noun opening a name of its own), "X Agency and NASA"."""
    first = text[seg_start].lower()
    name_done = text[end - 1].lower() in heads
    return (text[end + 1] == "the"
            or (name_done and any(text[j].lower() in heads for j in range(seg_start, k)))
            or (seg_start + 1 < k and text[seg_start + 1] in POSSESSIVE)
            or (first in heads and (first == text[head].lower() or k < len(text) and text[k] in {"of", "for"}))
            or (name_done and name_ahead(heads, text, seg_start)))


def head_follows(heads: set[str], text: list[str], k: int) -> bool:
    """Whether capitalised words from ``k`` run on to a head noun: a possessive inside a name goes on to
    its head ("National People’s Congress", "People’s Liberation Army")."""
    while k < len(text) and text[k][:1].isupper():
        if text[k].lower() in heads:
            return True
        k += 1
    return False
