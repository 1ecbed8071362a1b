"""A school that registers later reads the earlier reports' attachments in the portal once
the operator released them: the files were sealed under the data key, which the release
re-wraps, so nothing about the files themselves has to change."""

from __future__ import annotations

from tests.delivery.conftest import all_report_ids, moderator_passes
from tests.delivery.test_release import _release
from tests.evidence import files
from tests.evidence.helpers import submitted_report
from tests.factories import login_member, make_school, register_school


def test_released_report_shows_its_attachments(client, app, session, settings, onboarding_key):
    school = make_school(session)
    session.commit()
    submitted_report(app.test_client(), session, school.id,
                     [(files.photo_with_gps(), "foto.jpg")])
    (report_id,) = all_report_ids(session)
    moderator_passes(session, settings, report_id)  # mailed as the PDF first

    reg = register_school(session, school=school)
    handler, password = reg.members["handler"]
    assert login_member(client, handler, password).status_code == 302
    assert client.get(f"/skola/hlaseni/{report_id}/prilohy/1").status_code == 404
    assert _release(settings, school.red_izo, onboarding_key).exit_code == 0

    assert login_member(client, handler, password).status_code == 302  # unlock the new key
    assert "priloha-1.jpg" in client.get(f"/skola/hlaseni/{report_id}").get_data(as_text=True)
    download = client.get(f"/skola/hlaseni/{report_id}/prilohy/1")
    assert download.status_code == 200 and download.mimetype == "image/jpeg"
    assert files.SERIAL.encode() not in download.get_data()
