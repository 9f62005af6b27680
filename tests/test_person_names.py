"""Name runs: initials that open a name, a pronoun that is not an honorific, a common word as a titled surname."""

import pytest
from people_found import people


@pytest.mark.parametrize("text, name, title", [
    ("The chief met Admiral R. Hari Kumar at the base.", "R. Hari Kumar", "Admiral"),
    ("Gen. S. M. Rafiq Ahmed reviewed the parade.", "S. M. Rafiq Ahmed", "Gen."),
    ("Ambassador J. Tomas Varga presented his credentials.", "J. Tomas Varga", "Ambassador"),
])
def test_initials_open_a_name_after_its_title(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, word", [
    ("Asked whether he Pyongyang would respond, the spokesman declined.", "Pyongyang"),
    ("The report said he Tehran had agreed.", "Tehran"),
    ("Officials said he Brexit talks would resume.", "Brexit"),
])
def test_a_lower_case_pronoun_is_no_honorific(nlp, text, word):
    assert word not in people(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Minister of State for Labour, Mr Festus Okoro SAN, attended.", "Festus Okoro"),
    ("The bill was tabled by Senator Ana Costa MP on Monday.", "Ana Costa"),
    ("Governor Tomas Reyes QC welcomed the delegation.", "Tomas Reyes"),
])
def test_a_post_nominal_in_capitals_is_not_part_of_the_name(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, acronym", [
    ("The Group Managing Director, GMD, of the corporation spoke.", "GMD"),
    ("The Prime Minister Office (PMO) said the call went well.", "PMO"),
    ("The President of TSU welcomed the graduates.", "TSU"),
])
def test_an_acronym_alone_is_no_ones_name(nlp, text, acronym):
    assert acronym not in people(nlp, text)


@pytest.mark.parametrize("text, name, title", [
    ("Minister for Agriculture Michael Creed met his counterparts in Berlin.", "Michael Creed",
     "Minister for Agriculture"),
    ("Senator Ana Price said on Monday that the bill passed.", "Ana Price", "Senator"),
    ("Minister for Trade Omar Young, who spoke first, agreed.", "Omar Young", "Minister for Trade"),
    ("Foreign Minister Ibrahim Creed’s visit ended.", "Ibrahim Creed", "Foreign Minister"),
])
def test_a_common_word_after_a_titled_given_name_is_its_surname(nlp, text, name, title):
    assert title in people(nlp, text)[name].titles


@pytest.mark.parametrize("text, name", [
    ("President Joseph Keita Wednesday said the talks ended.", "Joseph Keita"),
    ("Minister Anna Berg Foundation staff attended.", None),
    ("Senator Ana Rodas Creed Street was closed.", None),
])
def test_a_common_word_is_no_surname_before_a_capitalised_word_or_as_a_weekday(nlp, text, name):
    found = people(nlp, text)
    assert all("Wednesday" not in n and "Creed" not in n for n in found)
    if name:
        assert name in found


@pytest.mark.parametrize("text, name", [
    ("Li Zhanshu, Chairman of the Standing Committee, also expressed his sympathy.", "Li Zhanshu"),
    ("Premier Li Keqiang met the delegation.", "Li Keqiang"),
    ("Li Wei, a spokesman, said the talks went well.", "Li Wei"),
])
def test_li_is_a_surname(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Foreign Minister Hossein Amir-Abdollahian met the envoy.", "Hossein Amir-Abdollahian"),
    ("The envoy met Foreign Minister Reza Amir-Tehrani in Tehran.", "Reza Amir-Tehrani"),
    ("Ambassador Leila Emir-Khani said the talks went well.", "Leila Emir-Khani"),
])
def test_a_title_word_glued_by_a_hyphen_to_a_surname_is_part_of_the_name(nlp, text, name):
    assert name in people(nlp, text)


def test_a_hyphened_title_stays_a_title(nlp):
    assert people(nlp, "Vice-President Omar Sadiq met the envoy.")["Omar Sadiq"].titles == ["Vice-President"]


