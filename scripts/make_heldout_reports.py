#!/usr/bin/env python3
# ruff: noqa: E501, E741  (the report texts are data; P/C/K/I are the label shorthands)
"""Generate tests/ner/data/heldout_reports.jsonl: a generalisation check for the detector.

60 fictional Czech bullying reports, written by the team *after* the detector was tuned on
reports_dev.jsonl, in the same schema and under the same annotation guide
(../shared/corpora/README.md). It is NOT a true held-out set (the same team wrote the detector
and these texts); it deliberately leans on what the dev set may under-represent: rare Czech
surnames, Ukrainian/Vietnamese/Roma/Arabic/Mongolian/Slovak/Polish names in Czech declension,
nicknames and diminutives, lowercase and undiacritised writing, vocatives, possessives, names at
sentence start, chat quotes, surnames that are ordinary words (with the same words used as
ordinary words), handles, phones in several formats, e-mails, classes in many forms, birth
numbers, addresses and spam.

Spans are given as exact substrings and resolved to offsets here:

    ("Bára", P)        the substring must occur exactly once at word boundaries
    ("Bára", P, 1)     the 2nd word-boundary occurrence (0-based), counted over the whole text

`decoys` are ordinary words written on purpose (vrána, beran, kovář...); they are checked to
occur and to be left unannotated.

Run:  python3 scripts/make_heldout_reports.py
"""

import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

P, C, K, I = "PERSON", "CLASS", "CONTACT", "ID"
LABELS = {P, C, K, I}
STYLES = {
    "child-informal",
    "no-diacritics",
    "parent",
    "witness",
    "long-narrative",
    "chat-quote",
    "foreign-names",
    "spam",
}
OUT_PATH = Path(__file__).resolve().parent.parent / "tests" / "ner" / "data" / "heldout_reports.jsonl"

ENTRIES: list[dict] = []


def R(style, school, victim_name, victim_class, text, spans, decoys=()):
    ENTRIES.append(
        {
            "school": school,
            "victim_name": victim_name,
            "victim_class": victim_class,
            "text": text.strip(),
            "span_specs": list(spans),
            "decoys": list(decoys),
            "style": style,
            "is_spam": style == "spam",
        }
    )


# --- child-informal ----------------------------------------------------------------------------

R("child-informal", "ZŠ Kroměříž, Komenského 1", "Vojta Brabec", "7b", """
kluci z 8.b mi schovávaj boty v šatně. hlavně Fanda Zoubek a jeho kámoš Olda. Fanda pak řiká, že si je mám najít sám, a Olda to natáčí. včera sem šel domu v papučích.
""", [("8.b", C), ("Fanda Zoubek", P), ("Olda", P, 0), ("Fanda", P, 1), ("Olda", P, 1)])

R("child-informal", "ZŠ Vyškov, Nádražní 5", "Máňa", "VI.A", """
Jmenuju se Marie ale všichni mi říkaj Máňa. Kačka Pazderová z naší třídy o mně roznáší, že mám vši. Kaččina mamka je učitelka, takže se jí nic nestane. Pomozte.
""", [("Marie", P), ("Máňa", P), ("Kačka Pazderová", P), ("Kaččina", P)])

R("child-informal", "ZŠ Beroun, Preislerova 1335", "Míša Hrubešová", "5.C", """
Bářina ségra Týna mi psala na messenger, že sem tlustá kráva, a Bára to pak poslala celý naší 5.C. Neni to poprvý.
""", [("Bářina", P), ("Týna", P), ("Bára", P), ("5.C", C)], decoys=["kráva"])

R("child-informal", "ZŠ Písek, Tyršova 1", "Ríša", "sedmá bé", """
Ríšo, pojď sem, řval na mě Pepa Vrána na chodbě a pak mi dal facku. Vrána chodí do deváté á a je o hlavu větší. Na hřišti seděla vrána a Pepa po ní házel kamení, tak vim co je zač.
""", [("Ríšo", P), ("Pepa Vrána", P), ("Vrána", P, 1), ("deváté á", C), ("Pepa", P, 1)],
  decoys=["vrána"])

R("child-informal", "ZŠ Rakovník, Martinovského 153", "Julie", "7.A", """
Kájův brácha Standa Beran mě čeká každej den za školou a bere mi svačinu. Standa řiká, že je silnej jak beran. Kája o tom ví a nic neřekne.
""", [("Kájův", P), ("Standa Beran", P), ("Standa", P, 1), ("Kája", P)], decoys=["beran", "tom"])

R("child-informal", "ZŠ Chrudim, Dr. Malíka 958", "Vašek Kovář", "6.B", """
Každej je svýho štěstí kovář, říká nám třídní, ale Luky Skokan a Jindra mi štěstí fakt nepřejou. Luky mi do penálu nasypal piliny a Jindra mi rozlil pití na sešit. Vašek Kovář, 6.B
""", [("Luky Skokan", P), ("Jindra", P, 0), ("Luky", P, 1), ("Jindra", P, 1),
      ("Vašek Kovář", P), ("6.B", C)], decoys=["kovář"])

