"""Item 5: a report sent for a second look goes to someone else. It leaves the asking
moderator's queue and "Otevřít první", and comes first for the other moderators (after
urgent reports); the position shown on the review page follows the same order."""

from __future__ import annotations

import re

from tests.factories import csrf_token, login_moderator, make_moderator
from tests.moderation.conftest import submit_pending

OLDEST = "Spolužáci mi každý den berou svačinu a smějí se mi."
MIDDLE = "Holky mě nechtějí vzít do skupiny na výlet."
NEWEST = "Na chodbě do mě kluci strkají a berou mi čepici."
URGENT = "Psal mi, že mě zabije a že má doma pistoli."


def _queue_ids(client, reports) -> list[str]:
    html = client.get("/moderace/").get_data(as_text=True)
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>.*?</tr>", body, re.S)
    return [next(r.id for r in reports if r.id in row) for row in rows]


def test_second_look_goes_to_the_others_first(app, session, mod_client, school):
    oldest, middle, newest = (submit_pending(app, session, school.school.id, text)
                              for text in (OLDEST, MIDDLE, NEWEST))
    reports = (oldest, middle, newest)
    token = csrf_token(mod_client, "/moderace/")
    asked = mod_client.post(f"/moderace/hlaseni/{newest.id}/rozhodnuti",
                            data={"csrf_token": token, "decision": "second_look"})
    assert asked.status_code == 302

    # the asking moderator: gone from the queue, from "Otevřít první" and the counts
    assert _queue_ids(mod_client, reports) == [oldest.id, middle.id]
    assert mod_client.get("/moderace/dalsi").headers["Location"].endswith(
        f"/moderace/hlaseni/{oldest.id}")
    assert "(1. z 2)" in mod_client.get(f"/moderace/hlaseni/{oldest.id}").get_data(as_text=True)

    # everyone else: the second look first, then the oldest
    other = app.test_client()
    login_moderator(other, make_moderator(session, "druha"))
    assert _queue_ids(other, reports) == [newest.id, oldest.id, middle.id]
    assert other.get("/moderace/dalsi").headers["Location"].endswith(
        f"/moderace/hlaseni/{newest.id}")
    assert "(1. z 3)" in other.get(f"/moderace/hlaseni/{newest.id}").get_data(as_text=True)
    assert "(2. z 3)" in other.get(f"/moderace/hlaseni/{oldest.id}").get_data(as_text=True)

    # an urgent report still comes before the second look
    urgent = submit_pending(app, session, school.school.id, URGENT)
    assert urgent.urgent
    assert _queue_ids(other, (*reports, urgent)) == [urgent.id, newest.id, oldest.id, middle.id]
    assert "(2. z 4)" in other.get(f"/moderace/hlaseni/{newest.id}").get_data(as_text=True)
    assert "(3. z 4)" in other.get(f"/moderace/hlaseni/{oldest.id}").get_data(as_text=True)
