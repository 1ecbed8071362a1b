"""Arbitrary JSON and form bodies never cause a server error (hypothesis)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import csrf_token, register_school

FUZZ = settings(max_examples=120, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
FIELDS = ("school_id", "victim_name", "victim_class", "text", "website", "q")
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=300))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12)


def _school_ids(school_id: int):
    return st.one_of(st.just(school_id), st.just(str(school_id)), st.integers(),
                     st.text(max_size=20), st.floats(), st.none())


@FUZZ
@given(data=st.data())
def test_api_never_fails_on_any_json(client, session, data):
    reg = register_school(session) if not session.info.get("school") else None
    school_id = session.info.setdefault("school", reg.school.id if reg else None)
    body = data.draw(st.one_of(
        json_values,
        st.fixed_dictionaries({}, optional={
            "school_id": _school_ids(school_id), "victim_name": scalars,
            "victim_class": scalars, "text": st.one_of(st.text(max_size=500), scalars)}),
    ))
    raw = data.draw(st.one_of(st.just(json.dumps(body).encode()), st.binary(max_size=200)))
    content_type = data.draw(st.sampled_from(["application/json", "text/plain",
                                              "application/json; charset=utf-8", ""]))
    response = client.post("/api/v1/reports", data=raw, content_type=content_type)
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    assert response.is_json and ("receipt" in response.get_json()
                                 or "code" in response.get_json()["error"])


@FUZZ
@given(data=st.data())
def test_form_never_fails_on_any_fields(client, session, data):
    if not session.info.get("school"):
        session.info["school"] = register_school(session).school.id
        session.info["token"] = csrf_token(client)
    fields = data.draw(st.dictionaries(st.sampled_from(FIELDS), st.text(max_size=300)))
    if data.draw(st.booleans()):
        fields["school_id"] = str(session.info["school"])
    fields["csrf_token"] = data.draw(st.sampled_from([session.info["token"], "forged", ""]))
    response = client.post("/nahlasit", data=fields)
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    search = client.get("/", query_string={k: v for k, v in fields.items() if k != "text"})
    assert search.status_code == 200
