"""Name keys: case, diacritics, punctuation and spacing folded, so "Selçuk  Bayraktar" equals "SELCUK BAYRAKTAR"."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from idefx.resources import read_jsonl

# generational suffixes that follow a name and are not part of its key ("Joseph R. Biden, Jr.")
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@lru_cache(maxsize=1)
def _folding() -> dict[int, str]:
    """Letters that Unicode does not decompose into a base letter plus marks (``letter_folding.jsonl``)."""
    return {ord(entry["letter"]): entry["ascii"] for entry in read_jsonl("letter_folding.jsonl")}


# What name_key makes of each ASCII character other than a letter or digit: apostrophes go, the rest separate.
_ASCII_KEY = {c: (None if chr(c) in "'`" else " ") for c in range(128) if not chr(c).isalnum()}


def name_key(text: str) -> str:
    """The comparison key of a name: lower case, no diacritics, words separated by single spaces.

    Apostrophes join (``O'Brien`` -> ``obrien``); any other non-alphanumeric
    character separates words (``Al-Sisi`` -> ``al sisi``).
    """
    if text.isascii():  # nothing to decompose or fold: the same key, character by character in C
        return " ".join(text.translate(_ASCII_KEY).lower().split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_folding()))
    chars = []
    for ch in decomposed:
        if unicodedata.combining(ch) or ch in "'’ʼ`´":
            continue
        chars.append(ch if ch.isalnum() else " ")
    return " ".join("".join(chars).translate(_folding()).casefold().split())


@lru_cache(maxsize=4096)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name's key without generational suffixes (``"Joseph R. Biden, Jr."`` ->
    ``("joseph", "r", "biden")``), remembered for the names a document repeats."""
    return tuple(word for word in name_key(text).split() if word not in SUFFIXES)


def is_suffix(word: str) -> bool:
    """Whether a written word is a generational suffix ("Jr.", "III")."""
    return word.lower().rstrip(".") in SUFFIXES


def token_count(key: str) -> int:
    return len(key.split())
