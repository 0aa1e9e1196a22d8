"""A person using Probity in a real browser, with the keyboard only.

Every page the journey loads must be checked with axe (WCAG 2.2 AA) before the journey ends:
`goto`, `follow`, `press` and `sign_in` check each page they reach themselves, and the
`journey` fixture fails a test that left a loaded page unchecked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from . import a11y, keyboard
from .server import DEMO_PASSWORD
from .users import USERS, DemoUser

SESSION_COOKIE = "probity_session"


@dataclass
class AuditRecord:
    test: str
    url: str
    title: str
    status: int | None
    violations: list[dict]
    advisory: list[dict]


@dataclass
class Report:
    """Shared by every journey of a run; written out at the end."""
    audits: list[AuditRecord] = field(default_factory=list)


def _check_status(got: int | None, wanted: int | str | None, what: str) -> None:
    """`wanted` is an exact status, a class such as "2xx" or "4xx", or None for no check."""
    if wanted is None:
        return
    ok = got == wanted if isinstance(wanted, int) else (got is not None and str(got)[0] == wanted[0])
    assert ok, f"{what} answered {got}, expected {wanted}"


class Journey:
    def __init__(self, page, *, base_url: str, test_name: str, report: Report, sessions: dict, artifacts: Path):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.test_name = test_name
        self.report = report
        self.sessions = sessions  # who -> cookies of a cached keyboard sign-in
        self.artifacts = artifacts
        self.user: DemoUser | None = None
        self.last_status: int | None = None
        self._loads: list[str] = []
        self._audited = 0
        page.on("load", lambda p: self._loads.append(p.url))
        page.on("response", self._on_response)

    def _on_response(self, response) -> None:
        if response.request.is_navigation_request() and response.request.frame == self.page.main_frame:
            self.last_status = response.status

    # ----- pages ---------------------------------------------------------------------------

    def goto(self, path: str, status: int | str | None = "2xx"):
        """Opens an address as if typed into the address bar, then checks the page."""
        response = self.page.goto(self.base_url + path if path.startswith("/") else path)
        _check_status(response.status if response else None, status, f"GET {path}")
        self.audit()
        return response

    def audit(self) -> None:
        """axe at WCAG 2.2 AA on the page as shown now; raises on any violation."""
        self.page.wait_for_load_state("load")
        violations, advisory = a11y.run_axe(self.page)
        self.report.audits.append(AuditRecord(self.test_name, self.page.url, self.page.title(), self.last_status,
                                              violations, advisory))
        self._audited = len(self._loads)
        if violations:
            raise a11y.AccessibilityViolation(
                f"{len(violations)} WCAG 2.2 AA violation(s) on {self.page.url} ({self.page.title()}):\n"
                + a11y.describe(violations))

    def unaudited_pages(self) -> list[str]:
        return self._loads[self._audited:]

    @property
    def path(self) -> str:
        return re.sub(r"^https?://[^/]+", "", self.page.url)

    # ----- keyboard ------------------------------------------------------------------------

    def tab_to(self, locator, what: str | None = None) -> None:
        keyboard.tab_to(self.page, locator, what)

    def _navigate_with_enter(self, locator, what: str, status: int | str | None) -> None:
        self.tab_to(locator, what)
        with self.page.expect_navigation(wait_until="load"):
            self.page.keyboard.press("Enter")
        _check_status(self.last_status, status, f"{what} led to {self.page.url}, which")
        self.audit()

    def follow(self, name: str, *, within=None, exact: bool = True, status: int | str | None = "2xx") -> None:
        """Tabs to the link called `name` and presses Enter; checks the page it leads to."""
        scope = within if within is not None else self.page
        self._navigate_with_enter(scope.get_by_role("link", name=name, exact=exact), f"link {name!r}", status)

    def follow_row(self, text: str, *, status: int | str | None = "2xx") -> None:
        """Follows the first link of the table row that contains `text` (a list's record link)."""
        row = self.page.get_by_role("row").filter(has_text=text)
        self._navigate_with_enter(row.get_by_role("link").first, f"the link in the row with {text!r}", status)

    def nav(self, name: str, *, status: int | str | None = "2xx") -> None:
        """Follows a link of the main navigation bar."""
        self.follow(name, within=self.page.get_by_role("navigation", name="Main"), status=status)

    def press(self, name: str, *, within=None, exact: bool = True, status: int | str | None = "2xx") -> None:
        """Tabs to the button called `name` and presses Enter (submitting its form); checks the result."""
        scope = within if within is not None else self.page
        self._navigate_with_enter(scope.get_by_role("button", name=name, exact=exact), f"button {name!r}", status)

    def fill(self, label: str, text: str, *, exact: bool = True) -> None:
        """Tabs to the field labelled `label` and types `text` over whatever it held."""
        self.tab_to(self.page.get_by_label(label, exact=exact), f"field {label!r}")
        keyboard.clear_and_type(self.page, text)

    def choose(self, label: str, option: str, *, exact: bool = True) -> None:
        """Tabs to the select labelled `label` and picks `option` with the arrow keys."""
        locator = self.page.get_by_label(label, exact=exact)
        self.tab_to(locator, f"select {label!r}")
        keyboard.choose_option(self.page, locator, option, f"select {label!r}")

    def choose_radio(self, label: str) -> None:
        """Picks a radio button as a keyboard user does: Tab into its group, then the arrow keys."""
        target = self.page.get_by_label(label, exact=True)
        name = target.get_attribute("name")
        group = self.page.locator(f"input[type=radio][name='{name}']")
        checked = [i for i in range(group.count()) if group.nth(i).is_checked()]
        self.tab_to(group.nth(checked[0] if checked else 0), f"radio group {name!r}")
        if not target.is_checked() and target.evaluate("el => el === document.activeElement"):
            self.page.keyboard.press("Space")
        for _ in range(group.count()):
            if target.is_checked():
                break
            self.page.keyboard.press("ArrowDown")
        assert target.is_checked(), f"radio {label!r} was not reached with the arrow keys"

    def options(self, label: str, *, exact: bool = True) -> list[str]:
        """The labels of a select's options (reading the page, not using it)."""
        return self.page.get_by_label(label, exact=exact).evaluate("s => Array.from(s.options).map(o => o.label.trim())")

    def tick(self, label: str, *, exact: bool = True, checked: bool = True) -> None:
        """Tabs to the checkbox labelled `label` and presses Space if it is not already as wanted."""
        locator = self.page.get_by_label(label, exact=exact)
        self.tab_to(locator, f"checkbox {label!r}")
        if locator.is_checked() != checked:
            self.page.keyboard.press("Space")
        assert locator.is_checked() == checked, f"checkbox {label!r} did not toggle with Space"

    # ----- signing in and out --------------------------------------------------------------

    def sign_in(self, who: str | DemoUser, *, password: str = DEMO_PASSWORD, fresh: bool = False) -> None:
        """Signs in as a demo user (a key of users.USERS, or any DemoUser) with the keyboard on the
        sign-in page. Without `fresh`, a session from an earlier keyboard sign-in of the same run
        is reused, which keeps the run under the server's sign-in rate limit."""
        user = USERS[who] if isinstance(who, str) else who
        who = user.email
        cached = None if fresh else self.sessions.get(who)
        if cached:
            self.page.context.add_cookies(cached)
            self.goto("/")
            if self.path.startswith("/sign-in"):  # the cached session has ended: sign in again
                self.sessions.pop(who, None)
                cached = None
        if not cached:
            if not self.path.startswith("/sign-in"):
                self.page.context.clear_cookies()  # whoever was signed in before
                self.goto("/sign-in")
            self.fill("Email address", user.email)
            self.fill("Password", password)
            self.press("Sign in")
            assert not self.path.startswith("/sign-in"), f"sign-in as {user.email} failed: {self.page_text()[:400]}"
            if not fresh:
                self.sessions[who] = [c for c in self.page.context.cookies() if c["name"] == SESSION_COOKIE]
        expect(self.page.locator(".pb-header__user")).to_contain_text(user.display_name)
        self.user = user

    def sign_out(self) -> None:
        self.press("Sign out")
        assert self.path.startswith("/sign-in"), f"after signing out the browser is at {self.page.url}"
        self.user = None

    # ----- what the page says --------------------------------------------------------------

    def heading(self):
        return self.page.get_by_role("heading", level=1)

    def expect_heading(self, text: str) -> None:
        expect(self.heading()).to_have_text(text)

    def page_text(self) -> str:
        return self.page.locator("main").inner_text()

    def expect_success(self, text: str | None = None) -> None:
        banner = self.page.locator(".pb-notification-banner--success")
        expect(banner).to_be_visible()
        if text:
            expect(banner).to_contain_text(text)

    def expect_error_summary(self, *messages: str) -> None:
        """A GOV.UK error summary: 'There is a problem', each message a link to its field,
        the same message by the field, and 'Error: ' at the start of the page title."""
        assert self.last_status is not None and 400 <= self.last_status < 500, \
            f"a page with an error summary should answer 4xx, not {self.last_status}"
        summary = self.page.locator(".pb-error-summary")
        expect(summary).to_be_visible()
        expect(summary.get_by_role("heading")).to_have_text("There is a problem")
        # As in GOV.UK's pattern, the focus starts on the summary (by `autofocus`: pages run no scripts).
        try:
            self.page.wait_for_function(
                "() => document.activeElement && document.activeElement.classList.contains('pb-error-summary')", timeout=5_000)
        except PlaywrightTimeoutError:
            raise AssertionError(f"the focus is on {keyboard.focused_description(self.page)}, not the error summary") from None
        assert self.page.title().startswith("Error: "), f"page title {self.page.title()!r} does not start with 'Error: '"
        links = summary.get_by_role("link")
        texts = [t.strip() for t in links.all_inner_texts()]
        for message in messages:
            assert any(message in t for t in texts), f"error summary says {texts}, not {message!r}"
        for i in range(links.count()):
            href = links.nth(i).get_attribute("href") or ""
            assert href.startswith("#") and len(href) > 1, f"error summary link {texts[i]!r} points nowhere ({href!r})"
            target = self.page.locator(f"[id='{href[1:]}']")
            assert target.count() == 1, f"error summary link {texts[i]!r} points to #{href[1:]}, which is not on the page"
            inline = self.page.locator(".pb-error-message", has_text=texts[i])
            assert inline.count() >= 1, f"{texts[i]!r} is in the summary but not shown by its field"

    def follow_error_link(self, message: str) -> None:
        """Tabs to the error summary's link and presses Enter: the field it names must take the focus,
        or be where the next Tab starts from."""
        link = self.page.locator(".pb-error-summary").get_by_role("link", name=message, exact=False)
        target_id = (link.get_attribute("href") or "#")[1:]
        self.tab_to(link, f"error link {message!r}")
        self.page.keyboard.press("Enter")
        self.page.wait_for_function("id => location.hash === '#' + id", arg=target_id)
        focused = self.page.evaluate("() => document.activeElement && document.activeElement.id")
        if focused != target_id:
            # Without scripts a fragment link moves the sequential focus starting point; the next
            # Tab must then land on the field or inside the group it names.
            self.page.keyboard.press("Tab")
            inside = self.page.evaluate(
                "id => { const t = document.getElementById(id); const a = document.activeElement;"
                " return !!t && !!a && (t === a || t.contains(a) || (a.id || '').startsWith(id)); }", target_id)
            assert inside, f"after following {message!r} the focus is on {keyboard.focused_description(self.page)}, not #{target_id}"

    def screenshot(self, name: str) -> Path:
        path = self.artifacts / "screenshots" / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=True)
        return path