@pytest.mark.parametrize("text, name", [
    ("Datuk Seri Aziz Rahman said the two countries would cooperate.", "Aziz Rahman"),
    ("The forum was opened by Tan Sri Nor Hisham Yusof.", "Nor Hisham Yusof"),
    ("Prime Minister Dato' Sri Ismail Harun met the envoy.", "Ismail Harun"),
])
def test_a_malay_honorific_is_no_part_of_the_name(nlp, text, name):
    found = people(nlp, text)
    assert name in found
    assert found[name].titles in ([], ["Prime Minister"])


def test_a_burmese_name_keeps_its_words(nlp):
    assert "Kyaw Tun" in people(nlp, "Minister for Foreign Affairs U Kyaw Tun met the envoy.")


@pytest.mark.parametrize("text, name", [
    ("Governor Asa Boeing met the envoy.", "Asa Boeing"),
    ("The envoy met Secretary Joshua Siemens on Monday.", "Joshua Siemens"),
    ("Minister Kofi Dangote said the plant would reopen.", "Kofi Dangote"),
])
def test_a_firm_s_one_word_name_after_a_given_name_is_a_surname(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("President Emmanuel MACRON met the envoy.", "Emmanuel MACRON"),
    ("The minister met Mr Jean-Yves LE DRIAN on Monday.", "Jean-Yves LE DRIAN"),
    ("Chancellor Olaf SCHOLZ and the envoy met in Berlin.", "Olaf SCHOLZ"),
])
def test_a_surname_in_capitals_after_a_given_name_is_part_of_the_name(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Minister Karen Holt NATO officials met in Brussels.", "Karen Holt"),
    ("King Abdullah II met the envoy.", "Abdullah II"),
    ("Senator Ana Costa MP said the talks went well.", "Ana Costa"),
])
def test_an_acronym_suffix_or_post_nominal_after_a_name_stays_out_of_it(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Defense Minister Shin Won-sik held talks with the envoy.", "Shin Won-sik"),
    ("Prime Minister Han Duck-soo received the delegation.", "Han Duck-soo"),
    ("Foreign Minister Choe Son Hui met the envoy.", "Choe Son Hui"),
])
def test_korean_given_names_stay_whole(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Director Ana Lima ordered a Health Check-up for staff.", "Ana Lima"),
    ("Minister Karen Holt said the Follow-on talks went well.", "Karen Holt"),
    ("Envoy Omar Sadiq met his counterpart in Rome.", "Omar Sadiq"),
])
def test_a_hyphened_common_phrase_or_a_cue_stays_out_of_a_name(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("The minister met Senior General Min Aung Hlaing in Naypyitaw.", "Min Aung Hlaing"),
    ("Vice-Senior General Soe Win received the envoy.", "Soe Win"),
    ("Senior General Than Shwe said the talks went well.", "Than Shwe"),
])
def test_a_senior_general_is_a_rank_before_a_name(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name, title", [
    ("Cmdr. Rhea Kapoor received the delegation.", "Rhea Kapoor", "Cmdr"),
    ("The bill was backed by Rep. Rui Lima of Ohio.", "Rui Lima", "Representative"),
    ("Air Cdre Mark Lowe met the envoy.", "Mark Lowe", "Air Cdre"),
])
def test_abbreviated_ranks_and_titles_open_a_name(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title", [
    ("Minister K R Patel visited the port on Friday.", "K R Patel", "Minister"),
    ("Ambassador T Okafor presented his credentials.", "T Okafor", "Ambassador"),
    ("The bill was backed by Senator M Alvarez Ruiz.", "M Alvarez Ruiz", "Senator"),
])
def test_initials_without_periods_open_a_name_after_its_title(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name", [
    ("Dr S Jaishankar said the talks were useful.", "S Jaishankar"),
    ("Mr K Mensah told reporters the plan was ready.", "K Mensah"),
    ("Ms R Lindqvist said the fund would grow.", "R Lindqvist"),
])
def test_an_initial_without_a_period_after_an_honorific_stays_in_the_name(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("A statement from Premier Li Wei Long", "Li Wei Long"),
    ("Remarks by President Tran Van Long\n\nThe leaders met.", "Tran Van Long"),
    ("Minister Sara Lind Hope\nWelcome to all.", "Sara Lind Hope"),
])
def test_a_common_surname_closes_a_titled_name_at_a_line_or_text_end(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name, title", [
    ("Deputy Attorney General Lisa Monaco said the department would act.", "Lisa Monaco", "Deputy Attorney General"),
    ("Ambassador Tomas Peru said the talks went well.", "Tomas Peru", "Ambassador"),
    ("Deputy Minister Lucas Cuba told reporters the plan was ready.", "Lucas Cuba", "Deputy Minister"),
])
def test_a_country_name_after_a_titled_given_name_is_its_surname(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, code", [
    ("Ambassador Tomas Peru said the talks went well.", "Tomas Peru", "PE"),
    ("Governor Anna Malta opened the session.", "Anna Malta", "MT"),
    ("Senator Rosa Kenya voted against the bill.", "Rosa Kenya", "KE"),
])
def test_a_country_read_as_a_surname_is_not_the_persons_country(nlp, text, name, code):
    assert people(nlp, text)[name].country != code


