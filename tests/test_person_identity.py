"""Who is who inside one document: two people sharing a surname stay apart; short forms join the full name."""

import pytest
from people_found import people


@pytest.mark.parametrize("text, first, second", [
    ("Defence Minister Mark Smith met his deputy, Mary Smith. Mark Smith said they agreed.", "Mark Smith",
     "Mary Smith"),
    ("Ambassador Dana Kowal met Senator Dan Kowal in Warsaw.", "Dana Kowal", "Dan Kowal"),
    ("Foreign Minister Ana Lima met Trade Minister Rui Lima. Rui Lima said the meeting was good.", "Ana Lima",
     "Rui Lima"),
])
def test_two_people_sharing_a_surname_stay_apart(nlp, text, first, second):
    assert {first, second} <= set(people(nlp, text))


@pytest.mark.parametrize("text, first, second", [
    ("King Abdullah II met Crown Prince Hussein bin Abdullah. King Abdullah thanked him.", "Abdullah II",
     "Hussein bin Abdullah"),
    ("Sheikh Tamim bin Hamad received Emir Hamad on Monday. President Hamad said the ties were strong.",
     "Tamim bin Hamad", "Hamad"),
    ("Prince Faisal bin Salman met Minister Salman. Mr. Salman thanked him.", "Faisal bin Salman", "Salman"),
])
def test_the_father_s_name_in_a_patronymic_names_another_person(nlp, text, first, second):
    assert {first, second} <= set(people(nlp, text))


@pytest.mark.parametrize("text, name, alias", [
    ("Prime Minister Shinzo Abe met the envoy. Later, Mr. Abe spoke to reporters.", "Shinzo Abe", "Abe"),
    ("Minister Ambrose Lufuma met the envoy. Ambrosa Lufuma said the talks went well.", "Ambrose Lufuma",
     "Ambrosa Lufuma"),
    ("Secretary Antony J. Blinken met the minister. Antony Blinken later left.", "Antony J. Blinken",
     "Antony Blinken"),
])
def test_short_forms_and_other_spellings_join_the_full_name(nlp, text, name, alias):
    assert alias in people(nlp, text)[name].aliases
