"""Who takes part in a meeting when they are named outside the trigger clause (attendance, companions,
delegations), in trigger forms other than "met with", and behind a role ("the WTO Director General")."""

import pytest

from test_meetings import meetings, run


def only(doc):
    (meeting,) = meetings(doc)
    return meeting


HOST_GUEST = [("Lina Haddad", [], "JO"), ("Omar Saleh", [], "JO"), ("Rami Aziz", [], "JO"),
              ("Karl Berg", [], "SE"), ("Anna Holm", [], "SE")]


def test_attending_the_meeting_were_adds_the_list():
    text = ("Foreign Minister Karl Berg received Minister of State Lina Haddad in Stockholm. Attending the meeting "
            "were Anna Holm, State Secretary, Omar Saleh, Adviser to the King, and Rami Aziz, Ambassador.")
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Anna Holm", "Omar Saleh",
                                                           "Rami Aziz"}


def test_in_attendance_were_a_semicolon_list():
    text = ("Karl Berg held talks with Lina Haddad in Malmo on Friday. In attendance were the Deputy Minister, "
            "Ms Anna Holm; the Adviser, Mr Omar Saleh; and Ambassador Rami Aziz.")
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Anna Holm", "Omar Saleh",
                                                           "Rami Aziz"}


def test_also_present_and_was_in_attendance():
    text = "Karl Berg met Lina Haddad on Friday. Also present were Anna Holm and Omar Saleh."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Anna Holm", "Omar Saleh"}
    text = "Karl Berg met Lina Haddad on Friday. Rami Aziz was also in attendance."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Rami Aziz"}


def test_a_companion_goes_to_this_meeting_and_the_next():
    text = ("Karl Berg met Lina Haddad on Monday. He is accompanied by Anna Holm, Regional Director. "
            "Later in the day Karl Berg called on Omar Saleh.")
    first, second = meetings(run(text, HOST_GUEST))
    assert first["participants"] == {"Karl Berg", "Lina Haddad", "Anna Holm"}
    assert second["participants"] == {"Karl Berg", "Omar Saleh", "Anna Holm"}


@pytest.mark.parametrize("later", [
    "Omar Saleh received Karl Berg at the ministry.",
    "Karl Berg was later received by Omar Saleh at the palace.",
    "Later in the day Omar Saleh hosted Berg for talks on trade.",
])
def test_a_companion_goes_with_a_visitor_who_is_met_on_the_object_side(later):
    people = HOST_GUEST[:2] + [("Karl Berg", ["Berg"], "SE"), ("Anna Holm", [], "SE")]
    text = "Karl Berg met Lina Haddad on Monday. He is accompanied by Anna Holm, Regional Director. " + later
    first, second = meetings(run(text, people))
    assert second["participants"] == {"Karl Berg", "Omar Saleh", "Anna Holm"}


DELEGATION = [("Pedro Soto", ["Soto"], "CL"), ("Ana Lind", [], "CL"), ("Rosa Vega", [], "PE"), ("Luis Mora", [], "PE")]


def test_the_delegation_stands_for_its_head_and_members():
    text = ("A Chilean delegation led by Foreign Minister Pedro Soto arrived in Lima on Sunday. "
            "The delegation, which included Ambassador Ana Lind, held talks with Rosa Vega. "
            "Later the Chilean delegation met Luis Mora.")
    first, second = meetings(run(text, DELEGATION))
    assert first["participants"] == {"Pedro Soto", "Ana Lind", "Rosa Vega"}
    assert second["participants"] == {"Pedro Soto", "Ana Lind", "Luis Mora"}


def test_a_name_led_team_and_a_delegation_of_another_country():
    text = "The Soto-led team landed in Lima. The team, with Ana Lind, met Rosa Vega and Luis Mora on Monday."
    assert only(run(text, DELEGATION))["participants"] == {"Pedro Soto", "Ana Lind", "Rosa Vega", "Luis Mora"}
    text = ("A delegation headed by Pedro Soto reached Lima. Ana Lind met Rosa Vega. "
            "The Peruvian delegation later held talks with Ana Lind.")
    assert "Pedro Soto" not in meetings(run(text, DELEGATION))[-1]["participants"]


