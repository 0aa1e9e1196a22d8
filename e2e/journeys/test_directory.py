"""The directory: browsing it, and an administrator keeping it up to date with forms and CSV."""
import uuid

from playwright.sync_api import expect


def test_member_browses_the_directory(journey):
    journey.sign_in("member")
    journey.nav("Directory")
    journey.expect_heading("Directory")
    journey.follow("Members")
    journey.expect_heading("Members")
    journey.follow("Ravi Patel")
    journey.expect_heading("Ravi Patel")
    # Members read the directory; they cannot change it.
    expect(journey.page.get_by_role("button", name="Edit")).to_have_count(0)
    expect(journey.page.get_by_role("button", name="Delete")).to_have_count(0)
    journey.follow("Brookside")
    journey.expect_heading("Brookside")


def test_administrator_adds_edits_and_deletes_a_ward(journey):
    name = f"E2E Ward {uuid.uuid4().hex[:6]}"
    journey.sign_in("admin")
    journey.nav("Directory")
    journey.follow("Wards and divisions")
    journey.press("Add Ward or division")
    journey.expect_heading("Add a ward or division")

    journey.press("Add Ward or division", status=None)
    journey.expect_error_summary()
    journey.follow_error_link(journey.page.locator(".pb-error-summary a").first.inner_text())

    journey.fill("Name", name)
    journey.fill("ONS GSS code (optional)", "not-a-code")
    journey.press("Add Ward or division", status=None)
    journey.expect_error_summary()
    expect(journey.page.get_by_label("Name", exact=True)).to_have_value(name)

    journey.fill("ONS GSS code (optional)", "E05009317")
    journey.press("Add Ward or division")
    journey.expect_heading(name)
    journey.expect_success()

    journey.press("Edit")
    journey.fill("Name", name + " North")
    journey.press("Save changes")
    journey.expect_heading(name + " North")
    journey.expect_success()

    journey.press("Delete")
    journey.expect_success(f"‘{name} North’ deleted")
    expect(journey.page.get_by_role("table")).not_to_contain_text(name)


def test_administrator_imports_wards_from_csv(journey):
    suffix = uuid.uuid4().hex[:6]
    journey.sign_in("admin")
    journey.nav("Directory")
    journey.follow("Wards and divisions")
    journey.press("Import from CSV")
    journey.expect_heading("Import Wards and divisions")

    # Nothing at all, then a file with a bad row: nothing is imported and each problem is listed.
    journey.press("Import", status=None)
    journey.expect_error_summary()
    journey.fill("CSV", f"name,gssCode\nE2E Import A {suffix},E05000001\n,E05000002\n")
    journey.press("Import", status=None)
    journey.expect_error_summary()

    journey.fill("CSV", f"name,gssCode\nE2E Import A {suffix},E05000001\nE2E Import B {suffix},\n")
    journey.press("Import")
    journey.expect_success()
    expect(journey.page.locator("main")).to_contain_text(f"E2E Import A {suffix}")


# A long form (400 rows of CSV, about 8 KB) arrives in several reads; its CSRF token must be
# read only once the whole body is in.
def test_administrator_imports_a_long_csv(journey):
    suffix = uuid.uuid4().hex[:6]
    rows = "".join(f"E2E Bulk {suffix} {i:03d},\n" for i in range(400))
    journey.sign_in("admin")
    journey.goto("/directory/wards/import")
    journey.fill("CSV", "name,gssCode\n" + rows)
    journey.press("Import")
    journey.expect_success()
