"""Consultations on delegated decisions: the Head of Highways records consulting the Leader as
local member before deciding under delegated powers (sent empty first; views that differ
materially must have one of the protocol's routes, and a route is refused where they do not);
seeking the Monitoring Officer's advice, he records his decision, which stays his. The Monitoring
Officer adds advice (sent empty first); the Leader sees her view, the decision and the advice but
cannot add to them; another member cannot find it, and members cannot record one. Keyboard only;
every page checked by axe.
"""
import uuid

from playwright.sync_api import expect


def test_officer_records_a_consultation_the_decision_stays_theirs_and_others_are_refused(journey):
    tag = uuid.uuid4().hex[:8]
    title = f"Temporary closure of Mill Lane for resurfacing {tag}"
    view = "The Leader objects to closing Mill Lane in term time because of the school run."
    decision = f"Close Mill Lane for three weeks from 6 April, with a signed diversion ({tag})."
    advice = "The decision is within the Head of Highways' delegation; record the reasons for the timing."
    main = journey.page.locator("main")

    # The Head of Highways records the consultation; sent empty first, the form names what is missing.
    journey.sign_in("officer")
    journey.nav("Consultations")
    journey.expect_heading("Consultations on delegated decisions")
    expect(main).to_contain_text("the officer takes the decision")
    journey.follow("Record a consultation")
    journey.expect_heading("Record a consultation")
    expect(journey.page.get_by_label("Our views differ materially and cannot be reconciled", exact=True)).not_to_be_checked()
    expect(main).to_contain_text("There is nothing for the member to approve or sign: the decision is yours.")
    journey.press("Record the consultation", status=None)
    journey.expect_error_summary("Enter the decision being taken", "Enter the proposal you consulted on", "Enter the member's view",
                                 "Enter your decision", "Choose the member you consulted",
                                 "Choose whether they were consulted as Lead Member, Chair or local member")

    journey.fill("The decision being taken", title)
    journey.fill("The proposal you consulted on", "Resurface Mill Lane, closing it to through traffic for three weeks.")
    journey.choose("Member consulted", "Grace Okafor")
    journey.choose_radio("Local member")
    journey.fill("The member's view", view)
    journey.fill("Your decision", decision)
    # A route is for views that differ materially; where they do not, the protocol offers none.
    journey.expect_heading("Record a consultation")
    expect(journey.page.get_by_label("Our views differ materially and cannot be reconciled", exact=True)).not_to_be_checked()
    journey.choose_radio("Seek the Monitoring Officer's advice")
    journey.press("Record the consultation", status=None)
    journey.expect_error_summary("A route is chosen only where the views differ materially")
    # Where they do differ materially, one of the protocol's routes must be chosen.
    journey.tick("Our views differ materially and cannot be reconciled")
    route = journey.page.get_by_label("Seek the Monitoring Officer's advice", exact=True)
    assert route.is_checked(), "the route chosen was not kept after the error"
    journey.press("Record the consultation")
    journey.expect_success("Consultation recorded")
    journey.expect_heading(title)
    expect(main).to_contain_text("Grace Okafor, as Local member")
    expect(main).to_contain_text(view)
    expect(main).to_contain_text(decision)
    expect(main).to_contain_text("The decision, and the responsibility for it, remain the officer's.")
    expect(main).to_contain_text("Differ materially")
    expect(main).to_contain_text("Seek the Monitoring Officer's advice")
    consultation_path = journey.path.split("?")[0]

    # The Monitoring Officer finds it and records advice; sent empty first.
    journey.sign_in("monitoring_officer")
    journey.nav("Consultations")
    expect(journey.page.get_by_role("row").filter(has_text=title)).to_contain_text("Differ materially")
    journey.follow_row(title)
    journey.press("Record the advice", status=None)
    journey.expect_error_summary("Enter your advice")
    journey.fill("Your advice on this decision", advice)
    journey.press("Record the advice")
    journey.expect_success("Your advice is recorded")
    expect(main).to_contain_text("Daniel Reid, ")
    expect(main).to_contain_text(advice)

    # The Leader sees her view, the officer's decision and the advice, and has nothing to sign or add.
    journey.sign_in("member")
    journey.nav("Consultations")
    expect(main).not_to_contain_text("Record a consultation")
    journey.follow_row(title)
    journey.expect_heading(title)
    expect(main).to_contain_text(view)
    expect(main).to_contain_text(decision)
    expect(main).to_contain_text(advice)
    expect(journey.page.get_by_role("button", name="Record the advice")).to_have_count(0)
    expect(main).not_to_contain_text("Record your advice")

    # A member who was not consulted cannot find it: not in the list, not by its address.
    journey.sign_in("opposition_member")
    journey.nav("Consultations")
    expect(main).not_to_contain_text(title)
    journey.goto(consultation_path, status=404)
    journey.expect_heading("Page not found")
    expect(main).not_to_contain_text(tag)
    journey.follow("Go to the home page")

    # Members do not record consultations: the form refuses them clearly.
    journey.goto("/consultations/new", status=403)
    journey.expect_heading("You do not have access to this")
    expect(main).to_contain_text("Only officers record the consultations")
