"""The school register: CSV import (idempotent, with reasons for rejects) and the search."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from intake.schools import demo_csv_path, search_schools
from models import School
from ozvise.cli import main
from tests.intake.school_register import generated_rows, write_csv


@pytest.fixture
def env(db_url, instance_dir) -> dict[str, str]:
    return {"OZVISE_DATABASE_URL": db_url, "OZVISE_INSTANCE_DIR": str(instance_dir),
            "OZVISE_SECRET_KEY": "test-secret-key"}


def _import(env, file: str):
    result = CliRunner().invoke(main, ["schools", "import", "--quiet", file], env=env)
    return result


def test_demo_register_imports_once(env, session):
    first = _import(env, "demo")
    assert first.exit_code == 0, first.output
    count = session.scalar(select(func.count(School.id)))
    assert 45 <= count <= 60
    assert f"Školy: {count} nových, 0 aktualizovaných, 0 beze změny, 0 odmítnutých." in \
        first.output
    again = _import(env, "demo")
    assert f"Školy: 0 nových, 0 aktualizovaných, {count} beze změny" in again.output
    assert session.scalar(select(func.count(School.id))) == count
    assert demo_csv_path().read_text(encoding="utf-8").count("\n") == count + 1


def test_rejected_rows_are_explained_and_updates_counted(env, session, tmp_path):
    rows = generated_rows(4)
    write_csv(tmp_path / "first.csv", rows)
    assert _import(env, str(tmp_path / "first.csv")).exit_code == 0
    rows[0]["name"] = "ZŠ Nový název, Husova 1"
    bad = [dict(rows[1], red_izo="12345"), dict(rows[1], red_izo="699999999", name=""),
           dict(rows[1], red_izo="699999998", director_email="reditel(at)skola"),
           dict(rows[1], red_izo="699999997", postcode="1234"), rows[2], rows[2]]
    write_csv(tmp_path / "second.csv", [rows[0], *bad])
    result = _import(env, str(tmp_path / "second.csv"))
    assert result.exit_code == 0
    assert "Školy: 0 nových, 1 aktualizovaných, 1 beze změny, 5 odmítnutých." in result.output
    for line, reason in [(3, "RED-IZO „12345“ musí mít přesně 9 číslic"),
                         (4, "chybí název školy"), (5, "e-mail ředitele"),
                         (6, "PSČ „1234“ má mít tvar 123 45"),
                         (8, "RED-IZO 600000002 je v souboru vícekrát")]:
        assert f"řádek {line}: odmítnut – {reason}" in result.output
    session.expire_all()
    renamed = session.scalars(select(School).where(School.red_izo == rows[0]["red_izo"])).one()
    assert renamed.name == "ZŠ Nový název, Husova 1"
    assert search_schools(session, "novy nazev")[0].id == renamed.id


def test_missing_columns_and_missing_file_are_clear_errors(env, session, tmp_path):
    (tmp_path / "bad.csv").write_text("red_izo,name\n600000001,ZŠ X\n", encoding="utf-8")
    result = _import(env, str(tmp_path / "bad.csv"))
    assert result.exit_code != 0
    assert "V záhlaví CSV chybí sloupce: street, town, postcode, region, director_email" in \
        result.output
    assert "neexistuje" in _import(env, str(tmp_path / "nic.csv")).output


@pytest.mark.parametrize(("query", "expected"), [
    ("brno husova", "ZŠ Brno, Husova 17"),
    ("plzen", "ZŠ Plzeň, Zahradní 14"),
    ("PLZEŇ zahr", "ZŠ Plzeň, Zahradní 14"),
    ("husov brn", "ZŠ Brno, Husova 17"),
    ("  Brno,  HUSOVA ", "ZŠ Brno, Husova 17"),
])
def test_search_ignores_case_diacritics_and_order(env, session, query, expected):
    _import(env, "demo")
    assert expected in [s.name for s in search_schools(session, query)]


def test_search_matches_word_starts_only(env, session):
    _import(env, "demo")
    assert search_schools(session, "usova") == []  # inside a word: no
    assert search_schools(session, "%") == [] and search_schools(session, "_") == []
    assert search_schools(session, "") == []
    assert len(search_schools(session, "zs")) <= 20


def test_api_search_uses_the_same_rules(env, client, session):
    _import(env, "demo")
    names = [s["name"] for s in client.get("/api/v1/schools?q=brno%20husova").get_json()
             ["schools"]]
    assert names == ["ZŠ Brno, Husova 17"]
    too_long = client.get("/api/v1/schools?q=" + "a" * 101)
    assert too_long.status_code == 400 and too_long.get_json()["error"]["code"] == \
        "query_too_long"


def test_form_search_without_javascript_preselects_a_single_hit(env, client, session):
    _import(env, "demo")
    page = client.get("/?q=brno+husova").get_data(as_text=True)
    assert "Nalezeno škol: 1" in page
    assert 'selected>ZŠ Brno, Husova 17</option>' in page


def test_picker_orders_schools_ignoring_diacritics(session):
    """"ZŠ České Budějovice" sorts with C, not after "ZŠ Zlín" as raw code points would."""
    from intake.schools import full_list
    from tests.factories import make_school

    for name, town in (("ZŠ Zlín, Lesní 1", "Zlín"), ("ZŠ České Budějovice, Nádražní 2",
                       "České Budějovice"), ("ZŠ Brno, Husova 3", "Brno")):
        make_school(session, name=name, town=town, street=name.split(", ")[1])
    session.commit()
    names = [school.name for school in full_list(session)]
    assert names.index("ZŠ Brno, Husova 3") < names.index("ZŠ České Budějovice, Nádražní 2") \
        < names.index("ZŠ Zlín, Lesní 1")
