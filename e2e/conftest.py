"""Fixtures for Probity's browser journeys. Run them with `e2e/run`, which starts the server.

- `journey`: a fresh browser context and a `Journey` (probity_e2e/journey.py) that uses the
  keyboard only and checks every page it loads with axe at WCAG 2.2 AA.
- A failed journey leaves a full-page screenshot and the page's HTML in
  $E2E_ARTIFACTS/screenshots/, and every run writes $E2E_ARTIFACTS/axe-report.txt.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from playwright.sync_api import ElementHandle, Locator, Mouse, Page, sync_playwright  # noqa: E402

from probity_e2e import a11y  # noqa: E402
from probity_e2e.journey import Journey, Report  # noqa: E402

REPO = Path(__file__).resolve().parent.parent

# Pointer and script-focus methods a keyboard-only journey must not use.
_POINTER_METHODS = {
    Locator: ["click", "dblclick", "tap", "hover", "fill", "check", "uncheck", "set_checked", "select_option",
              "type", "press", "press_sequentially", "focus", "drag_to", "clear", "select_text"],
    Page: ["click", "dblclick", "tap", "hover", "fill", "check", "uncheck", "set_checked", "select_option",
           "type", "press", "focus", "drag_and_drop"],
    ElementHandle: ["click", "dblclick", "tap", "hover", "fill", "check", "uncheck", "set_checked", "select_option",
                    "type", "press", "focus"],
    Mouse: ["click", "dblclick", "move", "down", "up", "wheel"],
}


def pytest_configure(config):
    config.addinivalue_line("markers", "pointer_allowed: this test may use the mouse and script focus")


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def base_url() -> str:
    url = os.environ.get("PROBITY_E2E_URL")
    if not url:
        pytest.exit("PROBITY_E2E_URL is not set: run the journeys with e2e/run, which starts a demo server.", returncode=4)
    return url.rstrip("/")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = Path(os.environ.get("E2E_ARTIFACTS", REPO / "e2e-artifacts" / "e2e"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def chromium_executable() -> str | None:
    """The system's Chromium (Debian's `chromium`); no browser is ever downloaded."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    executable = chromium_executable()
    if executable is None:
        pytest.exit("No Chromium found: install Debian's `chromium` package or set CHROMIUM=/path/to/chromium.", returncode=4)
    args = ["--disable-dev-shm-usage", "--disable-gpu", "--font-render-hinting=none"]
    if os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=args)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def report(artifacts):
    report = Report()
    yield report
    lines = [f"{len(report.audits)} page checks at WCAG 2.2 AA (axe-core, tags {', '.join(a11y.WCAG_TAGS)})", ""]
    failing = [a for a in report.audits if a.violations]
    for audit in report.audits:
        mark = "FAIL" if audit.violations else "ok  "
        note = f"  ({len(audit.advisory)} best-practice notes)" if audit.advisory else ""
        lines.append(f"{mark} {audit.status or '   '} {audit.url}  «{audit.title}»  [{audit.test}]{note}")
    if failing:
        lines += ["", "Violations:"]
        for audit in failing:
            lines += [f"{audit.url} [{audit.test}]", a11y.describe(audit.violations)]
    advisory = {}
    for audit in report.audits:
        for v in audit.advisory:
            advisory.setdefault(v["id"], (v, set()))[1].add(re.sub(r"^https?://[^/]+", "", audit.url))
    if advisory:
        lines += ["", "Best-practice notes (advisory, not failures):"]
        for rule, (v, urls) in sorted(advisory.items()):
            lines.append(f"- {rule}: {v.get('help')} on {len(urls)} page(s), e.g. {sorted(urls)[:3]}")
    (artifacts / "axe-report.txt").write_text("\n".join(lines) + "\n")


@pytest.fixture(scope="session")
def sessions() -> dict:
    return {}


@pytest.fixture
def keyboard_only(request, monkeypatch):
    if request.node.get_closest_marker("pointer_allowed"):
        return

    def refuse(cls, name):
        def method(*_args, **_kwargs):
            raise AssertionError(f"{cls.__name__}.{name}() is not keyboard use: journeys reach controls with "
                                 f"journey.follow/press/fill/choose/tick (Tab, then Enter, Space or typing)")
        return method

    for cls, names in _POINTER_METHODS.items():
        for name in names:
            if hasattr(cls, name):
                monkeypatch.setattr(cls, name, refuse(cls, name))


def _safe(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("/")[-1])[:150]


@pytest.fixture
def journey(request, browser, base_url, report, sessions, artifacts, keyboard_only):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, locale="en-GB",
                                  timezone_id="Europe/London")
    context.set_default_timeout(15_000)
    context.add_init_script(a11y.AXE_SCRIPT)  # cheaper than sending axe over for each check
    page = context.new_page()
    console_errors: list[str] = []
    bad_resources: list[str] = []
    # A 403 or 404 page itself is expected in some journeys; Chromium logs those as console errors.
    page.on("console", lambda m: console_errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    page.on("response", lambda r: bad_resources.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.request.is_navigation_request() else None)
    page.on("requestfailed", lambda r: bad_resources.append(f"failed {r.url}: {r.failure}"))
    j = Journey(page, base_url=base_url, test_name=request.node.name, report=report, sessions=sessions,
                artifacts=artifacts)
    yield j

    reports = [getattr(request.node, f"rep_{when}", None) for when in ("setup", "call")]
    # An expected failure (xfail) is reported as skipped, but it failed all the same.
    failed = any(r is not None and (r.failed or hasattr(r, "wasxfail")) for r in reports)
    unaudited = j.unaudited_pages()
    if failed or unaudited:
        name = _safe(request.node.nodeid)
        shots = artifacts / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
            (shots / f"{name}.html").write_text(f"<!-- {page.url} -->\n" + page.content())
        except Exception as error:  # the page may be gone; the report still says why the test failed
            (shots / f"{name}.txt").write_text(f"no screenshot: {error}\n")
    context.close()
    if console_errors or bad_resources:
        # Pages run no scripts, so a console error is a CSP refusal: worth failing on, as is a missing stylesheet.
        pytest.fail(f"browser console errors: {console_errors}; failed resources: {bad_resources}")
    if unaudited and not failed:
        pytest.fail(f"pages loaded but never checked with axe (call journey.audit()): {unaudited}")
