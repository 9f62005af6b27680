"""Hard-wrapped text: line breaks that only wrap a line read as spaces, offsets unchanged."""

from idefx.wrapping import unwrapped

WRAPPED = ("The Minister welcomed Senator Holm, Mayor Haddad, Governor\n"
           "Mensah, and Speaker Vidal to the new ministry on Monday, and spent\n"
           "two hours with them discussing the budget of the coming year and the\n"
           "plans for the new port, the railway and the schools of the region, which\n"
           "the four of them had promised to the voters in the last two elections.\n"
           "\n"
           "Short heading\n"
           "The talks went on.\n")


def test_a_break_that_wraps_a_line_becomes_a_space_and_the_length_stays():
    out = unwrapped(WRAPPED)
    assert len(out) == len(WRAPPED)
    assert "Governor Mensah" in out
    assert "spent two hours" in out and "the plans for" in out


def test_paragraph_breaks_and_the_ends_of_short_lines_stay():
    out = unwrapped(WRAPPED)
    assert "elections.\n\nShort heading\nThe talks" in out


def test_text_that_is_not_hard_wrapped_is_left_as_it_is():
    text = ("Minister Lena Holm met Mayor Omar Haddad in Oslo on Monday to discuss the port.\n"
            "Governor Kofi Mensah joined them later that day for a working lunch at the hall.\n"
            "Speaker Rosa Vidal sent a message of support.\n")
    assert unwrapped(text) == text


def test_items_and_indented_lines_keep_their_line_breaks():
    text = WRAPPED + ("The delegation included the following members of the cabinet and staff:\n"
                      "-   The Administrator of the Environmental Protection Agency, Ana\n"
                      "    Costa\n"
                      "1. The Secretary of the Treasury and the Secretary of Labor and Trade\n")
    out = unwrapped(text)
    assert "staff:\n-   The" in out
    assert "Ana\n    Costa" in out
    assert "Trade\n" in out


def test_a_name_wrapped_after_its_title_is_one_person(nlp):
    from people_found import people

    found = people(nlp, unwrapped(WRAPPED))
    assert found["Mensah"].titles == ["Governor"]
    assert "Mensah" not in " ".join(t for p in found.values() for t in p.titles)
