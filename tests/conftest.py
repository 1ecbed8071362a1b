"""Shared fixtures: every database test runs on SQLite and on a real PostgreSQL.

- ``db_url``: a fresh, migrated database per test (copied from a migrated template).
- ``settings`` / ``app`` / ``client``: the app on that database with cheap Argon2 costs.
- Set ``OZVISE_REQUIRE_POSTGRES=1`` (CI does) to fail instead of skip without PostgreSQL.
- Browser and load tests are marked ``slow``; ``make test FAST=1`` skips them.
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest

from ozvise.config import TEST_KDF, Settings
from tests.pg import PostgresServer, find_bindir

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
ARTIFACTS = REPO / "test-artifacts"
_counter = itertools.count()


@pytest.fixture(scope="session")
def postgres_server():
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("OZVISE_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL server binaries are required (apt-get install postgresql)")
        pytest.skip("PostgreSQL server binaries not installed")
    server = PostgresServer(bindir)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_template(postgres_server):
    from models.migrate import upgrade

    postgres_server.execute_autocommit("CREATE DATABASE ozvise_template")
    upgrade(postgres_server.url("ozvise_template"))
    return "ozvise_template"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    from models.migrate import upgrade

    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        target = tmp_path / "instance" / "ozvise.db"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(template, target)
        yield f"sqlite:///{target}"
        return
    server = request.getfixturevalue("postgres_server")
    request.getfixturevalue("pg_template")
    name = f"ozvise_test_{os.getpid()}_{next(_counter)}"
    server.execute_autocommit(f"CREATE DATABASE {name} TEMPLATE ozvise_template")
    yield server.url(name)
    from sqlalchemy.orm import close_all_sessions

    close_all_sessions()


@pytest.fixture
def instance_dir(tmp_path) -> Path:
    path = tmp_path / "instance"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture
def settings(db_url, instance_dir) -> Settings:
    return Settings(
        instance_dir=instance_dir, database_url=db_url, secret_key="test-secret-key",
        onboarding_public_key_path=instance_dir / "onboarding_public.key", kdf=TEST_KDF,
        testing=True, rate_limit_reports="1000 per minute",
    )


@pytest.fixture
def app(settings, request):
    """The app; its database holds a moderation key (intake needs one) unless the test is
    marked ``no_moderation_key``."""
    from ozvise.app import create_app

    application = create_app(settings)
    from tests import factories

    factories.CURRENT_APP = application
    if request.node.get_closest_marker("no_moderation_key") is None:
        from ozvise.db import session_factory
        from tests.factories import install_moderation_key

        with session_factory(application)() as db_session:
            install_moderation_key(db_session)
    yield application
    factories.CURRENT_APP = None
    from ozvise.db import session_factory

    session_factory(application).kw["bind"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def session(app):
    from ozvise.db import session_factory

    db_session = session_factory(app)()
    yield db_session
    db_session.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def live_server(app):
    """The app served by waitress (the production server) on a free loopback port."""
    import threading

    from waitress import create_server

    from ozvise.cli import waitress_options

    server = create_server(app, host="127.0.0.1", port=0, threads=4, **waitress_options(app))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    # Close inside the server's own loop (via its trigger), not from this thread: closing the
    # listening socket under a running select() makes the loop fail with EBADF.
    server.trigger.pull_trigger(lambda: (server.close(), server.trigger.close()))
    thread.join(timeout=5)
    server.task_dispatcher.shutdown()


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("Debian's chromium is required for browser tests (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                              args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def phone_page(browser):
    """A fresh browser context the size of a phone (390×844), Czech locale."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="cs-CZ")
    page = context.new_page()
    yield page
    context.close()
