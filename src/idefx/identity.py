"""Who is the same person across documents: grouping sightings (one person as one document's record has it).

The grouping is a function of the set of sightings alone, never of the order they arrived in:

1. Sightings with a full name (a name or alias of two words or more) that share a full name and have the
   same country are one person.
2. Such sightings without a country that share a full name are one group; the group joins the people of
   step 1 it shares a full name with when they all have one country, and stays apart otherwise.
3. A sighting known only by one-word names joins the one person of steps 1-2 who was called by one of
   those words somewhere (with a compatible country) when there is exactly one; otherwise it is one person
   with the one-word sightings sharing a word and its country.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Iterable, Optional

from idefx.names import token_count


@dataclass(frozen=True)
class Sighting:
    """One person in one document: ``ref`` is the caller's handle, ``forms`` the name keys of the person's name
    and aliases."""

    ref: Hashable
    forms: frozenset[str]
    country: Optional[str]

    @property
    def full_forms(self) -> frozenset[str]:
        return frozenset(f for f in self.forms if token_count(f) > 1)


class _Groups:
    """Union-find over sightings' handles."""

    def __init__(self, refs: Iterable[Hashable]):
        self.parent = {r: r for r in refs}

    def find(self, ref: Hashable) -> Hashable:
        while self.parent[ref] != ref:
            self.parent[ref] = self.parent[self.parent[ref]]
            ref = self.parent[ref]
        return ref

    def join(self, a: Hashable, b: Hashable) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[b] = a

    def join_sharing(self, sightings: list[Sighting], forms_of) -> None:
        """Join the sightings that share one of ``forms_of(sighting)``."""
        first: dict[str, Hashable] = {}
        for s in sightings:
            for form in forms_of(s):
                self.join(first.setdefault(form, s.ref), s.ref)


def _compatible(a: Optional[str], b: Optional[str]) -> bool:
    return a is None or b is None or a == b


def group(sightings: Iterable[Sighting]) -> list[list[Hashable]]:
    """The sightings' handles, grouped one list per person (see the module docstring for the rules)."""
    sightings = list(sightings)
    groups = _Groups(s.ref for s in sightings)
    full = [s for s in sightings if s.full_forms]
    for country in {s.country for s in full if s.country}:
        groups.join_sharing([s for s in full if s.country == country], lambda s: s.full_forms)
    countryless = [s for s in full if not s.country]
    groups.join_sharing(countryless, lambda s: s.full_forms)
    by_full_form: dict[str, list[Sighting]] = {}
    for s in full:
        for form in s.full_forms:
            by_full_form.setdefault(form, []).append(s)
    countryless_groups: dict[Hashable, list[Sighting]] = {}
    for s in countryless:
        countryless_groups.setdefault(groups.find(s.ref), []).append(s)
    joins = []
    for members in countryless_groups.values():
        linked = {o for s in members for form in s.full_forms for o in by_full_form[form] if o.country}
        if len({o.country for o in linked}) == 1:
            joins.append((members[0].ref, [groups.find(o.ref) for o in linked]))
    for ref, roots in joins:  # decided before any join, so one group's decision cannot depend on another's
        for root in roots:
            groups.join(ref, root)
    _place_one_word_sightings(groups, full, [s for s in sightings if not s.full_forms])
    out: dict[Hashable, list[Hashable]] = {}
    for s in sightings:
        out.setdefault(groups.find(s.ref), []).append(s.ref)
    return list(out.values())


def _place_one_word_sightings(groups: _Groups, full: list[Sighting], one_word: list[Sighting]) -> None:
    country_of: dict[Hashable, Optional[str]] = {}
    by_form: dict[str, set[Hashable]] = {}
    for s in full:
        root = groups.find(s.ref)
        country_of[root] = country_of.get(root) or s.country
        for form in s.forms:
            by_form.setdefault(form, set()).add(root)
    joins = []
    for s in one_word:
        roots = {r for form in s.forms for r in by_form.get(form, ()) if _compatible(country_of[r], s.country)}
        if len(roots) == 1:
            joins.append((s.ref, next(iter(roots))))
    alone = [s for s in one_word if s.ref not in {ref for ref, _ in joins}]
    for country in {s.country for s in alone}:
        groups.join_sharing([s for s in alone if s.country == country], lambda s: s.forms)
    for ref, root in joins:
        groups.join(root, ref)
