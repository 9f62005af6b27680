"""Words that name no meeting held: a verb of meeting used as a noun (constructed sentences)."""

from test_meetings import meetings, run


def pairs(found):
    return [m["participants"] for m in found]


def test_a_visit_or_host_used_as_a_noun_is_no_meeting():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN"), ("Omar Haddad", [], "JO")]
    for text in ("Anna Berg praised the exchange of visits between Lin Wei and Omar Haddad.",
                 "Lin Wei recalled their visits to Omar Haddad in Amman.",
                 "Anna Berg thanked the hosts, Lin Wei and Omar Haddad, for the dinner.",
                 "Omar Haddad said the recent visits of Lin Wei had built trust."):
        assert meetings(run(text, people)) == [], text


def test_the_verb_still_reports_a_meeting():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN")]
    for text in ("Anna Berg visits Lin Wei in Beijing.",
                 "Lin Wei hosts Anna Berg for talks in Beijing.",
                 "On Monday, Anna Berg also visited Lin Wei at his office."):
        assert pairs(meetings(run(text, people))) == [{"Anna Berg", "Lin Wei"}], text


def test_a_noun_visit_does_not_add_a_meeting_after_a_real_one():
    people = [("Anna Berg", [], "SE"), ("Jan Nowak", [], "PL"), ("Lin Wei", [], "CN")]
    text = ("Anna Berg met Jan Nowak in Warsaw on Monday. \"We noted our progress after the exchange of visits "
            "with Lin Wei,\" Berg said.")
    assert pairs(meetings(run(text, people))) == [{"Anna Berg", "Jan Nowak"}]


def test_a_later_trigger_of_the_sentence_takes_its_own_date_and_place():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN"), ("Ruth Kimani", [], "KE")]
    for text in ("Anna Berg met Lin Wei in Beijing on Monday and held talks with Ruth Kimani in Nairobi on Wednesday.",
                 "Anna Berg met Lin Wei, the premier, on Monday in Beijing, and later received Ruth Kimani in "
                 "Nairobi on Wednesday.",
                 "Lin Wei, who met Anna Berg in Beijing on Monday, held talks with Ruth Kimani in Nairobi on "
                 "Wednesday."):
        found = meetings(run(" date 2024-03-15\n\n" + text, people))
        assert [(m["date"], m["city"]) for m in found] == [("2024-03-11", "Beijing"), ("2024-03-13", "Nairobi")], \
            text


def test_a_later_trigger_without_its_own_setting_keeps_the_one_before():
    people = [("Anna Berg", [], "SE"), ("Lin Wei", [], "CN"), ("Ruth Kimani", [], "KE")]
    text = " date 2024-03-15\n\nOn Monday in Oslo, Anna Berg met Lin Wei, and held talks with Ruth Kimani."
    assert [(m["date"], m["city"]) for m in meetings(run(text, people))] == [("2024-03-11", "Oslo")] * 2


def test_a_role_reference_beside_a_named_counterpart_is_its_holder():
    people = [("Alberto Vidal", [], "AR"), ("Kristina Georgieva", [], None), ("Felipe Soto", [], "AR")]
    lead = "President Alberto Vidal travelled to Washington last week. "
    for text in ("Felipe Soto said the meeting between the President and the head of the IMF, Kristina Georgieva, "
                 "was productive.",
                 "Soto said talks between the President and Kristina Georgieva were useful.",
                 "Felipe Soto held talks with Kristina Georgieva and the President on Monday."):
        found = meetings(run(lead + text, people))
        assert any({"Alberto Vidal", "Kristina Georgieva"} <= m["participants"] for m in found), text


def test_a_role_reference_in_apposition_or_possessive_adds_no_one():
    people = [("Alberto Vidal", [], "AR"), ("Kristina Georgieva", [], None), ("Felipe Soto", [], "AR")]
    lead = "President Alberto Vidal travelled to Washington last week. "
    for text in ("Felipe Soto met Kristina Georgieva, the President of the Bank, on Monday.",
                 "Felipe Soto met the President of the Bank Kristina Georgieva on Monday.",
                 "Felipe Soto met Kristina Georgieva and the President's adviser on Monday."):
        (meeting,) = meetings(run(lead + text, people))
        assert meeting["participants"] == {"Felipe Soto", "Kristina Georgieva"}, text
