"""How many meetings one report makes, and who was not there: one official meeting several counterparts,
summaries of a series of meetings, and people mentioned but absent (constructed sentences)."""

import pytest
from test_meetings import meetings, run


def pairs(found):
    return [m["participants"] for m in found]


# -- one official, several counterparts -----------------------------------------------------------------

def test_counterparts_whose_own_words_give_different_countries_are_met_one_by_one():
    people = [("Dana Kale", [], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "UG")]
    text = "Minister Dana Kale met Kenyan President Ruto Mwangi and Ugandan Foreign Minister Ada Okello in Oslo."
    found = meetings(run(text, people))
    assert pairs(found) == [{"Dana Kale", "Ruto Mwangi"}, {"Dana Kale", "Ada Okello"}]
    assert [m["parties"] for m in found] == [{"NL", "KE"}, {"NL", "UG"}]


def test_a_list_of_three_counterparts_each_with_a_demonym_title_is_met_one_by_one():
    people = [("Ines Vidal", [], "ES"), ("Tomas Berg", [], "SE"), ("Aino Laine", [], "FI"), ("Jonas Dahl", [], "DK")]
    text = ("Minister Ines Vidal held talks with Swedish Trade Minister Tomas Berg, Finnish Trade Minister Aino "
            "Laine and Danish Trade Minister Jonas Dahl in Madrid.")
    found = meetings(run(text, people))
    assert pairs(found) == [{"Ines Vidal", "Tomas Berg"}, {"Ines Vidal", "Aino Laine"}, {"Ines Vidal", "Jonas Dahl"}]


def test_counterparts_of_one_country_are_one_meeting():
    people = [("Dana Kale", [], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "KE")]
    text = "Minister Dana Kale met Kenyan President Ruto Mwangi and Kenyan Foreign Minister Ada Okello in Oslo."
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Dana Kale", "Ruto Mwangi", "Ada Okello"}


def test_a_joint_marker_keeps_counterparts_of_several_countries_together():
    people = [("Dana Kale", [], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "UG")]
    text = ("Minister Dana Kale held trilateral talks with Kenyan President Ruto Mwangi and Ugandan Foreign "
            "Minister Ada Okello in Oslo.")
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Dana Kale", "Ruto Mwangi", "Ada Okello"}


@pytest.mark.parametrize("text", [
    "Minister Dana Kale held bilateral meetings with Kenyan President Ruto Mwangi and Ugandan Foreign Minister "
    "Ada Okello, during which they discussed cooperation in multilateral fora.",
    "Minister Dana Kale met Kenyan President Ruto Mwangi and Ugandan Foreign Minister Ada Okello in Oslo, "
    "where a joint statement on trade was signed later.",
    "On Friday Minister Dana Kale held separate talks with Ugandan Foreign Minister Ada Okello and Kenyan "
    "President Ruto Mwangi during which they reviewed joint projects.",
])
def test_a_joint_word_in_a_topic_after_the_clause_keeps_the_meetings_apart(text):
    people = [("Dana Kale", [], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "UG")]
    found = pairs(meetings(run(text, people)))
    assert sorted(map(sorted, found)) == [["Ada Okello", "Dana Kale"], ["Dana Kale", "Ruto Mwangi"]]


@pytest.mark.parametrize("text", [
    "Minister Dana Kale met Ruto Mwangi, Minister of Foreign Affairs of Kenya, Ada Okello, Vice-President of "
    "Uganda and Musa Bello, Minister of Trade of Nigeria.",
    "Minister Dana Kale held talks with Mr. Ruto Mwangi Foreign Minister of Kenya, Mr. Ada Okello Deputy Prime "
    "Minister of the Republic of Uganda, Mr. Musa Bello, Minister of Trade of the Federal Republic of Nigeria.",
    "In Geneva Minister Dana Kale met Ada Okello, Minister of Foreign Affairs of Uganda, as well as Ruto "
    "Mwangi, Minister of Energy of Kenya and Musa Bello, Minister of Trade of Nigeria.",
])
def test_a_country_closing_a_title_after_a_name_is_that_persons_not_the_next_ones(text):
    people = [("Dana Kale", [], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "UG"), ("Musa Bello", [], "NG")]
    found = meetings(run(text, people))
    assert sorted((sorted(m["participants"]), sorted(m["parties"])) for m in found) == [
        (["Ada Okello", "Dana Kale"], ["NL", "UG"]), (["Dana Kale", "Musa Bello"], ["NG", "NL"]),
        (["Dana Kale", "Ruto Mwangi"], ["KE", "NL"])]


