"""A month word next to a name: a surname ("Theresa May") unless a day follows it (a date)."""


def names(nlp, text):
    return {p.name for p in nlp(text)._.idefx_people}


def test_a_month_after_a_given_name_is_a_surname(nlp):
    found = names(nlp, "Chancellor Olga May met President Ivo June in Vienna on 4 March.")
    assert {"Olga May", "Ivo June"} <= found


def test_a_month_before_a_day_ends_the_name(nlp):
    found = names(nlp, "Minister Tarek Salem May 5 signed the accord with Governor Nils Ek.")
    assert "Tarek Salem" in found and not any(name.endswith("May") for name in found)


def test_a_date_on_the_next_line_is_not_part_of_the_name(nlp):
    found = names(nlp, "Notice\n\n*Governor Carla Mendes  \nAugust 9, 2022*\n\nThe office reopened.")
    assert "Carla Mendes" in found
