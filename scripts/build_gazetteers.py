#!/usr/bin/env python3
"""Build the compact name gazetteers and the Czech common-word lexicon under ner/data/.

Run at BUILD time only (never at run time):

    .venv/bin/pip install names-dataset wordfreq
    .venv/bin/python scripts/build_gazetteers.py

Sources and licences (see ner/data/NOTICE):
- names-dataset (PyPI, Philippe Remy; the package metadata says MIT, the project
  README says Apache-2.0): first and last names with per-country popularity ranks,
  derived from a 2021 social-network leak. We keep Latin-script names ranked in CZ,
  plus the top names of PL, RU (transliterated from Cyrillic the Czech way), other
  European countries and Arabic-speaking countries.
- wordfreq (PyPI, Robyn Speer; code Apache-2.0, data CC BY-SA 4.0): Czech word
  frequencies (Zipf scale), used to filter noise out of the names and shipped as a
  folded common-word table for run-time disambiguation.
- Hand-written lists in this file (Vietnamese, Ukrainian, Mongolian, Arabic, Roma
  names, Czech diminutives, popular Czech given names the CZ list misses): general
  knowledge, written for this project.

Noise filter: names-dataset lists ordinary words as first names ("Škola", "Pes",
"Mám"). A real name's text frequency is explained by its popularity rank; expected
Zipf is modelled as ``a - 0.5 * log10(rank)`` (a = 5.3 for given names, 4.6 for
surnames, fitted by eye on the top of the CZ lists: Petr #1 = 5.26, Marek #25 = 4.65,
Honza #29 = 4.15). The *excess* Zipf (actual - expected) says how much of the word's
use is not the name. Excess > 1.0 with rank > 300, or > 0.55 with rank > 700, →
dropped as noise (Škola, Pes, Babička, Správce); excess > 0.3 → kept but flagged
*ambiguous* (surnames Černý, Malý, Liška, Král; given names ranked below 100 such as
Max, Jaro): such names count only when written capitalised mid-sentence, next to
another name, or after a context cue.
"""

from __future__ import annotations

import gzip
import math
import pickle
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ner" / "data"

CZ_GIVEN_MAX_RANK = 11000
POPULAR_CZ_RANK = 60  # rank given to POPULAR_CZ_GIVEN names the CZ list misses or ranks lower
EXACT_NAME_SLACK = 0.8  # see name_form()
POPULAR_NAME_MAX_ZIPF = 5.5  # Jan 5.3 is a name; "tom" 6.1 ("o tom") stays a word
CZ_SUR_MAX_RANK = 18500
FOREIGN_TOP = 1500
EUROPEAN_COUNTRIES = (
    "GB",
    "US",
    "DE",
    "FR",
    "IT",
    "ES",
    "HU",
    "HR",
    "RS",
    "SI",
    "AT",
    "NL",
    "SE",
    "PT",
)
ARABIC_COUNTRIES = ("EG", "SA", "SY", "IQ", "JO", "MA", "DZ", "TN", "LB", "AE", "YE", "AF")

RU_TRANSLIT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "jo",
    "ж": "ž",
    "з": "z",
    "и": "i",
    "й": "j",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "ch",
    "ц": "c",
    "ч": "č",
    "ш": "š",
    "щ": "šč",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "ju",
    "я": "ja",
    "і": "i",
    "ї": "ji",
    "є": "je",
    "ґ": "g",
}