ARMY = [("Ott Saar", [], "EE"), ("Juris Ozols", [], "LV")]


def test_a_meeting_of_unnamed_chiefs_takes_the_names_of_the_next_sentence():
    text = ("Estonian and Latvian army chiefs conducted a bilateral meeting in Tartu on Tuesday. During the talks, "
            "General Ott Saar and his Latvian counterpart Juris Ozols agreed to hold joint drills.")
    meeting = only(run(text, ARMY))
    assert meeting["participants"] == {"Ott Saar", "Juris Ozols"} and meeting["parties"] == {"EE", "LV"}


def test_an_opener_adds_the_people_of_its_clause_up_to_a_break():
    people = ARMY + [("Mara Lepp", [], "EE"), ("Ivo Kask", [], "EE")]
    text = ("Ott Saar met Juris Ozols in Riga. In their meeting, Mara Lepp briefed both generals, "
            "and they discussed a plan drafted by Ivo Kask.")
    assert only(run(text, people))["participants"] == {"Ott Saar", "Juris Ozols", "Mara Lepp"}


LEADERS = [("Maria Kowal", ["Kowal"], "PL"), ("Jonas Petras", ["Petras"], "LT"), ("Eva Lund", [], "DK")]


def test_a_quoted_or_modified_meeting_noun_after_held():
    text = 'Maria Kowal held a "frank conversation" with Jonas Petras in Vilnius.'
    assert only(run(text, LEADERS))["participants"] == {"Maria Kowal", "Jonas Petras"}


def test_did_meet_is_a_meeting_and_did_not_meet_is_none():
    text = "Kowal insisted that she did meet Jonas Petras in Geneva last week."
    assert only(run(text, LEADERS))["participants"] == {"Maria Kowal", "Jonas Petras"}
    assert meetings(run("Kowal did not meet Jonas Petras in Geneva.", LEADERS)) == []


def test_talks_between_name_both_sides_after_the_noun():
    text = "Eva Lund praised the talks between Maria Kowal and Jonas Petras in Riga."
    assert only(run(text, LEADERS))["participants"] == {"Maria Kowal", "Jonas Petras"}


def test_a_verb_of_saying_during_talks():
    text = "Maria Kowal told Jonas Petras during talks on the margins of the forum that trade would grow."
    assert only(run(text, LEADERS))["participants"] == {"Maria Kowal", "Jonas Petras"}


ROLES = [("Maria Lopes", [], "BR"), ("Jorge Mena", [], "PE"), ("Pedro Soto", [], "PE"), ("Ana Ruiz", [], "PE")]


def test_a_role_reference_names_the_one_holder_of_the_title():
    text = ("World Trade Organization Director General Maria Lopes met Peru's Trade Minister Ana Ruiz on Monday. "
            "Foreign Minister Jorge Mena, while receiving the WTO Director General at the ministry, praised "
            "her work. The WTO Director General also called on Congress President Pedro Soto.")
    found = [m["participants"] for m in meetings(run(text, ROLES))]
    assert {"Maria Lopes", "Jorge Mena"} in found
    assert {"Maria Lopes", "Pedro Soto"} in found
    assert {"Jorge Mena", "Pedro Soto"} not in found


def test_a_role_two_people_hold_is_left_unresolved():
    text = ("Foreign Minister Jorge Mena met Maria Lopes. Foreign Minister Ana Ruiz spoke to the press. "
            "Pedro Soto later received the Foreign Minister.")
    assert {"Pedro Soto", "Jorge Mena"} not in [m["participants"] for m in meetings(run(text, ROLES))]


def test_a_meeting_mentioned_in_passing_through_their_talks():
    text = "Maria Kowal and Jonas Petras, building on their talks in Paris last year, signed a treaty."
    assert only(run(text, LEADERS))["participants"] == {"Maria Kowal", "Jonas Petras"}


