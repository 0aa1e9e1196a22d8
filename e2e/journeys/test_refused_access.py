"""Refused requests show a clear page, and the refusal reaches the audit trail."""
import pytest
from playwright.sync_api import expect

REFUSED_TO_MEMBERS = ["/audit", "/admin/users", "/admin/users/new", "/protocol/overrides",
                      "/directory/members/new", "/directory/wards/import", "/authorities"]


@pytest.mark.parametrize("path", REFUSED_TO_MEMBERS)
def test_member_is_refused_clearly(journey, path):
    journey.sign_in("member")
    journey.goto(path, status=403)
    journey.expect_heading("You do not have access to this")
    expect(journey.page.locator("main")).to_contain_text("This refusal has been recorded in the audit trail")
    # The way on is reachable from the keyboard.
    journey.follow("Go to the home page")
    expect(journey.heading()).to_contain_text("Welcome")


def test_missing_record_shows_not_found(journey):
    journey.sign_in("officer")
    journey.goto("/directory/members/00000000-0000-0000-0000-000000000000", status=404)
    expect(journey.heading()).to_have_text("Page not found")
    journey.follow("Go to the home page")


def test_monitoring_officer_sees_the_refusal_in_the_audit_trail(journey):
    journey.sign_in("assistant")
    journey.goto("/audit", status=403)
    journey.sign_in("monitoring_officer")
    journey.follow("Audit trail")
    journey.fill("Who", "Tariq Hussain")
    journey.choose("Outcome", "Refused")
    journey.press("Search")
    table = journey.page.get_by_role("table")
    expect(table).to_contain_text("audit.read")
    expect(table).to_contain_text("Tariq Hussain")