# Hand-written names of the largest foreign communities in Czech schools.
VIETNAMESE_SURNAMES = """Nguyen Nguyễn Tran Trần Le Lê Pham Phạm Hoang Hoàng Huynh Huỳnh Phan Vu Vũ
Vo Võ Dang Đặng Bui Bùi Do Đỗ Ho Hồ Ngo Ngô Duong Dương Ly Lý Dinh Đinh Trinh Mai Lam Luong Ta
Truong Cao Quach Thai Ha Doan Vuong La Tang Chu Khuc Kieu Lai Luu Mac Nong Quan Son Thach Tong
Trieu Hua""".split()
VIETNAMESE_GIVEN = """Anh Linh Lan Hung Tuan Hoa Mai Thu Trang Huong Nam Long Quang Dung Hai Minh
Duc Thanh Thao Ngoc Phuong Hien Hang Huyen Nhung Yen Vy Vi Khanh Khoa Kien Hieu Hoang Huy Phuc
Tien Toan Trung Vinh Bao Chau Dao Diep Giang Ha Hanh Hue Lien Loan Ly My Nga Nhi Oanh Quynh Tam
Thuy Trinh Tu Uyen Xuan Binh Cuong Dat Dong Hao Hiep Khang Khai Loc Luan Nghia Nhat Phong Quan
Quoc Sang Son Tai Thang Thien Tho Thinh Tri Truong Tung Viet Vuong Van Thi Duy Phat Dien Kim
Hong Tuyet Ngan Diem""".split()
UKRAINIAN_GIVEN = """Oleksandr Oleksandra Olena Oksana Olha Yulia Yuliia Julija Dmytro Andrii Andrij
Serhii Serhij Mykola Taras Bohdan Vasyl Iryna Natalia Nataliia Tetiana Tetjana Halyna Kateryna
Viktoriia Anastasiia Maksym Artem Denys Vladyslav Yaroslav Mykhailo Ihor Yurii Volodymyr Sofiia
Daryna Polina Solomiia Oleh Roman Ruslan Vitalii Valentyna Liudmyla Svitlana Khrystyna Marta
Yevhen Yevheniia Zakhar Nazar Matvii Tymofii Danylo Illia Yehor Kyrylo Arsenii Veronika Alina
Diana Karina Mariia Vira Nadiia Larysa Ljudmyla Oleksij Oleksii Petro Pavlo Stepan Fedir
Hryhorii Ostap Orest Myroslava Bohdana Zlata Uliana Ulyana Yana Kira Vlada Dasha Dáša Saša
Sasha Nastia Nasťa Jehor Kyryl Danylo""".split()
UKRAINIAN_SURNAME_SUFFIXES = (
    "enko",
    "ienko",
    "chuk",
    "čuk",
    "uk",
    "iuk",
    "juk",
    "yšyn",
    "skyi",
    "skyj",
    "ska",
    "ovych",
    "ovyč",
    "ych",
    "yč",
)
MONGOLIAN_GIVEN = """Bat Batbayar Bat-Erdene Batbold Batjargal Bold Boldbaatar Ganbaatar Ganbold
Enkhjargal Enkhbayar Enkhtuya Oyun Oyunchimeg Oyuna Tuya Tuyaa Saraa Sarnai Temuulen Temujin
Munkh Munkhbat Munkhzul Nomin Nomun Anu Anujin Altan Altantsetseg Bayar Bayarmaa Dorj Erdene
Gerel Khulan Narantsetseg Naran Otgon Sukh Sukhbaatar Tsetseg Uyanga Zaya Zolzaya Delger Davaa
Chuluun Ariunaa Ariun Bolormaa Solongo Tselmeg Tömör Ulzii Khongor Jargal Bilguun Tulga Ochir
Erdenebat""".split()
ARABIC_GIVEN = """Mohammed Muhammad Mohamed Mohamad Muhammed Ahmed Ahmad Ali Omar Umar Yusuf Youssef
Yousef Fatima Aisha Aysha Layla Leila Karim Kareem Hassan Hasan Hussein Husain Khaled Khalid
Mahmoud Mustafa Mostafa Samir Rania Nour Noor Amira Zainab Zeynab Yasmin Yasmine Ibrahim
Abdullah Abdallah Abdul Adam Amir Amin Amina Aziz Bilal Farah Faris Hamza Hana Hiba Idris
Ismail Jamal Jamil Karima Latifa Malik Mariam Maryam Mona Nabil Nadia Omar Rashid Reem Said
Saleh Salma Sami Sara Tariq Walid Yara Yasir Yasser Zaid Zayd Samira Salim Sultan Rami Rami
Anas Ayman Tarek Hadi Hamid Nasser Jana Lina Dina Rahim Rahman Karam Mahmud Sajid Zahra Soraya
Farid Habib Hakim Imran Irfan Jafar Kamal Kasim Majid""".split()
ROMA_AND_MISC_GIVEN = """Dežo Dezider Gejza Gizela Ilona Erika Denisa Dušan Kevin Kristián Dominik
Elvis Ramon Roman Nikolas Nikola Nikolka Sabina Vanesa Vanessa Sandra Monika Žaneta Kristýna
Bianka Brian Džesika Jessica Samuel Ondrej Jozef Štefan Ľubomír Ľuboš Mária Zuzka Katarína
Lucia Petronela Matej Michal Marek Branislav Miroslava Ján Juraj Dávid Šimon Patrik Timotej
Tobiáš""".split()
# Given names common among Czech children and their parents (general knowledge of the national
# name statistics) that names-dataset does not rank for CZ — it ranks a name shared by many
# countries (David, Daniel, Laura, Emma) only in its largest ones — or ranks low, because its
# data are adults' profiles (Sofie, Ema, Viktorie). Names that are also ordinary Czech words
# (Max, Dan, Roman, Radek, Naděje, Sláva) are deliberately left out.
POPULAR_CZ_GIVEN = """David Daniel Robert Richard Patrik Denis Erik Oliver Sebastian Sebastián
Samuel Adam Alex Alexandr Alexander Leo Leon Leoš Teodor Theodor Kevin Marcel René Emil Eduard
Viktor
Hugo Nathan Nikolas Kristián Kryštof Tobiáš Matyáš Mikuláš Vojtěch Šimon Štěpán Tadeáš Vít
Dominik Matěj Ondřej Jakub Lukáš Tomáš Filip Martin Marek Michal Jiří Jan Josef Petr Pavel
Václav Karel František Vladimír Jaroslav Miroslav Zdeněk Milan Ladislav Stanislav Antonín
Radim Aleš Libor Jaromír Vlastimil Jindřich Miloš Oldřich Lubomír Rudolf Ivan Luboš Bohumil
Ivo Dalibor Hynek Kamil Michael Maxmilián Maxim Eliáš Matouš
Sofie Sophie Ema Emma Laura Julie Anna Natálie Viktorie Amálie Rozálie Ella Stella Nela Elena
Andrea Gabriela Daniela Olga Johana Vanesa Valerie Valérie Emílie Lea Mia Nikol Nikola Sára
Zoe Zoé Marie Adriana Diana Vivien Linda Aneta Lenka Klára Karolína Barbora Tereza Eliška
Adéla Kristýna Veronika Kateřina Lucie Markéta Simona Petra Martina Michaela Denisa Monika
Zuzana Jana Eva Hana Alena Ivana Helena Ludmila Jitka Iveta Renata Dagmar Romana Šárka
Magdaléna Vendula Anežka Terezie Alžběta Agáta Justýna Melánie Beáta Dominika Patricie
Kamila Karin Tamara Nina Ilona Sabina Sandra Silvie Vanessa Jasmína Elisa Eliza Izabela
Isabela Nicole Nikoleta Michelle Amélie Hedvika Apolena Antonie Josefína Madlen Mariana""".split()
ROMA_SURNAMES = """Horváth Horvát Balog Baloh Lakatoš Lakatos Gábor Berky Demeter Oláh Kotlár Žiga
Dudi Sivák Pompa Giňa Duna Ferko Kandrač Mirga Bandy Červeňák Kroko Holub Kýr Rác Kaleja Bihari
Šarkozi Farkaš Raško Pokuta Mižigár""".split()

