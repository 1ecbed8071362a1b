#!/usr/bin/env python3
"""Generate blind_reports.jsonl: a held-out evaluation set of fictional Czech
anonymous bullying reports with gold personal-data spans.

Written independently of the detector, only for scoring it. Every person,
phone number, e-mail, handle, account, birth number, address and plate below
is invented.

Markup in the source texts (stripped by this script):

    [[P:...]]  PERSON      [[C:...]]  CLASS
    [[K:...]]  CONTACT     [[I:...]]  ID
    {{...}}    decoy: a deliberate hard negative that must stay unlabelled

Checks: text[start:end] == span text, valid labels, no overlaps, no span
cutting a word, every word-boundary occurrence of an annotated string (and of
every word of a PERSON span) covered by a span or inside a decoy, every word
that is part of a PERSON span anywhere in the corpus covered or declared a
decoy wherever it appears (case- and diacritics-insensitive), regex
look-alikes of classes / phones / e-mails / handles / birth numbers / plates
covered, no-diacritics texts pure ASCII.

Run:  python3 make_blind_reports.py   (writes blind_reports.jsonl)
"""
import json
import os
import random
import re
import sys
import unicodedata
from collections import Counter

LABELS = {"P": "PERSON", "C": "CLASS", "K": "CONTACT", "I": "ID"}
STYLES = {"child-informal", "no-diacritics", "parent", "witness",
          "long-narrative", "chat-quote", "foreign-names", "spam"}
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_PATH = os.path.join(HERE, "blind_reports.jsonl")
SEED = 7713

ENTRIES = []


def R(style, school, victim_name, victim_class, text):
    ENTRIES.append({"style": style, "school": school,
                    "victim_name": victim_name, "victim_class": victim_class,
                    "marked": text.strip()})


# ---------------------------------------------------------------------------
# child-informal: pupils 10-14 (some older), obecná čeština, typos, slang
# ---------------------------------------------------------------------------

R("child-informal", "ZŠ Kolín, Ovčárecká 374", "Pepík Dvořák", "6.B", """
kluci ze [[C:sedmý bé]] zase zamkli [[P:Pepíka]] na hajzlu a řvali přes dveře [[P:PEPÍKUUU]] vylez ty smrade. nejvíc [[P:Vojta Hrubý]] a ten jeho kámoš co mu řikaj [[P:Šíma]]. [[P:pepík]] tam byl celou velkou přestávku a pak brečel v šatně. řekla sem to třídní a ta řekla ať nejsem na kluky {{hrubý}} já 🙄
""")

R("child-informal", "ZŠ Třinec, Koperníkova 696", "", "", """
novaka zase zbili za tělocvičnou. tentokrát [[P:novaka]] z [[C:6.c]] ne toho staršího. dělá to [[P:Dominik Vrána]] a jeho ségra taky chodí pokřikovat. [[P:vrána]] mu vzal boty a hodil je do popelnice u {{Lidlu}}. prosim udělejte něco
""".replace("novaka zase", "[[P:novaka]] zase"))

R("child-informal", "ZŠ Příbram, Jiráskovy sady 273", "Áďa", "5.A", """
[[P:Áďu]] holky nepouštěj do šatny a řikaj že smrdí. hlavně [[P:Majda]] a [[P:Bára Kočková]]. [[P:Bářin]] brácha to natáčí na mobil a dává to na tiktok pod nickem [[K:@barak_the_king]]. [[P:Áďa]] je moje nejlepší kamarádka a už nechce chodit do školy
""")

R("child-informal", "ZŠ Most, Zlatnická 186", "Kubíček", "4.C", """
spolužák [[P:Kubíček]] (tak mu řikaj i učitelky) je malej a kluci ho zvedaj a věšej za mikinu na věšák. [[P:Kubovi]] se to nelíbí ale směje se aby to nebylo horší. je to hlavně [[P:Matyáš Kos]] z [[C:5.b]]. viděla sem to já a taky [[P:Ema]]
""")

R("child-informal", "ZŠ Beroun, Preislerova 1335", "tomas", "7.A", """
[[P:Tomášku]] ty jsi teplej!!! tohle mi píšou furt do zpráv. nevim kdo to je ale myslim že [[P:Radek Zima]] protože to samý řiká ve škole. {{je zima}} a já chodim ven o přestávce jen abych nebyl ve třídě s nima
""")

R("child-informal", "ZŠ Kutná Hora, Jana Palacha 166", "Eva", "6.A", """
[[P:Eva]] sedí sama v lavici protože s ní nikdo nechce sedět. [[P:Simona Lišková]] řekla že kdo si k [[P:Evě]] sedne ten je taky socka. viděla sem jak [[P:Evu]] strčila na schodech. pani učitelka [[P:Bednářová]] neni nikdy na chodbě
""")

R("child-informal", "ZŠ Písek, Tylova 2313", "Ota Malý", "8.B", """
dělá si ze mě prdel celá třída kvůli tomu že se jmenuju [[P:Ota]]. řikaj mi dědo a [[P:Otíku]] ty vole kde máš hůl. nejhorší je [[P:Lukáš Beneš]] ten mi včera schoval brýle. od [[P:Lukáše]] to je každej den. a ještě [[P:Benešova]] holka mi napsala na instáč že sem {{malý}} {{hnusný}} dědek
""")

R("child-informal", "ZŠ Tábor, Husova 1010", "Max", "5.C", """
[[P:maxe]] mlátěj dva kluci z [[C:devátý á]] ([[P:Filip]] a [[P:Kryštof]]) vždycky když jde na autobus. [[P:Max]] je můj brácha ale chodí do jiný třídy. [[P:Filipovi]] to je jedno že je malej
""")

R("child-informal", "ZŠ Kladno, Školská 1701", "", "6a", """
ahoj chci nahlasit ze [[P:Šimon]] a [[P:Kačka]] z [[C:6a]] pisou na [[P:Adélu]] do skupiny "[[C:6a]] bez ucitelu" ze je tlusta krava. [[P:Adéla]] to cetla a brecela na zachode
""")

R("child-informal", "ZŠ Vyškov, Nádražní 5", "Ema Kočková", "6.C", """
furt mi řikaj {{kočičko}} a mňoukaj když jdu kolem protože se jmenuju [[P:Kočková]]. začal s tím [[P:Patrik]] ze [[C:šestý cé]] a teď to dělaj všichni. [[P:patrikovi]] to přijde vtipný. já už nemůžu
""")

R("child-informal", "ZŠ Kroměříž, Slovan 3768", "Bára", "7.B", """
[[P:Báru]] natočili v šatně jak se převlíká. udělal to [[P:Vojtěch Liška]] a poslal to klukum. [[P:Liškovi]] bydlej u nás v baráku a jeho máma řekla že si to vymýšlim. video má u sebe i [[P:Ondra]], jeho discord je [[K:ondrej_k#5512]]
""")

R("child-informal", "ZŠ Rakovník, Tyršova 1750", "Vojta", "5.A", """
VOJTA JE DEBIL. tohle napsali na tabuli a pak na lavici. psala to [[P:Klára]] a [[P:Natálka]] protože se [[P:Vojtovi]] smějou že nosí furt stejný tepláky. [[P:vojta]] za to nemůže že nemaj peníze
""".replace("VOJTA JE", "[[P:VOJTA]] JE"))

R("child-informal", "ZŠ Havířov, Gorkého 1", "Mája", "4.A", """
[[P:Majda Svobodová]] mě štípe pod lavicí a pak řiká že nic. [[P:Svobodovou]] paní učitelka nikdy nevidí. minule mi taky vzala svačinu
""")

R("child-informal", "ZŠ Ústí nad Labem, Vinařská 6", "svoboda", "7.C", """
[[P:svobodu]] zase zmlátili. [[P:svoboda]] je v naší třídě a je hodnej. kluci z [[C:8 c]] mu řikaj {{Špekoun}} a berou mu mobil. jeden z nich je [[P:Tadeáš]] a druhej [[P:Hynek]]. už sem to chtěl říct ale bojim se že mě taky
""")

R("child-informal", "ZŠ Chomutov, Kadaňská 2334", "lukas", "6.B", """
[[P:Lukáš Tichý]] mi dal pěstí do břicha protože sem mu nedal opsat. ve třídě bylo {{ticho}} a nikdo nic neřek. stalo se to v úterý v matice. kluci se pak smáli a [[P:Tichého]] ještě poplácali po zádech
""")

R("child-informal", "ZŠ Jablonec nad Nisou, Pasířská 72", "Nela", "5.B", """
je mi {{11 a}} ségra říkala ať to napíšu sem. holka [[P:Viky]] ze třídy mi pořád tahá za vlasy a řiká že sem cigánka. moje máma je z Indie a já sem se narodila tady. [[P:Vikyna]] kamarádka [[P:Julča]] se přidává
""")

R("child-informal", "ZŠ Sokolov, Pionýrů 1758", "Kuba", "4.B", """
kluci z [[C:pátý á]] mi zničili kolo. [[P:Kuba Holub]] mi vypustil kola a [[P:Holubův]] kámoš mi ukrad zvonek. {{holub}} taky kadí na naše kolárny ale to je jedno. chci aby mi to zaplatili
""")

R("child-informal", "ZŠ Karviná, Mírová 1442", "", "", """
Nechci psát jméno. Někdo ze třídy mi píše z fake účtu [[K:@nikdo_te_nema_rad_99]] že se mám zabít. Myslím si že je to [[P:Sára]] nebo [[P:Denisa]], protože jenom ony věděly o tom co se stalo na táboře. Prosím pomozte.
""")

R("child-informal", "ZŠ Náchod, Plhovská 1997", "David Procházka", "6.B", """
[[P:Procházka]] je můj spolužák a kluci ho o přestávce vodí na {{procházku}} za ruce jak psa a štěkaj. nejvíc [[P:Marek]] a [[P:Tonda]]. [[P:Davidovi]] to vadí ale nic neřekne
""")

R("child-informal", "ZŠ Uherské Hradiště, Sportovní 777", "", "7.b", """
v [[C:7.b]] je kluk co mu všichni řikaj {{Krysa}} a on se jmenuje [[P:Jindra]]. [[P:Jindrovi]] kradou svačiny a rozšlapávaj je. tohle je už měsíc. já jsem z [[C:7.a]] ale vidim to na chodbě
""")

