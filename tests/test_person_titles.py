"""Titles read by structure: complete multi-word titles after the name, words coordinated inside a title's
complement, and a body named between a title and a rank."""

import pytest
from people_found import people


@pytest.mark.parametrize("text, name, title", [
    ("The talks were joined by Anna Berg, Senior Trade and Investment Commissioner at the embassy.",
     "Anna Berg", "Senior Trade and Investment Commissioner"),
    ("Present were Omar Haddad, Diplomatic Advisor to the President, and other officials.",
     "Omar Haddad", "Diplomatic Advisor to the President"),
    ("Lucia Ferro, Regional Sales Manager, presented the new vessel.", "Lucia Ferro", "Regional Sales Manager"),
])
def test_title_after_the_name_keeps_its_leading_words(nlp, text, name, title):
    assert title in people(nlp, text)[name].titles


def test_capitalised_names_before_a_title_stay_the_next_persons(nlp):
    found = people(nlp, "The governor met Tomas Reyes, Ahmed Kamal and Country Director Mercy Tembon.")
    assert "Mercy Tembon" in found
    assert all(not p.titles for name, p in found.items() if name != "Mercy Tembon")


@pytest.mark.parametrize("text, name, title, country", [
    ("Olaf Brandt, Minister of Foreign Affairs and Expatriates of the Republic of Chile, arrived.",
     "Olaf Brandt", "Minister of Foreign Affairs and Expatriates", "CL"),
    ("Rita Amadi, Deputy Secretary of Housing and Urban Development, spoke first.",
     "Rita Amadi", "Deputy Secretary of Housing and Urban Development", None),
    ("Karl Lind, Minister for Trade and Industry of Sweden, visited the port.",
     "Karl Lind", "Minister for Trade and Industry", "SE"),
])
def test_and_inside_a_titles_complement_belongs_to_the_title(nlp, text, name, title, country):
    person = people(nlp, text)[name]
    assert person.titles == [title]
    if country:
        assert person.country == country


@pytest.mark.parametrize("text", [
    "Martin Raiser, Vice President of the World Bank and Ahsan Mansur met in Dhaka.",
    "Ines Vogel, Minister of Economy and Deputy Minister Paul Kern signed the plan.",
    "Sundar Patel, Head of Research and Lena Ortiz walked in.",
])
def test_and_before_the_next_person_ends_the_title(nlp, text):
    for person in people(nlp, text).values():
        assert all(" and " not in title for title in person.titles)


@pytest.mark.parametrize("text, name, title, org, country", [
    ("She met the Chief of Army Staff, Kenyan Army, Major General Paul Otieno.",
     "Paul Otieno", "Chief of Army Staff", "Kenyan Army", "KE"),
    ("He was received by Chief of Naval Staff, Ghana Navy, Rear Admiral Issah Yakubu.",
     "Issah Yakubu", "Chief of Naval Staff", "Ghana Navy", "GH"),
    ("On arrival he was greeted by Commander, Nigerian Air Force, Air Vice Marshal Musa Bello.",
     "Musa Bello", "Commander", "Nigerian Air Force", "NG"),
])
def test_a_body_between_title_and_rank_is_the_titles_organisation(nlp, text, name, title, org, country):
    person = people(nlp, text)[name]
    assert person.titles == [title]
    assert person.organization == org
    assert person.country == country


@pytest.mark.parametrize("text, name, title", [
    ("Lee Jae-min, the opposition leader, met the envoy.", "Lee Jae-min", "leader"),
    ("Karen Holt, the country's defence minister, arrived on Friday.", "Karen Holt", "defence minister"),
    ("Tomas Reyes, the regional governor, welcomed the delegation.", "Tomas Reyes", "regional governor"),
])
def test_a_lower_case_title_after_a_determiner_in_the_apposition(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text", [
    "Karen Holt, the woman who leads the party, arrived.",
    "Karen Holt, the one with the plan, arrived.",
    "Karen Holt, a reader of history books, arrived.",
])
def test_a_lower_case_apposition_without_a_title_gives_none(nlp, text):
    assert all(not p.titles for p in people(nlp, text).values())


