"""Who is the same person across documents (idefx.identity): the rules, and independence from order."""

import random

from idefx.identity import Sighting, group


def s(ref, *forms, country=None):
    return Sighting(ref, frozenset(forms), country)


def as_sets(groups):
    return {frozenset(g) for g in groups}


def test_a_shared_full_name_and_country_make_one_person():
    assert as_sets(group([s(1, "ana lima", "lima", country="BR"), s(2, "ana lima", country="BR"),
                          s(3, "ana lima", country="PT")])) == {frozenset({1, 2}), frozenset({3})}


def test_a_countryless_sighting_joins_only_an_unambiguous_country():
    one = [s(1, "ana lima"), s(2, "ana lima", country="BR")]
    assert as_sets(group(one)) == {frozenset({1, 2})}
    two = one + [s(3, "ana lima", country="PT")]
    assert as_sets(group(two)) == {frozenset({1}), frozenset({2}), frozenset({3})}


def test_countryless_sightings_bridge_people_of_one_country():
    sightings = [s(1, "ana lima", country="BR"), s(2, "ana lima", "ana maria lima"), s(3, "ana maria lima",
                                                                                       country="BR")]
    assert as_sets(group(sightings)) == {frozenset({1, 2, 3})}


def test_a_one_word_name_joins_the_one_person_called_so():
    sightings = [s(1, "ana lima", "lima", country="BR"), s(2, "lima", country="BR"), s(3, "lima")]
    assert as_sets(group(sightings)) == {frozenset({1, 2, 3})}
    other = sightings + [s(4, "rui lima", "lima", country="BR")]
    assert as_sets(group(other)) == {frozenset({1}), frozenset({4}), frozenset({2}), frozenset({3})}


def test_the_grouping_does_not_depend_on_the_order():
    rng = random.Random(7)
    names = ["ana lima", "lima", "ana maria lima", "rui lima", "rui", "ana"]
    sightings = [s(i, *rng.sample(names, rng.randint(1, 3)), country=rng.choice([None, "BR", "PT"]))
                 for i in range(40)]
    expected = as_sets(group(sightings))
    for _ in range(20):
        rng.shuffle(sightings)
        assert as_sets(group(sightings)) == expected
