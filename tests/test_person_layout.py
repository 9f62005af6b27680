"""People across layout: markdown emphasis around a name, and list items whose opening words are a name."""

import pytest
from people_found import people


@pytest.mark.parametrize("text, name, title, country", [
    ("**Karen Holt**, Minister of Trade, met the press.", "Karen Holt", "Minister of Trade", None),
    ("Minister of Trade *Karen Holt* met the press.", "Karen Holt", "Minister of Trade", None),
    ("The talks began when Prime Minister **Petra Novak** of Slovakia arrived.", "Petra Novak", "Prime Minister",
     "SK"),
    ("Foreign Minister __Omar Sadiq__ of Peru spoke first.", "Omar Sadiq", "Foreign Minister", "PE"),
])
def test_emphasis_around_a_name_keeps_title_and_country(nlp, text, name, title, country):
    person = people(nlp, text)[name]
    assert person.titles == [title]
    if country:
        assert person.country == country


def test_an_emphasised_heading_does_not_lend_its_words_to_the_next_line(nlp):
    text = ("**Lena Fischer, Member, Board of Visitors to the Naval Academy**  \n"
            "Vice Admiral Lena Fischer served for thirty years.")
    assert people(nlp, text)["Lena Fischer"].titles == ["Vice Admiral"]


@pytest.mark.parametrize("text, name", [
    ("The council members are:\n\n- Camila Duarte of Ohio\n- Pavel Ruzicka of Maine\n", "Camila Duarte"),
    ("Attendees:\n\n- Greta Lindqvist, Chair\n- Tomasz Nowicki, Member\n", "Tomasz Nowicki"),
    ("The panel:\n\n* Rhea Kapoor\n* Stefan Dragomir\n", "Stefan Dragomir"),
])
def test_a_list_item_opening_with_a_name_is_a_person(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, words", [
    ("Projects:\n\n- **Harbor Point Career Center** is raising funds.\n", "Harbor Point"),
    ("Projects:\n\n- **Lake Meadow** will train 80 students.\n", "Lake Meadow"),
    ("Sites:\n\n- **Elk Ridge Bridges Program** in the north.\n", "Elk Ridge"),
])
def test_a_list_item_opening_with_a_longer_name_or_a_clause_is_not_a_person(nlp, text, words):
    assert words not in people(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Participants:\n1. Lloyd Ashby\n2. Jake Sutter\n", {"Lloyd Ashby", "Jake Sutter"}),
    ("The delegation:\n\n1) Kofi Mensah, Ambassador\n2) Ama Serwaa, Counsellor\n", {"Kofi Mensah", "Ama Serwaa"}),
    ("Members:\n(1) Rhea Kapoor\n(2) Stefan Dragomir\n", {"Rhea Kapoor", "Stefan Dragomir"}),
])
def test_a_numbered_list_item_opening_with_a_name_is_a_person(nlp, text, expected):
    assert expected <= set(people(nlp, text))


@pytest.mark.parametrize("text, name", [
    ("Foreign Minister Karen\u00a0Holt met the envoy.", "Karen Holt"),
    ("The minister met Mr.\u00a0Tomasz\u00a0Wierzbicki on Monday.", "Tomasz Wierzbicki"),
    ("Ambassador Lena\u00a0Maria Fischer said the talks went well.", "Lena Maria Fischer"),
])
def test_a_non_breaking_space_keeps_a_name_whole(nlp, text, name):
    assert name in people(nlp, text)


def test_a_table_s_column_gap_ends_a_name(nlp):
    found = people(nlp, "Minister Karen Holt      Warsaw Office\n")
    assert "Karen Holt" in found


@pytest.mark.parametrize("text, name, glued", [
    ("Guests included:\n\nOhio State Senator Karen Holt  \nNevada State Senator Omar Sadiq\n",
     "Karen Holt", "Karen Holt Nevada"),
    ("Present were:  \nMayor Tomasz Wierzbicki  \nGdansk Deputy Mayor Lena Fischer  \n",
     "Tomasz Wierzbicki", "Tomasz Wierzbicki Gdansk"),
    ("Governor Amara Okonkwo  \nLagos State Commissioner Bayo Adeyemi met the delegation.",
     "Amara Okonkwo", "Amara Okonkwo Lagos"),
])
def test_a_line_ended_by_two_spaces_ends_a_name(nlp, text, name, glued):
    found = people(nlp, text)
    assert name in found and glued not in found


def test_a_plain_line_break_inside_a_name_keeps_it_whole(nlp):
    assert "Karen Holt" in people(nlp, "The delegation met Foreign Minister Karen\nHolt in Warsaw.")


@pytest.mark.parametrize("text, name, alias_free", [
    ("He met Foreign Minister Frank Lindner-MeyerDefence Minister Karen Holt and others.", "Frank Lindner-Meyer",
     "Frank Lindner-MeyerDefence"),
    ("Guests: Ambassador Tomasz WierzbickiPresident Omar Sadiq", "Tomasz Wierzbicki", "Tomasz WierzbickiPresident"),
    ("Minister Amara OkonkwoForeign Minister Lena Fischer", "Amara Okonkwo", "Amara OkonkwoForeign"),
])
def test_a_name_glued_to_the_next_title_loses_the_title_word(nlp, text, name, alias_free):
    found = people(nlp, text)
    assert name in found and alias_free not in found
    start, end = found[name].mentions[0]
    assert text[start:end] == name


def test_a_firm_written_in_camel_case_is_no_glued_title(nlp):
    assert "Karen Holt" in people(nlp, "The AstraZeneca chief, Minister Karen Holt, spoke.")