@pytest.mark.parametrize("text, name", [
    ("President Ana Costa and First Lady Maria Costa visited the school.", "Maria Costa"),
    ("First Lady Jill Moreno hosted the spouses.", "Jill Moreno"),
    ("The First Gentleman Doug Emhoff toured the site.", "Doug Emhoff"),
])
def test_first_lady_is_a_title_not_part_of_the_name(nlp, text, name):
    found = people(nlp, text)
    assert name in found


@pytest.mark.parametrize("text, name, title", [
    ("Karen Holt (Minister of Trade) met the envoys.", "Karen Holt", "Minister of Trade"),
    ("The deal was signed by Omar Sadiq (Foreign Minister of Peru) on Monday.", "Omar Sadiq", "Foreign Minister"),
    ("Lena Fischer (Senior Trade Commissioner) opened the fair.", "Lena Fischer", "Senior Trade Commissioner"),
])
def test_a_title_in_brackets_after_the_name(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title", [
    ("Amina Diallo\n(Ambassador of Senegal)\n", "Amina Diallo", "Ambassador"),
    ("The panel heard Tomas Reyes\n(Deputy Minister of Finance) first.", "Tomas Reyes", "Deputy Minister of Finance"),
    ("Speakers:\nLena Kowalczyk\n(Minister of Health)\nOmar Haddad\n(Minister of Energy)", "Omar Haddad",
     "Minister of Energy"),
])
def test_a_title_in_brackets_on_the_line_below_the_name(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, first, second, title", [
    ("In attendance were the Inspector General of Police, Mohammed Adamu, Minister of Trade, Mr Godswill "
     "Akpabio; and others.", "Mohammed Adamu", "Godswill Akpabio", "Minister of Trade"),
    ("Present were the Minister of Health, Anna Berg, Minister of Works, Dr Omar Haddad, and others.",
     "Anna Berg", "Omar Haddad", "Minister of Works"),
    ("The guests were the Governor of Lagos, Ade Ojo, Commissioner for Works, Mrs Ngozi Eze, and the Mayor.",
     "Ade Ojo", "Ngozi Eze", "Commissioner for Works"),
])
def test_in_a_title_name_list_a_title_before_an_honorific_and_name_is_that_names(nlp, text, first, second, title):
    found = people(nlp, text)
    assert found[second].titles == [title]
    assert title not in found[first].titles and len(found[first].titles) == 1


@pytest.mark.parametrize("text, names, title", [
    ("He met Presidents Ada Obi and Kofi Mensah.", ["Ada Obi", "Kofi Mensah"], "President"),
    ("He met Senators Juma Obi, Kofi Mensah and Omar Haddad.", ["Juma Obi", "Kofi Mensah", "Omar Haddad"],
     "Senator"),
    ("Defence Secretaries Juma Obi and Kofi Mensah of Ghana met.", ["Juma Obi", "Kofi Mensah"],
     "Defence Secretary"),
    ("The Chairmen Lena Varga and Tomas Reyes spoke.", ["Lena Varga", "Tomas Reyes"], "Chairman"),
])
def test_a_plural_title_gives_each_name_of_its_list_the_singular(nlp, text, names, title):
    found = people(nlp, text)
    assert sorted(found) == sorted(names)
    assert all(found[name].titles == [title] for name in names)


def test_each_name_after_a_plural_title_keeps_its_own_country(nlp):
    found = people(nlp, "Foreign Ministers Ada Obi of Kenya and Kofi Mensah of Ghana signed the accord.")
    assert (found["Ada Obi"].country, found["Kofi Mensah"].country) == ("KE", "GH")
    assert found["Kofi Mensah"].titles == ["Foreign Minister"]


def test_a_plural_title_does_not_reach_past_a_clause(nlp):
    found = people(nlp, "Ministers Ada Obi and Kofi Mensah met while Lena Varga waited outside.")
    assert "Lena Varga" not in found or not found["Lena Varga"].titles


