"""The inbox, the authorities page, the accessibility statement."""
from playwright.sync_api import expect


def test_member_opens_their_inbox(journey):
    journey.sign_in("member")
    journey.nav("Inbox")
    journey.expect_heading("Inbox")
    if journey.page.get_by_role("button", name="Mark all as read").count():
        journey.press("Mark all as read")
        expect(journey.page.locator("main")).to_contain_text("0 unread")


def test_platform_administrator_sees_the_authorities(journey):
    journey.sign_in("admin")
    journey.nav("Authorities")
    journey.expect_heading("Authorities")
    expect(journey.page.get_by_role("table")).to_contain_text("Demo Borough Council")
    journey.press("Add authority", status=None)
    journey.expect_error_summary()


def test_accessibility_statement_from_the_footer(journey):
    journey.goto("/sign-in")
    journey.follow("Accessibility statement")
    expect(journey.heading()).to_contain_text("Accessibility")
