"""Keyboard-only operation of a page: Tab to a control, then type, choose, tick or press Enter.

Nothing here clicks, hovers or focuses an element from script: every control a journey uses must
be reachable with the Tab key in the page's own order, and must show where the focus is.
"""
from __future__ import annotations

FOCUSABLE = ("a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), "
             "textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])")

_FOCUS_STATE = """(target) => {
  const el = document.activeElement;
  const isBody = !el || el === document.body || el === document.documentElement;
  const describe = (e) => {
    if (isBody) return '(page)';
    const text = (e.getAttribute('aria-label') || e.innerText || e.value || e.getAttribute('name') || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 60);
    return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${text}"`;
  };
  let visible = true;
  if (!isBody) {
    const cs = getComputedStyle(el);
    const transparent = (c) => c === 'transparent' || /rgba\\([^)]*,\\s*0\\)$/.test(c);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !transparent(cs.outlineColor);
    const shadow = !!cs.boxShadow && cs.boxShadow !== 'none';
    const highlighted = cs.backgroundColor === 'rgb(255, 221, 0)';
    visible = outline || shadow || highlighted;
  }
  return {isTarget: el === target, desc: describe(el), visible, isBody};
}"""


class KeyboardError(AssertionError):
    pass


def focusable_count(page) -> int:
    return page.evaluate(f"() => document.querySelectorAll({FOCUSABLE!r}).length")


def tab_to(page, locator, what: str | None = None) -> None:
    """Presses Tab until `locator` (one element) has the focus; fails if it is never reached
    or if any element that takes the focus on the way does not show a visible focus indicator."""
    what = what or str(locator)
    count = locator.count()
    if count != 1:
        raise KeyboardError(f"{what}: expected exactly one element on {page.url}, found {count}")
    handle = locator.element_handle()
    state = page.evaluate(_FOCUS_STATE, handle)
    limit = 2 * focusable_count(page) + 5
    path: list[str] = []
    presses = 0
    while not state["isTarget"]:
        if presses >= limit:
            raise KeyboardError(f"{what} on {page.url} was not reached with Tab after {presses} presses. "
                                f"Focus went: {' → '.join(path[-40:])}")
        page.keyboard.press("Tab")
        presses += 1
        state = page.evaluate(_FOCUS_STATE, handle)
        path.append(state["desc"])
        if not state["isBody"] and not state["visible"]:
            raise KeyboardError(f"{state['desc']} on {page.url} takes the focus but shows no visible focus indicator "
                                f"(WCAG 2.4.7)")


def focused_description(page) -> str:
    return page.evaluate(_FOCUS_STATE, None)["desc"]


def clear_and_type(page, text: str) -> None:
    """Replaces the focused field's content, as a person would: select all, delete, type."""
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    if "\n" in text or len(text) > 300:
        page.keyboard.insert_text(text)  # what pasting does
    else:
        page.keyboard.type(text)


def choose_option(page, locator, label: str, what: str) -> None:
    """With a <select> focused, moves through its options with the arrow keys to `label`."""
    handle = locator.element_handle()
    labels = handle.evaluate("s => Array.from(s.options).map(o => o.label.trim())")
    matches = [i for i, text in enumerate(labels) if text == label] or \
              [i for i, text in enumerate(labels) if text.startswith(label)]
    if not matches:
        raise KeyboardError(f"{what}: no option {label!r}; options are {labels}")
    wanted = matches[0]
    current = handle.evaluate("s => s.selectedIndex")
    key = "ArrowDown" if wanted > current else "ArrowUp"
    for _ in range(abs(wanted - current)):
        page.keyboard.press(key)
    got = handle.evaluate("s => s.selectedIndex")
    if got != wanted:
        raise KeyboardError(f"{what}: arrow keys reached option {got} ({labels[got] if got >= 0 else None}), not {label!r}")