R("child-informal", "ZŠ Trutnov, Komenského 399", "Julie", "5.A", """
[[P:J u l i e]] je prej šereda a tak jí to napsali na záda fixou. nevim kdo to byl ale fixu měl [[P:Honzík Veselý]]. {{veselý}} to fakt nebylo
""")

R("child-informal", "ZŠ Louny, Prokopa Holého 2419", "Kája", "6.A", """
holky z naší třídy mi založily skupinu "[[P:Kája]] je zombík" a dávaj tam moje fotky. admin je [[P:Terezka Bílá]], na ig je [[K:terka.bila09]]. ještě tam píše [[P:Nikča]] a [[P:Emička]]. mám na sobě na fotce tu {{bílou}} bundu a oni mi ji dokreslily blití
""")

R("child-informal", "ZŠ Žďár nad Sázavou, Palachova 35", "", "5.C", """
[[P:Kuby]] se bojim. řiká že mě počká za školou a zbije mě. už nechodim ani na hřiště s [[P:Kubou]] a [[P:Kubovou]] partou. [[P:Kuba]] je ve [[C:5.c]] a je velkej. už to řekl třikrát
""")

R("child-informal", "ZŠ Hodonín, U Červených domků 40", "Anička", "4.A", """
[[P:Aničce]] spolužačky trhaj sešity. paní učitelko [[P:Marková]] prosím řekněte jim to. [[P:Anička]] pak doma brečí říkala mi to její máma
""")

R("child-informal", "ZŠ Šumperk, Vrchlického 22", "Sebastián", "7.C", """
[[P:Sebík]] z naší třídy mi zveřejnil číslo na tiktoku a teď mi volaj cizí lidi na [[K:739 204 118]]. napsal tam že sem gay a ať mi volaj. [[P:Sebastián Kříž]] se jmenuje celym jmenem a jeho tiktok je [[K:@sebik_kriz]]. nemůžu to číslo zrušit protože mi ho platí mamka
""")

R("child-informal", "ZŠ Mělník, Jungmannova 2656", "Daniel Beran", "8.A", """
na hřišti mě furt shazujou na zem a řikaj mi {{berane}} a mečej. jako že sem [[P:Beran]]. nejvíc [[P:Jakub Novotný]] a [[P:Novotnej]] má ještě dva kámoše z [[C:9.A]]. jednou mi rozbili mobil
""")

R("child-informal", "ZŠ Havlíčkův Brod, Konečná 1884", "Zuzka", "6.B", """
pomoct!! [[P:Zuzanu]] spolužáci pořád šikanujou. [[P:Zuzka]] je tichá a nikomu nic nedělá. holky jí řikaj {{myš}}. největší je [[P:Lenka]] a [[P:Lenčina]] mamka je u nás ve škole kuchařka takže se jí nic nestane
""")

R("child-informal", "ZŠ Klatovy, Čapkova 126", "", "", """
ten kluk co mu řikaj {{Prase}} neni nikdo z nás ale mi ho tak voláme. on se jmenuje [[P:Pavlík]] a chodí do [[C:4.b]]. já jsem mu řek že se omlouvam ale kluci ho dál šikanujou
""")

R("child-informal", "ZŠ Nymburk, Tyršova 11", "Vítek Zajíc", "5.B", """
[[P:Zajíce]] (kluk ze třídy) honěj po hřišti a řikaj {{ušáku}} skákej. [[P:Vítek]] se bojí. nejhorší je [[P:Mates]] co vždycky začne
""")

R("child-informal", "ZŠ Jeseník, Nábřežní 143", "Eliška", "3.A", """
mě se nelíbí že [[P:Stela]] ze třídy řiká že moje máma je chudá. [[P:Stelu]] to baví. píše Eliška 3.A
""".replace("píše Eliška 3.A", "píše [[P:Eliška]] [[C:3.A]]"))

R("child-informal", "ZŠ Svitavy, T. G. Masaryka 27", "Filip", "6.C", """
[[P:Filipe]] ty vole ty si takovej looser!! to mi napsal [[P:Adam]] na discordu kde má nick [[K:adamek2012]]. pak mě vyhodil ze serveru našeho a řek všem ať se se mnou nebavěj. dělá si prdel furt
""")

R("child-informal", "ZŠ Břeclav, Komenského 2", "Šárka", "8.C", """
[[P:Šárka]] má na tiktoku video jak tancuje a holky z [[C:osmý cé]] ho sdílej s posměšnejma komentářema. [[P:Šárčino]] video má už 20k a jsou tam fakt hnusný věci. nejvíc píše [[P:Kristýna Horká]] ([[K:@krisss.h]]).
""")

R("child-informal", "ZŠ Rychnov nad Kněžnou, Javornická 1596", "Míša", "4.A", """
[[P:Míšovi]] kluci schovali aktovku na střechu garáže. na garáži sedí {{vrána}} a kluci řikali že tam aktovku dala ona 😂 ale byl to [[P:Richard]] a [[P:Ríša]] z vyšší třídy (to sou dva různí kluci)
""")

R("child-informal", "ZŠ Litoměřice, Boženy Němcové 2", "", "", """
nejsem si jistej jestli to je šikana. [[P:Ondřej Kovář]] mě vždycky na chodbě kopne do tašky. [[P:Kovářovi]] to přijde jako sranda. jednou mi rozbil kalkulačku
""")

R("child-informal", "ZŠ Pelhřimov, Komenského 1326", "Natka", "7.A", """
[[P:natku]] holky pořád pomlouvaj že kradla v {{Albertu}}. neni to pravda. vymyslela to [[P:Kamila Dlouhá]] protože [[P:Natka]] chodí s jejím bejvalým [[P:Kryšpínem]]. ps je to uz {{dlouhá}} doba co to trvá
""")

# ---------------------------------------------------------------------------
# no-diacritics: pure ASCII, typed on phones without a Czech keyboard
# ---------------------------------------------------------------------------

R("no-diacritics", "ZŠ Prostějov, Palackého 14", "petr novak", "7.C", """
[[P:P3tr N0vak]] z [[C:7.c]] je ten kdo to zacal. pise mi to tak aby ho nikdo nenasel ale ja vim ze je to on. [[P:petr]] ma stejny profil jako jeho bratr [[K:novakpetr.official]] a posila mi tam fotky me mamy s posmeskama. [[P:novak]] si mysli ze je chytrej
""")

R("no-diacritics", "ZŠ Nový Jičín, Komenského 68", "", "8.b", """
dobry den chtela bych nahlasit ze v [[C:8.b]] sikanujou [[P:Terezu Machovou]]. [[P:Tereza]] uz tri dny neprisla do skoly. holky ji napsaly ze kdyz prijde tak ji ostrihaj vlasy. hlavne [[P:Veronika Stastna]] a [[P:Nikola Pekarova]]. {{stastna}} z toho urcite neni ani jedna z nas
""")

R("no-diacritics", "ZŠ Frýdek-Místek, 1. máje 1000", "Jirka", "6.A", """
JIRKU Z 6.A ZAMKLI V KABINETU!!! [[P:JIRKA]] TAM BYL DO KONCE HODINY A NIKDO HO NEHLEDAL. UDELAL TO [[P:PATRIK ZIMA]] A [[P:MARTIN SKALA]]. PROSIM POTRESTEJTE JE UZ TO DELAJ PO TRETI
""".replace("JIRKU Z 6.A", "[[P:JIRKU]] Z [[C:6.A]]"))

R("no-diacritics", "ZŠ Opava, Ochranova 6", "hanka", "5.b", """
ahoj ja jsem [[P:hanka]] a kluci mi rikaj ze jsem tlusta prasnice. [[P:kuba sladek]] mi nalil vodu do batohu a [[P:sladkovi]] se vsichni smali. [[P:hance]] uz je to jedno rika mamka ale mne neni
""")

R("no-diacritics", "ZŠ Olomouc, Heyrovského 33", "Dominik", "9.A", """
[[P:D.o.m.i.n.i.k]] ma byt mrtvej. tohle nekdo napsal na zed na zachodech a podepsal se jako [[P:K.R.]] . vsichni vi ze to je [[P:Karel Rousek]] z [[C:9.b]] protoze se s [[P:Dominikem]] porad hadaj kvuli [[P:Lucce]]
""")

R("no-diacritics", "ZŠ Zlín, Křiby 4788", "", "", """
pls pomozte kamaradce. [[P:Verca]] ma problem s [[P:Marcelem]] z devitky, on ji posila nahy fotky a chce po ni to samy. ma jeho cislo [[K:604 918 227]] a kdyz ho zablokuje tak pise z jinyho. [[P:Verce]] je 13
""")

R("no-diacritics", "ZŠ Brno, Bakalovo nábřeží 8", "Vaclav", "8.C", """
vasek je v nasi tride a kluci ho strkaj do skrinek. [[P:vaska]] uz jednou zavreli do skrinky na celou hodinu. ja jsem z ty tridy taky ale nechci aby vedeli ze jsem to psal. [[P:Dvoracek]] a [[P:Krejci]] z [[C:8.C]] jsou nejhorsi
""".replace("vasek je v", "[[P:vasek]] je v"))

R("no-diacritics", "ZŠ Karlovy Vary, Poštovní 19", "Ela", "4.A", """
[[P:ela]] nechce chodit na obedy protoze ji tam [[P:Kristina]] vzdycky vysype talir na zem. [[P:Kristinina]] mama je ucitelka tak se nic nedeje. jsem [[P:Elina]] sestra
""")

R("no-diacritics", "Gymnázium Cheb, Nerudova 7", "Martina", "tercie", """
v tercii jsme dve ktery se o prestavce nemaj s kym bavit. holky nas pomlouvaj na ig ve skupine "tercie slay". nejvic pise [[P:Klara Sovova]] ([[K:@klarasova.x]]). [[P:Klare]] je jedno ze to cteme. jeji kamaradka [[P:Dasa]] dava screeny z naseho chatu
""".replace("v tercii jsme", "v [[C:tercii]] jsme").replace('"tercie slay"', '"[[C:tercie]] slay"'))

