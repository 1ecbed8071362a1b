"""Layout checks evaluated in a browser page (Playwright ``page.evaluate``)."""

from __future__ import annotations

#: the page needs no horizontal scrolling
FITS = "document.documentElement.scrollWidth <= window.innerWidth"

#: every element matching the selector (an argument) shows each dash-separated group of
#: its code on one line: a code told in person wraps only between its groups
GROUPS_UNBROKEN = """(selector) => {
    const elements = [...document.querySelectorAll(selector)];
    if (!elements.length) return false;
    for (const element of elements) {
        const node = element.firstChild;
        let start = 0;
        for (const group of node.data.split("-")) {
            const range = document.createRange();
            range.setStart(node, start); range.setEnd(node, start + group.length);
            const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (tops.size !== 1) return false;
            start += group.length + 1;
        }
    }
    return true;
}"""
