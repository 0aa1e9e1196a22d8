"""Ward matters: the Head of Highways records a major incident for a ward (sent empty first, then
without a ward); Probity tells the ward's members, the Deputy Leader and the Lead Member chosen,
and shows who was told and why; a ward member sees it in the list and at once in the inbox (a major
incident is not held through private time); a member who was not told cannot find it. The
administrator sets a pre-election period, in which a member's public meeting on council premises
is refused; after polling day it is told to the officer. Keyboard only; every page checked by axe.
"""
import uuid

from playwright.sync_api import expect


def test_officer_records_a_ward_matter_and_only_the_members_told_see_it(journey):
    tag = uuid.uuid4().hex[:8]
    title = f"Water main burst on Abbey Road {tag}"
    details = f"Abbey Road is closed between the school and the library while the water main is repaired ({tag})."
    main = journey.page.locator("main")

    # The Head of Highways records it; sent empty first, the form names what is missing.
    journey.sign_in("officer")
    journey.nav("Ward matters")
    journey.expect_heading("Ward matters")
    expect(main).to_contain_text("Officers keep ward councillors fully informed")
    journey.follow("Record a ward matter and tell the ward members")
    journey.expect_heading("Record a ward matter")
    # A fresh form tells nobody beyond the ward's members until the officer ticks them.
    for box in ("The Leader", "The Deputy Leader"):
        expect(journey.page.get_by_label(box, exact=True)).not_to_be_checked()
    journey.press("Record and tell the members", status=None)
    journey.expect_error_summary("Choose what kind of matter this is", "Enter a short title", "Enter what members need to know")
    journey.choose_radio("A major incident")
    journey.fill("Title", title)
    journey.fill("What members need to know", details)
    # Without a ward there is nobody to tell.
    journey.press("Record and tell the members", status=None)
    journey.expect_error_summary("Choose at least one affected ward")
    journey.tick("Abbey Fields")
    journey.tick("The Deputy Leader")
    journey.choose("A Cabinet Lead Member (optional)", "Anna Nowak (Environment and Transport)")
    journey.press("Record and tell the members")
    journey.expect_success("Ward matter recorded and the members told")
    journey.expect_heading(title)
    expect(main).to_contain_text("A major incident")
    expect(main).to_contain_text(details)
    told = journey.page.get_by_role("table")
    expect(told.get_by_role("row").filter(has_text="Grace Okafor")).to_contain_text("member for an affected ward")
    expect(told.get_by_role("row").filter(has_text="Shahana Begum")).to_contain_text("member for an affected ward")
    expect(told.get_by_role("row").filter(has_text="Ravi Patel")).to_contain_text("Deputy Leader")
    expect(told.get_by_role("row").filter(has_text="Anna Nowak")).to_contain_text("Cabinet Lead Member")
    expect(told).not_to_contain_text("Tom Hughes")
    matter_path = journey.path.split("?")[0]

    # A member for the ward finds it among the matters she was told of, and in her inbox at once.
    journey.sign_in("member")
    journey.nav("Ward matters")
    journey.follow_row(title)
    journey.expect_heading(title)
    expect(main).to_contain_text(details)
    expect(main).to_contain_text("Sam Turner")
    journey.nav("Inbox")
    message = journey.page.get_by_role("row").filter(has_text=f"Ward matter: {title}")
    expect(message).to_contain_text("Urgent")
    expect(message).to_contain_text("You are told as member for an affected ward")

    # A member for another ward was not told, so cannot find it: not in the list, not by its address.
    journey.sign_in("opposition_member")
    journey.nav("Ward matters")
    expect(main).not_to_contain_text(title)
    expect(main).not_to_contain_text("Record a ward matter")
    journey.goto(matter_path, status=404)
    journey.expect_heading("Page not found")
    expect(main).not_to_contain_text(tag)
    journey.follow("Go to the home page")

    # Members do not record ward matters: the form refuses them clearly.
    journey.goto("/ward-matters/new", status=403)
    journey.expect_heading("You do not have access to this")
    expect(main).to_contain_text("Only officers record ward matters")