@pytest.mark.parametrize("text, name", [
    ("Deputy Minister U Kyaw Min met the delegation.", "Kyaw Min"),
    ("The envoy met Minister U Aung Naing in Naypyitaw.", "Aung Naing"),
    ("Deputy Minister U Bharat Singh joined the video call.", "Bharat Singh"),
])
def test_the_burmese_honorific_u_is_no_initial(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name, title, code", [
    ("Chairman of the State Duma Pavel Orlov met Armenian lawmakers in Moscow.", "Pavel Orlov",
     "Chairman of the State Duma", "RU"),
    ("Ana Ruiz met the Speaker of the Verkhovna Rada, Taras Hnatiuk, in Kyiv.", "Taras Hnatiuk",
     "Speaker of the Verkhovna Rada", "UA"),
    ("Speaker of the Knesset Avi Mizrahi received the delegation.", "Avi Mizrahi", "Speaker of the Knesset", "IL"),
])
def test_an_institutions_name_is_no_part_of_a_persons_name(nlp, text, name, title, code):
    found = {p.name: p for p in nlp(text)._.idefx_people}
    assert (found[name].titles, found[name].country) == ([title], code)
    assert not any("Duma" in n or "Rada" in n or "Knesset" in n for n in found)


@pytest.mark.parametrize("text, name, title", [
    ("He met World Bank Vice President for Latin America Ana Paz in Dakar.", "Ana Paz",
     "Vice President for Latin America"),
    ("He met the EU Special Representative for Central Asia Lena Holm in Astana.", "Lena Holm",
     "Special Representative for Central Asia"),
    ("He met IMF Director for the Middle East Omar Haddad in Dubai.", "Omar Haddad", "Director for the Middle East"),
])
def test_a_world_region_in_a_title_is_no_part_of_the_name_after_it(nlp, text, name, title):
    found = {p.name: p for p in nlp(text)._.idefx_people}
    assert list(found) == [name]
    assert found[name].titles[0].endswith(title)


@pytest.mark.parametrize("text, name", [
    ("Minister of State for External Affairs Shri V. Muraleedharan met the delegation.", "V. Muraleedharan"),
    ("The delegation called on Smt. Meenakshi Lekhi in New Delhi.", "Meenakshi Lekhi"),
    ("Shri Rajnath Singh, the Defence Minister, met the envoy.", "Rajnath Singh"),
])
def test_indian_honorifics_are_no_part_of_the_name(nlp, text, name):
    assert name in people(nlp, text)


@pytest.mark.parametrize("text, name, title", [
    ("Former Prime Minister Bill English of New Zealand met the Australian envoy.", "Bill English",
     "Former Prime Minister"),
    ("Governor Bill Haslam of Tennessee hosted Ambassador Tomas Peru.", "Bill Haslam", "Governor"),
    ("The Kenyan delegation met NASA Administrator Bill Nelson in Houston.", "Bill Nelson", "Administrator"),
])
def test_bill_is_a_given_name_before_a_surname(nlp, text, name, title):
    found = people(nlp, text)
    assert name in found and found[name].titles[0] == title


@pytest.mark.parametrize("text", [
    "The Kennedy Bill was debated at length, Senator Ana Price said.",
    "Minister Karen Holt said the Farm Bill and the Defense Bill would pass.",
    "The Hartmann Bill, Ambassador Tomas Peru said, changes nothing.",
])
def test_a_bill_named_after_someone_is_no_person(nlp, text):
    assert not any("Bill" in name for name in people(nlp, text))
