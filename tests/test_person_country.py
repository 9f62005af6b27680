"""A person's country comes from their own phrase, never from a neighbour's; officials of intergovernmental
bodies speak for no country."""

import pytest


def countries(nlp, text):
    return {p.name: p.country for p in nlp(text)._.idefx_people}


@pytest.mark.parametrize("text, name", [
    ("Peruvian Finance Minister Luisa Campos met IMF Managing Director Hanna Lindqvist in Lima.",
     "Hanna Lindqvist"),
    ("The Kenyan President welcomed Tomas Varga, Vice President of the European Commission, to Nairobi.",
     "Tomas Varga"),
    ("Secretary-General of NATO Pieter Janssen held talks with Polish officials in Warsaw.", "Pieter Janssen"),
    ("In Dakar, Senegalese ministers received Amara Diallo, Managing Director, IMF, on Monday.", "Amara Diallo"),
])
def test_an_official_of_an_intergovernmental_body_has_no_country(nlp, text, name):
    assert countries(nlp, text)[name] is None


def test_an_envoy_to_an_intergovernmental_body_keeps_their_state(nlp):
    found = countries(nlp, "Ghana's Permanent Representative to the United Nations, Kofi Mensah, met "
                           "Swedish diplomats in New York.")
    assert found["Kofi Mensah"] == "GH"


def test_a_region_named_after_a_country_is_not_the_country(nlp):
    found = countries(nlp, "The Minister of Niger Delta Affairs, Amaka Obi, and the Niger Delta Development "
                           "Commission chair, Chidi Eze, briefed Nigeria's governors in Port Harcourt.")
    assert found["Amaka Obi"] == "NG"


def test_each_list_item_keeps_its_own_apposition(nlp):
    found = {p.name: p for p in nlp(
        "The envoy met Ms. Lena Berg, Minister of Foreign Affairs of the Kingdom of Sweden and Mr. Omar Haddad, "
        "Minister of Trade of the Republic of Tunisia, on Friday.")._.idefx_people}
    assert (found["Lena Berg"].titles, found["Lena Berg"].country) == (["Minister of Foreign Affairs"], "SE")
    assert (found["Omar Haddad"].titles, found["Omar Haddad"].country) == (["Minister of Trade"], "TN")


def test_a_title_right_after_a_name_without_a_comma_stays_with_that_name(nlp):
    found = {p.name: p for p in nlp(
        "Talks were held with Mr. Karim Benali Trade Minister of Morocco, Mr. Jonas Petrauskas, Minister of "
        "Energy of Lithuania, and others.")._.idefx_people}
    assert (found["Karim Benali"].titles, found["Karim Benali"].country) == (["Trade Minister"], "MA")
    assert (found["Jonas Petrauskas"].titles, found["Jonas Petrauskas"].country) == (["Minister of Energy"], "LT")


def test_an_unmarked_person_is_not_from_the_marked_counterpart_country(nlp):
    found = countries(nlp, "Chilean and Peruvian defence chiefs met on Wednesday.\n\nDefense Secretary Ana Lopez and "
                           "her Peruvian counterpart General Luis Vargas agreed to boost ties. Lopez thanked Peru for "
                           "its support and said Peru was a friend.")
    assert found["Luis Vargas"] == "PE"
    assert found["Ana Lopez"] == "CL"


def test_the_country_someone_travelled_to_is_not_a_guest_s_country(nlp):
    found = countries(nlp, "BUENOS AIRES, May 3 (Reuters) - Foreign Minister Ana Ruiz received Senator Tomas Vidal "
                           "and reviewed the President's recent trip to Chile and Peru.")
    assert found["Tomas Vidal"] == "AR"