def test_joining_him_were_and_those_present_included():
    text = "Karl Berg met Lina Haddad in Uppsala. Joining him were Anna Holm and Rami Aziz."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Anna Holm", "Rami Aziz"}
    text = "Karl Berg met Lina Haddad in Uppsala. Those present at the meeting included Omar Saleh."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Omar Saleh"}


# -- quoted sources -------------------------------------------------------------------------------------

def test_the_counterpart_before_and_said_is_no_source():
    text = "Karl Berg met Lina Haddad in Amman and said that the two countries would open a consulate."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad"}


def test_the_counterpart_before_a_new_sentence_of_saying_is_no_source():
    text = "Lina Haddad received Karl Berg. He said trade between the two kingdoms had doubled."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad"}


def test_a_source_named_right_before_said_stays_out():
    text = "Karl Berg met Lina Haddad on Monday, spokeswoman Anna Holm said."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad"}


# -- a group as the subject -----------------------------------------------------------------------------

def test_both_ministers_are_the_two_named_in_the_sentence_before():
    text = ("Karl Berg and Lina Haddad arrived in Geneva for the conference on Monday. Both ministers held talks "
            "on water rights.")
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad"}


def test_the_two_leaders_after_a_sentence_without_a_meeting():
    text = ("Anna Holm and Rami Aziz attended the opening of the summit in Doha. On its margins, the two "
            "leaders held a bilateral meeting.")
    assert only(run(text, HOST_GUEST))["participants"] == {"Anna Holm", "Rami Aziz"}


def test_the_governor_is_the_one_person_with_that_title():
    people = [("Ana Ruiz", [], "US"), ("Ole Dahl", [], "US"), ("Luis Ramos", [], "MX")]
    text = ("Governor Ana Ruiz of Texas and Senator Ole Dahl opened the trade fair in Austin on Monday. The governor "
            "later held talks with Mexican Trade Minister Luis Ramos.")
    assert only(run(text, people))["participants"] == {"Ana Ruiz", "Luis Ramos"}


def test_people_who_were_also_present_join_the_meeting_before():
    text = "Karl Berg received Lina Haddad in Stockholm. Anna Holm and Omar Saleh were also present."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Anna Holm", "Omar Saleh"}


def test_participating_in_the_talks_were():
    text = "Lina Haddad held talks with Karl Berg in Amman. Taking part in the talks were Rami Aziz and Anna Holm."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Rami Aziz", "Anna Holm"}


def test_a_side_that_included_named_members():
    text = "Karl Berg met Lina Haddad in Amman. The Jordanian side included Omar Saleh and Rami Aziz."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Omar Saleh", "Rami Aziz"}


# -- an unnamed counterpart ---------------------------------------------------------------------------

def test_his_counterpart_of_a_country_is_the_one_person_of_that_country():
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO")]
    text = ("Karl Berg held talks with his Jordanian counterpart in Amman on Monday. Omar Saleh, the Jordanian "
            "foreign minister, praised the visit.")
    assert only(run(text, people))["participants"] == {"Karl Berg", "Omar Saleh"}


@pytest.mark.parametrize("text", [
    "Karl Berg received the visiting Jordanian minister in Stockholm on Monday. Omar Saleh is on a three-day "
    "visit to Sweden.",
    "On Monday Karl Berg held talks with the Jordanian envoy in Malmo. Omar Saleh said trade was discussed.",
    "Karl Berg met the Jordanian ambassador at the ministry. Later, Omar Saleh told reporters that the two "
    "countries would expand trade.",
])
def test_a_one_person_role_of_a_country_is_the_one_person_of_that_country(text):
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO")]
    assert only(run(text, people))["participants"] == {"Karl Berg", "Omar Saleh"}


@pytest.mark.parametrize("text", [
    "Karl Berg met Jordanian officials in Amman on Monday. Omar Saleh praised the visit.",
    "Karl Berg hosted a delegation from Jordan on Monday. King Omar Saleh had pledged closer ties in May.",
    "Karl Berg met with his Jordanian counterparts to discuss trade. Omar Saleh praised the visit.",
])
def test_a_group_of_a_country_is_no_one_person(text):
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO")]
    assert all("Omar Saleh" not in m["participants"] for m in meetings(run(text, people)))


