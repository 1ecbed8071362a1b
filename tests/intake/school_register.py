"""Generated school registers for import and search tests (fictional, reproducible)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from intake.schools import REQUIRED_COLUMNS

TOWNS = ["Praha 4", "Brno", "Ostrava", "Plzeň", "Liberec", "Olomouc", "Ústí nad Labem",
         "České Budějovice", "Hradec Králové", "Pardubice", "Zlín", "Havířov", "Kladno",
         "Most", "Opava", "Frýdek-Místek", "Karviná", "Jihlava", "Teplice", "Děčín",
         "Karlovy Vary", "Chomutov", "Jablonec nad Nisou", "Mladá Boleslav", "Prostějov",
         "Přerov", "Česká Lípa", "Třebíč", "Třinec", "Tábor", "Znojmo", "Kolín", "Příbram",
         "Cheb", "Písek", "Trutnov", "Orlová", "Kroměříž", "Vsetín", "Šumperk"]
STREETS = ["Husova", "Komenského", "Masarykova", "Palackého", "Školní", "Zahradní",
           "Nádražní", "Sokolská", "Tyršova", "Žižkova", "Jiráskova", "Smetanova",
           "Havlíčkova", "Nerudova", "Družstevní", "Lidická", "Štefánikova", "Mírová",
           "Chelčického", "Křižíkova", "Údolní", "Čs. armády", "Gagarinova", "Dukelská"]
KINDS = ["ZŠ", "ZŠ a MŠ", "Gymnázium", "SOŠ", "Základní škola", "SPŠ"]


def generated_rows(count: int, seed: int = 4) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        town, street = rng.choice(TOWNS), rng.choice(STREETS)
        address = f"{street} {rng.randint(1, 2500)}"
        rows.append({"red_izo": f"{600000000 + number:09d}",
                     "name": f"{rng.choice(KINDS)} {town}, {address}", "street": address,
                     "town": town, "postcode": f"{rng.randint(100, 799)} {rng.randint(0, 99):02d}",
                     "region": "Kraj", "director_email": f"reditel{number}@skola.example"})
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(REQUIRED_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    return path