@pytest.mark.parametrize("text", [
    "Dana Kale met with the Foreign Minister of Kenya, Ruto Mwangi, and the Vice-President of Uganda, Ada Okello.",
    "In Geneva, Dana Kale held talks with the President of Kenya, Ruto Mwangi, and the Prime Minister of "
    "Uganda, Ada Okello.",
    "Dana Kale met the Minister of Trade of Kenya, Ruto Mwangi, and also the Speaker of Uganda, Ada Okello.",
])
def test_a_title_opening_on_and_the_after_a_name_is_the_next_names(text):
    people = [("Dana Kale", [], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "UG")]
    found = meetings(run(text, people))
    assert sorted((sorted(m["participants"]), sorted(m["parties"])) for m in found) == [
        (["Ada Okello", "Dana Kale"], ["NL", "UG"]), (["Dana Kale", "Ruto Mwangi"], ["KE", "NL"])]


def test_a_title_before_the_next_name_gives_its_country_to_that_name():
    people = [("Dana Kale", [], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "UG"), ("Musa Bello", [], "NG")]
    text = ("Chief of Staff Dana Kale met Chief of Staff of the Kenyan Army Ruto Mwangi, Chief of Staff of the "
            "Ugandan Armed Forces Ada Okello, and Chief of Staff of the Nigerian Army Musa Bello.")
    found = meetings(run(text, people))
    assert sorted(sorted(m["parties"]) for m in found) == [["KE", "NL"], ["NG", "NL"], ["NL", "UG"]]


@pytest.mark.parametrize("text", [
    "Minister Dana Kale held separate phone calls with Ruto Mwangi and Ada Okello on Monday.",
    "On Monday Minister Dana Kale had separate telephone conversations with Ada Okello and Ruto Mwangi.",
    "Minister Dana Kale held several video calls with Ruto Mwangi and Ada Okello this week.",
    "Minister Dana Kale held phone calls with Ruto Mwangi and Ada Okello on Monday.",
    "On Friday Minister Dana Kale had telephone conversations with Ada Okello and Ruto Mwangi.",
])
def test_separate_calls_with_two_people_are_two_meetings(text):
    people = [("Dana Kale", [], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "KE")]
    found = pairs(meetings(run(text, people)))
    assert sorted(map(sorted, found)) == [["Ada Okello", "Dana Kale"], ["Dana Kale", "Ruto Mwangi"]]


def test_a_summary_of_bilateral_meetings_names_one_meeting_per_country_and_a_detail_joins_its_own():
    people = [("Lena Brandt", ["Brandt"], "DE"), ("Omar Haddad", [], "JO")]
    text = ("Foreign Minister Lena Brandt held a series of bilateral meetings with her counterparts from Chile, "
            "Jordan and Ghana on Monday. Brandt also met Jordanian Foreign Minister Omar Haddad.")
    found = meetings(run(text, people))
    assert [(m["participants"], m["parties"]) for m in found] == [
        ({"Lena Brandt"}, {"DE", "CL"}), ({"Lena Brandt", "Omar Haddad"}, {"DE", "JO"}),
        ({"Lena Brandt"}, {"DE", "GH"})]