R("no-diacritics", "ZŠ Děčín, Máchovo nám. 14", "Ondra", "7.a", """
ondru kluci nutej aby jim kupoval energitaky v {{Penny}}. kdyz nekoupi tak ho kopou. ten hlavni je [[P:Sebastian Hora]] ze [[C:sedmy a]] a je uz propadlej takze je velkej. [[P:Hora]] bydli na [[I:Komenskeho 45]], jeho tata ma auto [[I:4U2 7781]] a voziho pred skolu
""".replace("ondru kluci", "[[P:ondru]] kluci"))

R("no-diacritics", "ZŠ Teplice, Buzulucká 392", "Max Kocka", "6.C", """
[[P:maxi]] ty jsi gay!!! tohle na nej rvou kluci. [[P:max]] je muj kamos. nejvic [[P:Tobias]] a [[P:Roman Kovac]]. oba sou ze [[C:6.c]] jako my. [[P:Kockovi]] (jeho rodice) uz byli za reditelem
""")

R("no-diacritics", "ZŠ Kopřivnice, Alšova 1123", "", "", """
dobry den, na skole je kluk z devitky co prodava vapy mladsim klukum a kdyz nezaplatej tak je bije. jmenuje se [[P:Jan Sevcik]] a rikaj mu [[P:Sevca]]. jeho insta je [[K:@sevca_vapes]] a tam to prodava. bere platby na ucet [[I:2401938475/2010]]
""")

R("no-diacritics", "ZŠ Orlová, Mládežnická 860", "Gabi", "5.A", """
gabce rikaj holky ze je ufon. [[P:gabi]] ma rovnatka a je nejmensi. [[P:Lucie Mala]] a [[P:Sara]] ji schovavaj veci. {{mala}} jsem taky ale mi nic nedelaj
""".replace("gabce rikaj", "[[P:gabce]] rikaj"))

R("no-diacritics", "ZŠ Bruntál, Jesenická 10", "Matej", "8.A", """
[[P:M a t e j]] je buzna. takhle to nekdo napsal do spolecnyho dokumentu tridy na googlu. historie ukazuje ze to byl ucet [[K:filip.pokorny2011@gmail.com]]. [[P:Filip]] rika ze mu nekdo ukradl heslo
""")

R("no-diacritics", "ZŠ Vsetín, Rokytnice 436", "", "7.B", """
proc nikdo nic nedela. [[P:Jakuba]] z [[C:7.B]] kazdej den nekdo zmlati. [[P:Jakub]] ma modriny a rika ze spadl. vsichni vi ze to je [[P:Kevin]] a [[P:Denis]] a jejich parta od nadrazi
""")

R("no-diacritics", "ZŠ Valašské Meziříčí, Šafaříkova 726", "Agata", "4.B", """
ja jsem [[P:Agata]] a [[P:Lily]] mi rekla ze nejsem pozvana na jeji oslavu protoze jsem divna. pak pozvala celou tridu krome me. [[P:Lilly]] to napsala i do skupiny
""")

# ---------------------------------------------------------------------------
# chat-quote: pasted chat transcripts
# ---------------------------------------------------------------------------

R("chat-quote", "ZŠ Praha 4, Mendelova 550", "Kuba", "7.A", """
posilam co nam pisou ve skupine:
[21:14] [[P:Kuba]]🔥: kdo jde zitra na [[P:Štěpu]]
[21:14] [[P:Marty]]: ja jdu 😂 vezmu telefon at to mame
[21:15] [[P:Kuba]]🔥: [[P:Štěpáne]] tobe je jasny co te ceka 💀
[21:16] [[P:Štěpán]]: nechte me bejt
[21:16] [[P:Marty]]: 🐷🐷🐷
tohle je asi tak kazdej vecer. [[P:Štěpán Vlk]] je muj spoluzak v [[C:7.A]]
""")

R("chat-quote", "ZŠ Ostrava-Zábřeh, Březinova 52", "Daryna", "6.B", """
holky z naší třídy píšou o [[P:Daryně]] tohle (je z Ukrajiny):
[[P:Nikolka]] 💅: ať si jede zpátky
[[P:Týna]]: [[P:Darka]] zase nerozumí zadání haha
[[P:Nikolka]] 💅: [[P:Дарина]] ахахах
[[P:Týna]]: pošli to [[P:Sofče]] ať to dá do storíčka
a pak to fakt dala na insta. [[P:Daryna]] to viděla
""")

R("chat-quote", "ZŠ Praha 10, Karla Čapka 3", "", "8.B", """
screen z discordu:
[[K:xXdestroyerXx#0042]]: hele ten [[P:Oskar]] z [[C:osmý bé]] je úplně retardovanej
[[K:pepa.z]]: jj 😂😂 [[P:Oskare]] jestli tohle čteš tak se zabij
[[K:xXdestroyerXx#0042]]: dáme jeho adresu sem [[I:Sokolovská 88]]
[[K:pepa.z]]: lol
ten [[K:pepa.z]] je [[P:Pepa Zelenka]] a ten první nevim. [[P:Oskar]] je v mý třídě
""")

R("chat-quote", "ZŠ Hradec Králové, Pouchovská 5", "Lenka", "5.C", """
[18:02] mamka: [[P:Leni]] kde jsi
[18:10] [[P:Lenka]]: holky mi vzaly mobil a nechtěj ho vrátit
[18:10] mamka: ktery holky
[18:11] [[P:Lenka]]: [[P:Klaudie]] a [[P:Monča]] z [[C:5.c]]
posílám to jako máma, [[P:Lenička]] mi to dovolila
""")

R("chat-quote", "Gymnázium Kladno, nám. Edvarda Beneše 1573", "Tobiáš", "kvarta B", """
tohle mi psali na whatsapp (ta skupina se jmenuje "[[C:kvarta B]] bez [[P:Tobiho]]"):
[[P:Alex]]: ať se [[P:Tobiáš]] ani neukazuje na lyžáku
[[P:Marek]]: [[P:Tobi]] je snitch
[[P:Alex]]: kdo mu dá pěstí dostane ode mě 100
[[P:Šimon]]: 😂 já
""")

R("chat-quote", "ZŠ Tachov, Zárečná 1305", "Ema", "7.C", """
[[P:Matěj]] (21:40): [[P:emo]] ty seš tak hnusná že ani tvoje máma tě nemá ráda
[[P:Matěj]] (21:41): pošli nahý fotky jinak to všem řeknu
[[P:Ema]] (21:45): nech mě
[[P:Matěj]] (21:46): tak jo 😈 [[K:@matej.kral_]] už to ví všichni
to je z instagramu. [[P:Ema]] je moje sestřenice
""")

R("chat-quote", "ZŠ Pardubice, Prodloužená 283", "", "", """
[9:12] ᴛᴇʀᴋᴀ: kdo to je ta nová
[9:12] [[P:Ilona]]: nějaká [[P:Mia]] z [[C:6.D]]
[9:13] ᴛᴇʀᴋᴀ: vypadá jak {{opice}} lol
[9:13] [[P:Ilona]]: dáme ji do skupiny a pak ji vyhodíme 😂
[[P:Mia]] mi to ukázala brečela
""".replace("ᴛᴇʀᴋᴀ", "[[P:ᴛᴇʀᴋᴀ]]"))

R("chat-quote", "ZŠ Jihlava, Nad Plovárnou 5", "Bohdan", "8.A", """
skupina "kluci 8.A":
[20:01] [[P:Adam Rys]]: [[P:Bohdane]] vrat se do rusaka
[20:01] [[P:Bohdan]]: ja jsem z ukrajiny
[20:02] [[P:Vilém]]: 🤣🤣 same shit
[20:03] [[P:Adam Rys]]: zitra te cekame u [[P:Sportisima]]
""".replace('"kluci 8.A"', '"kluci [[C:8.A]]"').replace("[[P:Sportisima]]", "{{Sportisima}}"))

R("chat-quote", "ZŠ Benešov, Jiráskova 888", "Vendy", "6.A", """
ze snapu ([[K:vendy_xo]] je moje ségra):
[[K:lucy.k2013]]: [[P:Vendo]] ty bys měla zhubnout
[[K:lucy.k2013]]: nikdo tě nechce 💀💀
[[K:vendy_xo]]: proč mi to píšeš
[[K:lucy.k2013]]: protože můžu 😘
[[K:lucy.k2013]] je [[P:Lucie Krátká]] z [[C:6.A]]
""")

R("chat-quote", "ZŠ Zlín, Dřevnická 1790", "Ilja", "9.C", """
[22:31] [[P:Ilja]]: proč ste mě vyhodili
[22:31] [[P:Вова]]: бо ти стукач
[22:32] [[P:Robin]]: jo [[P:Iljo]] seš bonzák
[22:32] [[P:Вова]]: завтра побачиш
[[P:Vova]] je [[P:Volodymyr]] z [[C:9.C]], píše azbukou aby učitelé nerozuměli. [[P:Ilja]] je můj kamarád
""")

# ---------------------------------------------------------------------------
# parent: formal letters, full names, contacts, addresses
# ---------------------------------------------------------------------------

R("parent", "ZŠ a MŠ Praha 6, Emy Destinnové 3", "Vojtěch Slabý", "5.B", """
Dobrý den,

obracím se na Vás jako otec žáka [[P:Vojtěcha Slabého]] ze třídy [[C:5.B]]. Již od září je můj syn terčem posměchu spolužáka [[P:Dominika Fialy]], který ho opakovaně nazývá „{{slaboch}}" a tahá ho za batoh po chodbě. Třídní učitelka Mgr. [[P:Ivana Šebestová]] byla informována dvakrát, bez výsledku. Žádám o schůzku. Jsem k zastižení na čísle [[K:+420 602 771 340]] nebo na e-mailu [[K:m.slaby@centrum.cz]].

S pozdravem
[[P:Miroslav Slabý]]
""")

R("parent", "ZŠ Liberec, Husova 142", "Terezka", "3.C", """
Dobrý den, píšu za dceru [[P:Terezku Pokornou]] ([[C:3.C]]). Spolužačka [[P:Amálie]] jí každý den bere svačinu a vyhrožuje, že když to řekne, nebude s ní nikdo kamarádit. Dcera má bolesti břicha a nechce ráno vstávat. Prosím o prošetření. [[P:Jana Pokorná]], tel. [[K:777/318/905]]
""")