R("child-informal", "Gymnázium Prachatice, Zlatá stezka 137", "", "ze sekundy", """
jsem ze sekundy a kluci z tercie A mi na záchodech fotí pod kabinkou. Jeden se jmenuje Mikuláš Šilhavý a druhej Bóža. fotky pak dávaj na snap, Mikulášův účet je miky_silhavy09.
""", [("sekundy", C), ("tercie A", C), ("Mikuláš Šilhavý", P), ("Bóža", P), ("Mikulášův", P),
      ("miky_silhavy09", K)])

R("child-informal", "ZŠ Louny, Prokopa Holého 2464", "Bára", "4.c", """
Kristýnka Ptáčková mě vždycky odstrčí od stolu v jídelně a řekne že tam je místo pro Ájinu kamarádku. Ája se směje. Já jim nic neudělala.
""", [("Kristýnka Ptáčková", P), ("Ájinu", P), ("Ája", P)])

R("child-informal", "ZŠ Nymburk, Komenského 589", "Jarda", "8c", """
Zajíc mi dal pěstí do břicha protože sem mu nedal úkol z matiky. Je to Robin Zajíc z 9.c a chodí s ním Mára. Ve škole se bojim jak zajíc.
""", [("Zajíc", P, 0), ("Robin Zajíc", P), ("9.c", C), ("Mára", P)], decoys=["zajíc"])

R("child-informal", "ZŠ Žďár nad Sázavou, Palachova 35", "Sára Horová", "6.a", """
Honza Hora je můj brácha a kluci z jeho třídy mu říkaj, že je hora sádla. Mě pak na chodbě volaj Horová prase. Nejvíc Kuba Drozd.
""", [("Honza Hora", P), ("Horová", P), ("Kuba Drozd", P)], decoys=["hora"])

R("child-informal", "ZŠ Vsetín, Luh 1544", "Ondra", "7.C", """
pepa a vojta mě zavřeli do kabinetu fyziky a zhasli. pepovi sem pak řek že to povim a on se jen smál. vojtova mamka je ve školský radě tak se nic nestane.
""", [("pepa", P), ("vojta", P), ("pepovi", P), ("vojtova", P)])

R("child-informal", "ZŠ Uherské Hradiště, Za Alejí 1072", "Eliška", "VII.B", """
Holky ze VII.B maj skupinu Eliška je kráva a je tam i Zdeňka Mrkvičková a Šárka. Zdeňka tam dává moje fotky z plavání. Šárčina máma to ví.
""", [("VII.B", C), ("Eliška", P), ("Zdeňka Mrkvičková", P), ("Šárka", P), ("Zdeňka", P, 1),
      ("Šárčina", P)], decoys=["kráva"])

R("child-informal", "Gymnázium Jeseník, Komenského 281", "Tadeáš", "kvarta B", """
Jsem v kvartě B. Spolužák Dalibor Kadeřábek mi na instagramu @dalibor_kaderabek posílá výhrůžky. Daliborovi je to jedno, i když mu to řekla paní profesorka Sklenářová.
""", [("kvartě B", C), ("Dalibor Kadeřábek", P), ("@dalibor_kaderabek", K), ("Daliborovi", P),
      ("Sklenářová", P)])

R("child-informal", "ZŠ Náchod, Pavlišovská 55", "Nela", "3.A", """
Nela ze 3.A tady. Matylda mi roztrhala obrázek a Kubík mi plivnul do pití. Paní učitelka Holubová řekla ať nežaluju. Na okně seděl holub a všichni koukali na něj místo na mě.
""", [("Nela", P), ("3.A", C), ("Matylda", P), ("Kubík", P), ("Holubová", P)], decoys=["holub"])

R("child-informal", "ZŠ Domažlice, Komenského 17", "Dan", "9.A", """
Ve 9.A je kluk Bruno Vymětal a ten mi napsal na whatsapp z čísla 731 482 905 že mě zabije. Brunovi je 15 a má nůž. Prosim nahlaste to.
""", [("9.A", C), ("Bruno Vymětal", P), ("731 482 905", K), ("Brunovi", P)])

R("child-informal", "ZŠ Semily, Jizerská 564", "Klára", "osmá cé", """
Chodím do osmý cé. Kluci mi ve skříňce nechali vzkaz Klára je děvka. Myslim že to psal Štěpán Bečvář protože má stejný písmo. Bečvářovi mají ve městě obchod.
""", [("osmý cé", C), ("Klára", P), ("Štěpán Bečvář", P), ("Bečvářovi", P)])