def test_these_meetings_after_a_list_of_counterparts_makes_one_meeting_each():
    people = [("Navy Chief Ola Ade", ["Ade"], "GH"), ("Ben Eze", [], "GH"), ("Kofi Mensah", [], "GH")]
    text = ("Later, Ade met Defence Minister Ben Eze and Coast Guard Commander Kofi Mensah. "
            "Maritime matters were discussed during these meetings.")
    assert pairs(meetings(run(text, people))) == [{"Navy Chief Ola Ade", "Ben Eze"},
                                                  {"Navy Chief Ola Ade", "Kofi Mensah"}]


@pytest.mark.parametrize("text", [
    "Later, Ade met Defence Minister Ben Eze and High Commissioner Kofi Mensah. "
    "Maritime matters were discussed during these meetings.",
    "On Friday Ade also met Interior Minister Ben Eze and Ambassador Kofi Mensah. Both meetings focused on trade.",
    "In Abuja, Ade met with Ben Eze, the Minister of Defence, and Kofi Mensah, the ambassador. "
    "Security was discussed in those meetings.",
])
def test_meetings_split_after_these_meetings_keep_the_subjects_country(text):
    people = [("Ola Ade", ["Ade"], "GH"), ("Ben Eze", [], "NG"), ("Kofi Mensah", [], "GH")]
    found = meetings(run(text, people))
    assert [(m["participants"], m["parties"]) for m in found] == [
        ({"Ola Ade", "Ben Eze"}, {"GH", "NG"}), ({"Ola Ade", "Kofi Mensah"}, {"GH"})]


def test_the_meeting_after_a_list_of_counterparts_keeps_one_meeting():
    people = [("Ola Ade", ["Ade"], "GH"), ("Ben Eze", [], "GH"), ("Kofi Mensah", [], "GH")]
    text = ("Later, Ade met Defence Minister Ben Eze and Coast Guard Commander Kofi Mensah. "
            "Maritime matters were discussed during the meeting.")
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Ola Ade", "Ben Eze", "Kofi Mensah"}


# -- people mentioned who were not there ------------------------------------------------------------------

def test_the_inviter_is_not_a_participant():
    people = [("Rosa Lind", [], "SE"), ("Karl Stein", [], "AT"), ("Aino Virta", [], "AT")]
    text = ("At the invitation of the Chancellor of Austria Karl Stein, Speaker Rosa Lind held talks with "
            "Foreign Minister Aino Virta in Vienna.")
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Rosa Lind", "Aino Virta"}


def test_the_sender_of_a_delivered_message_is_not_a_participant():
    people = [("Paulo Neto", [], "MZ"), ("Lucas Gomes", [], "BR"), ("Ana Rocha", [], "BR")]
    text = ("President Paulo Neto received the Brazilian envoy, Lucas Gomes, who delivered a message sent by "
            "his President, Ana Rocha.")
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Paulo Neto", "Lucas Gomes"}


def test_someone_whose_letter_is_handed_over_is_not_a_participant():
    people = [("Paulo Neto", [], "MZ"), ("Lucas Gomes", [], "BR"), ("Ana Rocha", [], "BR")]
    text = "President Paulo Neto met Lucas Gomes, who handed over President Ana Rocha's letter on trade."
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Paulo Neto", "Lucas Gomes"}


def test_an_inviter_who_is_also_met_stays_a_participant():
    people = [("Rosa Lind", [], "SE"), ("Karl Stein", [], "AT")]
    text = "At the invitation of Chancellor Karl Stein, Speaker Rosa Lind met Karl Stein in Vienna."
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Rosa Lind", "Karl Stein"}


def test_a_series_of_meetings_with_people_of_one_country_is_one_meeting_each():
    people = [("Piet Vos", [], "BE"), ("Amir Karimov", [], "UZ"), ("Laylo Nazarova", [], "UZ")]
    text = ("Commissioner Piet Vos held a series of meetings with Premier Amir Karimov and Deputy Premier "
            "Laylo Nazarova.")
    assert pairs(meetings(run(text, people))) == [{"Piet Vos", "Amir Karimov"}, {"Piet Vos", "Laylo Nazarova"}]