@pytest.mark.parametrize("text, country", [
    ("MANILA, May 2 - Cuba's leader wrote to Prime Minister Le Van Hung.", "PH"),
    ("MANILA, May 2 - Cuba's newly appointed prime minister Le Van Hung arrived.", "CU"),
])
def test_a_possessive_country_reaches_a_title_only_within_its_phrase(nlp, text, country):
    assert countries(nlp, text)["Le Van Hung"] == country


@pytest.mark.parametrize("text, name, country", [
    ("Ghana hosts the Togo talks. President Kwame Asante received Foreign Minister Kodjo Mensah of Benin.",
     "Kwame Asante", "GH"),
    ("Chile leads the Andean group with Bolivia. The minister Rosa Vidal met Minister Jorge Salas of Peru.",
     "Rosa Vidal", "CL"),
    ("Norway's fleet and Denmark's ports were discussed as Minister Lars Dahl welcomed Minister Eva Berg of "
     "Sweden.", "Lars Dahl", "NO"),
])
def test_an_unmarked_host_takes_the_first_named_of_equally_named_countries_no_guest_is_from(
        nlp, text, name, country):
    assert countries(nlp, text)[name] == country


@pytest.mark.parametrize("text, name, code", [
    ("He met Norwegian State Secretary for Defence Lars Berg in Oslo.", "Lars Berg", "NO"),
    ("Chinese State Councilor Zhao Ming received the visitors.", "Zhao Ming", "CN"),
    ("Talks followed with Indian State Minister Ravi Kumar and Finnish envoy Mika Laine.", "Ravi Kumar", "IN"),
])
def test_a_demonym_before_state_is_a_nationality(nlp, text, name, code):
    assert countries(nlp, text)[name] == code


@pytest.mark.parametrize("text, name, code", [
    ("Japan and Chile agreed, and Japan hosted. He met Pentagon press secretary Pat Ryder in Tokyo.", "Pat Ryder", "US"),
    ("Japan and Chile agreed, and Japan hosted. Kremlin spokesman Dmitry Peskov said nothing.", "Dmitry Peskov", "RU"),
    ("Japan and Chile agreed, and Japan hosted. Ali Fadavi, the IRGC deputy commander, spoke.", "Ali Fadavi", "IR"),
    ("Argentina and Spain agreed. The President then met Pope Leo at a trip to Portugal.", "Leo", "VA"),
])
def test_an_institution_named_in_the_title_gives_its_country(nlp, text, name, code):
    assert countries(nlp, text)[name] == code


@pytest.mark.parametrize("text, name, title, code", [
    ("Governor Ada Eze of Enugu State met the French ambassador in Paris.", "Ada Eze", "Governor of Enugu State",
     "NG"),
    ("Premier Rachel Notley of Alberta met Japanese Ambassador Kenji Ito in Tokyo.", "Rachel Notley", "Premier",
     "CA"),
    ("Mexican President Ana Ruiz received Governor Tom Hale of Nevada in Mexico City.", "Tom Hale", "Governor", "US"),
    ("The governor of Kano State, Musa Bello, met British envoy Mark Hill in London.", "Musa Bello",
     "governor of Kano State", "NG"),
    ("Chinese investors met Musa Bello, the governor of Kano State, in Beijing.", "Musa Bello",
     "governor of Kano State", "NG"),
    ("Queensland's premier, Anna Clarke, met Indonesian officials in Jakarta.", "Anna Clarke", "premier", "AU"),
])
def test_a_region_gives_its_own_country_never_the_one_named_nearby(nlp, text, name, title, code):
    person = {p.name: p for p in nlp(text)._.idefx_people}[name]
    assert (person.titles, person.country) == ([title], code)


def test_a_region_named_in_two_countries_gives_neither_nor_the_one_named_most(nlp):
    found = countries(nlp, "Amrit Singh, the Governor of Punjab, met British envoy Mark Hill in London. Britain "
                           "and Britain's firms were discussed.")
    assert found["Amrit Singh"] is None