R("parent", "ZŠ Brno, Jihomoravské nám. 2", "Adam Vrba", "7.A", """
Vážená paní ředitelko,

dovoluji si Vás upozornit na situaci v [[C:VII.A]]. Můj syn [[P:Adam Vrba]], nar. 14. 3. 2013, r. č. [[I:130314/5528]], byl dne 12. 11. napaden třemi spolužáky v šatně tělocvičny. Jmenovitě jde o [[P:Jakuba Vrbického]], [[P:Ondřeje Mazánka]] a [[P:Tomáše Vlčka]]. Adam utrpěl pohmožděninu žeber, lékařská zpráva od MUDr. [[P:Hany Kořínkové]] je k dispozici. Žádám o písemné vyjádření školy do 14 dnů.

[[P:Ing. Petra Vrbová]]
[[I:Masarykova 1204/7]], Brno
""".replace("[[P:Ing. Petra Vrbová]]", "Ing. [[P:Petra Vrbová]]").replace("Adam utrpěl", "[[P:Adam]] utrpěl"))

R("parent", "ZŠ Kladno, Moskevská 2929", "Natálie", "6.C", """
Dobrý den, jsem maminka [[P:Natálky]] ze [[C:šesté cé]]. Na Instagramu existuje účet [[K:@natalie_je_kráva]], kde někdo zveřejňuje fotky mojí dcery s vulgárními popisky. Dcera si myslí, že za tím stojí [[P:Denisa Rybová]] a její kamarádka [[P:Gábina]]. Nahlásili jsme účet na {{Instagramu}}, zatím bez reakce. Kontakt: [[K:rybova.hater(at)seznam.cz]] - to je e-mail, ze kterého nám přišla anonymní zpráva, posílám pro úplnost. Můj je [[K:zuzana.cervinkova(at)email.cz]].

[[P:Zuzana Červinková]]
""")

R("parent", "Gymnázium Písek, Komenského 89", "Kristián", "sexta", """
Dobrý den,
náš syn [[P:Kristián Moravec]] studuje v [[C:sextě]] a od loňska je šikanován skupinou spolužáků vedenou [[P:Robertem Linhartem]]. Ti mu v hodinách tělesné výchovy házejí míče do obličeje a pan profesor [[P:Kubíček]] to přechází se slovy, že to k tomu patří. Syn začal chodit k psycholožce. Prosím Vás o důvěrné řešení.
[[P:Markéta Moravcová]], [[K:731 209 448]]
""")

R("parent", "ZŠ Uherský Brod, Mariánské nám. 41", "Štěpánka", "4.A", """
dobrý den, moje dcera [[P:Štěpánka]] mi řekla že ji spolužák [[P:Radim Kočka]] kope pod lavicí a říká jí že je hnusná. Mluvila jsem s paní učitelkou [[P:Zedníkovou]] a ta mi řekla, ať to neřeším, že {{kluci jsou kluci}}. To mi nepřijde normální. [[P:Kočkovi]] bydlí naproti nám a jejich syn na moji dceru pokřikuje i venku. {{líná jak kočka}} jsem nebyla, řešila jsem to hned.
""".replace("{{líná jak kočka}} jsem nebyla, řešila jsem to hned.", "Nechci, aby to vypadalo, že jsem {{líná jak kočka}}, řešila jsem to hned."))

R("parent", "ZŠ Ostrava, Gajdošova 9", "Ondřejek", "2.B", """
Dobrý den. Náš [[P:Ondřejek]] je ve [[C:2.B]] a chodí domů s roztrhanými sešity. Prý mu je trhá [[P:Sebastián]] ze stejné třídy. Sebastiánova maminka to odmítá. Jsme z toho zoufalí. [[P:Eva]] a [[P:Karel Musilovi]], [[K:+420 608 551 227]]
""".replace("Sebastiánova maminka", "[[P:Sebastiánova]] maminka"))

R("parent", "ZŠ Tábor, Zborovská 2696", "Lan", "6.A", """
Dobrý den, jmenuji se [[P:Nguyen Thi Hoa]] a moje dcera [[P:Lan]] ([[P:Nguyen Thi Lan]]) chodí do [[C:6.A]]. Spolužáci jí říkají {{čongová}} a dělají si legraci z našeho obchodu. Jeden chlapec, [[P:Hugo Sýkora]], jí řekl, že smrdí rybou. Moc prosím pomoc. Telefon [[K:773 402 119]].
""".replace("[[P:Lan]] ([[P:Nguyen Thi Lan]])", "[[P:Lan]] (celým jménem [[P:Nguyen Thi Lan]])"))

R("parent", "ZŠ Mladá Boleslav, Komenského nám. 25", "Honzík", "3.A", """
Dobrý den, syn [[P:Honzík Kratochvíl]] je mladší než spolužáci a třída se mu smějí. [[P:Honzíkovi]] ukradli bundu z šatny. Bunda byla zn. {{Reima}}, tmavě modrá. Paní vychovatelka [[P:Lucie Novotná]] o tom ví. Prosím o pomoc. Kontakt [[K:honza.kratochvil.st@seznam.cz]]
""")

R("parent", "SPŠ Brno, Purkyňova 97", "Michal", "2.M", """
Dobrý den, jsem otec studenta [[P:Michala Doubravy]] ze třídy [[C:2.M]]. Spolužák [[P:Ivo Šindelář]] na mého syna opakovaně útočí, naposledy mu o přestávce rozbil notebook. Požaduji náhradu škody. Číslo účtu pro úhradu: [[I:19-2000145399/0800]]. Jsem k dispozici na [[K:724-336-901]].
[[P:Pavel Doubrava]], [[I:Palackého 56]], Brno-Královo Pole
""")

R("parent", "OA Praha 2, Resslova 5", "Kateřina", "3.EB", """
Dobrý den, moje dcera [[P:Kateřina Štěpánková]] ([[C:3.EB]]) byla natočena, jak pláče na toaletě, a video koluje mezi studenty. Podle ní ho natočila [[P:Aneta Hladká]] ze třídy [[C:3.EA]]. Kontaktovali jsme třídního učitele Ing. [[P:Bohuslava Vojáčka]], ale ten tvrdí, že se to stalo mimo vyučování. Prosím o pomoc. [[P:Martina Štěpánková]], [[K:martina.stepankova@post.cz]]
""")

R("parent", "ZŠ Písek, Svobody 2", "Matěj", "8.A", """
Dobrý den, píši znovu. Od mé poslední zprávy se nic nezměnilo. [[P:Matěje]] dál ponižují, dnes mu [[P:Brabcovi]] kluci (oba bratři z [[C:8.A]]) strčili hlavu do záchodu. Paní ředitelka [[P:Holubová]] mi neodpovídá na e-maily. Pokud se nic nestane do pátku, obrátím se na OSPOD a Policii ČR. [[P:Alena Tomková]], matka.
""")

R("parent", "ZŠ Jindřichův Hradec, Janderova 160", "Elen", "5.A", """
Dobrý den, dcera [[P:Elen]] má na telefonu zprávy z čísla [[K:+420 792 510 006]], kde jí někdo píše, že ví, kde bydlí ([[I:Nežárecká 58]]), a že ji počká. Dcera to číslo nezná, myslí si ale, že je to bratr spolužačky [[P:Valerie]]. Zprávy jsme uložili. [[P:R. Horáčková]]
""")

R("parent", "ZŠ Prachatice, Zlatá stezka 240", "Alžběta", "7.B", """
Vážená paní učitelko [[P:Kalousová]], dcera [[P:Bětka]] se mi svěřila, že jí spolužačky na výletě hodily mobil do rybníka a natočily to. Byla to podle ní [[P:Anna Zimová]] a [[P:Zimové]] kamarádky. Nechci dělat zbytečné potíže, ale telefon stál 6 000 Kč. Děkuji. [[P:Alena Procházková]]
""")

R("parent", "ZŠ Havlíčkův Brod, V Sadech 560", "Lukáš", "6.B", """
Dobrý den. Syn [[P:Lukáš]] byl opakovaně bit spolužákem [[P:Mykolou Tkačukem]]. Chápu, že je chlapec z Ukrajiny a prožil válku, ale můj syn má modřiny. Mluvil jsem i s jeho maminkou, paní [[P:Tkačukovou]], která mluví málo česky. Prosím o řešení i s tlumočníkem. [[P:Josef Hanák]], [[K:606 117 240]]
""")

R("parent", "ZŠ Chrudim, Dr. Malíka 958", "Beáta", "9.B", """
Dobrý den, posílám za dceru [[P:Beátu Skálovou]] informace o kyberšikaně. Účet na TikToku [[K:@beata.skala.fake]] zveřejnil její ISIC kartu včetně čísla [[I:S 420 312 007 445 B]] a adresy. Dcera se bojí. Správce účtu je podle dcery [[P:Oliver Janda]]. Přikládám i SPZ auta, ze kterého na ni někdo pokřikoval před školou: [[I:2E4 1130]].
[[P:Ivana Skálová]]
""")

# ---------------------------------------------------------------------------
# witness: classmates, older pupils, staff
# ---------------------------------------------------------------------------

R("witness", "ZŠ Praha 5, Kořenského 10", "nevím jak se jmenuje", "", """
Jsem z [[C:devítky B]] a každý den ráno vidím u šaten, jak kluci z [[C:6.C]] strkají jednoho malého kluka s brýlemi. Myslím, že se jmenuje [[P:Kryštůfek]] nebo tak nějak. Jeden z nich má mikinu s nápisem {{Vans}} a říkají mu [[P:Bobík]].
""")

R("witness", "ZŠ Kolín, Mnichovická 62", "Tonda Kos", "7.C", """
Viděla jsem na chodbě jak [[P:Tondu]] [[P:Kose]] zmlátili dva deváťáci. Jednoho znám, je to [[P:Dalibor Šťastný]]. Druhý měl {{černou}} bundu a kapuci. [[P:Kos]] pak seděl na schodech a krvácel mu nos. Nikdo z učitelů tam nebyl.
""".replace("[[P:Tondu]] [[P:Kose]]", "[[P:Tondu Kose]]"))

R("witness", "ZŠ Olomouc, Gagarinova 19", "", "8.c", """
chci nahlásit věc co se děje v {{Lidlu}} vedle školy. kluci z [[C:8.c]] tam nutí mladší aby kradli čokolády. viděl jsem [[P:Honzu Šťastnýho]] jak posílá [[P:Jiříka]] ze čtvrťáku. jestli ho chytí tak to bude průšvih pro [[P:Jiříka]] ne pro [[P:Šťastnýho]]
""".replace("[[P:Jiříka]] ze čtvrťáku", "[[P:Jiříka]] ze čtvrťáku", 1))

