"""Every pupil-facing message id has a translation in each shipped language (issue 17, item 6).

The message ids are extracted afresh from the sources (``babel.cfg``), so a text added to a
template without running ``make messages`` and translating it fails here, and so does a
translation whose placeholders differ from the Czech source or whose plural forms are
missing. The compiled catalogues must match the .po files (``make translations``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from ozvise.i18n import LANGUAGES, SOURCE_LANGUAGE

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "ozvise" / "translations"
SHIPPED = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _source_ids() -> set[str]:
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    ids = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map,
            keywords={"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None}):
        ids.add(message[0] if isinstance(message, tuple) else message)
    return ids


@pytest.fixture(scope="module")
def source_ids() -> set[str]:
    ids = _source_ids()
    assert len(ids) > 100  # the pupil pages, their errors and the API messages
    return ids


def _catalogue(code: str):
    with open(CATALOGUES / code / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=code)


@pytest.mark.parametrize("code", SHIPPED)
def test_every_message_id_is_translated(source_ids, code):
    catalogue = _catalogue(code)
    translated = {}
    for message in catalogue:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if all(strings) and not message.fuzzy:
            translated[key] = (message.id, strings)
    missing = sorted(source_ids - translated.keys())
    assert not missing, f"{code}: {len(missing)} texts without a translation: {missing[:5]}"
    for key, (ids, strings) in translated.items():
        source = set(PLACEHOLDER.findall(key))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == source, (code, key, string)
        if isinstance(ids, tuple):
            assert len(strings) == catalogue.num_plurals, (code, key)


def test_czech_plurals_have_three_forms(source_ids):
    catalogue = _catalogue("cs")
    plurals = [m for m in catalogue if isinstance(m.id, tuple)]
    assert plurals and catalogue.num_plurals == 3
    for message in plurals:
        assert all(message.string) and len(message.string) == 3, message.id


def _key(value):
    return tuple(value) if isinstance(value, list | tuple) else value


@pytest.mark.parametrize("code", [SOURCE_LANGUAGE, *SHIPPED])
def test_compiled_catalogue_matches_its_source(code):
    """`make install` compiles the .mo files; a stale one would show old texts."""
    mo_path = CATALOGUES / code / "LC_MESSAGES" / "messages.mo"
    assert mo_path.exists(), "run `make translations` (part of `make install`)"
    with open(mo_path, "rb") as handle:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(handle) if m.id}
    source = {_key(m.id): _key(m.string) for m in _catalogue(code)
              if m.id and (all(m.string) if isinstance(m.string, tuple) else m.string)}
    assert compiled == source


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("code", "heading"), [("uk", "Повідомити про цькування – анонімно"),
                                               ("en", "Report bullying – anonymously"),
                                               ("sk", "Nahlásiť šikanovanie – anonymne"),
                                               ("cs", "Nahlásit šikanu – anonymně")])
def test_language_is_chosen_by_link_remembered_and_defaults_to_accept_language(app, code,
                                                                                heading):
    client = app.test_client()
    page = client.get(f"/?lang={code}").get_data(as_text=True)
    assert f"<h1>{heading}</h1>" in page and f'<html lang="{code}">' in page
    cookie = client.get_cookie("ozvise_lang")
    assert cookie.value == code and cookie.http_only  # the language code and nothing else
    assert heading in client.get("/").get_data(as_text=True)  # remembered without ?lang
    browser_default = app.test_client().get("/", headers={"Accept-Language": f"{code},cs;q=0.5"})
    assert heading in browser_default.get_data(as_text=True)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_staff_pages_stay_czech_and_api_follows_accept_language(app):
    client = app.test_client()
    client.get("/?lang=en")
    assert '<html lang="cs">' in client.get("/skola/prihlaseni").get_data(as_text=True)
    answer = client.get("/api/v1/reports/status", headers={"Accept-Language": "uk"})
    assert answer.status_code == 401
    assert answer.get_json()["error"]["message"].startswith("Надішли код")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_slovak_counts_take_the_three_slovak_plural_forms(app):
    """1 znak, 2–4 znaky, otherwise znakov (22 znakov too), as Slovak counts."""
    from flask_babel import ngettext

    singular = "Napiš, co se stalo, kdo to dělá, kde a jak dlouho. Nejvýše %(limit)s znak."
    plural = "Napiš, co se stalo, kdo to dělá, kde a jak dlouho. Nejvýše %(limit)s znaků."
    with app.test_request_context("/?lang=sk"):
        forms = [ngettext(singular, plural, n, limit=n) for n in (1, 3, 5, 22)]
    assert forms[0].startswith("Napíš, čo sa stalo")
    assert [form.split("Najviac ")[1] for form in forms] == [
        "1 znak.", "3 znaky.", "5 znakov.", "22 znakov."]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_slovak_pages_keep_the_czech_help_lines(app):
    """The service runs in Czechia: a Slovak-reading pupil is sent to the Czech numbers."""
    page = app.test_client().get("/?lang=sk").get_data(as_text=True)
    assert '<a href="tel:116111">Linka bezpečí 116 111</a> (zadarmo, nonstop)' in page
    assert ('V nebezpečenstve volaj <a href="tel:155">155</a>, <a href="tel:158">158</a> '
            'alebo <a href="tel:112">112</a>') in page
    assert 'hreflang="sk"' in page and ">Slovensky</a>" in page
