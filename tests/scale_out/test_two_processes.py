"""Two real ``ozvise serve`` processes behind a round-robin proxy, one database, one Redis.

No sticky sessions: a request may reach either process, so everything a login leaves
behind (the server-side session, the unlocked school key, the reporter's key, the CSRF
token, rate-limit counters, the last TOTP step) must be shared. Runs on SQLite (one file,
two processes) and PostgreSQL. The tests of this module share one cluster per database
(and one logged-in school handler); the last one kills a process with SIGKILL.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
from dataclasses import dataclass

import pyotp
import pytest
import requests
from flask import Flask

from crypto.school_keys import unlock_for_member
from delivery.handover import hand_over
from intake.receipts import report_for_receipt
from models import SchoolKey
from ozvise.app import create_app
from ozvise.config import TEST_KDF, Settings
from ozvise.db import session_factory
from tests.factories import (
    MODERATOR_PASSWORD,
    install_moderation_key,
    make_moderator,
    register_school,
)
from tests.scale_out.cluster import (
    RoundRobinProxy,
    ServerProcess,
    browser_session,
    post_form,
    server_env,
)

pytestmark = pytest.mark.slow

SECRET_KEY = "two-processes-test-secret"
VICTIM = "Bohumil Rezek"
_databases = itertools.count()


@dataclass
class Cluster:
    servers: list[ServerProcess]
    proxy: RoundRobinProxy
    redis: object
    settings: Settings
    session: object
    school: object
    members: dict
    moderator: object
    report_id: str = ""
    receipt: str = ""


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_db(request, tmp_path_factory):
    if request.param == "sqlite":
        target = tmp_path_factory.mktemp("cluster-sqlite") / "ozvise.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), target)
        return f"sqlite:///{target}"
    server = request.getfixturevalue("postgres_server")
    request.getfixturevalue("pg_template")
    name = f"ozvise_cluster_{os.getpid()}_{next(_databases)}"
    server.execute_autocommit(f"CREATE DATABASE {name} TEMPLATE ozvise_template")
    return server.url(name)


@pytest.fixture(scope="module")
def cluster(shared_db, redis_server, tmp_path_factory):
    redis_server.client().flushall()
    instance = tmp_path_factory.mktemp("cluster-instance")
    settings = Settings(instance_dir=instance, database_url=shared_db, secret_key=SECRET_KEY,
                        onboarding_public_key_path=instance / "onboarding_public.key",
                        kdf=TEST_KDF, testing=True)
    env = server_env(os.environ, OZVISE_INSTANCE_DIR=str(instance),
                     OZVISE_DATABASE_URL=shared_db, OZVISE_SECRET_KEY=SECRET_KEY,
                     OZVISE_KEYRING_STORAGE=redis_server.url(0),
                     OZVISE_RATE_LIMIT_STORAGE=redis_server.url(1))
    logs = tmp_path_factory.mktemp("cluster-logs")
    seeder = create_app(settings)  # first: it creates what the instance folder holds
    session = session_factory(seeder)()
    servers = [ServerProcess(env, logs / f"server{i}.log") for i in range(2)]
    proxy = None
    try:
        install_moderation_key(session)  # intake refuses reports without it
        registered = register_school(session)  # while the servers load the detector
        moderator = make_moderator(session)
        for server in servers:
            server.wait_ready()
        proxy = RoundRobinProxy([s.port for s in servers])
        cluster = Cluster(servers=servers, proxy=proxy, redis=redis_server, settings=settings,
                          session=session, school=registered.school,
                          members=registered.members, moderator=moderator)
        _submit_report(cluster)
        yield cluster
    finally:
        if proxy is not None:
            proxy.stop()
        for server in servers:
            server.stop()
        session.close()
        session_factory(seeder).kw["bind"].dispose()


def _submit_report(cluster: Cluster) -> None:
    """A pupil's report through the proxy, then handed to the school (as *not spam*)."""
    response = requests.post(cluster.proxy.url + "/api/v1/reports", timeout=120,
                             headers={"Connection": "close"},
                             json={"school_id": cluster.school.id, "victim_name": VICTIM,
                                   "victim_class": "6.A",
                                   "text": "Spolužáci mu každý den berou svačinu a smějí se mu."})
    assert response.status_code == 201, response.text
    cluster.receipt = response.json()["receipt"]
    session = cluster.session
    session.expire_all()
    report = report_for_receipt(session, cluster.receipt)
    hand_over(session, cluster.settings, report)
    session.commit()
    cluster.report_id = report.id


def _login_member(client: requests.Session, base: str, member, password: str,
                  code: str | None = None, code_base: str | None = None) -> requests.Response:
    """Password at ``base``, then the TOTP code at ``code_base`` (default: the same)."""
    first = post_form(client, base + "/skola/prihlaseni",
                      {"email": member.email, "password": password})
    assert first.status_code == 302 and first.headers["Location"].endswith("/skola/overeni"), (
        first.status_code, first.text[:500])
    return post_form(client, (code_base or base) + "/skola/overeni",
                     {"code": code or pyotp.TOTP(member.totp_secret).now()})


def _session_cookie(client: requests.Session) -> dict:
    """The Flask session cookie as the server signed it (it is signed, not encrypted)."""
    app = Flask("reader")
    app.secret_key = SECRET_KEY
    serializer = app.session_interface.get_signing_serializer(app)
    return serializer.loads(client.cookies["session"])


@pytest.fixture(scope="module")
def handler(cluster) -> requests.Session:
    """The school's handler, logged in (password and code) through the first process."""
    member, password = cluster.members["handler"]
    client = browser_session()
    done = _login_member(client, cluster.servers[0].url, member, password)
    assert done.status_code == 302, done.text[:500]
    return client