def test_his_counterpart_stays_unnamed_when_two_people_of_that_country_are_named():
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO"), ("Rami Aziz", [], "JO")]
    text = ("Karl Berg held talks with his Jordanian counterpart in Amman on Monday. Omar Saleh and Rami Aziz "
            "praised the visit.")
    assert all(m["participants"] != {"Karl Berg", "Omar Saleh"} for m in meetings(run(text, people)))


def test_the_counterpart_at_the_end_of_a_relative_clause_is_no_source():
    text = "Karl Berg, who met Lina Haddad on Monday, said the talks had gone well."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad"}


# -- sides named by country, their heads in the next sentence -------------------------------------------

def test_the_heads_of_delegations_received_by_country_are_met_one_by_one():
    people = [("Karl Berg", [], "SE"), ("Lina Haddad", [], "JO"), ("Rami Aziz", [], "LB")]
    text = ("Karl Berg received delegations from Jordan and Lebanon in Stockholm on Monday. The Jordanian "
            "delegation was led by Lina Haddad, and the Lebanese delegation was led by Rami Aziz.")
    found = meetings(run(text, people))
    assert sorted(sorted(m["participants"]) for m in found) == [["Karl Berg", "Lina Haddad"],
                                                                 ["Karl Berg", "Rami Aziz"]]


def test_the_head_of_the_one_delegation_received_joins_the_meeting():
    people = [("Karl Berg", [], "SE"), ("Lina Haddad", [], "JO")]
    text = "Karl Berg received a Jordanian delegation in Stockholm on Monday. The delegation was led by Lina Haddad."
    assert only(run(text, people))["participants"] == {"Karl Berg", "Lina Haddad"}


def test_people_said_to_attend_a_meeting_met_when_no_meeting_was_reported_before():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN"), ("Omar Haddad", [], "JO")]
    for text in ("Trade was on the agenda. The meeting was attended by Anna Berg, Lin Wei and Omar Haddad.",
                 "Trade was on the agenda. Omar Haddad, Lin Wei and Anna Berg took part in the meeting.",
                 "Trade was on the agenda. Attending the session were Lin Wei, Anna Berg and Omar Haddad."):
        (meeting,) = meetings(run(text, people))
        assert meeting["participants"] == {"Anna Berg", "Lin Wei", "Omar Haddad"}, text
        assert meeting["parties"] == {"SE", "CN", "JO"}


def test_a_companion_or_a_conference_is_no_meeting_of_its_own():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN")]
    for text in ("Trade was on the agenda. Anna Berg was accompanied by Lin Wei on the trip.",
                 "Trade was on the agenda. Anna Berg was joined by Lin Wei at the airport.",
                 "Trade was on the agenda. Anna Berg and Lin Wei attended the summit in Lisbon."):
        assert meetings(run(text, people)) == [], text


def test_people_said_to_take_part_in_the_meeting_before_join_it():
    people = [("Anna Berg", ["Berg"], "SE"), ("Lin Wei", [], "CN"), ("Omar Haddad", [], "JO"), ("Rosa Pinto", [], "PT")]
    for later in ("Joining Berg were Omar Haddad and Rosa Pinto.",
                  "Omar Haddad and Rosa Pinto also took part.",
                  "Rosa Pinto, Omar Haddad and other officials attended.",
                  "The Swedish side was also represented by Omar Haddad and Rosa Pinto.",
                  "Omar Haddad and Rosa Pinto sat in on the meeting."):
        (meeting,) = meetings(run("Anna Berg met Lin Wei in Oslo. " + later, people))
        assert meeting["participants"] == {"Anna Berg", "Lin Wei", "Omar Haddad", "Rosa Pinto"}, later