R("child-informal", "ZŠ Říčany, Bezručova 94", "Michal", "5.B", """
Míšo ty seš trapnej, napsala mi Míša Koubková pod fotku. Pod to dali like Lenka a Radim. Míšin komentář má 40 liků.
""", [("Míšo", P), ("Míša Koubková", P), ("Lenka", P), ("Radim", P), ("Míšin", P)])

R("child-informal", "ZŠ Kutná Hora, Jana Palacha 166", "", "", """
Nechci psát jméno. Ten kdo mě šikanuje je Oskar z 6.D. Oskarovo kolo jsem prej poškrábal, ale nebyl jsem to já. Teď chce 500 korun.
""", [("Oskar", P), ("6.D", C), ("Oskarovo", P)])

R("child-informal", "ZŠ Hodonín, Mírové náměstí 19", "Lucie", "7.B", """
V 7.B máme novou holku a kluci na ni pískaj jako na sýkorku, protože se jmenuje Anežka Sýkorová. Nejvíc Tobiáš. Tobiášovi to přijde vtipný.
""", [("7.B", C), ("Anežka Sýkorová", P), ("Tobiáš", P), ("Tobiášovi", P)], decoys=["sýkorku"])

R("child-informal", "ZŠ Blansko, Salmova 17", "Patrik", "6.b", """
Viktor Hrdina mi na discordu (nick ViktorH#0712) píše každej večer že mě najde. Hrdina si myslí že je hrdina, ale je to zbabělec. Patrik
""", [("Viktor Hrdina", P), ("ViktorH#0712", K), ("Hrdina", P, 1), ("Patrik", P)],
  decoys=["hrdina"])

# --- foreign-names -----------------------------------------------------------------------------

R("foreign-names", "ZŠ Praha 9, Litvínovská 500", "Oleksandr", "6.C", """
Ve třídě je se mnou Oleksandr Kovalenko z Ukrajiny a kluci se mu smějou. Včera jsem viděl, jak s Oleksandrem Kovalenkem vytřeli podlahu v šatně. Nejvíc to dělá Tadeáš Hrubý. Saša je můj kamarád a nechci, aby odešel.
""", [("Oleksandr Kovalenko", P), ("Oleksandrem Kovalenkem", P), ("Tadeáš Hrubý", P), ("Saša", P)])

R("foreign-names", "ZŠ Cheb, Kostelní náměstí 1", "Nguyen Thi Hoa", "8.A", """
Holky volaj na Hoa rýže a Nikola Šťovíčková jí rozlila čaj do batohu. Hoa to nechce říct rodičům, protože mají obchod a nemají čas. Její brácha Nguyen Van Duc chodí do 5.A.
""", [("Hoa", P, 0), ("Nikola Šťovíčková", P), ("Hoa", P, 1), ("Nguyen Van Duc", P), ("5.A", C)],
  decoys=["rýže"])

R("foreign-names", "ZŠ Praha 4, Mikulova 1594", "Bat-Erdene", "7.A", """
Můj spolužák Bataa je z Mongolska. Od Bataa si kluci půjčujou peníze a nevracej je. Bataovi taky berou svačinu a jeho ségře Enkhjin píšou hnusný zprávy. Hlavní je Radek Šulc.
""", [("Bataa", P, 0), ("Bataa", P, 1), ("Bataovi", P), ("Enkhjin", P), ("Radek Šulc", P)])

R("foreign-names", "Gymnázium Karviná, Mírová 1442", "", "kvinta A", """
Jsem v kvintě A a spolužačka Fatima Al-Sayed nosí šátek. Kluci jí ho strhávají, hlavně Denis Lakatoš a Gejza. Fatimě pak řekli, ať jde zpátky. Denisovi to nikdo nezakáže.
""", [("kvintě A", C), ("Fatima Al-Sayed", P), ("Denis Lakatoš", P), ("Gejza", P), ("Fatimě", P),
      ("Denisovi", P)])

R("foreign-names", "ZŠ Třinec, Koperníkova 696", "Wojtek", "8.B", """
Jsem z Polska a jmenuju se Wojciech, ale tady mi řikaj Wojtek. Kasia Wiśniewska z vedlejší třídy mi pomáhá s češtinou a proto se smějou i jí. Hlavně Maroš Hudák, Slovák z 9.B, který Kasiu chytá za ruku.
""", [("Wojciech", P), ("Wojtek", P), ("Kasia Wiśniewska", P), ("Maroš Hudák", P), ("9.B", C),
      ("Kasiu", P)], decoys=["Slovák"])

R("foreign-names", "ZŠ Teplice, Maxe Švabinského 1743", "Yusuf", "6.A", """
Yusufovi kluci říkaj terorista. Je to hrozný. Nejvíc Samir, i když je taky Arab, a Lukáš Pazdera. Ahmad z 8.A to viděl.
""", [("Yusufovi", P), ("Samir", P), ("Lukáš Pazdera", P), ("Ahmad", P), ("8.A", C)],
  decoys=["Arab"])