@pytest.mark.parametrize("text, expected", [
    ("Chile hosted. He met with Kenyan and Ghanaian foreign ministers Juma Obi and Kofi Mensah.",
     {"Juma Obi": ("foreign minister", "KE"), "Kofi Mensah": ("foreign minister", "GH")}),
    ("Chile hosted. The defence ministers of Kenya and Ghana, Juma Obi and Kofi Mensah, met in Santiago.",
     {"Juma Obi": ("defence minister", "KE"), "Kofi Mensah": ("defence minister", "GH")}),
    ("Chile hosted. The foreign ministers of Kenya, Peru and Ghana, Juma Obi, Ana Rodas and Kofi Mensah, met.",
     {"Juma Obi": ("foreign minister", "KE"), "Ana Rodas": ("foreign minister", "PE"),
      "Kofi Mensah": ("foreign minister", "GH")}),
    ("Chile hosted. Kenyan defence ministers Juma Obi and Kofi Mensah attended.",
     {"Juma Obi": ("defence minister", "KE"), "Kofi Mensah": ("defence minister", "KE")}),
])
def test_countries_coordinated_with_a_plural_title_go_to_its_names_in_order(nlp, text, expected):
    found = people(nlp, text)
    assert {name: (p.titles[0], p.country) for name, p in found.items()} == expected


