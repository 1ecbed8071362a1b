"""Schemathesis against the live server: the OpenAPI document stays true, never a 5xx.

Valid and invalid requests are generated from ``/api/v1/openapi.json`` for every
operation; each response must be no server error and must match the documented status
codes, content types and schemas. One built-in check is replaced: a schema-valid report
may name a school id that does not exist, which is rightly a 422 (``school_unknown``),
so schema-valid requests must get a success or one of the documented refusals.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from tests.factories import register_school

pytestmark = [pytest.mark.slow]
EXAMPLES = 40
#: refusals a schema-valid request may get: receipt unknown, school unknown, throttled
VALID_BUT_REFUSED = {401, 422, 429}


@pytest.fixture
def api_schema(live_server, session, settings):
    register_school(session)  # so generated school ids may hit a real school
    return schemathesis.openapi.from_url(f"{live_server}/api/v1/openapi.json")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_document(api_schema, live_server, mode):
    base_url = f"{live_server}/api/v1"
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert {"/schools", "/reports", "/reports/status"} <= {op.path for op in operations}
    calls: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(max_examples=EXAMPLES, deadline=None, database=None,
                             suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call_and_validate(base_url=base_url,
                                              excluded_checks=[positive_data_acceptance])
            calls.append(response.status_code)
            assert response.status_code < 500
            if mode == GenerationMode.POSITIVE:
                assert response.status_code < 300 or response.status_code in VALID_BUT_REFUSED, (
                    response.status_code, response.text[:300])

        check()
    assert len(calls) >= len(operations)