R("foreign-names", "ZŠ Chomutov, Kadaňská 2334", "Žaneta Horváthová", "5.C", """
Žaneta je Romka a holky jí řikaj, že smrdí. Kevin Oláh je její bratranec a chtěl ji bránit, ale pak dostal poznámku on. Žanetina mamka volala do školy a paní učitelka Zouharová ji nepustila ke slovu.
""", [("Žaneta", P), ("Kevin Oláh", P), ("Žanetina", P), ("Zouharová", P)], decoys=["Romka"])

R("foreign-names", "ZŠ Mladá Boleslav, Mendelova 2", "Iryna", "IX.A", """
V IX.A je Iryna Bondarenko a Taras Melnyk. Tarasovi sebrali mobil a Iryně říkají, že u nás jsou jen kvůli dávkám. Začala to Ľubica Kmeťová.
""", [("IX.A", C), ("Iryna Bondarenko", P), ("Taras Melnyk", P), ("Tarasovi", P), ("Iryně", P),
      ("Ľubica Kmeťová", P)])

# --- no-diacritics -----------------------------------------------------------------------------

R("no-diacritics", "ZS Sokolov, Pionyru 1614", "Pepa", "7b", """
ahoj, jsem pepa ze 7b. marek kadlec a jeho kamos vitek mi kazdy den berou svacinu. vitkovi sem rekl at toho necha a on mi dal pesti.
""", [("pepa", P), ("7b", C), ("marek kadlec", P), ("vitek", P), ("vitkovi", P)])

R("no-diacritics", "ZS Breclav, Kupkova 1", "Barbora", "6.A", """
Bara je moje kamaradka a Tereza Vrbova ji kazdou prestavku strka do kose. Terezin brach Dusan je v 8.A a rika, ze kdyz to nahlasime tak nas zbije.
""", [("Bara", P), ("Tereza Vrbova", P), ("Terezin", P), ("Dusan", P), ("8.A", C)])

R("no-diacritics", "ZS Pribram, Jiraskovy sady 273", "Kristian", "sesta be", """
Jsem v sesty be. Oleksandr Savchuk a Dima me zamkli na zachode. Sasovi se to libilo a Dima to nahral. Cislo na mamku je 604 221 987, zavolejte ji prosim.
""", [("sesty be", C), ("Oleksandr Savchuk", P), ("Dima", P, 0), ("Sasovi", P), ("Dima", P, 1),
      ("604 221 987", K)])

R("no-diacritics", "ZS Znojmo, Mladeznicka 3", "Nikol", "", """
nikol ma na sobe hnusny obleceni rikaj holky z nasi tridy. hlavne kaja a mira. kajin telefon je +420 777 314 526 a pise mi z nej i v noci.
""", [("nikol", P), ("kaja", P), ("mira", P), ("kajin", P), ("+420 777 314 526", K)])

R("no-diacritics", "ZS Tachov, Zarecska 1", "Ema", "8.C", """
Nguyen Thi Lan z 8.C je moje nejlepsi kamaradka. Kluci ji rikaji, ze smrdi po ryze. Lan to nechce hlasit. Nejhorsi je Filip Vrana a Jakub Beran, Vrana ji vcera polil colou.
""", [("Nguyen Thi Lan", P), ("8.C", C), ("Lan", P, 1), ("Filip Vrana", P), ("Jakub Beran", P),
      ("Vrana", P, 1)])

R("no-diacritics", "ZS Rokycany, Masarykova 1", "Maty", "5a", """
maty tady, kluci z 5a mi zalozili na insta @matyho_mama_je_hnusna a dali tam fotku mamky. zalozil to asi honzik novotny, jeho mail je honzik.novotny11@seznam.cz.
""", [("maty", P), ("5a", C), ("@matyho_mama_je_hnusna", K), ("honzik novotny", P),
      ("honzik.novotny11@seznam.cz", K)])

R("no-diacritics", "ZS Svitavy, Felberova 2", "Vendy", "VIII.C", """
Vendulo promin ze to pisu za tebe. Holky z VIII.C, Adela Soukupova a Mana, ti rikaj ze jsi chudak. Manina mama je uklizecka ve skole a vsechno vi.
""", [("Vendulo", P), ("VIII.C", C), ("Adela Soukupova", P), ("Mana", P), ("Manina", P)])

R("no-diacritics", "ZS Strakonice, Dukelska 166", "Stepan", "9.b", """
Pan ucitel Brabec rekl pred tridou ze Stepan je lempl. S Brabcem se vsichni smali a pak mi Ruzena Hajkova napsala na tiktok. Jeji tiktok je ruzi_hajek.
""", [("Brabec", P), ("Stepan", P), ("Brabcem", P), ("Ruzena Hajkova", P), ("ruzi_hajek", K)])