def test_a_country_closing_one_title_is_not_the_next_persons():
    people = [("Maya Stone", [], "CA"), ("Pablo Ruiz", [], "CL"), ("Kenji Sato", [], "JP")]
    text = ("Maya Stone met Pablo Ruiz, Interior Minister of Chile, Ambassador Kenji Sato and other guests "
            "in Ottawa.")
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Maya Stone", "Pablo Ruiz", "Kenji Sato"}


def test_three_counterparts_of_three_countries_in_one_list_are_three_meetings():
    people = [("Nora Vik", [], "NO"), ("Ali Demir", [], "TR"), ("Sara Cohen", [], "IL"), ("Luis Mora", [], "MX")]
    for text in ("On the sidelines of the summit, Nora Vik met Ali Demir, Sara Cohen and Luis Mora.",
                 "Nora Vik held talks with Luis Mora, Ali Demir, as well as Sara Cohen on Monday.",
                 "Foreign Minister Nora Vik received Sara Cohen, Luis Mora and Ali Demir in Oslo."):
        found = meetings(run(text, people))
        assert len(found) == 3 and all("Nora Vik" in m["participants"] and len(m["participants"]) == 2
                                       for m in found), text


def test_two_counterparts_whose_own_words_are_silent_stay_one_meeting():
    people = [("Nora Vik", [], "NO"), ("Ali Demir", [], "TR"), ("Sara Cohen", [], "IL")]
    (meeting,) = meetings(run("Nora Vik met Ali Demir and Sara Cohen in Geneva.", people))
    assert meeting["participants"] == {"Nora Vik", "Ali Demir", "Sara Cohen"}


@pytest.mark.parametrize("text", [
    "Speaker Rosa Lind met Aino Virta, an aide to Chancellor Karl Stein, in Vienna.",
    "In Vienna, Speaker Rosa Lind held talks with Aino Virta, a senior adviser to Karl Stein.",
    "Rosa Lind received Aino Virta, the Austrian envoy and a close ally of Karl Stein, on Monday.",
    "Rosa Lind met Aino Virta, the son of Karl Stein, in Vienna.",
    "Rosa Lind held talks with Aino Virta, the successor of Chancellor Karl Stein, in Graz.",
])
def test_the_one_an_aide_or_adviser_serves_is_not_a_participant(text):
    people = [("Rosa Lind", [], "SE"), ("Karl Stein", [], "AT"), ("Aino Virta", [], "AT")]
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Rosa Lind", "Aino Virta"}


@pytest.mark.parametrize("text", [
    "Ada Okello held talks with Dana Kale on Monday. Dana Kale held meetings with President Ruto Mwangi, "
    "Minister Ada Okello and Speaker Musa Bello.",
    "On Monday Dana Kale met Ada Okello at the ministry. During the visit, Kale also had meetings with Musa "
    "Bello, Ruto Mwangi and Ada Okello.",
    "Dana Kale had a phone call with Ada Okello. Kale held calls with Ruto Mwangi, Musa Bello and Ada Okello "
    "this week.",
])
def test_a_plural_meetings_list_after_one_of_them_was_reported_is_one_meeting_each(text):
    people = [("Dana Kale", ["Kale"], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "KE"),
              ("Musa Bello", [], "KE")]
    found = pairs(meetings(run(text, people)))
    assert sorted(map(sorted, found)) == [["Ada Okello", "Dana Kale"], ["Dana Kale", "Musa Bello"],
                                          ["Dana Kale", "Ruto Mwangi"]]


def test_a_plural_meetings_list_with_no_meeting_reported_before_stays_one_side():
    people = [("Dana Kale", ["Kale"], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "KE")]
    text = "Dana Kale held meetings with President Ruto Mwangi and Minister Ada Okello in Nairobi."
    (meeting,) = meetings(run(text, people))
    assert meeting["participants"] == {"Dana Kale", "Ruto Mwangi", "Ada Okello"}