R("witness", "ZŠ Šternberk, Svatoplukova 7", "Mirka", "6.A", """
Jsem paní kuchařka ve školní jídelně a nechci se podepsat. Každý den vidím, jak dívky z [[C:6.A]] sypou děvčeti jménem [[P:Mirka]] sůl do pití. Jedna z nich se jmenuje [[P:Karolína]], tu znám, je to dcera paní [[P:Doležalové]] z obecního úřadu.
""")

R("witness", "ZŠ Pardubice, Štefánikova 448", "Radek", "", """
Kamarád [[P:Radek]] mi řekl ať to za něj napíšu. Kluci z vyšší třídy mu na fotbale řekli, že jestli bude dál chodit na trénink, tak mu zlomí nohu. Jmenuje se [[P:Libor Zeman]] a trénuje s námi v {{Tesle}}. Jeho ig [[K:@liborzeman_10]]
""")

R("witness", "ZŠ Teplice, U Nových lázní 1", "Aleš", "9.A", """
jsem holka z [[C:9.A]]. kluci si dělaj srandu z [[P:Aleše]] protože koktá. minulý týden ho [[P:Daniel Mach]] napodoboval před celou třídou u tabule a paní učitelka [[P:Kadlecová]] se taky zasmála. [[P:Aleš]] pak odešel ze třídy. [[P:Machovi]] to prošlo
""")

R("witness", "ZŠ Rožnov pod Radhoštěm, Koryčanské Paseky 1722", "", "", """
Dobrý den, jsem řidič školního autobusu na lince do Zubří. Už několik týdnů pozoruji, jak starší chlapci na zadních sedadlech ponižují mladšího chlapce. Slyšel jsem, jak ho oslovují [[P:Kájo]] a jak mu plivou do vlasů. Jeden z těch starších se jmenuje [[P:Vilda]], druhému říkají [[P:Kulička]]. Nástupní zastávka je Hážovice.
""")

R("witness", "ZŠ Kyjov, Dobrovského 1", "Jolana", "5.B", """
[[P:Jolaně]] holky z pátý řikaj {{čarodějnice}}. viděla sem jak jí [[P:Romana]] vylila pití do tašky. [[P:Jolana]] je moje sousedka, bydlí na [[I:Tyršově 12]]. nechci aby se vědělo že sem to napsala
""")

R("witness", "Gymnázium Teplice, Čs. dobrovolců 11", "Jonáš", "kvarta B", """
Chodím do [[C:kvinty]] a mladší brácha mi vyprávěl o spolužákovi z [[C:kvarty B]], [[P:Jonáši Krausovi]]. Kluci mu prý dávají do tašky hnusné věci a fotí jeho reakci. Hlavní je prý [[P:Hubert]]. [[P:Jonáš]] to rodičům neřekne, takže to píšu já.
""")

R("witness", "ZŠ Znojmo, Mládeže 3", "Vanesa", "7.A", """
psala mi kámoška [[P:Vanesa]], že ji [[P:Kristián]] ze [[C:7.a]] osahával v šatně. všichni viděli ale nikdo nic neřek. [[P:Vanese]] je 12. Kristiánovi je 14 protože propadl
""".replace("Kristiánovi je", "[[P:Kristiánovi]] je"))

R("witness", "ZŠ Přerov, Trávník 27", "", "", """
Jsem asistentka pedagoga a chci upozornit na situaci, kterou mi vedení zakazuje řešit. Žák [[P:Oliver Š.]] je soustavně ponižován kolegou, panem učitelem [[P:Radkem Bartákem]], který mu před třídou říká, že je „{{mentál}}". Nemohu se podepsat.
""")

R("witness", "ZŠ Vsetín, Luh 1544", "Samuel", "6.D", """
[[P:Samík]] je můj spolužák v [[C:6.D]]. kluci mu řikaj {{Kanec}} a ukazujou na něj. [[P:Samuelovi]] to pak i napsali do sešitu. psal tam [[P:Oskar Vondra]] poznala sem jeho písmo
""")

# ---------------------------------------------------------------------------
# long-narrative
# ---------------------------------------------------------------------------

R("long-narrative", "ZŠ Ostrava-Poruba, Bulharská 1532", "Barbora Vránová", "8.B", """
Nevím, kde začít, tak to napíšu popořadě. Jmenuju se [[P:Bára]], je mi {{14 a}} chodím do [[C:8.B]]. Loni v [[C:sedmé bé]] to bylo v pohodě, měla jsem kamarádky, hlavně [[P:Lucku Šimkovou]] a [[P:Janču]]. Pak k nám přišla nová holka, [[P:Vivien Krausová]], a všechno se změnilo. [[P:Vivien]] je hezká a má hodně followerů a [[P:Lucka]] s [[P:Jančou]] se začaly bavit jenom s ní.

Nejdřív mi přestaly odepisovat. Pak jsem zjistila, že mají skupinu „[[C:8.B]] queens", kde jsem nebyla. Pak mi [[P:Janča]] poslala omylem screenshot, kde [[P:Vivien]] psala, že jsem „{{vrána}}", protože se jmenuju [[P:Vránová]] a mám černý vlasy, a že krákám, když mluvím. Od té doby na mě krákají na chodbě. Kluci se přidali, hlavně [[P:Erik]] a [[P:Erikův]] kamarád [[P:Lubo]], který je ze Slovenska.

Minulý měsíc mi někdo dal do batohu mrtvou {{vránu}} ze dvora. Myslím, že to byl [[P:Lubo]], protože se mi pak smál, ale nevím to jistě. Paní třídní, paní [[P:Havlíková]], říká, že to byl asi vtip. Mamka neví nic, protože má teď starosti s babičkou. Prosím, nechci aby se vědělo, že jsem to napsala já. Chci jen, aby to přestalo.
""")

R("long-narrative", "ZŠ Plzeň, Americká tř. 30", "Kuba", "7.A", """
Píšu to za svýho bráchu [[P:Kubu]], je mu {{12 a}} je v [[C:7.A]]. Mně je 17. Všimla jsem si, že [[P:Kuba]] skoro nejí, v noci nespí a má na rukou škrábance. Tak jsem se mu podívala do mobilu, když spal (vím, že se to nedělá).

Zjistila jsem, že ho už od září šikanujou kluci ze třídy přes Discord. Mají tam server, kde je [[P:Kuba]] jako jedinej ve roli „{{otrok}}" a musí dělat, co mu řeknou, jinak ho „ban" a pak ve škole mlátěj. Hlavní je kluk s nickem [[K:DarkLord_CZ#7731]], ve skutečnosti [[P:Mikuláš Fiala]]. Další je [[K:kocourek.m]], což je [[P:Martin Kocourek]], a ještě [[K:b3n1_gamer]], to je [[P:Benjamin]]. Posílali mu zprávy typu „[[P:Kubíku]] zejtra přineseš 300 nebo víš co" a „[[P:Jakube]] ty si fakt odpad".

Taky jsem našla, že [[P:Mikuláš]] [[P:Kubovi]] poslal fotku jeho vlastního domu s napsanou adresou ([[I:Na Roudné 41]]) a smajlíkem nože. To už mi přijde fakt vážný. Rodičům jsem to zatím neřekla, protože [[P:Kuba]] mě prosil. Co mám dělat? Screenshoty mám uložený.
""".replace("[[P:Mikuláš]] [[P:Kubovi]] poslal", "[[P:Mikuláš]] [[P:Kubovi]] poslal"))

R("long-narrative", "Gymnázium Brno, Slovanské nám. 7", "", "septima", """
Jsem ze [[C:septimy]] a nechci se podepisovat. Chci upozornit na to, co se děje se spolužákem, kterému říkáme [[P:Kristi]] (jmenuje se [[P:Kristián Kubát]]). Už od [[C:kvinty]] se mu část třídy posmívá kvůli tomu, že je trans. Zpočátku to byly jen narážky, letos je to horší.

Před Vánoci někdo vytvořil na TikToku parodický účet [[K:@kristi.not.real]] s jeho fotkami a deadname. Podle toho, co vím, za tím stojí [[P:Tadeáš Rambousek]] a [[P:Vincent]], oba z naší třídy. [[P:Rambousek]] se tím ve škole chlubil. Pan profesor Mgr. [[P:Zdeněk Hladík]] byl přítomen, když [[P:Vincent]] před celou třídou četl nahlas komentáře, a jen řekl, ať toho necháme.

Vím, že [[P:Kristi]] chodí k psycholožce. Bojím se, že si něco udělá. Prosím, ať to řeší někdo jiný než pan [[P:Hladík]].
""")

R("long-narrative", "ZŠ Kolín, Prokopova 337", "Ema Kubátová", "6.B", """
Dobrý den,
chtěla bych popsat, co se děje mojí kamarádce [[P:Emě]]. Jsme obě v [[C:6.B]]. Začalo to na školním výletě v Krkonoších, kdy holky z pokoje [[P:Emu]] v noci polily vodou a vyfotily. Fotky pak [[P:Nela Rybářová]] poslala do třídní skupiny. [[P:Nelina]] nejlepší kamarádka [[P:Klaudie]] tam pak psala, že se [[P:Ema]] počůrala.

Od té doby jí všichni říkají „{{čůránek}}". Když jde [[P:Ema]] k tabuli, holky syčí. Paní učitelka [[P:Kubátová]] (jmenuje se stejně jako [[P:Ema]], ale nejsou příbuzné) to slyšela a řekla jen „klid". 

Minulý týden [[P:Ema]] nepřišla do školy tři dny. Psala mi, že chce přestoupit na jinou školu do Kutné Hory. Já nechci, aby odešla. Prosím, udělejte něco.
""")

R("long-narrative", "SOŠ Kroměříž, Nábělkova 539", "Štefan", "1.A", """
Dobrý deň, píšem po slovensky, dúfam, že to nevadí. Môj spolužiak [[P:Štefan Ďurica]] z [[C:1.A]] je od začiatku roka terčom posmeškov. Chalani mu hovoria „Slováčik" a „{{Bača}}" a keď rozpráva, tak ho napodobňujú. Najhorší je [[P:Miloš Brázda]] a [[P:Adrián]] z [[C:1.B]]. Minulý týždeň [[P:Štefanovi]] na internáte vyhodili veci z okna. [[P:Števo]] mi povedal, že chce ísť domov do Trenčína a už sa nevrátiť. Ja som tiež zo Slovenska, ale mne nič nerobia. Prosím, pomôžte mu.
""".replace("„Slováčik\"", "„{{Slováčik}}\""))