@pytest.mark.parametrize("text, name, title", [
    ("The Director General of the Kenya Maritime Safety Agency, KMSA, Juma Obi, spoke.", "Juma Obi",
     "Director General of the Kenya Maritime Safety Agency"),
    ("The Chief of Army Staff, COAS, Lt. Gen. Kofi Mensah, visited.", "Kofi Mensah", "Chief of Army Staff"),
    ("The Comptroller-General of the Ghana Revenue Service (GRS), Ama Owusu, spoke.", "Ama Owusu",
     "Comptroller-General of the Ghana Revenue Service"),
    ("The Managing Director, MD, of the Kenya Power Company, KPC, Lena Varga, met the minister.", "Lena Varga",
     "Managing Director of the Kenya Power Company"),
])
def test_an_acronym_glossing_the_title_before_it_is_read_through(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


def test_a_list_of_acronyms_is_no_gloss(nlp):
    found = people(nlp, "He met leaders of the UN, EU, AU and Kofi Mensah, President of Ghana.")
    assert found["Kofi Mensah"].titles == ["President"]


@pytest.mark.parametrize("text, name, title", [
    ("He met Kofi Mensah, Minister of Volta Basin Development.", "Kofi Mensah", "Minister of Volta Basin Development"),
    ("He met the Secretary of Homeland Security Ana Rodas.", "Ana Rodas", "Secretary of Homeland Security"),
    ("Present was Commissioner of Lagos Waterways Juma Obi.", "Juma Obi", "Commissioner of Lagos Waterways"),
])
def test_a_ministers_complement_is_a_portfolio_the_title_keeps(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


def test_a_position_in_a_firm_is_still_the_position_alone(nlp):
    assert people(nlp, "He met Juma Obi, CEO of Safaricom Holdings.")["Juma Obi"].titles == ["CEO"]


@pytest.mark.parametrize("text, name, title, country", [
    ("He received the credentials of Kofi Mensah as Ambassador of Ghana.", "Kofi Mensah", "Ambassador", "GH"),
    ("The board named Ana Rodas as the new Chief Executive Officer.", "Ana Rodas", "Chief Executive Officer", None),
    ("Kofi Mensah, who is Ghana's defence minister, attended.", "Kofi Mensah", "defence minister", "GH"),
    ("Juma Obi, who was Minister of Trade until 2020, spoke.", "Juma Obi", "Minister of Trade", None),
])
def test_a_title_after_as_or_who_is_is_the_names(nlp, text, name, title, country):
    person = people(nlp, text)[name]
    assert person.titles == [title]
    assert country is None or person.country == country


@pytest.mark.parametrize("text, name, title, country", [
    ("Ali Bamba, who is also Benin's defence minister, met French officials in Paris.", "Ali Bamba",
     "defence minister", "BJ"),
    ("Maria Costa, who is now the Angolan deputy foreign minister, met Chinese envoys.", "Maria Costa",
     "deputy foreign minister", "AO"),
    ("The talks included Karl Weber, who was also Minister of Trade, and Swiss officials.", "Karl Weber",
     "Minister of Trade", None),
])
def test_an_adverb_after_who_is_keeps_the_title(nlp, text, name, title, country):
    person = people(nlp, text)[name]
    assert person.titles == [title]
    assert country is None or person.country == country


def test_who_is_without_a_title_gives_none(nlp):
    assert people(nlp, "Kofi Mensah, who was born in Accra, spoke.")["Kofi Mensah"].titles == []


def test_a_lower_case_plural_without_countries_gives_no_title(nlp):
    found = people(nlp, "Chile hosted. The visiting ministers Juma Obi and Kofi Mensah toured the port.")
    assert all(not p.titles for p in found.values())


@pytest.mark.parametrize("text, name, title, code", [
    ("On Monday, Ana Silva, Director of Trade, Ministry of Foreign Affairs of Peru; and Luis Mora, Senior Advisor, "
     "U.S. Department of State, opened the dialogue in Lima.", "Ana Silva", "Director of Trade", "PE"),
    ("The talks were chaired by Joao Pinto, Head of the Americas Division, Ministry of External Relations of Brazil, "
     "and a Canadian envoy.", "Joao Pinto", "Head of the Americas Division", "BR"),
    ("Present were Admiral Rui Lobo, Head of Naval Policy, Portuguese Navy, and officials from Spain and France.",
     "Rui Lobo", "Head of Naval Policy", "PT"),
])
def test_the_body_named_after_a_title_gives_its_country(nlp, text, name, title, code):
    found = {p.name: p for p in nlp(text)._.idefx_people}
    assert found[name].titles[0] == title
    assert found[name].country == code


@pytest.mark.parametrize("text, name, title", [
    ("Ambassador Joao Pinto, Head of the Department of Trade and Energy Affairs, Ministry of External Relations of "
     "Brazil, spoke.", "Joao Pinto", "Head of the Department of Trade and Energy Affairs"),
    ("Lina Berg, Director of the Office of Science and Technology Policy, met Chilean officials.", "Lina Berg",
     "Director of the Office of Science and Technology Policy"),
    ("The minister received Omar Sy, Head of the Directorate of Research and Development, on Friday.", "Omar Sy",
     "Head of the Directorate of Research and Development"),
])
def test_an_organisation_s_name_over_and_stays_in_the_title(nlp, text, name, title):
    found = {p.name: p for p in nlp(text)._.idefx_people}
    assert title in found[name].titles


@pytest.mark.parametrize("text, name, title", [
    ("Benin's chief negotiator Ali Bamba met French officials in Paris.", "Ali Bamba", "chief negotiator"),
    ("Admiral Juan Soto, commander in chief of the Peruvian navy, met US officials.", "Juan Soto",
     "commander in chief of the Peruvian navy"),
    ("The Ghanaian agriculture minister Kofi Asante met Dutch farmers.", "Kofi Asante", "agriculture minister"),
    ("Zambia's tourism minister Ruth Banda met Chinese investors in Lusaka.", "Ruth Banda", "tourism minister"),
    ("US Labor Secretary Ann Reed met union leaders in Detroit.", "Ann Reed", "Labor Secretary"),
])
def test_a_lower_case_title_keeps_its_portfolio_and_complement(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title, code", [
    ("The chief of Peru's joint staff, Luis Vargas, met US officials on Monday.", "Luis Vargas",
     "chief of the joint staff", "PE"),
    ("On Friday the head of Ghana's armed forces, Kofi Boateng, received French officers.", "Kofi Boateng",
     "head of the armed forces", "GH"),
    ("Luis Vargas, chief of Peru's joint staff, and the service chiefs met US officials.", "Luis Vargas",
     "chief of the joint staff", "PE"),
    ("Officials met Kofi Boateng, head of the armed forces.", "Kofi Boateng", "head of the armed forces", None),
])
def test_a_lower_case_complement_closed_by_a_comma_is_the_titles(nlp, text, name, title, code):
    person = people(nlp, text)[name]
    assert person.titles == [title]
    assert code is None or person.country == code


@pytest.mark.parametrize("text", [
    "Officials met Kofi Boateng, head of the unit that handles exports, in Accra.",
    "The head of the unit that handles exports, Kofi Boateng, spoke in Accra.",
    "The head of the office for which Kofi Boateng works spoke in Accra.",
])
def test_a_clause_after_of_is_no_lower_case_complement(nlp, text):
    assert all("export" not in title and "works" not in title for person in people(nlp, text).values()
               for title in person.titles)


@pytest.mark.parametrize("text, name, title", [
    ("External Affairs Minister S. Venkatesan met the envoys.", "S. Venkatesan", "External Affairs Minister"),
    ("India's External Affairs Minister Dr S Rao arrived.", "S Rao", "External Affairs Minister"),
    ("The External Trade Commissioner Lena Holm spoke first.", "Lena Holm", "External Trade Commissioner"),
])
def test_external_opens_a_portfolio_title(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title", [
    ("Defence Minister Rosa Vidal met Jorge Salas, the Peruvian ambassador, at the forum in Lima.",
     "Jorge Salas", "ambassador"),
    ("The envoy greeted Anna Berg, Sweden's trade minister, at the opening of the fair.", "Anna Berg",
     "trade minister"),
    ("Omar Haddad, the chief negotiator, at a briefing on Monday said the talks had ended.", "Omar Haddad",
     "chief negotiator"),
])
def test_a_place_after_the_apposition_is_no_part_of_the_title(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title", [
    ("Ana Ruiz met the UN Under-Secretary-General for Political Affairs, Jorge Salas, in New York.", "Jorge Salas",
     "Under-Secretary-General for Political Affairs"),
    ("The minister met Under-Secretary-General Lena Holm in Geneva.", "Lena Holm", "Under-Secretary-General"),
    ("Talks were held with Omar Haddad, Under-Secretary of State for Defence, on Monday.", "Omar Haddad",
     "Under-Secretary of State for Defence"),
])
def test_a_hyphenated_title_keeps_the_word_before_its_hyphen(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title, code", [
    ("Signing were Rosa Vidal, Minister of Defence, Chile; and Jorge Salas, Minister of Trade, Peru.", "Rosa Vidal",
     "Minister of Defence", "CL"),
    ("Signing were Rosa Vidal, Minister of Defence, Chile; and Jorge Salas, Minister of Trade, Peru.", "Jorge Salas",
     "Minister of Trade", "PE"),
    ("The panel heard Minister of Energy, Ghana, Kofi Mensah on Monday.", "Kofi Mensah", "Minister of Energy", "GH"),
])
def test_a_country_after_a_comma_closing_a_title_is_the_persons_country(nlp, text, name, title, code):
    person = people(nlp, text)[name]
    assert (person.titles, person.country) == ([title], code)


