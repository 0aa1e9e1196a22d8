"""Your account: API tokens and changing your password."""
from playwright.sync_api import expect


def test_officer_creates_and_revokes_an_api_token(journey):
    journey.sign_in("officer")
    journey.nav("Your account")
    journey.expect_heading("Your account")
    journey.fill("Name for a new token", "E2E script")
    journey.press("Create token")
    expect(journey.page.locator("#new-token")).to_have_text(__import__("re").compile(r"^pbt_"))
    journey.press("Revoke E2E script")
    row = journey.page.get_by_role("row", name="E2E script")
    expect(row.first).to_contain_text("Revoked")


def test_password_change_errors_use_an_error_summary(journey):
    journey.sign_in("chief_executive")
    journey.nav("Your account")
    journey.press("Change password", status=None)
    journey.expect_error_summary()
    journey.fill("Current password", "this-is-not-my-password")
    journey.fill("New password", "short")
    journey.press("Change password", status=None)
    journey.expect_error_summary()
