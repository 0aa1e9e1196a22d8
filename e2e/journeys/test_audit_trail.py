"""The Monitoring Officer searches the audit trail."""
from playwright.sync_api import expect


def test_monitoring_officer_searches_the_audit_trail(journey):
    journey.sign_in("monitoring_officer")
    journey.nav("Audit trail")
    journey.expect_heading("Audit trail")
    expect(journey.page.locator("main")).to_contain_text("The audit chain is intact")

    journey.fill("From (YYYY-MM-DD)", "2026-99-99")
    journey.press("Search", status=None)
    journey.expect_error_summary()

    journey.fill("From (YYYY-MM-DD)", "")
    journey.fill("Action starts with", "auth.sign-in")
    journey.press("Search")

