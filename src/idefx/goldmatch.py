"""How the evaluation compares values, as the project's reference scorer (``shared/eval/score.py``) does:
names folded its way, soft word overlap, and where an item's evidence is.

These folds are the scorer's, not the pipeline's (:mod:`idefx.names`): figures must equal the reference
scorer's, so the comparison follows it even where the pipeline folds otherwise.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Optional

from idefx.names import SUFFIXES

STOP_WORDS = frozenset({"of", "the", "and", "for", "a", "an", "in", "on", "to", "at", "&"})


def norm(text) -> str:
    """Lower case, without diacritics or punctuation, single-spaced."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ı", "i").replace("’", "'").lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def name_tokens(text) -> list[str]:
    """The words of a personal name, without generational suffixes (Jr, III)."""
    return [t for t in norm(text).split() if t not in SUFFIXES]


def content_words(text) -> set[str]:
    return {t for t in norm(text).split() if t not in STOP_WORDS}


def similar(a, b, threshold: float = 0.5) -> bool:
    """Whether two names share at least ``threshold`` of their content words (Jaccard)."""
    ta, tb = content_words(a), content_words(b)
    if not ta or not tb:
        return norm(a) == norm(b)
    return len(ta & tb) / len(ta | tb) >= threshold


def name_of(item) -> str:
    if isinstance(item, dict):
        return item.get("name") or item.get("text") or ""
    return item or ""


def code_of(item) -> str:
    if isinstance(item, dict):
        item = item.get("code") or item.get("iso2") or ""
    return str(item or "").upper()


def titles_of(person: dict) -> list[str]:
    titles = person.get("titles")
    if titles is None:
        titles = [person["title"]] if person.get("title") else []
    return [name_of(t) for t in titles if name_of(t)]


def soft_match(gold: Iterable[str], pred: Iterable[str], threshold: float = 0.6) -> tuple[list, list, list]:
    """Greedy one-to-one matching of two name lists: (matched pairs, unmatched predictions, unmatched gold)."""
    gold = [g for g in dict.fromkeys(gold) if g]
    pred = [p for p in dict.fromkeys(pred) if p]
    used: set[int] = set()
    matched, missed = [], []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and (norm(g) == norm(p) or similar(g, p, threshold)):
                used.add(i)
                matched.append((g, p))
                break
        else:
            missed.append(g)
    return matched, [p for i, p in enumerate(pred) if i not in used], missed


def evidence_of(item: dict) -> Optional[dict]:
    """The first span a predicted item carries (``mentions`` or ``evidence``), if any."""
    if not isinstance(item, dict):
        return None
    for key in ("mentions", "evidence"):
        spans = item.get(key) or []
        if spans and isinstance(spans[0], dict) and "start" in spans[0]:
            span = spans[0]
            return {"start": span["start"], "end": span.get("end"), "text": span.get("text")}
    return None


def locate(text: Optional[str], forms: Iterable[str]) -> Optional[dict]:
    """Where the first of ``forms`` first occurs in ``text`` (case-insensitive), for gold items the tool missed."""
    if not text:
        return None
    for form in forms:
        found = re.search(re.escape(form), text, re.IGNORECASE) if form else None
        if found:
            return {"start": found.start(), "end": found.end(), "text": found.group()}
    return None