R("long-narrative", "ZŠ Beroun, Wagnerovo nám. 458", "Vanda", "9.A", """
V devítce jsem od září. Přestoupila jsem z Prahy, protože se naši rozvedli. Hned první týden mi [[P:Simona Hejlová]] řekla, že si mám dávat pozor, protože „tady nejsi v Praze". Nejdřív jsem to brala jako vtip.

Pak začaly věci mizet. Penál, sluchátka, pak celá taška z šatny. Tašku jsem našla v kontejneru za školou. Další den mi někdo napsal na záchodech na dveře fixou [[P:VANDA]] = {{KURVA}}. Paní školnice to smyla, ale druhý den to tam bylo znova.

Na Instagramu mi píše anonymní účet [[K:@vanda.z.prahy.lol]]. Zprávy jsou fakt hnusný, třeba že mě najdou, až půjdu z tréninku, a že vědí, že bydlím na [[I:Politických vězňů 1420]]. To ví jen pár lidí ze třídy. Jedna z nich je [[P:Simča]]. Nechci nikoho obviňovat, ale nevím, kdo jiný by to byl. [[P:Vanda]]
""".replace("V devítce", "V devítce"))

R("long-narrative", "ZŠ Svitavy, Felberova 2", "Oliver", "5.C", """
Jsem maminka [[P:Olivera]] z [[C:5.C]] a píšu sem, protože na škole nám nikdo neodpovídá. Syn má ADHD a asistentku. Od podzimu je terčem spolužáka [[P:Aleše Vaňka]] a jeho kamaráda [[P:Ríši Pazdery]]. Začalo to nadávkami, teď už ho bijí. V pátek přišel domů s roztrženým rtem. Říkal: „[[P:Aleš]] mě držel a [[P:Ríša]] mě kopal." Na pohotovosti jsme byli v 18:40, zprávu mám.

S paní [[P:Vaňkovou]] jsem mluvila před školou, prý si to vymýšlíme a náš kluk je „{{divný}}". Pan ředitel Mgr. [[P:Josef Pazdera]] je, jak jsem zjistila, strýc [[P:Ríši]]. To vysvětluje, proč se nic neděje.

Jsem zoufalá. Telefon [[K:+420 734 888 210]], e-mail [[K:olivkova.mama@gmail.com]]. [[P:Hana Kolářová]]
""")

R("long-narrative", "ZŠ Náchod, Komenského 350", "Tereza Vlčková", "7.C", """
Ahoj, je mi 13 let. Ve třídě mám spolužáka [[P:Vojtu Vlčka]], je to můj bratranec, a kvůli němu mi všichni říkají „{{vlčice}}" a vyjou na mě. Začal s tím [[P:Vojta]] sám, protože se mnou nechce mít nic společnýho. [[P:Vlček]] je ve třídě oblíbenej, takže se přidali všichni.

Jednou jsme měli dějepis s panem učitelem [[P:Roubalem]] a [[P:Vojta]] zavyl, celá třída se smála a pan učitel taky. Já jsem utekla na záchod. Od té doby mi tam i holky z [[C:7.A]] vyjou.

Tetě to nechci říct, protože by to byla ostuda pro rodinu. Prosím, napište mi, co mám dělat. [[P:Terka]]
""")

R("long-narrative", "ZŠ Jičín, 17. listopadu 109", "", "", """
Dobrý den, jsem učitelka na jiné škole, ale bydlím v sousedství. Vracím se domů kolem čtvrté a už asi měsíc vídám na zastávce u parku skupinku asi pěti chlapců, kteří čekají na jednoho menšího kluka s modrou aktovkou. Obklopí ho, berou mu věci z tašky a jednou ho i srazili na zem. Jednoho z nich jsem poznala, je to [[P:Dominik Pešek]], syn mých bývalých sousedů [[P:Peškových]] z [[I:Lipové 14]]. Malého kluka jeho kamarádi oslovovali „[[P:Kryšpíne]]". Když jsem zasáhla, [[P:Pešek]] se jen smál. Myslím, že chodí do vaší školy. Ráda podám další informace, tel. [[K:605 20 40 91]].
""")

R("long-narrative", "ZŠ Most, Zd. Štěpánka 2950", "Dežo", "6.C", """
dobrej den jsem [[P:Dežo]] [[P:Lakatoš]], moje mamka mi pomáhá psát. ve třídě mi řikaj {{cigoš}} a [[P:Ondra Pešta]] řek že moje máma krade. já sem to řek paní učitelce [[P:Hanušové]] a ona řekla ať si nevymejšlím. pak mě [[P:Pešta]] s klukama počkal za školou a zmlátil. můj brácha [[P:Kevin]] chodí do [[C:9.C]] a chtěl ho zbít taky ale mamka řekla že ne že to napíšem sem. prosim pomoc
""".replace("[[P:Dežo]] [[P:Lakatoš]]", "[[P:Dežo Lakatoš]]"))

# ---------------------------------------------------------------------------
# foreign-names: pupils, names from Ukraine, Vietnam, Slovakia, Roma, Arab,
# Mongolia ... declined in Czech
# ---------------------------------------------------------------------------

R("foreign-names", "ZŠ Praha 9, Bratří Venclíků 1140", "Oleksandr", "6.B", """
[[P:Sašu]] z naší třídy kluci šikanujou protože je z Ukrajiny. [[P:Oleksandr]] (my mu řikáme [[P:Saša]]) nerozumí všemu a [[P:Dmytro]] z [[C:8.A]] mu to ještě překládá špatně schválně. včera mu [[P:Dmytrův]] kámoš [[P:Artem]] vzal bundu. [[P:Oleksandrovi]] je 11
""")

R("foreign-names", "ZŠ Cheb, Hradební 16", "Nguyen Van Minh", "5.A", """
[[P:Minha]] spolužáci pořád řikaj že jí psy. [[P:Minh]] je můj kamarád, jeho rodiče maj večerku na {{Evropské}}. taky mu řikaj {{Čong}} a {{Vietnamec}} a [[P:Tran Duc Long]] ze [[C:7.B]] (taky Vietnamec) se k nim přidává aby ho nešikanovali. [[P:Longovi]] to asi nevadí
""".replace("(taky Vietnamec)", "(taky {{Vietnamec}})").replace("{{Vietnamec}} a [[P:Tran", "{{Vietnamec}} a [[P:Tran"))

R("foreign-names", "ZŠ Most, J. A. Komenského 474", "Ahmed", "4.C", """
[[P:Ahmedovi]] kluci strhli z krku řetízek a řikali mu terorista. [[P:Ahmed]] je ze Sýrie a chodí s náma do [[C:4.c]]. [[P:Bilal]] je jeho bratranec a chodí do [[C:6.a]] a toho taky šikanujou. [[P:Bilala]] strčili do kaluže. dělal to [[P:Robert Čermák]] a jeho partička
""")

R("foreign-names", "ZŠ Brno, Sirotkova 36", "Anujin", "7.A", """
holka [[P:Anujin]] z Mongolska je v naší třídě a holky se jí smějou že má malý oči. [[P:Anujin]] jí říkáme [[P:Anu]]. [[P:Batbayar]] je její brácha v [[C:9.B]] a ten jí nemůže pomoct protože jeho taky nikdo nemá rád. nejhorší je [[P:Pavlína Kučerová]] co fotí [[P:Anu]] a dává to na snap
""".replace("[[P:Anujin]] jí říkáme", "[[P:Anujin]] říkáme"))

R("foreign-names", "ZŠ Ostrava, Ostrčilova 10", "Daryna Kovalenko", "7.C", """
Я [[P:Дарина]]. vím že to má být česky. holky z [[C:7.C]] mi řikaj [[P:Dáša]] a že smrdim. paní učitelka [[P:Šindelářová]] mi říká [[P:Kovalenková]] místo [[P:Kovalenko]] a holky se smějou. nejhorší je [[P:Adriana]]. pomoc
""")

R("foreign-names", "ZŠ Liberec, Lesní 12", "Fatima", "5.B", """
[[P:Fatimě]] holky stahujou šátek z hlavy. udělala to [[P:Karolína Nováková]] a [[P:Lejla]] to natočila ale [[P:Lejla]] je taky muslimka tak nevim proč. [[P:Fatima]] brečela. jsem ze [[C:5.B]] a sedim vedle ní
""")

R("foreign-names", "ZŠ Praha 4, Mikulova 1594", "Nhung", "8.D", """
ve třídě je holka co se jmenuje [[P:Pham Thi Hong Nhung]] a kluci jí říkaj {{Čočka}} nebo [[P:Nhungo]] ty tvl. [[P:Nhung]] je nejlepší v matice. kluk [[P:Šimon Dušek]] jí prej bere úkoly a když mu je nedá tak jí zmačká sešit. [[P:Duškovi]] jsou známí, táta je policajt
""")

R("foreign-names", "ZŠ Teplice, Edisonova 1", "Taras", "6.A", """
[[P:Tarasa]] Bondarenka zase zmlátili. [[P:Taras]] z [[C:6.A]] je z Charkova a jeho táta je ve válce. kluci z devítky mu říkaj že jeho táta je mrtvej. ten co to řiká nejvíc je [[P:Denys]], taky Ukrajinec, a [[P:Václav Šulc]]
""".replace("[[P:Tarasa]] Bondarenka", "[[P:Tarasa Bondarenka]]"))

R("foreign-names", "ZŠ Jirkov, Studentská 1427", "Žaneta", "7.B", """
[[P:Žanetu]] [[P:Horváthovou]] holky z [[C:sedmý bé]] pořád obviňujou že jim kradla mobil. [[P:Žaneta]] nic neukradla, mobil měla v tašce [[P:Rozálie]]. [[P:Horváthovi]] se kvůli tomu chtěj odstěhovat. napsala sem to já [[P:Sandra]], její sestřenice
""".replace("[[P:Žanetu]] [[P:Horváthovou]]", "[[P:Žanetu Horváthovou]]"))