@pytest.mark.parametrize("text, name, title, code", [
    ("The talks brought together Foreign Minister of Chile Rosa Vidal, Foreign Minister of Peru Jorge Salas and "
     "Foreign Minister of Bolivia Ana Paz.", "Jorge Salas", "Foreign Minister", "PE"),
    ("The talks brought together Foreign Minister of Chile Rosa Vidal, Foreign Minister of Peru Jorge Salas and "
     "Foreign Minister of Bolivia Ana Paz.", "Ana Paz", "Foreign Minister", "BO"),
    ("Attending were Chairman of Andes Mining Corporation Luis Rey, Director of the Pacific Holdings Group Mara "
     "Quispe and others.", "Mara Quispe", "Director of the Pacific Holdings Group", None),
])
def test_a_title_ending_in_a_country_or_body_before_a_name_is_that_names(nlp, text, name, title, code):
    found = people(nlp, text)
    assert (found[name].titles, found[name].country) == ([title], code)
    assert all(name not in t for p in found.values() for t in p.titles)


@pytest.mark.parametrize("text, name, title, next_name", [
    ("The guests included Mayor Omar Haddad, President of the Assembly Lena Holm and two aides.", "Omar Haddad",
     "Mayor", "Lena Holm"),
    ("Present were Senator Kofi Mensah, Chair of the Board Rosa Vidal, and others.", "Kofi Mensah", "Senator",
     "Rosa Vidal"),
    ("Also present were Governor Mara Quispe, Speaker of the House Tomas Ferrer, and Senate Majority Leader Ana Paz.",
     "Mara Quispe", "Governor", "Tomas Ferrer"),
])
def test_a_titled_name_after_another_persons_title_is_the_next_person(nlp, text, name, title, next_name):
    """", President of the Assembly Lena Holm": the next person's title and name, not an apposition of the first."""
    found = people(nlp, text)
    assert found[name].titles == [title]
    assert next_name in found


