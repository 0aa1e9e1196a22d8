"""Registers: a member declares an interest on "My register" (sent empty first), sees it with the
28-day period and its citation, and declares a sensitive interest and a close relationship; the
public register shows the first and neither of the others; the Monitoring Officer runs a conflict
check that finds the interest and sees the printable report. Keyboard only; every page checked by axe.
"""
import uuid

from playwright.sync_api import expect


def open_details(journey, summary: str) -> None:
    """Opens a <details> by its summary, with Tab and Enter."""
    locator = journey.page.locator("summary", has_text=summary)
    journey.tab_to(locator, f"summary {summary!r}")
    journey.page.keyboard.press("Enter")
    expect(locator.locator("xpath=..")).to_have_attribute("open", "")


def test_member_declares_the_public_register_shows_only_what_it_should_and_the_mo_checks_conflicts(journey):
    tag = uuid.uuid4().hex[:8]
    body = f"Riverside Trust {tag}"
    published = f"Hospitality from {body}"
    sensitive = f"Shareholding in Northgate Holdings {tag}"
    relationship = f"My cousin works in Highways {tag}"
    main = journey.page.locator("main")

    # The member declares an interest; sent empty first, the form answers with an error summary.
    journey.sign_in("member")
    journey.nav("Registers")
    journey.expect_heading("My register")
    expect(main).to_contain_text("within 28 days")
    expect(main).to_contain_text("Localism Act 2011 s.30(1)")
    journey.follow("Other registerable interest")
    journey.expect_heading("Other registerable interest")
    journey.press("Declare", status=None)
    journey.expect_error_summary("Choose the category of interest", "Say what the interest is")
    journey.choose("Category", "Gifts and hospitality")
    journey.fill("What is the interest?", published)
    open_details(journey, "What the interest touches")
    journey.fill("Bodies or companies, one a line", body)
    journey.press("Declare")
    journey.expect_success("Recorded")
    journey.expect_heading("Other registerable interest (Gifts and hospitality)")
    expect(main).to_contain_text(published)
    expect(main).to_contain_text("Published")
    expect(main).to_contain_text("before the end of 28 days")
    expect(main).to_contain_text("Localism Act 2011 s.30(1)")

    # It is among their entries, with the period to register changes in and its citation.
    journey.nav("Registers")
    journey.expect_heading("My register")
    expect(journey.page.get_by_role("row").filter(has_text=published)).to_contain_text("Current")
    expect(main).to_contain_text("Register a new interest, or a change to one, within 28 days.")

    # A second interest, asked to be withheld as sensitive.
    journey.follow("Other registerable interest")
    journey.choose("Category", "Other registerable interests")
    journey.fill("What is the interest?", sensitive)
    journey.tick("Publishing the details could lead to me or someone connected with me being subject to "
                 "violence or intimidation: ask the Monitoring Officer to withhold them (Localism Act 2011 s.32)")
    journey.press("Declare")
    expect(main).to_contain_text("Withheld while the Monitoring Officer decides whether it is sensitive")

    # A close relationship with an officer, which is private.
    journey.nav("Registers")
    journey.follow("Close personal relationship")
    journey.choose("Who is the relationship with?", "Jack Evans (officer)")
    journey.choose("What kind of relationship?", journey.options("What kind of relationship?")[1])
    journey.fill("Anything to add (optional)", relationship)
    journey.press("Declare")
    expect(main).to_contain_text("This entry is private")

    # The public register shows the published interest, and neither the sensitive one nor the relationship.
    journey.nav("Registers")
    journey.follow("The public register of members' interests")
    journey.expect_heading("Register of members' interests")
    expect(main).to_contain_text(published)
    expect(main).not_to_contain_text(sensitive)
    expect(main).not_to_contain_text(relationship)
    expect(main).not_to_contain_text("Jack Evans")
    expect(main).to_contain_text("details are withheld under section 32(2) of the Localism Act 2011")

    # The Monitoring Officer checks a meeting whose item touches the body, and gets the printable report.
    journey.sign_in("monitoring_officer")
    journey.nav("Registers")
    journey.follow("Check a meeting, decision or panel for conflicts")
    journey.expect_heading("Conflict check")
    journey.tab_to(journey.page.locator("#title"), "the check's title")
    journey.page.keyboard.type(f"Licensing Committee {tag}")
    journey.choose("Committee", "Licensing Committee")
    journey.tick("Grace Okafor (member)")
    journey.tick("Tom Hughes (member)")
    journey.tab_to(journey.page.locator("#item1-title"), "item 1's title")
    journey.page.keyboard.type(f"Grant to {body}")
    open_details(journey, "What item 1 touches")
    journey.tab_to(journey.page.locator("#item1-bodies"), "item 1's bodies")
    journey.page.keyboard.type(body)
    journey.press("Check")
    journey.expect_heading(f"Conflict check: Licensing Committee {tag}")
    report = journey.page.locator(".pb-conflict-report")
    expect(report).to_contain_text("Confidential.")
    expect(report.get_by_role("row").filter(has_text=f"Grant to {body}")).to_contain_text("Grace Okafor: Must declare")
    expect(report).to_contain_text("Other registerable interest (Gifts and hospitality)")
    expect(report).to_contain_text("Tom Hughes")
    expect(report).to_contain_text("Clear on every item.")
    expect(report).to_contain_text("Use your browser's print command to print this page.")

    # Printed, the report keeps its content and drops the page's navigation and links onwards.
    journey.page.emulate_media(media="print")
    expect(journey.page.locator(".pb-header")).to_be_hidden()
    expect(journey.page.get_by_role("link", name="Check another")).to_be_hidden()
    expect(report.get_by_role("heading", name="Grace Okafor")).to_be_visible()
    journey.page.emulate_media(media="screen")
