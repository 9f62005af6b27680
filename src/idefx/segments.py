"""Sentence segmentation for the rule components: sentences cut at full stops, paragraph breaks and the ends
of short lines, worked out over numpy arrays of the Doc's tokens."""

from __future__ import annotations

import functools
import operator
from typing import NamedTuple

import numpy
from spacy.strings import hash_string
from spacy.tokens import Doc

from idefx.tokentables import distinct_words, per_word, token_array

SHORT_LINE = 45  # a line shorter than this (headline, dateline) ends a sentence at its line break
WRAP_WIDTH = 60  # a line this long that stops between two words is hard-wrapped
_FULL_STOPS = [numpy.uint64(hash_string(mark)) for mark in (".", "!", "?")]
# words that open a sentence: after one, a word ending in an abbreviation's full stop ("the U.S.", "5 p.m.",
# "Corp.") also ends its sentence
_OPENERS = numpy.array([hash_string(word) for word in (
    "The", "He", "She", "They", "It", "We", "This", "These", "Those", "In", "On", "At", "During", "After", "But",
    "However", "Meanwhile", "His", "Her", "Their", "Both", "Earlier", "Later", "According")], dtype=numpy.uint64)


class Sentence(NamedTuple):
    """A sentence's token range and character offsets (as a Span's ``start``, ``end``, ``start_char``,
    ``end_char``)."""

    start: int
    end: int
    start_char: int
    end_char: int


_FIRM_ABBREVIATIONS = {"Inc.", "Corp.", "Ltd.", "Co.", "etc."}


def segments(doc: Doc, word_cache: dict[int, bool], short_line: int = SHORT_LINE) -> list[Sentence]:
    """Sentences, also cut at paragraph breaks and at the end of short lines (headlines, datelines); each
    holds a word (a token that is not whitespace or punctuation).

    In hard-wrapped text (lines that go on in lower case) a single line break ends a sentence only
    after a short line. ``word_cache`` remembers, by a word's hash, whether it is a word.
    """
    if not len(doc):
        return []
    strings, length = doc.vocab.strings, len(doc)
    orths, idx = distinct_words(doc)[0], token_array(doc, "IDX").astype(numpy.int64)
    compute = functools.partial(_is_word, doc.vocab)
    spaces = numpy.flatnonzero(token_array(doc, "IS_SPACE"))
    space_texts = [strings[orth] for orth in orths[spaces].tolist()]
    with_break = [k for k, text in enumerate(space_texts) if "\n" in text]
    breaks = spaces[with_break]  # the tokens holding line breaks (whitespace tokens: the tokenizer splits there)
    texts = [space_texts[k] for k in with_break]
    # each break's line: from the end of the break before
    line_length = idx[breaks] - numpy.concatenate(([0], idx[breaks[:-1]] + [len(t) for t in texts[:-1]]))
    single = numpy.array([t.count("\n") == 1 for t in texts], dtype=bool)
    undecided = single & (line_length >= short_line)  # a line break that ends a sentence unless hard-wrapped
    ends_line = ~undecided if undecided.any() and _hard_wrapped(doc, breaks, single, line_length) \
        else numpy.ones(len(breaks), dtype=bool)
    stops = numpy.flatnonzero(functools.reduce(operator.or_, (orths == mark for mark in _FULL_STOPS)))
    stops = numpy.union1d(stops, _abbreviation_ends(strings, orths))
    ends = numpy.sort(numpy.concatenate((stops, breaks[ends_line]))) + 1
    bounds = numpy.concatenate(([0], ends, [length] if not len(ends) or ends[-1] < length else []))
    starts, stops = bounds[:-1].astype(numpy.int64), bounds[1:].astype(numpy.int64)
    worded = numpy.zeros(len(starts), dtype=bool)  # the segments that hold a word
    pending, offset = numpy.arange(len(starts)), 0
    while len(pending):  # look at the segments' first tokens, then at the second ones of those without a word ...
        word = numpy.array(per_word(strings, orths[starts[pending] + offset].tolist(), compute, word_cache),
                           dtype=bool)
        worded[pending[word]] = True
        offset += 1
        pending = pending[~word & (starts[pending] + offset < stops[pending])]
    starts, lasts = starts[worded], stops[worded] - 1
    last_lengths = [len(strings[orth]) for orth in orths[lasts].tolist()]
    return [Sentence(start, last + 1, start_char, end_char) for start, last, start_char, end_char in
            zip(starts.tolist(), lasts.tolist(), idx[starts].tolist(), (idx[lasts] + last_lengths).tolist())]


def _abbreviation_ends(strings, orths: numpy.ndarray) -> numpy.ndarray:
    """The tokens that end in an abbreviation's full stop before a sentence's opening word: one with a full stop
    inside ("U.S.", "p.m.") or a firm's ("Corp."), never a title's ("Mr. He Lifeng")."""
    before = numpy.flatnonzero(numpy.isin(orths[1:], _OPENERS))
    return numpy.array([k for k in before.tolist() if (word := strings[int(orths[k])]).endswith(".") and (
        "." in word[:-1] and word[0].isalpha() or word in _FIRM_ABBREVIATIONS)], dtype=numpy.int64)


def _hard_wrapped(doc: Doc, breaks: numpy.ndarray, single: numpy.ndarray, line_length: numpy.ndarray) -> bool:
    """Whether lines go on in lower case after at least three line breaks, or at least three single breaks end
    long lines between two alphabetic words."""
    strings, orths, length = doc.vocab.strings, token_array(doc, "ORTH"), len(doc)
    if sum(strings[orth].islower() for orth in orths[breaks[breaks + 1 < length] + 1].tolist()) >= 3:
        return True
    mid = breaks[single & (line_length >= WRAP_WIDTH) & (breaks > 0) & (breaks + 1 < length)]
    return sum(strings[before].isalpha() and strings[after].isalpha()
               for before, after in zip(orths[mid - 1].tolist(), orths[mid + 1].tolist())) >= 3


def _is_word(vocab, word: str) -> bool:
    """Whether a token is a word for segments: not whitespace or punctuation."""
    lex = vocab[word]
    return not (lex.is_space or lex.is_punct)
