"""Members' enquiries: a member raises one, the officer it is routed to acknowledges and answers
it, and the member sees the answer. Keyboard only; every page checked by axe.

Skipped while the server under test has no enquiries (older builds).
"""
import urllib.error
import urllib.request
import uuid

import pytest
from playwright.sync_api import expect


def _enquiries_exist(base_url: str) -> bool:
    try:
        urllib.request.urlopen(base_url + "/enquiries", timeout=5)  # redirects to sign-in when it exists
        return True
    except urllib.error.HTTPError as error:
        return error.code != 404
    except OSError:
        return False


@pytest.fixture
def enquiries(base_url):
    if not _enquiries_exist(base_url):
        pytest.skip("enquiries are not in the server under test")


def test_member_raises_an_enquiry_the_officer_answers_it_and_the_member_sees_the_answer(journey, enquiries):
    subject = f"Pothole on Mill Lane {uuid.uuid4().hex[:6]}"
    answer = "The pothole is booked for repair within five working days."

    # The member raises it; sent empty first, the form answers with an error summary.
    journey.sign_in("member")
    journey.nav("Enquiries")
    journey.follow("Raise an enquiry")
    journey.expect_heading("Raise an enquiry")
    journey.press("Send enquiry", exact=False, status=None)
    journey.expect_error_summary()

    purposes = [o for o in journey.options("What is the enquiry for?") if o != "Choose…"]
    journey.choose("What is the enquiry for?", next((o for o in purposes if "ward" in o.lower()), purposes[0]))
    journey.choose("Service", "Highways")
    journey.fill("Subject", subject)
    journey.fill("Details", "A resident reports a deep pothole outside number 12, a danger to cyclists.")
    journey.choose("Ward (needed for ward casework)", "Abbey Fields")
    journey.press("Send enquiry", exact=False)
    expect(journey.heading()).to_have_text(subject)

    # The Head of Highways finds it, acknowledges it, then answers it.
    journey.sign_in("officer")
    journey.nav("Enquiries")
    journey.follow_row(subject)
    journey.press("Acknowledge")
    expect(journey.page.locator("main")).to_contain_text("cknowledged")
    journey.press("Send response", status=None)
    journey.expect_error_summary()
    journey.fill("Response", answer)
    journey.press("Send response")
    expect(journey.page.locator("main")).to_contain_text(answer)

    # The member sees the answer.
    journey.sign_in("member")
    journey.nav("Enquiries")
    journey.follow_row(subject)
    expect(journey.page.locator("main")).to_contain_text(answer)
