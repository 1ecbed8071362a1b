"""Urgent reports come first in the moderator's queue and carry a badge there."""

from __future__ import annotations

import re

URGENT = "Psal mi, že mě zabije a že má doma pistoli."
CALM_OLD = "Spolužáci mi každý den berou svačinu a smějí se mi."
CALM_NEW = "Holky mě nechtějí vzít do skupiny na výlet."


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr>.*?</tr>", body, re.S)


def test_urgent_first_with_badge_then_oldest(mod_client, school, pending):
    old = pending(school.school.id, CALM_OLD)
    urgent = pending(school.school.id, URGENT)
    new = pending(school.school.id, CALM_NEW)
    assert (old.urgent, urgent.urgent, new.urgent) == (False, True, False)

    html = mod_client.get("/moderace/").get_data(as_text=True)
    rows = _rows(html)
    order = [next(r.id for r in (old, urgent, new) if r.id in row) for row in rows]
    assert order == [urgent.id, old.id, new.id]
    assert "naléhavé" in rows[0] and all("naléhavé" not in row for row in rows[1:])

    first = mod_client.get("/moderace/dalsi")
    assert first.headers["Location"].endswith(f"/moderace/hlaseni/{urgent.id}")
    assert "(1. z 3)" in mod_client.get(f"/moderace/hlaseni/{urgent.id}").get_data(as_text=True)
    assert "(2. z 3)" in mod_client.get(f"/moderace/hlaseni/{old.id}").get_data(as_text=True)
    assert "(3. z 3)" in mod_client.get(f"/moderace/hlaseni/{new.id}").get_data(as_text=True)