@pytest.mark.parametrize("text", [
    "By Karl Stein\n\nThe governors held a meeting with Speaker Rosa Lind and Aino Virta in Vienna.",
    "Vienna, 4 May. By Karl Stein\nThe mayors held talks with Speaker Rosa Lind and Aino Virta on Monday.",
    "By Karl Stein\n\nThe delegates met Speaker Rosa Lind and Minister Aino Virta in Graz.",
])
def test_a_bylines_writer_is_not_a_participant(text):
    people = [("Rosa Lind", [], "SE"), ("Karl Stein", [], "AT"), ("Aino Virta", [], "AT")]
    assert all("Karl Stein" not in m["participants"] for m in meetings(run(text, people)))
    assert {"Rosa Lind", "Aino Virta"} in [m["participants"] for m in meetings(run(text, people))]


@pytest.mark.parametrize("text", [
    "Minister Dana Kale held separate meetings with President Ruto Mwangi of Kenya, Minister Ada Okello of "
    "Uganda and Speaker Musa Bello of Nigeria.",
    "Dana Kale held bilateral talks on the margins of the summit with Ruto Mwangi of Kenya, Prime Minister Ada "
    "Okello of Uganda, and Musa Bello of Nigeria.",
    "Dana Kale spoke individually with: President Ruto Mwangi of Kenya; Minister Ada Okello of Uganda; Speaker "
    "Musa Bello of Nigeria.",
])
def test_separate_meetings_with_names_of_countries_give_each_their_own_country(text):
    people = [("Dana Kale", [], "NL"), ("Ruto Mwangi", [], None), ("Ada Okello", [], None), ("Musa Bello", [], None)]
    found = meetings(run(text, people))
    assert sorted((sorted(m["participants"]), sorted(m["parties"])) for m in found) == [
        (["Ada Okello", "Dana Kale"], ["NL", "UG"]), (["Dana Kale", "Musa Bello"], ["NG", "NL"]),
        (["Dana Kale", "Ruto Mwangi"], ["KE", "NL"])]


@pytest.mark.parametrize("later", [
    "In the meeting with Ada Okello, Kale discussed trade.",
    "During her talks with Ada Okello, Dana Kale raised energy.",
    "Kale and Ada Okello held talks on water.",
])
def test_a_plural_meetings_list_is_one_meeting_each_once_one_of_them_is_told_alone(later):
    people = [("Dana Kale", ["Kale"], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "KE"),
              ("Musa Bello", [], "KE")]
    text = "Dana Kale held meetings with Ruto Mwangi, Ada Okello and Musa Bello on Monday. " + later
    found = pairs(meetings(run(text, people)))
    assert sorted(map(sorted, found)) == [["Ada Okello", "Dana Kale"], ["Dana Kale", "Musa Bello"],
                                          ["Dana Kale", "Ruto Mwangi"]]


@pytest.mark.parametrize("text", [
    "Minister Dana Kale hosted her Kenyan and Ugandan counterparts for a virtual meeting of the Trilateral "
    "Water Committee.",
    "Minister Dana Kale received Kenyan President Ruto Mwangi and Ugandan Foreign Minister Ada Okello for a "
    "trilateral meeting in Oslo.",
    "Minister Dana Kale welcomed Kenyan President Ruto Mwangi and Ugandan Foreign Minister Ada Okello at a "
    "joint session of the commission.",
])
def test_the_occasion_the_counterparts_are_hosted_for_can_say_the_meeting_was_joint(text):
    people = [("Dana Kale", [], "NL"), ("Ruto Mwangi", [], "KE"), ("Ada Okello", [], "UG")]
    (meeting,) = meetings(run(text, people))
    assert meeting["parties"] >= {"NL"} and len(meeting["parties"]) == 3
