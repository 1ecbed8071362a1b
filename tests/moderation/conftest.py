"""Fixtures for the moderation tests: a registered school, moderators, pending reports."""

from __future__ import annotations

import re

import pytest

from intake.receipts import report_for_receipt
from models import Report
from tests.factories import login_moderator, make_moderator, register_school, submit_form


@pytest.fixture
def school(session):
    return register_school(session)


@pytest.fixture
def moderator(session):
    return make_moderator(session)


@pytest.fixture
def mod_client(app, moderator):
    client = app.test_client()
    response = login_moderator(client, moderator)
    assert response.status_code == 302 and response.headers["Location"].endswith("/moderace/")
    return client


def submit_pending(app, session, school_id: int, text: str, name: str = "",
                   klass: str = "") -> Report:
    """A report submitted through the pupil's web form, as the moderator will get it."""
    response = submit_form(app.test_client(), school_id, text, name=name, klass=klass)
    assert response.status_code in (200, 201), response.get_data(as_text=True)
    receipt = re.search(r'data-receipt="([0-9-]+)"', response.get_data(as_text=True)).group(1)
    session.expire_all()
    report = report_for_receipt(session, receipt)
    assert report is not None
    return report


@pytest.fixture
def pending(app, session):
    def make(school_id: int, text: str, name: str = "", klass: str = "") -> Report:
        return submit_pending(app, session, school_id, text, name, klass)

    return make