@pytest.mark.parametrize("text, name", [
    ("Senator Tom Reed (D-Georgia) met Israeli Prime Minister Dan Levi in Jerusalem.", "Tom Reed"),
    ("Ukrainian Defence Minister Ivan Kovalenko met Senator Ann Burke (R-Ohio) in Kyiv.", "Ann Burke"),
    ("Polish President Jan Nowak met Senator Lisa Ford, R-South Carolina, in Warsaw.", "Lisa Ford"),
])
def test_a_legislators_party_and_state_give_the_states_country(nlp, text, name):
    assert countries(nlp, text)[name] == "US"


@pytest.mark.parametrize("text, host, guest, code", [
    ("Foreign Minister Sergey Lavrov met Iranian Foreign Minister Ali Bagheri on Tuesday.",
     "Sergey Lavrov", "Ali Bagheri", "IR"),
    ("Prime Minister Donald Tusk held talks with German Chancellor Olaf Scholz.", "Donald Tusk", "Olaf Scholz", "DE"),
    ("Defence Minister Richard Marles received Japan's Defense Minister Minoru Kihara.",
     "Richard Marles", "Minoru Kihara", "JP"),
    ("Wale Edun, the finance minister, met with Ghanaian Finance Minister Ken Ofori-Atta.",
     "Wale Edun", "Ken Ofori-Atta", "GH"),
])
def test_a_country_in_the_next_persons_title_phrase_is_only_theirs(nlp, text, host, guest, code):
    found = countries(nlp, text)
    assert found[guest] == code
    assert found[host] is None


@pytest.mark.parametrize("text, name", [
    ("Finance Minister Wale Edun met her Ghanaian counterpart on Monday.", "Wale Edun"),
    ("Foreign Minister Annalena Baerbock spoke with her Polish counterpart by phone.", "Annalena Baerbock"),
    ("On Friday Defence Minister Tom Alder hosted his Kenyan counterpart.", "Tom Alder"),
])
def test_a_counterparts_demonym_is_not_the_speakers_country(nlp, text, name):
    assert countries(nlp, text)[name] is None


def test_a_country_that_no_title_phrase_claims_still_gives_the_home_country(nlp):
    found = countries(nlp, "Prime Minister Ana Brnabic spoke in Serbia on Monday. She met German Chancellor "
                           "Olaf Scholz.")
    assert found["Ana Brnabic"] == "RS"
    assert found["Olaf Scholz"] == "DE"


@pytest.mark.parametrize("text, name, org", [
    ("ABUJA, May 3 (Reuters) - President Ajay Banga of the World Bank met Nigerian Finance Minister Wale Edun.",
     "Ajay Banga", "World Bank"),
    ("LIMA, June 9 (Reuters) - Peruvian ministers met Managing Director Kristalina Georgieva of the IMF.",
     "Kristalina Georgieva", "IMF"),
    ("NAIROBI, June 9 (Reuters) - Secretary General Mark Rutte of NATO met Kenyan President William Ruto.",
     "Mark Rutte", "NATO"),
])
def test_of_an_intergovernmental_body_after_the_name_gives_no_country(nlp, text, name, org):
    person = {p.name: p for p in nlp(text)._.idefx_people}[name]
    assert (person.organization, person.country) == (org, None)


@pytest.mark.parametrize("text, name, title", [
    ("PARIS, May 3 (Reuters) - Taoiseach Micheál Martin met French President Emmanuel Macron.",
     "Micheál Martin", "Taoiseach"),
    ("BERLIN, May 3 (Reuters) - Chancellor Olaf Scholz received the Taoiseach, Leo Varadkar, on Monday.",
     "Leo Varadkar", "Taoiseach"),
    ("ROME, June 1 (Reuters) - Italian Prime Minister Giorgia Meloni met Tánaiste Simon Harris at the Chigi palace.",
     "Simon Harris", "Tánaiste"),
])
def test_the_irish_heads_of_government_are_titles_of_ireland(nlp, text, name, title):
    person = {p.name: p for p in nlp(text)._.idefx_people}[name]
    assert (person.titles, person.country) == ([title], "IE")


