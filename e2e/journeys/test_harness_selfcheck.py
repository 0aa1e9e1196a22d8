"""The harness's own checks catch what they are meant to: a green run means something."""
import pytest

from probity_e2e import a11y, keyboard

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Self-check</title>
<style>a.quiet:focus { outline: none; }</style></head><body><main><h1>Self-check</h1>
<a href="#one">One</a> <div id="not-focusable">Three</div> <input type="text" id="unlabelled">
%s</main></body></html>"""


@pytest.fixture
def page(browser, request):
    context = browser.new_context()
    page = context.new_page()
    quiet = '<a class="quiet" href="#two">Two</a>' if "invisible" in request.node.name else ""
    page.set_content(PAGE % quiet)
    yield page
    context.close()


def test_axe_reports_a_wcag_violation(page):
    violations, _ = a11y.run_axe(page)
    assert "label" in {v["id"] for v in violations}, a11y.describe(violations)


def test_tab_to_reaches_a_link(page):
    keyboard.tab_to(page, page.get_by_role("link", name="One"))


def test_tab_to_refuses_an_element_the_keyboard_cannot_reach(page):
    with pytest.raises(keyboard.KeyboardError, match="not reached with Tab"):
        keyboard.tab_to(page, page.locator("#not-focusable"))


def test_tab_to_refuses_an_invisible_focus(page):
    with pytest.raises(keyboard.KeyboardError, match="no visible focus indicator"):
        keyboard.tab_to(page, page.get_by_role("link", name="Two"))
