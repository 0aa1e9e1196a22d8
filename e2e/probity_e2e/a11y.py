"""axe-core checks at WCAG 2.2 AA, run in the real browser on the page as it is shown."""
from __future__ import annotations

import hashlib

from axe_playwright_python.base import AXE_SCRIPT

# Every success criterion of WCAG 2.0, 2.1 and 2.2 at levels A and AA that axe-core tests.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# axe's own best practices are run too, and reported, but do not fail a journey.
ADVISORY_TAGS = ["best-practice"]

# The page's DOM with per-session CSRF tokens blanked: the same DOM with the same stylesheet
# gives the same axe result, so a page already found clean is not checked again.
_FINGERPRINT = """() => document.documentElement.outerHTML.replace(/(name="csrf" value=")[^"]*/g, '$1')"""
_clean_fingerprints: set[str] = set()


class AccessibilityViolation(AssertionError):
    pass


def run_axe(page) -> tuple[list[dict], list[dict]]:
    """Returns (WCAG violations, best-practice-only findings) for the page as shown now."""
    fingerprint = hashlib.sha256(page.evaluate(_FINGERPRINT).encode()).hexdigest()
    if fingerprint in _clean_fingerprints:
        return [], []
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    response = page.evaluate("options => axe.run(document, options)", {
        "runOnly": {"type": "tag", "values": WCAG_TAGS + ADVISORY_TAGS},
        "resultTypes": ["violations"],
    })
    wcag, advisory = [], []
    for violation in response["violations"]:
        (wcag if set(violation.get("tags", [])) & set(WCAG_TAGS) else advisory).append(violation)
    if not wcag and not advisory:
        _clean_fingerprints.add(fingerprint)
    return wcag, advisory


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v.get('help')} [{v.get('helpUrl', '')}]")
        for node in v.get("nodes", [])[:8]:
            target = ", ".join(" ".join(t) if isinstance(t, list) else str(t) for t in node.get("target", []))
            lines.append(f"    at {target}: {node.get('failureSummary', '').strip().replace(chr(10), ' ')}")
            lines.append(f"       {node.get('html', '')[:200]}")
    return "\n".join(lines)