R("foreign-names", "ZŠ Plzeň, Čechova 30", "Omar", "8.C", """
v [[C:8.C]] je [[P:Omar Al-Hassan]], kluci mu řikaj [[P:Omárek]] a bin Laden. [[P:Omara]] zmlátili v šatně. kdo to byl nevim jistě ale řikalo se že [[P:Matouš]] a [[P:Nikolas]]. [[P:Omarova]] mamka nemluví česky tak to nikdo neřeší
""".replace("bin Laden", "[[P:bin Laden]]"))

# ---------------------------------------------------------------------------
# more child-informal with spelling tricks (invisible chars, dots, stretched)
# ---------------------------------------------------------------------------

R("child-informal", "ZŠ Třebíč, Bartuškova 700", "Dája", "6.C", """
[[P:Dájo]] [[P:Dájooo]] ty krávo, takhle na mě řvou na chodbě holky z [[C:6.a]]. nejvíc [[P:Bele\u200bna]] a [[P:Kris\u200btýna]], schválně to tak píšou aby to nešlo najít. [[P:Belena]] mi napsala ať se nevracim do školy
""")

R("child-informal", "ZŠ Hranice, Struhlovsko 1795", "Patrik", "7.A", """
někdo mi na insta píše [[P:Pat\u00adrik]] je gay a ať se zabiju. účet je [[K:@pat.rik.gay]] a nevim kdo to je. myslim [[P:Roman\u00adek]] nebo [[P:Mí\u00adra]] ze [[C:7.A]]
""".replace("[[P:Roman\u00adek]]", "[[P:Ro\u00adbík]]"))

R("child-informal", "ZŠ Kadaň, Chomutovská 1621", "Nikol", "5.A", """
[[P:N.i.k.o.l]] je {{nula}} takhle napsali na tabuli. psala to [[P:Verunka]], viděla sem jí fixu. pak to [[P:Nikol]] smazala a [[P:Verunce]] se všichni smáli
""")

R("child-informal", "ZŠ Varnsdorf, Edisonova 2821", "Ela", "4.B", """
[[P:ᴍᴀʀᴛɪɴᴀ]] a [[P:Zora]] z [[C:4.b]] mi řikaj že sem {{ošklivka}}. [[P:ᴍᴀʀᴛɪɴᴀ]] si tak píše jméno na ig. [[P:Zoře]] sem už řekla ať toho nechá
""")

R("child-informal", "ZŠ Bílina, Za Chlumem 824", "", "", """
[[P:S0fie]] a [[P:V1ktorka]] mi píšou z účtu [[K:s0f1e_x_v1k1]] hnusný věci. jsem ve {{čtvrtý a}} pak půjdu na jinou školu tak to neřešte moc nahlas
""")

# ---------------------------------------------------------------------------
# spam
# ---------------------------------------------------------------------------

R("spam", "ZŠ Praha 3, Chelčického 43", "asdf", "1", """
asdfasdf jkjkjk test test 123
""")

R("spam", "ZŠ Brno, Laštůvkova 77", "pan ředitel", "", """
ŘEDITEL JE {{NAHÁČ}} HAHAHAHAHA 😂😂😂 škola je vězení!!! zrušte {{pátky}}
""")

R("spam", "ZŠ Ostrava, Matiční 5", "", "", """
Vydělej si 5000 Kč denně z domova! Klikni na www.rychle-penize-cz.top a zadej kód BONUS. Nabídka platí jen dnes. Registrace přes {{Steam}} nebo {{Discord}}.
""".replace("www.rychle-penize-cz.top", "{{www.rychle-penize-cz.top}}"))

R("spam", "ZŠ Zlín, Slovenská 3833", "batman", "9.Z", """
chci nahlasit ze nas ucitel na fyziku je ve skutecnosti Darth Vader a ma doma hvezdu smrti lol
""".replace("Darth Vader", "[[P:Darth Vader]]"))

R("spam", "ZŠ Olomouc, Demlova 18", "Bára", "5.B", """
omlouvam se to jsem poslala omylem, zkousela sem jak to funguje. {{sorry}}
""")

R("spam", "ZŠ Kladno, Jana Kudrny 1", "xx", "xx", """
subscribni na muj youtube kanal [[K:@GamerKuba_CZ]] hraju {{Minecraft}} a {{Robloxu}} jsem nejlepsi!!! a na {{Steamu}} mam vsechno
""")

# ---------------------------------------------------------------------------
# extra reports: identifiers, hard negatives, more spelling tricks
# ---------------------------------------------------------------------------

R("parent", "ZŠ Hradec Králové, Mandysova 1434", "Naděje Kubištová", "8.C", """
Dobrý den, dcera [[P:Naděje]] (ano, opravdu se tak jmenuje) je kvůli svému jménu terčem posměchu. Spolužák [[P:Filip Kubišta]], náš vzdálený příbuzný, jí minulý týden vzal tašku a vysypal ji do záchodu. Dcera byla ve škole do [[C:7. A]], po přestupu je v [[C:8.C]]. Pro evidenci: rodné číslo dcery [[I:115827/4419]], bydlíme na [[I:Masarykově 12]] v Hradci Králové. Poslední {{naděje}} je pro nás vaše platforma. [[P:Ludmila Kubištová]], [[K:ludmila.kubistova(at)seznam.cz]]
""")

R("no-diacritics", "ZŠ Kralupy nad Vltavou, Gen. Klapálka 4", "Sasa Kovalenko", "7.B", """
kluci z osmicky a pak i nekdo z devitky cekaj na [[P:Sasu]] u {{Kauflandu}}. [[P:Sasa]] neni holka je to kluk z Ukrajiny ([[P:Oleksandr Kovalenko]]). nejhorsi je [[P:Honza Zeleny]] ma ig [[K:honzik.zel]] a cislo [[K:+420773118402]]. [[P:zelenyho]] tata ma auto [[I:1AB 9021]] a voziho do skoly
""".replace("z osmicky a pak", "z {{osmicky a}} pak"))

R("child-informal", "ZŠ Blansko, Salmova 17", "Lili", "6.B", """
za sekundu byla [[P:Lili]] na zemi. [[P:Me\u200blánie]] ji podrazila nohu na schodech a pak řekla že to je {{prima}} zábava. [[P:Melánie]] je z [[C:6.b]] jako [[P:Lili]]. {{sekundu}} předtim jí řekla že ji nesnáší
""".replace("za sekundu byla", "za {{sekundu}} byla").replace("{{sekundu}} předtim", "chvilku předtim"))

R("witness", "ZŠ Kutná Hora, Žižkov 156", "", "", """
{{Naděje}}, že to někdo vyřeší, je {{malá}}, ale zkusím to. jsem z [[C:osmý á]] a vidím to každej den v {{Kauflandu}} po škole: [[P:Eliáš]] z devítky a jeho kámoši berou menším dětem peníze. jednomu klukovi co mu řikaj [[P:Tygr]] (je z [[C:5.B]]) vzali 200. [[P:Eliášova]] máma pracuje v tom {{Kauflandu}} takže se to neřeší
""")

R("chat-quote", "ZŠ Praha 8, Glowackého 555", "Ngoc Anh", "7.D", """
[19:03] [[P:Kája B.]]: ta [[P:Ngoc Anh]] je fakt divná
[19:03] [[P:Vikča]]: jj [[P:Anh]] smrdí jak rybí omáčka 🤢
[19:04] [[P:Kája B.]]: pojďme jí zítra schovat batoh
[19:05] [[P:Vikča]]: ok ale ať to nenatáčí [[P:Bui]]
[[P:Bui]] je [[P:Bui Thanh Huong]] a to je jediná kdo se [[P:Anh]] zastává. jsem z [[C:7.D]]
""")

R("child-informal", "ZŠ Slaný, Komenského 618", "Majda", "5.C", """
[[P:MAJDO]] [[P:MAJDIČKOOO]] řvou na mě kluci. [[P:M.a.j.d.a]] je {{tlustá}} to mi napsali na lavici. byl to [[P:Bruno]] a [[P:Kuba Zajíček]]. [[P:Zajíčkovi]] bydlej vedle nás na [[I:Žižkově 3]], jeho máma je kamarádka s mojí
""")

R("long-narrative", "Gymnázium Olomouc, Čajkovského 9", "Gerel", "sekunda", """
Jsem ze [[C:sekundy]] a chci nahlásit šikanu spolužačky [[P:Gerel Batbold]], která je z Mongolska. Od září ji holky, hlavně [[P:Tamara Nováčková]] a [[P:Ester]], ignorují a fotí pod lavicí. [[P:Gerel]] se jich bojí. Minulý týden jí [[P:Tamara]] v šatně vzala ISIC a ofotila ho: [[I:S 420 118 902 334 K]]. Pak ho zveřejnila na Instagramu s popiskem „kdo najde, může si ji nechat". [[P:Ester]] to sdílela dál.

Zkoušela jsem to říct paní profesorce Mgr. [[P:Lence Bartošové]], ale ta říkala, že s tím nic neudělá, protože to bylo na {{Instagramu}}, ne ve škole. Nevím, jestli je to pravda. Jsem ze stejné třídy jako [[P:Gerel]], ale nejsem její kamarádka, jen mi to přijde strašný. Ve druhém pololetí jsme v [[C:7. a]] [[C:8. ročníku]] měli preventivní program, ale nikdo tam nic neřekl.
""".replace("[[C:7. a]] [[C:8. ročníku]]", "{{7. a}} 8. ročníku").replace("Ve druhém pololetí jsme v", "Na základce jsme v"))

R("parent", "ZŠ Uherské Hradiště, Větrná 1110", "Kryštof", "4.A", """
Dobrý den, píšu kvůli synovi [[P:Kryštofovi]] ze [[C:4.A]]. Spolužák [[P:Bořek Mráz]] mu pravidelně bere svačinu a posmívá se mu. Včera jsem [[P:Mrázovy]] potkala na hřišti a paní [[P:Mrázová]] se mi vysmála. Pan [[P:Mráz]] jezdí pro syna autem [[I:7Z3 4412]] a parkuje na chodníku, kde mého syna už jednou málem srazil. Kontakt: [[K:604118992]]. [[P:K. Janečková]]
""")

