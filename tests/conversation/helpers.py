"""Steps of the conversation as each side takes them, through the real HTTP routes."""

from __future__ import annotations

from tests.factories import csrf_token


def open_status(client, receipt: str):
    """The reporter presents the receipt on the status page (POST, never in the URL)."""
    token = csrf_token(client, "/stav")
    return client.post("/stav", data={"csrf_token": token, "receipt": receipt})


def reporter_writes(client, text: str):
    token = csrf_token(client, "/stav/konverzace")
    return client.post("/stav/konverzace", data={"csrf_token": token, "text": text})


def school_writes(client, report_id: str, text: str):
    path = f"/skola/hlaseni/{report_id}/konverzace"
    token = csrf_token(client, path)
    return client.post(f"/skola/hlaseni/{report_id}/zpravy",
                       data={"csrf_token": token, "text": text, "return_to": "conversation"})