def test_an_object_pronoun_after_a_trigger_is_the_person_named_before():
    people = [("Anna Berg", ["Berg"], "SE"), ("Lin Wei", ["Lin"], "CN")]
    for text in ("Anna Berg arrived in Oslo on Monday. Lin Wei received her at the palace.",
                 "Anna Berg landed in Beijing. Premier Lin welcomed her warmly.",
                 "Lin Wei flew to Stockholm. Anna Berg hosted him for dinner."):
        (meeting,) = meetings(run(text, people))
        assert meeting["participants"] == {"Anna Berg", "Lin Wei"}, text
    for text in ("Anna Berg spoke in Oslo. Lin Wei received her degree from Yale.",
                 "Anna Berg spoke in Oslo. Lin Wei received his doctorate in Beijing."):
        assert meetings(run(text, people)) == [], text


# -- possessors ---------------------------------------------------------------------------------------

POSSESSORS = [("Maren Olsen", ["Olsen"], "NO"), ("Tariq Nasser", [], "EG"), ("Hugo Lenz", [], "AT"),
              ("Silvia Ortiz", [], "CL"), ("Paulo Reis", [], "PT")]


def test_a_possessor_of_a_meeting_noun_is_that_meeting_s_subject_side():
    text = ("Minister Maren Olsen received Foreign Minister Tariq Nasser in Oslo. Olsen recalled President "
            "Hugo Lenz's meeting with President Silvia Ortiz last year.")
    found = [m["participants"] for m in meetings(run(text, POSSESSORS))]
    assert found == [{"Maren Olsen", "Tariq Nasser"}, {"Hugo Lenz", "Silvia Ortiz"}]


def test_a_possessor_meeting_after_another_trigger_is_a_meeting_of_its_own():
    text = ("Foreign Minister Tariq Nasser met Minister Maren Olsen in Cairo and praised Chancellor Hugo Lenz’s "
            "recent talks with President Paulo Reis.")
    found = [m["participants"] for m in meetings(run(text, POSSESSORS))]
    assert found == [{"Tariq Nasser", "Maren Olsen"}, {"Hugo Lenz", "Paulo Reis"}]


def test_a_possessor_of_another_noun_is_no_participant():
    for text in ("Minister Maren Olsen received Senator Silvia Ortiz, and they reviewed President Paulo Reis’ "
                 "recent trip to Chile.",
                 "Minister Maren Olsen met Hugo Lenz's envoy Tariq Nasser in Vienna.",
                 "Tariq Nasser, President Paulo Reis's adviser, held talks with Silvia Ortiz in Santiago."):
        (meeting,) = meetings(run(text, POSSESSORS))
        assert not {"Paulo Reis", "Hugo Lenz"} & meeting["participants"], text


def test_a_sentence_opening_on_a_meeting_names_its_participants_when_none_was_reported_before():
    people = [("Lina Haddad", [], "JO"), ("Karl Berg", [], "SE"), ("Anna Holm", [], "NO")]
    for text in ("During their meeting, Lina Haddad and Karl Berg discussed trade.",
                 "In their talks, Foreign Minister Karl Berg and Minister Anna Holm agreed to open consulates.",
                 "At the meeting, Anna Holm and Lina Haddad signed a memorandum on water."):
        (meeting,) = meetings(run(text, people))
        assert len(meeting["participants"]) == 2, text


@pytest.mark.parametrize("text", [
    "During their meeting in Amman, Lina Haddad and Karl Berg discussed trade.",
    "In their talks on Monday, Foreign Minister Karl Berg and Minister Anna Holm agreed to open consulates.",
    "At the meeting in Oslo on 12 May, Anna Holm and Lina Haddad signed a memorandum on water.",
])
def test_a_sentence_opening_on_a_meeting_with_its_place_or_day_names_its_participants(text):
    people = [("Lina Haddad", [], "JO"), ("Karl Berg", [], "SE"), ("Anna Holm", [], "NO")]
    (meeting,) = meetings(run(text, people))
    assert len(meeting["participants"]) == 2


def test_a_sentence_opening_on_a_meeting_with_one_person_or_mid_sentence_is_no_meeting():
    people = [("Lina Haddad", [], "JO"), ("Karl Berg", [], "SE")]
    for text in ("During the meeting, Lina Haddad said Jordan would help.",
                 "Lina Haddad praised Karl Berg, and at the meeting, she spoke of water."):
        assert meetings(run(text, people)) == [], text


