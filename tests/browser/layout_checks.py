"""What a person would notice on a page at a given window size, read from the browser:
horizontal scrolling, controls or headings cut off at the window's edge, text clipped
inside its box, and controls drawn over one another.

:func:`layout_problems` runs one script in the page and returns a sentence per problem
(an empty list for a clean page). Content inside a box made to scroll (a wide table's
``.table-scroll``, the marked draft) may run past the edge of that box, not the window.
"""
from __future__ import annotations

LAYOUT_SCRIPT = r"""
() => {
  const problems = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width + 1) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth}px wide in a ${width}px window`);
  }
  const shown = (el) => {
    if (el.closest('[aria-hidden="true"], .visually-hidden, details:not([open]) > :not(summary)')) {
      return false;
    }
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    const box = el.getBoundingClientRect();
    return box.width > 1 && box.height > 1;
  };
  const name = (el) => {
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || el.name || '')
      .trim().replace(/\s+/g, ' ').slice(0, 50);
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}> "${text}"`;
  };
  const scroller = '.table-scroll, .draft, pre, [role="region"]';
  const edgeChecked = document.querySelectorAll(
    'a, button, input, select, textarea, label, h1, h2, h3, h4, h5, th, .button, .chip, .badge');
  for (const el of edgeChecked) {
    if (!shown(el) || el.closest(scroller)) continue;
    const box = el.getBoundingClientRect();
    // Wholly outside the window is a way of hiding (a skip link until it is focused).
    const offscreen = box.right <= 0 || box.left >= width;
    if (!offscreen && (box.right > width + 1 || box.left < -1)) {
      problems.push(`cut off at the window's edge: ${name(el)} (${Math.round(box.left)}–${Math.round(box.right)}px)`);
    }
    const style = getComputedStyle(el);
    const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
    if (clips && !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)
        && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`text clipped inside its box: ${name(el)}`);
    }
  }
  const controls = [...document.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, summary')].filter(shown);
  const boxes = controls.map((el) => [...el.getClientRects()].filter((r) => r.width > 1 && r.height > 1));
  // A bar pinned to the window (a form's sticky Save bar) floats over the content scrolling
  // under it by design; whether it ever hides content for good is checked at the page's end.
  const floating = (el) => {
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      const position = getComputedStyle(node).position;
      if (position === 'sticky' || position === 'fixed') return node;
    }
    return null;
  };
  const bars = controls.map(floating);
  const atEnd = window.scrollY + window.innerHeight >= root.scrollHeight - 2;
  for (let i = 0; i < controls.length; i++) {
    for (let j = i + 1; j < controls.length; j++) {
      const a = controls[i], b = controls[j];
      if (a.contains(b) || b.contains(a)) continue;
      if (bars[i] !== bars[j] && !atEnd) continue;
      const hit = boxes[i].some((p) => boxes[j].some((q) =>
        Math.min(p.right, q.right) - Math.max(p.left, q.left) > 2 &&
        Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2));
      if (hit) problems.push(`drawn over each other: ${name(a)} and ${name(b)}`);
    }
  }
  return problems;
}
"""


def layout_problems(page) -> list[str]:
    """Problems a person would notice on the page (see the module), read at its top and,
    for what floats over the content (sticky bars), at its end."""
    problems = page.evaluate(LAYOUT_SCRIPT)
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    problems += [p for p in page.evaluate(LAYOUT_SCRIPT) if p not in problems]
    page.evaluate("window.scrollTo(0, 0)")
    return problems
