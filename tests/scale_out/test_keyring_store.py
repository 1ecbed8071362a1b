"""The key ring in Redis: what the store alone, the cookie alone and a tamperer get.

Every test runs against a real ``redis-server``; two ``RedisKeyRing`` objects with their
own connections stand for two server processes.
"""

from __future__ import annotations

import time

import pytest

from crypto.errors import DecryptionError
from crypto.keyring_seal import new_entry_key, open_owner, open_record, seal_record
from review_ui.keyring import KeyRing
from review_ui.keyring_redis import KEY_PREFIX, RedisKeyRing, keyring_for

PRIVATE_KEY = bytes(range(64)) * 3  # recognisable bytes, 192 long like a real key seed


@pytest.fixture
def rings(redis_url, redis_server):
    """Two key rings on one Redis, as two server processes would have."""
    return (RedisKeyRing(600, redis_server.client()), RedisKeyRing(600, redis_server.client()))


def _only_record(redis_server) -> tuple[str, bytes]:
    keys = redis_server.client().keys(KEY_PREFIX + "*")
    assert len(keys) == 1
    return keys[0].decode(), redis_server.client().get(keys[0])


def _entry_key(handle: str) -> str:
    return handle.partition(".")[2]


def test_an_entry_put_by_one_process_opens_in_another(rings):
    first, second = rings
    handle = first.put("member:7", PRIVATE_KEY)
    assert second.get(handle, "member:7") == PRIVATE_KEY
    assert second.owner_of(handle) == "member:7"
    assert second.get(handle, "member:8") is None  # another owner's handle opens nothing
    second.drop(handle)  # logout in one process is logout everywhere
    assert first.get(handle, "member:7") is None
    assert first.owner_of(handle) is None


def test_the_store_alone_opens_nothing(rings, redis_server):
    first, _ = rings
    handle = first.put("member:7", PRIVATE_KEY)
    name, record = _only_record(redis_server)
    dump = b"".join(redis_server.client().get(k) or b"" for k in redis_server.client().keys())
    assert PRIVATE_KEY[:16] not in dump and b"member:7" not in dump
    entry_id = name.removeprefix(KEY_PREFIX)
    assert handle.startswith(entry_id + ".")
    # Knowing the entry id (it is the store's own key name) is not enough: any other entry
    # key fails, whether it is a fresh random key or the all-zero key.
    for guess in (new_entry_key(), bytes(32)):
        with pytest.raises(DecryptionError):
            open_record(guess, entry_id, "member:7", record)
        with pytest.raises(DecryptionError):
            open_owner(guess, entry_id, record)
    for forged in (entry_id, entry_id + ".", f"{entry_id}.{'A' * 43}"):
        assert first.get(forged, "member:7") is None
        assert first.owner_of(forged) is None


def test_the_cookie_alone_opens_nothing(rings, redis_server):
    first, _ = rings
    handle = first.put("member:7", PRIVATE_KEY)
    assert PRIVATE_KEY[:16].hex() not in handle  # the handle holds no key material
    redis_server.client().flushall()  # a cookie kept after logout, idle expiry or a wipe
    assert first.get(handle, "member:7") is None
    assert first.owner_of(handle) is None


def test_a_changed_record_opens_nothing(rings, redis_server):
    first, _ = rings
    handle = first.put("member:7", PRIVATE_KEY)
    name, record = _only_record(redis_server)
    for position in (0, 3, len(record) // 2, len(record) - 1):  # length, owner, secret, tag
        changed = bytearray(record)
        changed[position] ^= 0x01
        redis_server.client().set(name, bytes(changed))
        assert first.get(handle, "member:7") is None, position
    redis_server.client().set(name, record[:-1])
    assert first.get(handle, "member:7") is None
    redis_server.client().set(name, record)
    assert first.get(handle, "member:7") == PRIVATE_KEY


def test_records_cannot_be_swapped_between_entries_or_owners(rings, redis_server):
    first, _ = rings
    victim = first.put("member:7", PRIVATE_KEY)
    attacker = first.put("member:9", b"attacker's own key")
    client = redis_server.client()
    victim_name = KEY_PREFIX + victim.partition(".")[0]
    attacker_name = KEY_PREFIX + attacker.partition(".")[0]
    victim_record, attacker_record = client.get(victim_name), client.get(attacker_name)
    # The victim's record under the attacker's entry id: bound to its own id, it fails.
    client.set(attacker_name, victim_record)
    assert first.get(attacker, "member:9") is None
    assert first.get(attacker, "member:7") is None
    # The attacker's record under the victim's id: the victim's session opens nothing.
    client.set(victim_name, attacker_record)
    assert first.get(victim, "member:7") is None
    # A record sealed for another owner under the right entry id and key does not open
    # for the owner asked about: the owner is associated data.
    entry_id = victim.partition(".")[0]
    import base64

    key = base64.urlsafe_b64decode(_entry_key(victim) + "=")
    client.set(victim_name, seal_record(key, entry_id, "member:9", PRIVATE_KEY))
    assert first.get(victim, "member:7") is None
    assert first.owner_of(victim) == "member:9"


def test_idle_entries_expire_and_use_renews_them(redis_url, redis_server):
    ring = RedisKeyRing(2, redis_server.client())
    used, idle = ring.put("member:1", b"used"), ring.put("member:2", b"idle")
    for _ in range(3):
        time.sleep(0.9)
        assert ring.get(used, "member:1") == b"used"
    assert ring.get(idle, "member:2") is None  # 2.7 s without use, TTL 2 s
    assert 0 < redis_server.client().ttl(KEY_PREFIX + used.partition(".")[0]) <= 2


def test_memory_stays_the_default_and_redis_is_chosen_by_setting(settings, redis_url):
    assert type(keyring_for(settings)) is KeyRing
    ring = keyring_for(settings.with_overrides(keyring_storage=redis_url))
    assert isinstance(ring, RedisKeyRing)
    handle = ring.put("member:1", b"k")
    assert ring.get(handle, "member:1") == b"k"


def test_every_key_ring_operation_has_a_redis_implementation():
    """An operation added to the in-memory ring must be added here too, or several
    processes would quietly disagree about it."""
    public = {name for name in vars(KeyRing) if not name.startswith("_")}
    assert public and public <= set(vars(RedisKeyRing))