@pytest.mark.parametrize("text, name, code", [
    ("President Amos Kone received delegations from Ghana, the Republic of Togo and Benin. Ghana's envoy spoke "
     "first. Mali and Mali's people were thanked.", "Amos Kone", "ML"),
    ("Foreign Minister Rosa Vidal hosted envoys from Chile and Peru. Chile was praised. Argentina and "
     "Argentina's firms were named.", "Rosa Vidal", "AR"),
    ("Prime Minister Lars Dahl welcomed a delegation from Sweden. Sweden signed. Norway and Norway's ports "
     "were discussed.", "Lars Dahl", "NO"),
])
def test_where_visitors_come_from_is_not_the_home_country(nlp, text, name, code):
    assert countries(nlp, text)[name] == code


@pytest.mark.parametrize("text, name", [
    ("TEHRAN, May 3 (IRNA) - Minister Ali Reza met Secretary General Anna Berg on Monday, before talks on Chile.",
     "Anna Berg"),
    ("LIMA, June 9 (Reuters) - President Omar Said received High Commissioner Lena Holm, and later spoke about "
     "Brazil.", "Lena Holm"),
    ("NAIROBI, July 2 - The foreign minister met with Secretary-General Jan Eliasson, who then flew to Uganda "
     "and Rwanda.", "Jan Eliasson"),
])
def test_a_guest_heading_a_body_of_no_country_takes_no_country_named_after_them(nlp, text, name):
    assert countries(nlp, text)[name] is None


@pytest.mark.parametrize("text, name, code", [
    ("SANTIAGO, May 3 (Reuters) - Peruvian Foreign Minister Jorge Salas met Defence Minister Rosa Vidal on Monday.",
     "Rosa Vidal", "CL"),
    ("NAIROBI, June 9 - Foreign Minister Kofi Mensah of Ghana held talks with Trade Minister Amina Odhiambo.",
     "Amina Odhiambo", "KE"),
    ("ANKARA, May 2 - Azerbaijani Defense Minister Zakir Hasanov met with Defense Minister Yasar Guler. Azerbaijan "
     "and Azerbaijan's army were praised.", "Yasar Guler", "TR"),
])
def test_a_visitors_guest_is_of_the_home_country(nlp, text, name, code):
    assert countries(nlp, text)[name] == code


@pytest.mark.parametrize("text, name, code", [
    ("Minister Amos Kone held talks with Kofi Mensah, the Ghanaian minister Ama Owusu, in Bamako. Mali was "
     "thanked.", "Amos Kone", "ML"),
    ("Minister Rosa Vidal met Jorge Salas and the Peruvian minister Luis Rey in Santiago. Chile was praised.",
     "Rosa Vidal", "CL"),
    ("President Lars Dahl received Eva Berg, the Swedish envoy Olof Lind, and others. Norway was praised.",
     "Lars Dahl", "NO"),
])
def test_a_country_opening_a_title_in_a_list_of_people_is_not_the_home_country(nlp, text, name, code):
    assert countries(nlp, text)[name] == code


@pytest.mark.parametrize("text, name, code", [
    ("President Amos Kone received a delegation from China, led by Minister Li Wei. Mali and Mali's farmers were "
     "named.", "Li Wei", "CN"),
    ("The Kingdom of Norway team was headed by Lars Dahl, State Secretary for Defence. Mali and Mali's farmers "
     "were named.", "Lars Dahl", "NO"),
    ("The President met the official delegation of the Republic of Peru, led by Jorge Salas. Mali and Mali's "
     "farmers were named.", "Jorge Salas", "PE"),
])
def test_the_leader_of_a_countrys_delegation_is_of_that_country(nlp, text, name, code):
    assert countries(nlp, text)[name] == code
