"""Complaints: a member complains about a Director, sending the form empty first; the Chief
Executive, who handles such a complaint under the demo council's protocol (Tower Hamlets 3.42
and 14.6), finds it and acknowledges it in writing; a member with no part in it is refused.
Keyboard only; every page checked by axe.
"""
import uuid

from playwright.sync_api import expect


def test_member_complains_the_chief_executive_acknowledges_and_others_are_refused(journey):
    tag = uuid.uuid4().hex[:8]
    details = f"At the ward walkabout on 12 November the Director spoke to residents dismissively ({tag})."

    # The member makes the complaint; sent empty first, the form answers with an error summary.
    journey.sign_in("member")
    journey.nav("Complaints")
    journey.expect_heading("Complaints and reports")
    journey.press("Make a complaint or report")  # a link styled and announced as a button
    journey.expect_heading("Make a complaint or report")
    journey.press("Send", status=None)
    journey.expect_error_summary()

    journey.tick("A complaint about someone's conduct, behaviour or performance")
    journey.choose("Who is it about?", "Priya Shah (corporate director)")
    journey.choose("What is it about?", "Behaviour")
    journey.fill("What happened?", details)
    journey.press("Send")
    journey.expect_success("has been recorded")
    reference = journey.heading().inner_text().strip()
    assert reference.startswith("CMP-"), f"the new case's heading is {reference!r}, not its reference"
    case_path = journey.path.split("?")[0]
    main = journey.page.locator("main")
    expect(main).to_contain_text("It went to the chief executive.")
    expect(main).to_contain_text(details)

    # The Chief Executive finds it among the cases they handle and acknowledges it in writing.
    journey.sign_in("chief_executive")
    journey.nav("Complaints")
    journey.follow_row(reference)
    journey.expect_heading(reference)
    journey.fill("Say that the complaint has been received", f"Your complaint {reference} has been received.")
    journey.fill("What will be done", "I will look into what happened at the walkabout and speak to those there.")
    journey.fill("Roughly how long it will take", "about 4 weeks")
    journey.press("Send the acknowledgement")
    journey.expect_success(f"{reference} acknowledged")
    expect(main).to_contain_text("about 4 weeks")

    # The member sees the acknowledgement on their case.
    journey.sign_in("member")
    journey.nav("Complaints")
    journey.follow_row(reference)
    expect(main).to_contain_text("about 4 weeks")

    # A member with no part in the case and no need to know it is refused, clearly.
    journey.sign_in("opposition_member")
    journey.nav("Complaints")
    expect(main).not_to_contain_text(reference)
    journey.goto(case_path, status=403)
    journey.expect_heading("You do not have access to this")
    expect(main).to_contain_text("This refusal has been recorded in the audit trail")
    expect(main).not_to_contain_text(tag)
    journey.follow("Go to the home page")
