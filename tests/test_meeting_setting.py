"""Where and how a meeting took place, read from its own clause: a demonym before a person or a place
naming a treaty is no location, a purpose clause ("to reaffirm ...") holds no setting (constructed sentences)."""

from test_meetings import meetings, run


# -- a place that qualifies another word is no location ---------------------------------------------------

def test_a_demonym_before_a_person_does_not_place_the_meeting():
    people = [("Ana Silva", [], "BR"), ("Marco Bellini", [], "IT")]
    (m,) = meetings(run("Ana Silva spoke today with Marco Bellini, Diplomatic Adviser to the Italian Prime "
                        "Minister.", people))
    assert m["country"] is None and m["mode"] == "call"
    people = [("Tomas Berg", [], "SE"), ("Kemal Aydin", [], "TR")]
    (m,) = meetings(run("Tomas Berg met with Kemal Aydin, an envoy of the Turkish President, on Monday.", people))
    assert m["country"] is None


def test_a_demonym_before_a_place_noun_still_places_the_meeting():
    people = [("Tomas Berg", [], "SE"), ("Kemal Aydin", [], "TR")]
    (m,) = meetings(run("Tomas Berg met with Kemal Aydin in the Turkish capital on Monday.", people))
    assert m["country"] == "TR"
    people = [("Ana Silva", [], "BR"), ("Yuki Sato", [], "JP")]
    (m,) = meetings(run("In the Japanese city of Osaka, Ana Silva held talks with Yuki Sato.", people))
    assert m["country"] == "JP" and m["city"] == "Osaka"


def test_a_place_inside_another_name_does_not_place_the_meeting():
    people = [("Ana Silva", [], "BR"), ("Marco Bellini", [], "IT")]
    (m,) = meetings(run("Ana Silva met with Marco Bellini to review their commitments in the Paris Agreement.",
                        people))
    assert m["city"] is None and m["country"] is None
    people = [("Tomas Berg", [], "SE"), ("Yuki Sato", [], "JP")]
    (m,) = meetings(run("Tomas Berg spoke with Yuki Sato about progress in the Moscow Mechanism.", people))
    assert m["city"] is None and m["mode"] == "call"
    (m,) = meetings(run("Tomas Berg met with Yuki Sato in Paris Tuesday.", people))
    assert m["city"] == "Paris"


# -- a purpose clause is the topic, not the setting --------------------------------------------------------

def test_a_purpose_clause_gives_neither_place_nor_mode():
    people = [("Tomas Berg", [], "SE"), ("Kemal Aydin", [], "TR")]
    (m,) = meetings(run("Tomas Berg spoke today with Kemal Aydin to reaffirm the vision they laid out at the "
                        "summit in Ankara last year.", people))
    assert m["mode"] == "call" and m["city"] is None and m["country"] is None
    people = [("Ana Silva", [], "BR"), ("Jens Holm", [], "NO")]
    (m,) = meetings(run("Ana Silva and Jens Holm met on Monday to prepare for the June NATO Summit in Madrid.",
                        people))
    assert m["city"] is None and m["event"] is None
    people = [("Yuki Sato", [], "JP"), ("Ruto Mwangi", [], "KE")]
    (m,) = meetings(run("Yuki Sato spoke with Ruto Mwangi to personally thank the rescue teams in Nairobi.", people))
    assert m["mode"] == "call" and m["city"] is None


def test_the_setting_before_a_purpose_clause_stays():
    people = [("Tomas Berg", [], "SE"), ("Kemal Aydin", [], "TR")]
    (m,) = meetings(run("Tomas Berg met with Kemal Aydin in Ankara to reaffirm their partnership.", people))
    assert m["city"] == "Ankara" and m["mode"] == "in_person"
    people = [("Ana Silva", [], "BR"), ("Yuki Sato", [], "JP")]
    (m,) = meetings(run("Ana Silva travelled to Tokyo to meet with Yuki Sato.", people))
    assert m["city"] == "Tokyo"