def test_public_meeting_on_council_premises_is_refused_in_the_pre_election_period(journey):
    tag = uuid.uuid4().hex[:8]
    meeting = f"Abbey Fields residents' meeting on the library hours {tag}"
    main = journey.page.locator("main")

    # The administrator sets the pre-election period; sent empty first, the form names both dates.
    journey.sign_in("admin")
    journey.nav("Ward matters")
    journey.follow("Pre-election periods")
    journey.expect_heading("Pre-election periods")
    expect(main).to_contain_text("not in the immediate run up to council elections")
    journey.press("Add the period", status=None)
    journey.expect_error_summary("Enter the first day as YYYY-MM-DD", "Enter the last day (polling day) as YYYY-MM-DD")
    journey.fill("First day", "2030-03-25")
    journey.fill("Last day (polling day)", "2030-05-02")
    journey.fill("Note (optional)", f"Borough elections {tag}")
    journey.press("Add the period")
    journey.expect_success("Pre-election period added")
    expect(journey.page.get_by_role("row").filter(has_text=f"Borough elections {tag}")).to_contain_text("2030-05-02")

    # A member cannot change the periods.
    journey.sign_in("member")
    journey.nav("Ward matters")
    journey.follow("Pre-election periods")
    expect(main).to_contain_text(f"Borough elections {tag}")
    expect(main).not_to_contain_text("Add a period")

    # The member tells an officer of a public meeting; sent empty first, the form names what is missing.
    journey.nav("Ward matters")
    journey.follow("Tell an officer about a public meeting you are arranging")
    journey.expect_heading("Tell an officer about a public meeting")
    for box in ("It is on council premises", "It is arranged on a party political basis"):
        expect(journey.page.get_by_label(box, exact=True)).not_to_be_checked()
    journey.press("Tell the officer", status=None)
    journey.expect_error_summary("Enter what the meeting is about", "Enter the date of the meeting",
                                 "Enter where it will be held", "Choose the officer to tell")

    # On council premises in the pre-election period the protocol refuses it, clearly.
    journey.fill("What the meeting is about", meeting)
    journey.fill("Date", "2030-04-20")
    journey.fill("Where", "Abbey Fields Library, meeting room 2")
    journey.tick("It is on council premises")
    journey.choose("Officer to tell", "Sam Turner, Head of Highways")
    journey.press("Tell the officer", status=403)
    journey.expect_heading("You do not have access to this")
    expect(main).to_contain_text("cannot be arranged on council premises in the pre-election period")
    expect(main).to_contain_text("11.5")
    journey.follow("Go to the home page")

    # After polling day the same meeting is told to the officer.
    journey.nav("Ward matters")
    journey.follow("Tell an officer about a public meeting you are arranging")
    out_of_hours = journey.page.locator("#out-of-hours").count() > 0
    journey.fill("What the meeting is about", meeting)
    journey.fill("Date", "2030-05-09")
    journey.fill("Where", "Abbey Fields Library, meeting room 2")
    journey.tick("It is on council premises")
    journey.tick("It is arranged on a party political basis", checked=False)
    journey.choose("Officer to tell", "Sam Turner, Head of Highways")
    journey.press("Tell the officer")
    journey.expect_success("The officer has been told about your meeting")
    journey.expect_heading("Ward matters")

    # The officer is told in working hours; outside them the message waits for the next working
    # morning (the form warned the member so), and the officer's inbox does not have it yet.
    journey.sign_in("officer")
    journey.nav("Inbox")
    if out_of_hours:
        expect(main).not_to_contain_text(meeting)
    else:
        told = journey.page.get_by_role("row").filter(has_text="Public meeting arranged by Cllr Grace Okafor")
        expect(told).to_contain_text(meeting)
        expect(told).to_contain_text("An appropriate officer may be invited to attend")

    # The administrator removes the period again.
    journey.sign_in("admin")
    journey.nav("Ward matters")
    journey.follow("Pre-election periods")
    journey.press("Remove the period from 2030-03-25")
    journey.expect_success("Pre-election period removed")
    expect(main).not_to_contain_text(f"Borough elections {tag}")