R("child-informal", "ZŠ Benešov, Dukelská 1818", "Vitek", "8.A", """
VITEK Z 8.A DOSTAL DO HUBY OD DEVATAKU. [[P:VITKA]] TO BOLELO A NIKDO NIC. ja jsem [[P:V\u200bitek]] sam a pisu to sem. byli to [[P:Erik Vlasak]] a [[P:Luky]]. [[P:Lukyho]] ig je [[K:luky_the_goat]]. jestli to reknu tak me [[P:vlasak]] zabije rikal
""".replace("VITEK Z 8.A", "[[P:VITEK]] Z [[C:8.A]]"))

R("child-informal", "ZŠ Otrokovice, Mánesova 998", "Kuba Strnad", "8.B", """
na tiktoku je video s popiskem „[[P:K u b a  S t r n a d]] = {{loser}}". udělal to [[P:Tobi Mare\u00adček]] z [[C:9.b]], píše se tam jako [[K:@t0b1_m4recek]]. ve videu je [[P:J4kub]] jak ho polejou vodou na záchodech. [[P:Str\u00adnadovi]] se pak smějou všichni i holky z [[C:8.B]]
""")


# ===========================================================================
# parsing and validation
# ===========================================================================

MARK = re.compile(r"\[\[([PCKI]):(.+?)\]\]|\{\{(.+?)\}\}", re.S)
INVIS = "\u200b\u00ad\u200c\u200d\u2060"


def parse(marked):
    """Strip markup; return text, spans, decoy ranges."""
    out, spans, decoys, pos = [], [], [], 0
    cur = 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        cur += m.start() - pos
        if m.group(1):
            s = m.group(2)
            spans.append({"start": cur, "end": cur + len(s),
                          "label": LABELS[m.group(1)], "text": s})
        else:
            s = m.group(3)
            decoys.append((cur, cur + len(s), s))
        out.append(s)
        cur += len(s)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text or "{{" in text or "}}" in text:
        raise ValueError("unbalanced markup")
    return text, spans, decoys


def wb_occurrences(text, s):
    pat = re.compile(r"(?<!\w)" + re.escape(s) + r"(?!\w)")
    return [m.start() for m in pat.finditer(text)]


def strip_invis(s):
    return "".join(ch for ch in s if ch not in INVIS)


def norm(s):
    s = unicodedata.normalize("NFKD", strip_invis(s).lower())
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def covered(spans, start, end):
    return any(sp["start"] <= start and end <= sp["end"] for sp in spans)


def in_decoy(decoys, start, end):
    return any(a <= start and end <= b for a, b, _ in decoys)


SUSPICIOUS = [
    ("CLASS", re.compile(r"(?<!\w)(?:\d{1,2}|[IVX]{1,4})\.\s?[A-Za-z]{1,2}(?!\w)")),
    ("CLASS", re.compile(r"(?<!\w)\d{1,2}\s?[A-Ea-e](?!\w)")),
    ("CLASS", re.compile(r"(?<!\w)(?:prim|sekund|terci|kvart|kvint|sext|"
                         r"septim|okt[aá]v)\w*", re.I)),
    ("CLASS", re.compile(r"(?<!\w)(?:prvn|druh|třet|čtvrt|pát|šest|sedm|osm|"
                         r"devát)\w*\s+(?:á|bé|cé|dé|[ábcd]é?čk\w*)(?!\w)", re.I)),
    ("CONTACT", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("CONTACT", re.compile(r"[\w.+-]+\s?[(\[]at[)\]]\s?[\w-]+(?:\.[\w-]+)+")),
    ("CONTACT", re.compile(r"(?<![\w.])@[\w.]+\w")),
    ("CONTACT", re.compile(r"(?<![\w+])(?:\+\d{3}\s?)?\d{3}[\s/.-]?\d{3}"
                           r"[\s/.-]?\d{3}(?!\w)")),
    ("CONTACT", re.compile(r"\+\d[\d ]{8,}\d")),
    ("CONTACT", re.compile(r"\w+#\d{4}")),
    ("CONTACT", re.compile(r"(?:https?://|www\.)[\w./@%?=&#-]*[\w/]|"
                           r"\w+\.(?:com|cz)/[\w./@%?=&#-]*\w")),
    ("ID", re.compile(r"\d{6}\s?/\s?\d{3,4}")),
    ("ID", re.compile(r"(?<!\w)\d[A-Z][A-Z0-9]\s?\d{4}(?!\w)")),
]


def build():
    errors, records = [], []
    for n, e in enumerate(ENTRIES):
        where = f"entry#{n} ({e['marked'][:50]!r})"
        try:
            text, spans, decoys = parse(e["marked"])
        except (ValueError, KeyError) as exc:
            errors.append(f"{where}: {exc}")
            continue
        if e["style"] not in STYLES:
            errors.append(f"{where}: bad style {e['style']!r}")
        spans.sort(key=lambda s: (s["start"], s["end"]))
        for sp in spans:
            if text[sp["start"]:sp["end"]] != sp["text"]:
                errors.append(f"{where}: offset mismatch {sp!r}")
            if not sp["text"] or sp["text"] != sp["text"].strip():
                errors.append(f"{where}: whitespace at span edge {sp!r}")
            before = text[sp["start"] - 1] if sp["start"] > 0 else " "
            after = text[sp["end"]] if sp["end"] < len(text) else " "
            if re.match(r"\w", before) or re.match(r"\w", after) \
                    or before in INVIS or after in INVIS:
                errors.append(f"{where}: span cuts a word {sp!r}")
        for a, b in zip(spans, spans[1:]):
            if b["start"] < a["end"]:
                errors.append(f"{where}: overlapping spans {a!r} {b!r}")
        for a, b, d in decoys:
            if any(sp["start"] < b and a < sp["end"] for sp in spans):
                errors.append(f"{where}: decoy {d!r} overlaps a span")
        # every occurrence of an annotated string / PERSON word is covered
        strings = {sp["text"] for sp in spans}
        for sp in spans:
            if sp["label"] == "PERSON":
                strings.update(t for t in re.findall(r"\w+", strip_invis(sp["text"]))
                               if len(t) >= 2 and not t.isdigit())
        for s in sorted(strings):
            for st in wb_occurrences(text, s):
                if not covered(spans, st, st + len(s)) and \
                        not in_decoy(decoys, st, st + len(s)):
                    errors.append(f"{where}: unannotated occurrence of {s!r} at {st}")
        for kind, pat in SUSPICIOUS:
            for m in pat.finditer(text):
                if covered(spans, m.start(), m.end()) or \
                        in_decoy(decoys, m.start(), m.end()):
                    continue
                errors.append(f"{where}: uncovered {kind}-like {m.group()!r}")
        if e["style"] == "no-diacritics" and any(ord(ch) > 127 for ch in text):
            bad = sorted({ch for ch in text if ord(ch) > 127})
            errors.append(f"{where}: no-diacritics text has {bad}")
        records.append({"entry": e, "text": text, "spans": spans,
                        "decoys": decoys, "where": where})

    # cross-corpus: a word that is part of a PERSON span anywhere must be
    # covered or declared a decoy wherever it occurs
    person_words = set()
    for r in records:
        for sp in r["spans"]:
            if sp["label"] == "PERSON":
                person_words.update(norm(t) for t in
                                    re.findall(r"\w+", strip_invis(sp["text"]))
                                    if len(t) >= 2)
    for r in records:
        for m in re.finditer(r"\w+", r["text"]):
            if norm(m.group()) not in person_words:
                continue
            if covered(r["spans"], m.start(), m.end()) or \
                    in_decoy(r["decoys"], m.start(), m.end()):
                continue
            errors.append(f"{r['where']}: {m.group()!r} is a PERSON word "
                          f"elsewhere; annotate it or declare it a decoy")
    # decoys must be really present as uncovered text: guaranteed by parse
    return records, errors


def main():
    records, errors = build()
    if errors:
        print(f"{len(errors)} VALIDATION ERRORS:")
        for err in errors:
            print("  " + err)
        sys.exit(1)
    order = list(range(len(records)))
    random.Random(SEED).shuffle(order)
    out = []
    for new_i, old_i in enumerate(order, 1):
        r = records[old_i]
        e = r["entry"]
        out.append({
            "id": f"b{new_i:03d}",
            "school": e["school"],
            "victim_name": e["victim_name"],
            "victim_class": e["victim_class"],
            "text": r["text"],
            "spans": [{"start": s["start"], "end": s["end"],
                       "label": s["label"], "text": s["text"]}
                      for s in r["spans"]],
            "style": e["style"],
            "is_spam": e["style"] == "spam",
        })
    with open(OUT_PATH, "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    with open(OUT_PATH, encoding="utf-8") as f:
        back = [json.loads(line) for line in f]
    assert len(back) == len(out) and len({o["id"] for o in back}) == len(back)
    for o in back:
        for s in o["spans"]:
            assert o["text"][s["start"]:s["end"]] == s["text"], (o["id"], s)

    labels = Counter(s["label"] for o in out for s in o["spans"])
    styles = Counter(o["style"] for o in out)
    n_chars = sum(len(o["text"]) for o in out)
    print(f"wrote {OUT_PATH}")
    print(f"reports: {len(out)}  (spam: {sum(o['is_spam'] for o in out)})")
    print(f"spans: {sum(labels.values())}  " + "  ".join(
        f"{k}={labels[k]}" for k in ("PERSON", "CLASS", "CONTACT", "ID")))
    print("per style (reports / PERSON CLASS CONTACT ID):")
    for st, n in styles.most_common():
        c = Counter(s["label"] for o in out if o["style"] == st for s in o["spans"])
        print(f"  {st:16s} {n:3d} / " + " ".join(
            f"{c[k]:4d}" for k in ("PERSON", "CLASS", "CONTACT", "ID")))
    print(f"text chars: total {n_chars}, mean {n_chars / len(out):.0f}, "
          f"min {min(len(o['text']) for o in out)}, "
          f"max {max(len(o['text']) for o in out)}")
    print(f"reports without spans: {sum(not o['spans'] for o in out)}; "
          f"decoys checked: {sum(len(r['decoys']) for r in records)}; "
          f"texts with invisible chars: "
          f"{sum(any(ch in INVIS for ch in o['text']) for o in out)}; "
          f"non-ASCII-free texts: {sum(o['text'].isascii() for o in out)}")


if __name__ == "__main__":
    main()
