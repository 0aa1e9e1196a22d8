"""An administrator adds a user, who signs in; the administrator disables and enables them."""
import uuid

from playwright.sync_api import expect

from probity_e2e.users import DemoUser


def test_administrator_adds_a_user_who_can_then_sign_in(journey):
    tag = uuid.uuid4().hex[:6]
    person = DemoUser(f"e2e.{tag}@demo.probity.test", f"E2E Person {tag}", "new user")
    password = "correct horse battery staple"
    journey.sign_in("admin")
    journey.nav("Users")
    journey.expect_heading("Users")
    journey.press("Add a user")
    journey.press("Add user", status=None)
    journey.expect_error_summary()

    journey.fill("Full name", person.display_name)
    journey.fill("Email address", person.email)
    journey.fill("First password", password)
    journey.choose("Who they are", "Officer")
    journey.choose("Their directory record", "Chris Dunn")
    journey.press("Add user")
    expect(journey.heading()).to_have_text(person.display_name)

    journey.press("Disable this user")
    expect(journey.page.locator("main")).to_contain_text("Disabled")
    journey.press("Enable this user")
    expect(journey.page.locator("main")).to_contain_text("Active")

    journey.sign_out()
    journey.sign_in(person, password=password, fresh=True)
    expect(journey.heading()).to_contain_text(person.display_name)
    # Signing out everywhere ends this session too.
    journey.nav("Your account")
    journey.press("Sign out everywhere")
    assert journey.path.startswith("/sign-in")