@pytest.mark.parametrize("text, name, title, next_name, next_title", [
    ("Secretary of State Ana Costa, Secretary of Commerce Lena Holm, and Trade Representative Omar Haddad met.",
     "Ana Costa", "Secretary of State", "Lena Holm", "Secretary of Commerce"),
    ("Attending were Minister of Finance Kofi Mensah, Minister of Commerce Rosa Vidal and the governor.",
     "Kofi Mensah", "Minister of Finance", "Rosa Vidal", "Minister of Commerce"),
    ("Chair of the Board Tomas Ferrer, Director for Commerce Mara Quispe, and two aides signed.",
     "Tomas Ferrer", "Chair of the Board", "Mara Quispe", "Director for Commerce"),
])
def test_a_complement_word_running_into_the_next_name_ends_the_apposition(nlp, text, name, title, next_name,
                                                                          next_title):
    """", Secretary of Commerce Lena Holm,": "Commerce" may read as a name word, but it closes the title of the
    name after it."""
    found = people(nlp, text)
    assert found[name].titles == [title]
    assert found[next_name].titles == [next_title]


@pytest.mark.parametrize("text, expected", [
    ("The Foreign Ministers of Chile Rosa Vidal, Peru Jorge Salas and Bolivia Ana Paz met in Lima.",
     {"Rosa Vidal": "CL", "Jorge Salas": "PE", "Ana Paz": "BO"}),
    ("Foreign Ministers Rosa Vidal (Chile), Jorge Salas (Peru) and Ana Paz (Bolivia) met in Lima.",
     {"Rosa Vidal": "CL", "Jorge Salas": "PE", "Ana Paz": "BO"}),
    ("Defence Ministers of Kenya Amos Kibet and Ghana Kofi Mensah signed the pact in Accra.",
     {"Amos Kibet": "KE", "Kofi Mensah": "GH"}),
])
def test_a_plural_title_over_names_each_with_its_own_country(nlp, text, expected):
    found = people(nlp, text)
    assert {name: found[name].country for name in expected} == expected
    assert all(len(found[name].titles) == 1 and found[name].titles[0].endswith("Minister") for name in expected)


@pytest.mark.parametrize("text, name, title", [
    ("Navy Public Affairs Office chief Omar Haddad said the ships had docked.", "Omar Haddad",
     "Navy Public Affairs Office chief"),
    ("He met IMF chief Lena Holm in Washington.", "Lena Holm", "IMF chief"),
    ("Andes Mining Corporation chairman Luis Rey met the minister in Lima.", "Luis Rey",
     "Andes Mining Corporation chairman"),
])
def test_a_lower_case_head_keeps_the_bodys_name_before_it(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title", [
    ("The meeting was attended by Deputy Minister U Kyaw Min and the ambassador.", "Kyaw Min", "Deputy Minister"),
    ("Union Minister for Commerce, U Aung Naing, received the delegation.", "Aung Naing",
     "Union Minister for Commerce"),
    ("Foreign Minister Daw Khin Thida met the envoy in Naypyitaw.", "Khin Thida", "Foreign Minister"),
])
def test_the_burmese_honorifics_are_no_part_of_the_title(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title, code", [
    ("Jorge Salas, who serves as Peru's deputy foreign minister, met the envoy.", "Jorge Salas",
     "deputy foreign minister", "PE"),
    ("Anna Berg, currently Sweden's ambassador to Chile, met the envoy.", "Anna Berg", "ambassador to Chile", "SE"),
    ("Kofi Mensah (Ghana's deputy trade minister) met the envoy.", "Kofi Mensah", "deputy trade minister", "GH"),
])
def test_a_title_after_the_name_behind_an_adverb_a_serving_verb_or_a_bracket(nlp, text, name, title, code):
    person = people(nlp, text)[name]
    assert (person.titles, person.country) == ([title], code)