# -- a gathering's people listed by what it featured or whom it included ----------------------------------

def test_a_gathering_that_featured_people_is_their_meeting():
    text = ("Foreign Minister Karl Berg hosted a roundtable on trade in Stockholm. The roundtable featured Lina "
            "Haddad and Omar Saleh.")
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Omar Saleh"}


def test_officials_or_speakers_included_after_a_hosted_gathering():
    text = ("The Ministry of Trade hosted a convening of port directors on Monday. Government officials included "
            "Karl Berg, Anna Holm and Rami Aziz.")
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Anna Holm", "Rami Aziz"}
    text = "The Chamber hosted a panel on Nordic trade. Speakers included Anna Holm and Karl Berg."
    assert only(run(text, HOST_GUEST))["participants"] == {"Anna Holm", "Karl Berg"}


def test_officials_included_in_a_plan_are_no_attendance():
    text = "The Ministry of Trade published a plan. Senior officials included in the plan are Karl Berg and Anna Holm."
    assert meetings(run(text, HOST_GUEST)) == []


# -- a trigger whose object is the meeting already reported ------------------------------------------------

def test_chairing_the_meeting_reported_before_joins_it():
    text = ("Officials of Sweden and Jordan met in Amman on Monday. Karl Berg and Anna Holm chaired the meeting for "
            "Sweden. Lina Haddad and Omar Saleh chaired the meeting for Jordan.")
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Anna Holm", "Lina Haddad", "Omar Saleh"}


def test_hosting_these_talks_after_talks_were_reported():
    text = "Karl Berg held talks with Lina Haddad in Stockholm. Anna Holm hosted the talks at her ministry."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Anna Holm"}
    text = "Lina Haddad met Karl Berg on Friday. Rami Aziz convened this meeting at the embassy."
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Lina Haddad", "Rami Aziz"}


def test_a_meeting_noun_not_right_after_the_trigger_is_a_meeting_of_its_own():
    text = "Karl Berg met Lina Haddad on Friday. Anna Holm hosted Omar Saleh before the meeting."
    assert len(meetings(run(text, HOST_GUEST))) == 2


def test_taking_part_in_the_meetings_included():
    text = ("Karl Berg met with port directors on Monday. Officials taking part in the meetings included Anna Holm "
            "and Rami Aziz.")
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Anna Holm", "Rami Aziz"}


# -- a bulleted list under "include": people only when the heading speaks of people ------------------------

@pytest.mark.parametrize("heading", ["These policies and programs include:", "The new measures included:",
                                     "Highlights of the plan include:"])
def test_a_list_of_things_under_include_adds_no_one(heading):
    text = (f"Karl Berg met with Anna Holm in Malmo on Friday.\n\n{heading}\n\n"
            "-   A loan scheme proposed by Lina Haddad\n-   A school fund run by Omar Saleh\n")
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Anna Holm"}


@pytest.mark.parametrize("heading", ["Leaders from the meeting included:", "Participants include:",
                                     "Officials who attended included:"])
def test_a_list_of_people_under_include_joins_the_meeting(heading):
    text = (f"Karl Berg met with Anna Holm in Malmo on Friday.\n\n{heading}\n\n"
            "-   Lina Haddad, Minister of State\n-   Omar Saleh, Adviser\n")
    assert only(run(text, HOST_GUEST))["participants"] == {"Karl Berg", "Anna Holm", "Lina Haddad", "Omar Saleh"}


# -- a trigger in a phrase before the main clause -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In addition to the meeting with Omar Saleh, Karl Berg also held talks with Lina Haddad.",
    "After an audience with King Omar Saleh, Foreign Minister Karl Berg met Minister Lina Haddad.",
    "Apart from his talks with Omar Saleh on Monday, Karl Berg received Lina Haddad at the embassy.",
])
def test_the_main_clause_subject_holds_the_meeting_of_a_phrase_before_it(text):
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO"), ("Lina Haddad", [], "JO")]
    found = meetings(run(text, people))
    assert sorted(sorted(m["participants"]) for m in found) == [["Karl Berg", "Lina Haddad"],
                                                                ["Karl Berg", "Omar Saleh"]]