R("no-diacritics", "Gymnazium Hranice, Zborovska 293", "", "", """
dobry den, jsem mama zaka ze sekundy. synovi Ondrovi pise nejaky Erik Salaba ze ho zabije. Erikova adresa je Lipova 14, Brno, rodne cislo syna 100412/2361 uvadim pro identifikaci.
""", [("sekundy", C), ("Ondrovi", P), ("Erik Salaba", P), ("Erikova", P), ("Lipova 14", I),
      ("100412/2361", I)])

# --- parent ------------------------------------------------------------------------------------

R("parent", "ZŠ Klatovy, Tolstého 765", "Matyáš Vondráček", "4.B", """
Dobrý den, píšu za syna Matyáše, který chodí do 4.B. Už měsíc mu spolužák Hynek Bouška bere svačiny a kope ho. Paní učitelka Mgr. Dana Skálová o tom ví, ale neřeší to. Můj telefon: 605 118 247. Děkuji, Vondráčková
""", [("Matyáše", P), ("4.B", C), ("Hynek Bouška", P), ("Dana Skálová", P), ("605 118 247", K),
      ("Vondráčková", P)], decoys=["tom"])

R("parent", "ZŠ Kolín, Mnichovická 62", "Anička", "2.A", """
Dobrý den, dcera Anna (Anička) přichází domů uplakaná. Spolužačka Rozálie Kubištová jí podle dcery říká, že je hloupá, a Rozáliina maminka to zlehčuje. Prosím o schůzku na e-mailu jana.krejcirova@email.cz.
""", [("Anna", P), ("Anička", P), ("Rozálie Kubištová", P), ("Rozáliina", P),
      ("jana.krejcirova@email.cz", K)])

R("parent", "Gymnázium Ústí nad Orlicí, Heranova 1", "Jindřich", "sekunda", """
Vážení, náš syn Jindřich ze sekundy je terčem posměchu kvůli koktání. Spolužák Vilém Hora jej napodobuje a ostatní se přidávají. Na horách na lyžáku to bylo nejhorší. Volejte prosím na +420 608 552 190. S pozdravem Hana Šebestová
""", [("Jindřich", P), ("sekundy", C), ("Vilém Hora", P), ("+420 608 552 190", K),
      ("Hana Šebestová", P)], decoys=["horách"])

R("parent", "ZŠ Kolín, Ovčárecká 374", "Tereza Beranová", "6.C", """
Dobrý den, moje dcera Terka je šikanována spolužačkami. Kateřina Kovářová a Vanesa Tichá jí na chodbě sebraly mobil. Kovářová pak psala z jejího čísla 736 402 118 hanlivé zprávy. Bydlíme na adrese Nádražní 412/7, Kolín. Beranová
""", [("Terka", P), ("Kateřina Kovářová", P), ("Vanesa Tichá", P), ("Kovářová", P, 1),
      ("736 402 118", K), ("Nádražní 412/7", I), ("Beranová", P)])

R("parent", "ZŠ Liberec, Husova 142", "Ruslan", "5.A", """
Jsem maminka Ruslana Hasanova z 5.A. Syn je z Kazachstánu a spolužáci mu říkají Rusák. Nejvíce Eduard Šmíd a Tobias Hnízdil. Hnízdilovým jsem psala, ale neodpověděli.
""", [("Ruslana Hasanova", P), ("5.A", C), ("Eduard Šmíd", P), ("Tobias Hnízdil", P),
      ("Hnízdilovým", P)], decoys=["Rusák"])

R("parent", "ZŠ Benešov, Jiráskova 888", "Sofie", "3.B", """
Dobrý den, dcera Sofinka mi řekla, že ji paní vychovatelka Jaroslava Pešková v družině zamyká samotnou ve třídě za trest. Prosím, ozvěte se na čísle 00420 603 771 245 nebo mailem petr.hlavacek@post.cz. Petr Hlaváček
""", [("Sofinka", P), ("Jaroslava Pešková", P), ("00420 603 771 245", K),
      ("petr.hlavacek@post.cz", K), ("Petr Hlaváček", P)])

R("parent", "ZŠ Slaný, Komenského 618", "Kuba", "7.A", """
Syn Jakub (Kuba) z VII.A má rozbitý nos. Udělal to podle něj Milan Ptáček z vedlejší třídy. Ptáčkova matka nám řekla, že si to syn vymyslel. Rodné číslo syna: 110307/2355 (kvůli pojišťovně).
""", [("Jakub", P), ("Kuba", P), ("VII.A", C), ("Milan Ptáček", P), ("Ptáčkova", P),
      ("110307/2355", I)])

R("parent", "ZŠ Jablonec nad Nisou, Pivovarská 15", "Lenka", "8.A", """
Píšu jako táta Lenky z 8.A. Spolužák Adam Kocourek jí posílá sprosté zprávy z účtu adamek_kocour a Kocourkovi rodiče o tom vědí. Nic nedělají.
""", [("Lenky", P), ("8.A", C), ("Adam Kocourek", P), ("adamek_kocour", K), ("Kocourkovi", P)],
  decoys=["tom"])