@pytest.mark.parametrize("text, name, title", [
    ("Jorge Salas, 54, Peru's deputy foreign minister, met the envoy.", "Jorge Salas", "deputy foreign minister"),
    ("The envoy met Anna Berg, 61, a former trade minister, in Oslo.", "Anna Berg", "former trade minister"),
    ("Kofi Mensah, 47, Director of Trade, said the talks went well.", "Kofi Mensah", "Director of Trade"),
])
def test_an_age_before_the_apposition_is_skipped(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title", [
    ("Minister of Foreign Affairs, Trade and Development Ana Paz met the delegation.", "Ana Paz",
     "Minister of Foreign Affairs, Trade and Development"),
    ("Minister for the Business Environment, Commerce and Entrepreneurship Ion Popescu attended the council.",
     "Ion Popescu", "Minister for the Business Environment, Commerce and Entrepreneurship"),
    ("The talks were joined by Undersecretary of Human Rights, Population and Migration Luis Rey.", "Luis Rey",
     "Undersecretary of Human Rights, Population and Migration"),
])
def test_a_complement_listing_portfolios_stays_in_the_title(nlp, text, name, title):
    found = people(nlp, text)
    assert list(found) == [name]
    assert found[name].titles == [title]


@pytest.mark.parametrize("text, name, title", [
    ("Labour MP Jane Smith met the delegation in London.", "Jane Smith", "Labour MP"),
    ("German MEP Anna Berg met the delegation in Brussels.", "Anna Berg", "MEP"),
    ("The delegation met Ombudsman Luis Rey and Commandant of the Naval Academy Jorge Salas.", "Jorge Salas",
     "Commandant of the Naval Academy"),
])
def test_legislators_and_other_heads_without_a_modifier(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title", [
    ("Consul General Ana Paz met the mayor of Lyon.", "Ana Paz", "Consul General"),
    ("Governor-General David Hurley met the delegation in Canberra.", "David Hurley", "Governor-General"),
    ("Grand Mufti Omar Haddad received the delegation.", "Omar Haddad", "Grand Mufti"),
])
def test_titles_ending_in_general_or_led_by_grand_are_whole(nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


@pytest.mark.parametrize("text, name, title", [
    ("The delegation met Energy Minister Ana Paz in Lima.", "Ana Paz", "Energy Minister"),
    ("He thanked Senate Majority Leader Tom Reed for the invitation.", "Tom Reed", "Senate Majority Leader"),
    ("When President Amos Kone arrived, the talks began.", "Amos Kone", "President"),
])
def test_a_capitalised_common_word_before_the_head_is_the_titles_own_unless_it_opens_the_clause(
        nlp, text, name, title):
    assert people(nlp, text)[name].titles == [title]


def test_a_bodys_name_before_the_head_stays_the_organisation(nlp):
    person = people(nlp, "He met International Monetary Fund Managing Director Lena Holm.")["Lena Holm"]
    assert person.titles == ["Managing Director"]


@pytest.mark.parametrize("text, name, title", [
    ("The governor met Ohio Assemblywoman Karen Holt and others.", "Karen Holt", "Ohio Assemblywoman"),
    ("Councilmember Tomas Peru of Ward 4 hosted the Mayor of Gdansk.", "Tomas Peru", "Councilmember"),
    ("Second Gentleman Omar Sadiq led the delegation to the Games.", "Omar Sadiq", "Second Gentleman"),
    ("The Polish envoy called on Second Lady Lena Fischer on Monday.", "Lena Fischer", "Second Lady"),
    ("Alderman Petra Novak met the visiting minister.", "Petra Novak", "Alderman"),
])
def test_local_legislators_and_second_spouses_are_titled(nlp, text, name, title):
    found = people(nlp, text)
    assert name in found and found[name].titles[0] == title


@pytest.mark.parametrize("text, name, title", [
    ("The President met Speaker Emerita Karen Holt at the Capitol.", "Karen Holt", "Speaker Emerita"),
    ("The delegation met President Emeritus Omar Sadiq of the Lagos Chamber.", "Omar Sadiq", "President Emeritus"),
    ("Chairman Emeritus Tomas Wierzbicki hosted the Polish minister.", "Tomas Wierzbicki", "Chairman Emeritus"),
])
def test_emeritus_after_a_title_head_belongs_to_the_title(nlp, text, name, title):
    found = people(nlp, text)
    assert list(found) == [name] and found[name].titles[0] == title