def test_login_through_one_process_read_through_the_other(cluster, handler):
    client = handler
    member, password = cluster.members["handler"]
    page = client.get(f"{cluster.servers[1].url}/skola/hlaseni/{cluster.report_id}",
                      timeout=60, allow_redirects=False)
    assert page.status_code == 200, page.headers.get("Location")
    assert VICTIM in page.text  # decrypted with the school key unlocked in the other process

    # The school key unlocked at the password step waits in the store for the code step.
    admin, admin_password = cluster.members["admin"]
    other = browser_session()
    done = _login_member(other, cluster.servers[1].url, admin, admin_password,
                         code_base=cluster.servers[0].url)
    assert done.status_code == 302, done.text[:500]
    page = other.get(f"{cluster.servers[1].url}/skola/hlaseni/{cluster.report_id}", timeout=60)
    assert page.status_code == 200 and VICTIM in page.text

    for _ in range(4):  # and whichever process the proxy picks
        page = client.get(f"{cluster.proxy.url}/skola/hlaseni/{cluster.report_id}", timeout=60)
        assert page.status_code == 200 and VICTIM in page.text
    assert set(cluster.proxy.served[-4:]) == {0, 1}

    # Neither half opens anything alone: Redis holds no key and no name, the cookie no key.
    school_key = unlock_for_member(member, cluster.session.get(SchoolKey, member.school_key_id),
                                   password)
    store = cluster.redis.client(0)
    dump = b"".join(store.get(k) or b"" for k in store.keys("*"))
    assert dump and school_key[:16] not in dump and VICTIM.encode() not in dump
    assert f"member:{member.id}".encode() not in dump
    cookie = _session_cookie(client)
    assert "key_handle" in cookie
    assert school_key[:16].hex() not in repr(cookie)
    assert school_key[:16] not in repr(cookie).encode()


def test_conversation_across_processes(cluster, handler):
    school = handler
    a, b = cluster.servers[0].url, cluster.servers[1].url
    reporter = browser_session()
    opened = post_form(reporter, a + "/stav", {"receipt": cluster.receipt})
    assert opened.status_code == 200

    report_path = f"/skola/hlaseni/{cluster.report_id}"
    reply = "Děkujeme, třídní učitelka s třídou promluví hned zítra ráno."
    sent = post_form(school, b + report_path + "/zpravy",
                     {"text": reply, "return_to": "conversation"},
                     token_from=b + report_path + "/konverzace")
    assert sent.status_code == 302
    thread = reporter.get(b + "/stav/konverzace", timeout=60, allow_redirects=False)
    assert thread.status_code == 200 and reply in thread.text  # reporter key put by process A

    follow_up = "Dnes to bylo zase, tentokrát v šatně po tělocviku."
    written = post_form(reporter, a + "/stav/konverzace", {"text": follow_up},
                        token_from=b + "/stav/konverzace")
    assert written.status_code == 302

    moderator = browser_session()  # password on one process, code on the other
    first = post_form(moderator, a + "/moderace/prihlaseni",
                      {"username": cluster.moderator.username, "password": MODERATOR_PASSWORD})
    assert first.status_code == 302
    second = post_form(moderator, b + "/moderace/overeni",
                       {"code": pyotp.TOTP(cluster.moderator.totp_secret).now()})
    assert second.status_code == 302, second.text[:500]
    queue = moderator.get(b + "/moderace/zpravy", timeout=60)
    message_id = re.search(r'/moderace/zpravy/(\d+)"', queue.text).group(1)
    passed = post_form(moderator, a + f"/moderace/zpravy/{message_id}", {"decision": "pass"},
                       token_from=b + "/moderace/zpravy")
    assert passed.status_code == 302

    seen = school.get(a + report_path + "/konverzace", timeout=60)
    assert seen.status_code == 200 and follow_up in seen.text


def test_rate_limit_is_shared_by_both_processes(cluster):
    """10 receipt lookups a minute per client: the 11th is refused whichever process gets
    it (with a counter per process, the 21st would be)."""
    statuses = []
    for i in range(12):
        response = requests.get(cluster.servers[i % 2].url + "/api/v1/reports/status",
                                headers={"Authorization": "Bearer ABCD-EFGH-JKLM-NPQR",
                                         "Connection": "close"}, timeout=60)
        statuses.append(response.status_code)
    assert statuses[:10] == [401] * 10 and statuses[10:] == [429, 429], statuses
    keys = b" ".join(cluster.redis.client(1).keys("*"))
    assert keys and b"127.0.0.1" not in keys  # keyed hashes, never the address


def test_totp_code_used_on_one_process_is_refused_on_the_other(cluster):
    member, password = cluster.members["analyst"]
    code = pyotp.TOTP(member.totp_secret).now()
    first = browser_session()
    assert _login_member(first, cluster.servers[0].url, member, password, code).status_code == 302
    replay = browser_session()
    again = _login_member(replay, cluster.servers[1].url, member, password, code)
    assert again.status_code == 401


def test_kill_9_of_one_process_loses_no_session(cluster, handler):
    school = handler
    report_path = f"/skola/hlaseni/{cluster.report_id}"
    assert school.get(cluster.proxy.url + report_path, timeout=60).status_code == 200
    victim = cluster.proxy.last()
    cluster.servers[victim].kill_9()
    for _ in range(3):  # the proxy's next turn would have been the dead one: it skips it
        page = school.get(cluster.proxy.url + report_path, timeout=60, allow_redirects=False)
        assert page.status_code == 200 and VICTIM in page.text
        assert cluster.proxy.last() == 1 - victim
