"""Counsellor accounts and actions through the product's own code paths and routes."""

from __future__ import annotations

from ozvise.config import TEST_KDF
from review_ui.counsellor_accounts import create_counsellor
from tests.factories import csrf_token, fresh_code

PASSWORD = "poradce-heslo-dlouhe"


def make_counsellor(session, username: str, name: str = "Mgr. Pavla Radová"):
    counsellor = create_counsellor(session, username, name, PASSWORD, TEST_KDF)
    session.commit()
    return counsellor


def login_counsellor(client, counsellor, password: str = PASSWORD):
    """One form: name, password and the current TOTP code (``tests.factories.fresh_code``)."""
    token = csrf_token(client, "/poradce/prihlaseni")
    return client.post("/poradce/prihlaseni", data={
        "csrf_token": token, "username": counsellor.username, "password": password,
        "code": fresh_code(f"counsellor:{counsellor.id}", counsellor.totp_secret)})


def share(client, report_id: str, counsellor_id: int):
    token = csrf_token(client, f"/skola/hlaseni/{report_id}/konverzace")
    return client.post(f"/skola/hlaseni/{report_id}/poradci",
                       data={"csrf_token": token, "counsellor_id": str(counsellor_id),
                             "return_to": "conversation", "potvrzeno": "1"})


def revoke(client, report_id: str, share_id: int):
    token = csrf_token(client, f"/skola/hlaseni/{report_id}/konverzace")
    return client.post(f"/skola/hlaseni/{report_id}/poradci/{share_id}/zrusit",
                       data={"csrf_token": token, "return_to": "conversation", "potvrzeno": "1"})


def write_advice(client, report_id: str, text: str):
    token = csrf_token(client, f"/poradce/hlaseni/{report_id}")
    return client.post(f"/poradce/hlaseni/{report_id}/rada",
                       data={"csrf_token": token, "text": text})
