"""Signing in and out, with the keyboard only."""
from playwright.sync_api import expect


def test_skip_link_is_the_first_tab_stop(journey):
    journey.goto("/sign-in")
    journey.page.keyboard.press("Tab")
    focused = journey.page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    journey.page.keyboard.press("Enter")
    journey.page.wait_for_function("() => location.hash === '#main-content'")
    journey.page.keyboard.press("Tab")
    inside_main = journey.page.evaluate("() => !!document.activeElement.closest('main')")
    assert inside_main, "after the skip link, Tab should move into the main content"


def test_member_signs_in_and_out(journey):
    journey.sign_in("member", fresh=True)
    expect(journey.heading()).to_contain_text("Welcome, Cllr Grace Okafor")
    expect(journey.page.get_by_role("navigation", name="Main")).to_be_visible()
    journey.sign_out()
    journey.expect_heading("Sign in to Probity")
    # The old session is over: a protected page sends the browser back to sign in.
    journey.goto("/directory")
    assert journey.path.startswith("/sign-in?next=/directory")


def test_sign_in_returns_to_the_page_asked_for(journey):
    journey.goto("/calendar")
    assert journey.path.startswith("/sign-in?next=/calendar")
    journey.sign_in("officer", fresh=True)
    assert journey.path == "/calendar"
    journey.expect_heading("Working-day calendar")


def test_sign_in_errors_use_an_error_summary(journey):
    journey.goto("/sign-in")
    journey.press("Sign in", status=None)
    journey.expect_error_summary("Enter your email address", "Enter your password")
    journey.follow_error_link("Enter your password")

    # An account that does not exist: the same answer as a wrong password, never which one.
    journey.fill("Email address", "nobody@demo.probity.test")
    journey.fill("Password", "not-the-right-password")
    journey.press("Sign in", status=None)
    journey.expect_error_summary("Enter a correct email address and password")
    expect(journey.page.get_by_label("Email address")).to_have_value("nobody@demo.probity.test")
    expect(journey.page.get_by_label("Password")).to_have_value("")
