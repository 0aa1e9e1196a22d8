"""The protocol: reading the rules with their citations, comparing protocols, overriding a rule."""
from playwright.sync_api import expect


def test_member_reads_and_compares_protocols(journey):
    journey.sign_in("member")
    journey.nav("Protocol")
    expect(journey.page.locator(".pb-caption-l")).to_have_text("Your authority's protocol")
    expect(journey.page.locator(".pb-citation").first).to_be_visible()

    journey.follow("Compare with another protocol")
    journey.expect_heading("Compare protocols")
    first = journey.page.get_by_label("First protocol").evaluate("s => s.options[s.selectedIndex].label.trim()")
    other = next(label for label in journey.options("Second protocol") if label != first)
    journey.choose("Second protocol", other)
    journey.tick("Show only the rules that differ")
    journey.press("Compare")
    expect(journey.page.get_by_role("table")).to_be_visible()
    expect(journey.page.locator("main")).to_contain_text("rules differ between the two protocols")


def test_member_reads_another_built_in_profile(journey):
    journey.sign_in("opposition_member")
    journey.nav("Protocol")
    link = journey.page.locator("main ul.pb-list--bullet a").first
    name = link.inner_text().strip()
    journey.follow(name)
    expect(journey.page.locator(".pb-caption-l")).to_have_text("Built-in protocol profile")


def test_administrator_overrides_a_rule_and_removes_the_override(journey):
    journey.sign_in("admin")
    journey.nav("Protocol")
    journey.follow("Override a rule with your authority's own version")
    journey.expect_heading("Override a rule")

    journey.press("Check and apply", status=None)
    journey.expect_error_summary()

    journey.choose("Rule", "Members' enquiries: Response deadline")
    journey.fill("Your authority's version of the rule (YAML)", "statement: [this is not a rule")
    journey.press("Check and apply", status=None)
    journey.expect_error_summary()

    example = journey.page.locator("#yaml-hint code").text_content()
    journey.choose("Rule", "Members' enquiries: Response deadline")
    journey.fill("Your authority's version of the rule (YAML)", example)
    journey.press("Check and apply")
    journey.expect_success()
    table = journey.page.get_by_role("table")
    expect(table).to_contain_text("enquiries.responseDeadline")

    journey.nav("Protocol")
    expect(journey.page.locator("[id='enquiries.responseDeadline']")).to_contain_text("Authority's own version")
    journey.follow("Override a rule with your authority's own version")
    journey.press("Remove the override of enquiries.responseDeadline")
    journey.expect_success()
    expect(journey.page.locator("main")).to_contain_text("no rule is overridden")