# --- witness -----------------------------------------------------------------------------------

R("witness", "ZŠ Děčín, Komenského nám. 4", "", "", """
Byla jsem svědkem, jak na zastávce u školy tři kluci z deváté bé strkali do Vietnamce Minh Khang Phama. Jeden z nich byl Marek Zavadil. Khang pak plakal.
""", [("deváté bé", C), ("Minh Khang Phama", P), ("Marek Zavadil", P), ("Khang", P, 1)],
  decoys=["Vietnamce"])

R("witness", "ZŠ Pelhřimov, Komenského 1326", "Žofie", "6.A", """
Jsem ze 6.A a chci nahlásit, co se děje Žofce. Holky jí berou věci a Natálie Brázdová jí řekla, že se má zabít. Brázdová to má i v příběhu na instagramu natty.brazda.
""", [("6.A", C), ("Žofce", P), ("Natálie Brázdová", P), ("Brázdová", P, 1), ("natty.brazda", K)])

R("witness", "ZŠ Havlíčkův Brod, Wolkerova 1747", "Ali", "8.C", """
Viděl jsem, jak Dominik Šimek a Ríša Kratina zavřeli Aliho do skříňky. Ali tam byl celou přestávku. Řekl jsem to panu Novotnému, ale ten mávl rukou.
""", [("Dominik Šimek", P), ("Ríša Kratina", P), ("Aliho", P), ("Ali", P), ("Novotnému", P)])

R("witness", "Gymnázium Šumperk, Masarykovo nám. 8", "", "prima", """
Jsem spolužák z primy. Naše spolužačka Dorota Wrzesniewska je z Polska a holky se vysmívají jejímu přízvuku. Hlavní je Magdaléna Krupičková, Magda jí schovala tašku.
""", [("primy", C), ("Dorota Wrzesniewska", P), ("Magdaléna Krupičková", P), ("Magda", P)])

R("witness", "ZŠ Vlašim, Vorlina 1", "Tomáš", "9.B", """
Svědectví: Tomáše Kozla z 9.B zbili na hřišti dva kluci, Lukáš Macháček a nějaký Kája. Kozel měl roztrženou bundu. Na Kozla pak pokřikovali mééé jako na kozu.
""", [("Tomáše Kozla", P), ("9.B", C), ("Lukáš Macháček", P), ("Kája", P), ("Kozel", P),
      ("Kozla", P, 1)], decoys=["kozu"])

R("witness", "ZŠ Hlučín, Rovniny 2", "Ester", "VI.B", """
Jako učitelka jsem zaznamenala, že Ester Kalinová z VI.B dostává výhrůžky na číslo +421 905 123 456 ze Slovenska. Podle ní je píše Jozef Ďurica, bývalý spolužák. Estera mi ukázala zprávy.
""", [("Ester Kalinová", P), ("VI.B", C), ("+421 905 123 456", K), ("Jozef Ďurica", P),
      ("Estera", P)])

# --- long-narrative ----------------------------------------------------------------------------

R("long-narrative", "ZŠ Frýdek-Místek, Jana Čapka 2555", "Vojtěch Sedláček", "7.C", """
Chci to napsat celé. Od září mě šikanuje skupina kluků ze 7.C, vedená Jaroslavem Holcem. Začalo to tím, že mi Holec vzal kšiltovku a hodil ji do kontejneru. Potom se přidal Vilda Rybář a Hugo. Rybář mi na chatu psal, že mě počká u Kauflandu. Jednou mě s Hugem chytili v šatně a Jardovi Holcovi jsem musel dát mobil. Holcův táta je policajt, takže se bojím to říct doma. Vojta
""", [("7.C", C), ("Jaroslavem Holcem", P), ("Holec", P), ("Vilda Rybář", P), ("Hugo", P),
      ("Rybář", P, 1), ("Hugem", P), ("Jardovi Holcovi", P), ("Holcův", P), ("Vojta", P)],
  decoys=["Kauflandu"])

R("long-narrative", "Gymnázium Kadaň, 5. května 620", "Karolína", "kvarta", """
Je to dlouhé, omlouvám se. V kvartě jsem od letoška nová. První týden se se mnou bavila Veronika Hejdová, ale pak se přidala k partě kolem Adriany Fuchsové. Adriana mi na Snapchatu poslala fotku mé mámy s nápisem socka. Verča mi potom řekla, že se se mnou bavit nesmí. Na školním výletě mi Adrianina kamarádka Rebeka Krejčí schovala batoh do lesa. Paní třídní Mgr. Ivana Kubelková mi řekla, ať jsem nad věcí. Karolína
""", [("kvartě", C), ("Veronika Hejdová", P), ("Adriany Fuchsové", P), ("Adriana", P),
      ("Verča", P), ("Adrianina", P), ("Rebeka Krejčí", P), ("Ivana Kubelková", P),
      ("Karolína", P)], decoys=["Snapchatu"])

