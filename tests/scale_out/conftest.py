"""Fixtures for several server processes: a real Redis from Debian's ``redis-server``."""

from __future__ import annotations

import pytest

from tests.redis_server import REDIS_SERVER, RedisServer


@pytest.fixture(scope="session")
def redis_server():
    if not REDIS_SERVER.exists():
        pytest.fail("Debian's redis-server is required (apt-get install redis-server)")
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_url(redis_server) -> str:
    """The Redis server, emptied for this test."""
    redis_server.client().flushall()
    return redis_server.url()
