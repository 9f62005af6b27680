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