R("long-narrative", "ZŠ Mělník, Jungmannova 2", "David", "osmá á", """
Jmenuju se David a chodim do osmý á. Ve třídě je Nguyen Duc Anh, všichni mu říkaj Ánh nebo Duc. Kluci Jan Šindelář a Pavel Beran mu každý ráno berou peníze. Šindelář mu jednou zlomil brýle. Duc mi řekl, ať to nikomu neříkám, ale já už nemůžu koukat. Beran je navíc ve volejbalovým týmu, takže ho trenér kryje. Ducovi je dvanáct.
""", [("David", P), ("osmý á", C), ("Nguyen Duc Anh", P), ("Ánh", P), ("Duc", P, 1),
      ("Jan Šindelář", P), ("Pavel Beran", P), ("Šindelář", P, 1), ("Duc", P, 2), ("Beran", P, 1),
      ("Ducovi", P)])

# --- chat-quote --------------------------------------------------------------------------------

R("chat-quote", "ZŠ Orlová, Polní 970", "Bára", "6.B", """
Posílám co psali ve skupině:
Tom: bára je největší hnus
Klára Vojtíšková: 😂😂 souhlas
Tom: zejtra jí hodíme batoh do záchodu
Štěpa: jo
Tom je Tomáš Mlčoch z 6.B.
""", [("Tom", P, 0), ("bára", P), ("Klára Vojtíšková", P), ("Tom", P, 1), ("Štěpa", P),
      ("Tom", P, 2), ("Tomáš Mlčoch", P), ("6.B", C)])

R("chat-quote", "ZŠ Bohumín, Čs. armády 1", "Lukáš", "9c", """
screen z chatu:
richard_k: lukasi ty jsi uplne k nicemu
Monča: 🤣
richard_k: pockej az prijdes zitra
richard_k je Richard Kubát z 9c, Monča je Monika Zedníková.
""", [("richard_k", K, 0), ("lukasi", P), ("Monča", P, 0), ("richard_k", K, 1), ("richard_k", K, 2),
      ("Richard Kubát", P), ("9c", C), ("Monča", P, 1), ("Monika Zedníková", P)])

R("chat-quote", "ZŠ Nový Jičín, Komenského 66", "Adéla", "7.A", """
Opisuju zprávy:
Denisa: Adélo, ty seš fakt hloupá
Já: nech mě
Denisa: Zuzana říkala, že tě nikdo nemá rád
Denisa je Denisa Vrbová a Zuzana je Zuzka Pelikánová, obě ze 7.A.
""", [("Denisa", P, 0), ("Adélo", P), ("Denisa", P, 1), ("Zuzana", P, 0), ("Denisa", P, 2),
      ("Denisa Vrbová", P), ("Zuzana", P, 1), ("Zuzka Pelikánová", P), ("7.A", C)])

# --- spam --------------------------------------------------------------------------------------

R("spam", "ZŠ Praha 5, Kořenského 10", "asdf", "xxx", """
Levné půjčky bez registru!!! Volejte 777 000 111 nebo pište na pujcky.rychle@gmail.com, peníze do 24 hodin.
""", [("777 000 111", K), ("pujcky.rychle@gmail.com", K)])

R("spam", "ZŠ Brno, Bakalovo nábřeží 8", "test", "test", """
test test testovací zpráva jestli to funguje 123
""", [])

R("spam", "ZŠ Ostrava, Gen. Píky 13", "Karel Gott", "1.A", """
xdxdxd lol karel gott je lepsi nez vy vsichni hahaha dejte sub na youtube MegaTroll2012
""", [("karel gott", P), ("MegaTroll2012", K)])


# --- validation --------------------------------------------------------------------------------


def wb_occurrences(text: str, s: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text)]


def norm(s: str) -> str:
    d = unicodedata.normalize("NFD", s.casefold())
    return "".join(ch for ch in d if not unicodedata.combining(ch))


def resolve(text: str, spec: tuple, where: str) -> dict:
    s, label = spec[0], spec[1]
    idx = spec[2] if len(spec) == 3 else None
    occ = wb_occurrences(text, s)
    if not occ:
        raise ValueError(f"{where}: {s!r} not found at word boundaries")
    if idx is None:
        if len(occ) != 1:
            raise ValueError(f"{where}: {s!r} occurs {len(occ)}x; give an occurrence index")
        idx = 0
    if not 0 <= idx < len(occ):
        raise ValueError(f"{where}: {s!r} occurrence {idx} out of range ({len(occ)})")
    return {"start": occ[idx], "end": occ[idx] + len(s), "label": label, "text": s}


def covered(spans: list[dict], start: int, end: int) -> bool:
    return any(sp["start"] <= start and end <= sp["end"] for sp in spans)