# Czech diminutives and hypocoristics -> formal given name (general knowledge).
NICKNAMES = {
    "Honza": "Jan",
    "Honzík": "Jan",
    "Jenda": "Jan",
    "Jeník": "Jan",
    "Janek": "Jan",
    "Honzíček": "Jan",
    "Kuba": "Jakub",
    "Kubík": "Jakub",
    "Kubíček": "Jakub",
    "Jirka": "Jiří",
    "Jiřík": "Jiří",
    "Jura": "Jiří",
    "Pepa": "Josef",
    "Pepík": "Josef",
    "Pepíček": "Josef",
    "Jožka": "Josef",
    "Franta": "František",
    "Fanda": "František",
    "Frantík": "František",
    "Vašek": "Václav",
    "Venca": "Václav",
    "Vena": "Václav",
    "Tonda": "Antonín",
    "Toník": "Antonín",
    "Mirek": "Miroslav",
    "Míra": "Miroslav",
    "Jarda": "Jaroslav",
    "Jára": "Jaroslav",
    "Ruda": "Rudolf",
    "Standa": "Stanislav",
    "Láďa": "Ladislav",
    "Lád'a": "Ladislav",
    "Zdenda": "Zdeněk",
    "Zbyněk": "Zbyněk",
    "Zbyňa": "Zbyněk",
    "Péťa": "Petr",
    "Petřík": "Petr",
    "Peťa": "Petr",
    "Pétrik": "Petr",
    "Tomík": "Tomáš",
    "Tomášek": "Tomáš",
    "Tom": "Tomáš",
    "Lukí": "Lukáš",
    "Luky": "Lukáš",
    "Lukášek": "Lukáš",
    "Ondra": "Ondřej",
    "Ondrášek": "Ondřej",
    "Matěj": "Matěj",
    "Máťa": "Matěj",
    "Matýsek": "Matyáš",
    "Matyáš": "Matyáš",
    "Vojta": "Vojtěch",
    "Vojtík": "Vojtěch",
    "Kryštof": "Kryštof",
    "Kiki": "Kristýna",
    "Šimi": "Šimon",
    "Šimonek": "Šimon",
    "Filípek": "Filip",
    "Fíla": "Filip",
    "Dan": "Daniel",
    "Dany": "Daniel",
    "Danek": "Daniel",
    "Dáda": "David",
    "Davídek": "David",
    "Adámek": "Adam",
    "Áda": "Adam",
    "Mára": "Marek",
    "Marťa": "Martin",
    "Martínek": "Martin",
    "Michálek": "Michal",
    "Míša": "Michal",
    "Pavlík": "Pavel",
    "Pája": "Pavel",
    "Radek": "Radek",
    "Radim": "Radim",
    "Vítek": "Vít",
    "Štěpa": "Štěpán",
    "Štěpánek": "Štěpán",
    "Robo": "Robert",
    "Bóža": "Bohumil",
    "Bohouš": "Bohumil",
    "Karlík": "Karel",
    "Kája": "Karel",
    "Lenička": "Lenka",
    "Verča": "Veronika",
    "Verunka": "Veronika",
    "Věrka": "Věra",
    "Bára": "Barbora",
    "Barča": "Barbora",
    "Barunka": "Barbora",
    "Bářa": "Barbora",
    "Káťa": "Kateřina",
    "Katka": "Kateřina",
    "Kačka": "Kateřina",
    "Kačenka": "Kateřina",
    "Terka": "Tereza",
    "Terezka": "Tereza",
    "Týna": "Kristýna",
    "Kristýnka": "Kristýna",
    "Týnka": "Kristýna",
    "Lucka": "Lucie",
    "Lucinka": "Lucie",
    "Lůca": "Lucie",
    "Anička": "Anna",
    "Anča": "Anna",
    "Andulka": "Anna",
    "Anežka": "Anežka",
    "Nikča": "Nikola",
    "Nikolka": "Nikola",
    "Natka": "Natálie",
    "Natálka": "Natálie",
    "Adélka": "Adéla",
    "Áďa": "Adéla",
    "Eliška": "Eliška",
    "Elis": "Eliška",
    "Maruška": "Marie",
    "Majda": "Magdaléna",
    "Magda": "Magdaléna",
    "Markétka": "Markéta",
    "Míla": "Miloslav",
    "Jitulka": "Jitka",
    "Janička": "Jana",
    "Janča": "Jana",
    "Jája": "Jana",
    "Petruška": "Petra",
    "Pavlínka": "Pavlína",
    "Zuzka": "Zuzana",
    "Zuza": "Zuzana",
    "Zuzanka": "Zuzana",
    "Hanka": "Hana",
    "Hanička": "Hana",
    "Šári": "Šárka",
    "Sárinka": "Sára",
    "Sárka": "Sára",
    "Klárka": "Klára",
    "Kláry": "Klára",
    "Evička": "Eva",
    "Evka": "Eva",
    "Ivča": "Ivana",
    "Ivka": "Ivana",
    "Vendy": "Vendula",
    "Vendulka": "Vendula",
    "Deni": "Denisa",
    "Denča": "Denisa",
    "Dominička": "Dominika",
    "Domča": "Dominika",
    "Viki": "Viktorie",
    "Vikča": "Viktorie",
    "Kiky": "Kristýna",
    "Madla": "Magdaléna",
    "Emička": "Ema",
    "Emča": "Ema",
    "Julča": "Julie",
    "Julinka": "Julie",
    "Žofka": "Žofie",
    "Sofča": "Sofie",
    "Mája": "Marie",
    "Majka": "Marie",
    "Mařka": "Marie",
    "Nela": "Nela",
    "Nelinka": "Nela",
    "Šimča": "Šimon",
    "Kubas": "Jakub",
    "Kubča": "Jakub",
    "Honzin": "Jan",
    "Jindra": "Jindřich",
    "Radka": "Radka",
    "Kamča": "Kamila",
    "Gábi": "Gabriela",
    "Gábina": "Gabriela",
    "Gabča": "Gabriela",
    "Sabča": "Sabina",
    "Vanda": "Vanda",
    "Alča": "Alena",
    "Alenka": "Alena",
    "Dášenka": "Dagmar",
    "Dáša": "Dagmar",
    "Mates": "Matěj",
    "Matty": "Matěj",
    "Kačí": "Kateřina",
    "Tonička": "Antonie",
    "Toňa": "Antonie",
    "Olinka": "Olga",
    "Olča": "Olga",
    "Vláďa": "Vladimír",
    "Vlastík": "Vlastimil",
    "Sláva": "Miroslav",
    "Mikuláš": "Mikuláš",
    "Miki": "Mikuláš",
    "Bob": "Robert",
    "Bobby": "Robert",
    "Nikolas": "Nikolas",
    "Nikol": "Nikola",
    "Riki": "Richard",
    "Rišo": "Richard",
    "Patrik": "Patrik",
    "Páťa": "Patrik",
    "Dominik": "Dominik",
    "Domi": "Dominik",
    "Sebík": "Sebastián",
    "Seba": "Sebastián",
    "Šebestián": "Sebastián",
    "Tobi": "Tobiáš",
    "Kristián": "Kristián",
    "Krista": "Kristýna",
}


