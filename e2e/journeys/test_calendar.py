"""The working-day calendar: due dates for anyone, closure days for administrators."""
import random

from playwright.sync_api import expect


def test_officer_works_out_a_due_date_over_christmas(journey):
    journey.sign_in("officer")
    journey.nav("Calendar")
    journey.expect_heading("Working-day calendar")

    journey.fill("Received on", "18 December")
    journey.fill("Working days", "ten")
    journey.press("Work out the due date", status=None)
    journey.expect_error_summary()

    journey.fill("Received on", "2026-12-18")
    journey.fill("Working days", "10")
    journey.press("Work out the due date")
    panel = journey.page.locator(".pb-panel--confirmation")
    expect(panel).to_contain_text("Due")
    expect(journey.page.locator("main")).to_contain_text("Christmas Day")


def test_administrator_adds_and_removes_a_closure_day(journey):
    title = f"E2E closure {random.randint(1000, 9999)}"
    day = "2027-03-10"  # a Wednesday, and no bank holiday
    journey.sign_in("admin")
    journey.nav("Calendar")

    journey.press("Add closure day", status=None)
    journey.expect_error_summary()

    journey.fill("Date", day)
    journey.fill("What the closure is", title)
    journey.press("Add closure day")
    journey.expect_success()
    journey.goto(f"/calendar?year={day[:4]}")
    expect(journey.page.get_by_role("table")).to_contain_text(title)
    journey.press(f"Remove {title}")
    journey.expect_success()