# Look-alikes of structured data: every match must lie inside a span or a decoy.
SUSPICIOUS = [
    re.compile(r"(?<!\w)(?:\d{1,2}|[IVX]{1,4})\.\s?[A-Ea-e](?!\w)"),
    re.compile(r"(?<!\w)\d{1,2}[A-Ea-e](?!\w)"),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"(?<![\w.])@[\w.]+\w"),
    re.compile(r"(?<![\w+])(?:\+\d{3}\s?)?\d{3}\s?\d{3}\s?\d{3}(?!\w)"),
    re.compile(r"\w+#\d{4}"),
    re.compile(r"\d{6}/\d{3,4}"),
]


def build() -> tuple[list[dict], list[str]]:
    errors: list[str] = []
    records = []
    for n, e in enumerate(ENTRIES):
        text = e["text"]
        where = f"entry#{n} ({text[:30]!r})"
        if e["style"] not in STYLES:
            errors.append(f"{where}: bad style {e['style']!r}")
        spans = []
        for spec in e["span_specs"]:
            try:
                spans.append(resolve(text, spec, where))
            except ValueError as exc:
                errors.append(str(exc))
        spans.sort(key=lambda s: (s["start"], s["end"]))
        for sp in spans:
            if sp["label"] not in LABELS:
                errors.append(f"{where}: bad label {sp!r}")
            if text[sp["start"] : sp["end"]] != sp["text"] or sp["text"] != sp["text"].strip():
                errors.append(f"{where}: bad span {sp!r}")
        for a, b in zip(spans, spans[1:], strict=False):
            if b["start"] < a["end"]:
                errors.append(f"{where}: overlapping {a!r} {b!r}")
        strings = {sp["text"] for sp in spans}
        for sp in spans:
            if sp["label"] == P:
                strings.update(t for t in re.findall(r"\w+", sp["text"]) if len(t) >= 2)
        for s in sorted(strings):
            for st in wb_occurrences(text, s):
                if not covered(spans, st, st + len(s)):
                    errors.append(f"{where}: unannotated occurrence of {s!r} at {st}")
        decoy_ranges = []
        for d in e["decoys"]:
            occ = wb_occurrences(text, d)
            if not occ:
                errors.append(f"{where}: decoy {d!r} not in text")
            for st in occ:
                decoy_ranges.append((st, st + len(d)))
                if any(sp["start"] < st + len(d) and st < sp["end"] for sp in spans):
                    errors.append(f"{where}: decoy {d!r} overlaps a span")
        for pat in SUSPICIOUS:
            for m in pat.finditer(text):
                if not covered(spans, m.start(), m.end()) and not any(
                    a <= m.start() and m.end() <= b for a, b in decoy_ranges
                ):
                    errors.append(f"{where}: uncovered look-alike {m.group()!r}")
        if e["style"] == "no-diacritics" and not text.isascii():
            errors.append(f"{where}: no-diacritics text is not ASCII")
        records.append({"entry": e, "spans": spans, "where": where, "decoys": decoy_ranges})

    # a word that is (part of) a PERSON span anywhere must be annotated or a decoy everywhere
    person_words = {
        norm(t)
        for r in records
        for sp in r["spans"]
        if sp["label"] == P
        for t in re.findall(r"\w+", sp["text"])
        if len(t) >= 2
    }
    for r in records:
        text = r["entry"]["text"]
        for m in re.finditer(r"\w+", text):
            if norm(m.group()) not in person_words or covered(r["spans"], m.start(), m.end()):
                continue
            if any(a <= m.start() and m.end() <= b for a, b in r["decoys"]):
                continue
            errors.append(f"{r['where']}: {m.group()!r} is a PERSON word elsewhere")
    return records, errors


def main() -> int:
    records, errors = build()
    if errors:
        print(f"{len(errors)} validation errors:")
        for err in errors:
            print("  " + err)
        return 1
    out = []
    for n, r in enumerate(records, 1):
        e = r["entry"]
        out.append(
            {
                "id": f"h{n:03d}",
                "school": e["school"],
                "victim_name": e["victim_name"],
                "victim_class": e["victim_class"],
                "text": e["text"],
                "spans": [{k: s[k] for k in ("start", "end", "label", "text")} for s in r["spans"]],
                "style": e["style"],
                "is_spam": e["is_spam"],
            }
        )
    OUT_PATH.parent.mkdir(parents=True, exist_ok=True)
    with OUT_PATH.open("w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    with OUT_PATH.open(encoding="utf-8") as f:
        back = [json.loads(line) for line in f]
    for o in back:
        for s in o["spans"]:
            assert o["text"][s["start"] : s["end"]] == s["text"], (o["id"], s)
    labels = Counter(s["label"] for o in out for s in o["spans"])
    styles = Counter(o["style"] for o in out)
    print(f"wrote {OUT_PATH.name}: {len(out)} reports, " + " ".join(f"{k}={v}" for k, v in labels.items()))
    print("styles: " + " ".join(f"{k}={v}" for k, v in styles.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