def fold(s: str) -> str:
    """Lowercase without diacritics (the run-time matching key)."""
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def translit_ru(s: str) -> str:
    out = "".join(
        RU_TRANSLIT.get(c, RU_TRANSLIT.get(c.lower(), c).upper() if c.isupper() else c)
        for c in s.lower()
    )
    return out[:1].upper() + out[1:]


def is_latin_name(s: str) -> bool:
    return (
        bool(s)
        and " " not in s
        and all((c.isalpha() and "LATIN" in unicodedata.name(c, "")) or c in "-'" for c in s)
        and len(s) >= 2
    )


def load_pickle(name: str) -> dict:
    import names_dataset

    path = Path(names_dataset.__file__).parent / "v3" / name
    with gzip.open(path, "rb") as f:
        return pickle.load(f)  # noqa: S301 - the package's own data file, build time only


def ranked(table: dict, country: str, max_rank: int, translit: bool = False) -> dict[str, int]:
    out: dict[str, int] = {}
    for name, info in table.items():
        r = info.get("rank", {}).get(country)
        if r is None or r > max_rank:
            continue
        if translit:
            name = translit_ru(name)
        if is_latin_name(name) and name[0].isupper() and (name not in out or out[name] > r):
            out[name] = r
    return out


def main() -> int:
    from wordfreq import top_n_list, zipf_frequency

    # Folded common-word table first: max Zipf per folded form (so "Skola" is as common as "škola").
    common: dict[str, float] = {}
    for w in top_n_list("cs", 150000):
        z = zipf_frequency(w, "cs")
        if z < 2.5:
            break
        if w.isalpha():
            k = fold(w)
            common[k] = max(common.get(k, 0.0), z)

    def zipf(w: str) -> float:
        return common.get(fold(w), 0.0)

    first = load_pickle("first_names.pkl.gz")
    given: dict[str, tuple[int, str]] = {}
    for name, r in ranked(first, "CZ", CZ_GIVEN_MAX_RANK).items():
        given[name] = (r, "cz")
    for country in ("PL", "RU"):
        for name, r in ranked(first, country, FOREIGN_TOP, translit=country == "RU").items():
            if name not in given:
                given[name] = (r * 3, country.lower())
    for country in EUROPEAN_COUNTRIES + ARABIC_COUNTRIES:
        for name, r in ranked(first, country, FOREIGN_TOP // 3).items():
            if name not in given:
                given[name] = (r * 3, "ar" if country in ARABIC_COUNTRIES else "eu")
    del first
    for lst, origin, r in (
        (VIETNAMESE_GIVEN, "vi", 300),
        (UKRAINIAN_GIVEN, "uk", 300),
        (MONGOLIAN_GIVEN, "mn", 300),
        (ARABIC_GIVEN, "ar", 300),
        (ROMA_AND_MISC_GIVEN, "cz", 300),
    ):
        for n in lst:
            if n not in given or given[n][0] > r:
                given[n] = (r, origin)
    for n in POPULAR_CZ_GIVEN:
        if n not in given or given[n][0] > POPULAR_CZ_RANK or given[n][1] != "cz":
            given[n] = (min(given.get(n, (POPULAR_CZ_RANK, ""))[0], POPULAR_CZ_RANK), "cz")
    for nick, _formal in NICKNAMES.items():
        nick = nick.strip()
        if is_latin_name(nick) and (nick not in given or given[nick][0] > 400):
            given[nick] = (min(given.get(nick, (400, ""))[0], 400), "cz")

    last = load_pickle("last_names.pkl.gz")
    sur: dict[str, tuple[int, str]] = {}
    for name, r in ranked(last, "CZ", CZ_SUR_MAX_RANK).items():
        sur[name] = (r, "cz")
    for country in ("PL", "RU"):
        for name, r in ranked(last, country, FOREIGN_TOP, translit=country == "RU").items():
            if name not in sur:
                sur[name] = (r * 3, country.lower())
    for country in EUROPEAN_COUNTRIES + ARABIC_COUNTRIES:
        for name, r in ranked(last, country, FOREIGN_TOP // 3).items():
            if name not in sur:
                sur[name] = (r * 3, "ar" if country in ARABIC_COUNTRIES else "eu")
    del last
    for lst, origin in ((VIETNAMESE_SURNAMES, "vi"), (ROMA_SURNAMES, "cz")):
        for n in lst:
            sur.setdefault(n, (200, origin))

    def classify(
        table: dict[str, tuple[int, str]], a: float, amb_rank: int
    ) -> list[tuple[str, int, str, int]]:
        rows, dropped = [], 0
        for name, (r, origin) in table.items():
            if len(name) < 2:
                continue
            excess = zipf(name.lower()) - (a - 0.5 * math.log10(r))
            if (excess > 1.0 and r > 300) or (excess > 0.55 and r > 700):
                dropped += 1
                continue
            rows.append((name, r, origin, 1 if excess > 0.3 and r > amb_rank else 0))
        print(f"  kept {len(rows)}, dropped {dropped} as common words", file=sys.stderr)
        return sorted(rows, key=lambda x: (x[1], x[0]))

    OUT.mkdir(parents=True, exist_ok=True)
    print("given names:", file=sys.stderr)
    given_rows = classify(given, 5.3, 100)
    write(OUT / "given.tsv.gz", given_rows)
    print("surnames:", file=sys.stderr)
    sur_rows = classify(sur, 4.6, 0)
    write(OUT / "surnames.tsv.gz", sur_rows)
    with open_gz(OUT / "nicknames.tsv.gz") as f:
        f.write("# nickname\tformal (hand-written, see scripts/build_gazetteers.py)\n")
        for nick, formal in sorted(NICKNAMES.items()):
            if is_latin_name(nick.strip()):
                f.write(f"{nick.strip()}\t{formal}\n")
    with open_gz(OUT / "suffixes.txt.gz") as f:
        f.write("\n".join(UKRAINIAN_SURNAME_SUFFIXES) + "\n")
    # Run-time common-word table: words that are NOT explained as forms of a popular,
    # unambiguous name (so "lukas"/"petrovi" are not "common words", "kolem"/"marka"/"škola" are).
    sys.path.insert(0, str(ROOT))
    from ner.morph import base_candidates

    strong: dict[str, list[tuple[float, str]]] = {}
    for rows, a, max_rank in ((given_rows, 5.3, 1500), (sur_rows, 4.6, 500)):
        for name, r, _origin, amb in rows:
            if not amb and r <= max_rank:
                strong.setdefault(fold(name), []).append((a - 0.5 * math.log10(r), name.lower()))

    # Spellings of popular given names (CZ top 300, the hand lists): their own spelling, an
    # undiacritised one (vladimir, natalie) and the Slovak one (Ján, Dávid) are names however
    # frequent (up to POPULAR_NAME_MAX_ZIPF); a word that folds alike but is spelt otherwise
    # stays a common word (řádek ~ Radek, román ~ Roman, radím ~ Radim, míchal ~ Michal).
    popular: dict[str, set[str]] = {}
    for name, r, origin, amb in given_rows:
        if not amb and r <= 300 and origin == "cz":
            popular.setdefault(fold(name), set()).add(name.lower())
    for n in (*POPULAR_CZ_GIVEN, *ROMA_AND_MISC_GIVEN):
        popular.setdefault(fold(n.strip()), set()).add(n.strip().lower())
    # only the most popular ones (top 100, the hand list) count: names-dataset also lists words
    # as names further down ("Veru" = věru at rank 261, "Míra" = míra at 157)
    top = {fold(name) for name, r, origin, amb in given_rows if not amb and r <= 100}
    top |= {fold(n) for n in POPULAR_CZ_GIVEN}

    def popular_form(word: str, z: float) -> bool:
        """The base form of a popular name, spelt as the name, without diacritics, or the Slovak
        way — unless it is also a very frequent word ("tom" as in "o tom")."""
        f = fold(word)
        if z > POPULAR_NAME_MAX_ZIPF or f not in top:
            return False
        # its own base, or the base of a case form of another name that folds alike: Jána
        # (Ján) folds to Jana, Šimona (Šimon) to Simona
        for b in base_candidates(f):
            for name in popular.get(b, ()):
                k = max(2, min(len(name), len(word)) - 1)
                if word[:k] == name[:k] or (word == f and fold(name)[:k] == f[:k]):
                    return True
        return False

    def name_form(word: str, z: float) -> bool:
        """word is a form of a popular name that explains its frequency (diacritics agree).

        The name itself may be up to 0.8 Zipf more frequent than its popularity rank predicts
        (Jiří, Václav, Karel: famous bearers and older generations make them frequent in text).
        An inflected form is expected about ten times rarer than the name itself (Zipf - 1.0),
        so frequent adjectives and nouns that merely look like a case form of a name (dané ~
        Dana, růžové ~ Růža, rokem, míra) stay common words."""
        if popular_form(word, z):
            return True
        f = fold(word)
        for b in base_candidates(f):
            for expected, name in strong.get(b, ()):
                k = max(2, min(len(name), len(word)) - 1)
                slack = EXACT_NAME_SLACK if b == f else -1.0
                if z <= expected + slack and word[:k] == name[:k]:
                    return True
        return False

    kept: dict[str, float] = {}
    for w in top_n_list("cs", 400000):
        z = zipf_frequency(w, "cs")
        if z < 2.0:
            break
        if w.isalpha() and not name_form(w, z):
            k = fold(w)
            kept[k] = max(kept.get(k, 0.0), z)
    with open_gz(OUT / "common_cs.tsv.gz") as f:
        f.write(
            "# folded word\tZipf*10 >= 20 (wordfreq, CC BY-SA 4.0); "
            "forms of popular names left out\n"
        )
        for k, z in sorted(kept.items()):
            f.write(f"{k}\t{round(z * 10)}\n")
    common = kept
    print(f"common words: {len(common)}", file=sys.stderr)
    return 0


def open_gz(path: Path):
    """Text gzip writer without a timestamp, so rebuilding gives identical bytes."""
    import io

    return io.TextIOWrapper(
        gzip.GzipFile(filename="", fileobj=open(path, "wb"), mode="wb", mtime=0, compresslevel=9),
        encoding="utf-8",
    )


def write(path: Path, rows: list[tuple[str, int, str, int]]) -> None:
    with open_gz(path) as f:
        f.write("# name\trank\torigin\tambiguous\n")
        for name, r, origin, amb in rows:
            f.write(f"{name}\t{r}\t{origin}\t{amb}\n")


if __name__ == "__main__":
    sys.exit(main())