def test_a_phrase_naming_no_one_met_is_no_meeting_before_the_main_clause():
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO"), ("Lina Haddad", [], "JO")]
    text = "In a statement summarizing the meeting, Omar Saleh said Karl Berg met with Lina Haddad."
    assert all("Omar Saleh" not in m["participants"] for m in meetings(run(text, people)))


@pytest.mark.parametrize("later", [
    "During the visit Aino Virta held talks with the Speaker of the Assembly.",
    "On Tuesday the Speaker of the Assembly received Aino Virta at the parliament.",
    "Aino Virta also met the Speaker of the Assembly in his office.",
])
def test_a_role_with_its_of_phrase_names_the_inviter_when_several_hold_the_bare_role(later):
    people = [("Karl Stein", [], "AT"), ("Aino Virta", ["Virta"], "FI"), ("Rosa Lind", [], "AT")]
    text = ("At the invitation of Assembly Speaker Karl Stein, Speaker Aino Virta visited Vienna. Senate Speaker "
            "Rosa Lind praised the visit. " + later)
    assert {"Karl Stein", "Aino Virta"} in [m["participants"] for m in meetings(run(text, people))]


@pytest.mark.parametrize("text", [
    "Karl Berg, in a meeting with Omar Saleh, said trade would grow.",
    "Foreign Minister Karl Berg, during talks with Omar Saleh in Amman, said the border would open.",
    "Karl Berg, speaking after his meeting with King Omar Saleh, told reporters that ties were strong.",
])
def test_a_name_in_an_aside_opening_on_a_preposition_is_no_source(text):
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO")]
    assert only(run(text, people))["participants"] == {"Karl Berg", "Omar Saleh"}


@pytest.mark.parametrize("text", [
    "Talks were held on Monday between Karl Berg and Omar Saleh.",
    "A meeting was held in Amman between Foreign Minister Karl Berg and King Omar Saleh.",
    "Consultations were also held in Malmo on Friday between Omar Saleh and Karl Berg.",
])
def test_talks_held_with_their_time_or_place_between_two_people(text):
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO")]
    assert only(run(text, people))["participants"] == {"Karl Berg", "Omar Saleh"}


@pytest.mark.parametrize("text", [
    "The foreign ministers of Sweden and Jordan held talks in Amman on Monday. Swedish minister Karl Berg and "
    "his Jordanian counterpart Omar Saleh discussed trade.",
    "Swedish and Jordanian ministers held consultations in Malmo. Karl Berg and Omar Saleh agreed to open a "
    "trade office.",
    "Karl Berg received a Jordanian delegation in Stockholm on Friday. Omar Saleh thanked Sweden for its help.",
])
def test_the_sentence_after_a_meeting_names_its_unnamed_side(text):
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO")]
    assert {"Karl Berg", "Omar Saleh"} in [m["participants"] for m in meetings(run(text, people))]


def test_a_later_sentence_not_right_after_the_meeting_names_no_side():
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO")]
    text = ("Karl Berg received a Jordanian delegation in Stockholm on Friday. Exports rose in May. "
            "Omar Saleh thanked Sweden for its help.")
    assert all("Omar Saleh" not in m["participants"] for m in meetings(run(text, people)))


def test_a_list_going_on_after_the_phrase_comma_is_no_main_clause_subject():
    people = [("Karl Berg", [], "SE"), ("Omar Saleh", [], "JO"), ("Lina Haddad", [], "JO"), ("Anna Holm", [], "NO")]
    text = "In his meetings with Omar Saleh, Lina Haddad and separately with Anna Holm, Karl Berg stressed trade."
    found = [m["participants"] for m in meetings(run(text, people))]
    assert {"Omar Saleh", "Lina Haddad"} not in found and all("Karl Berg" in p for p in found)
