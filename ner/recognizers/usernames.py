"""CONTACT: usernames by their shape — after a platform cue, or in parentheses after a name.

"na instagramu je jako pepa.z", "píše mi Tonda (t.vopicka)": a handle with an inner dot,
digits or underscores and no "@" is one CONTACT span, so the whole handle is hidden and not
only the name inside it ("pepa"). ``contacts.CUE`` allows one word between the cue and the
name; here up to three ("na instagramu je jako …"), and the candidate must have a handle's
shape (an inner dot, a digit or an underscore), so ordinary words after a cue are left alone.
"""

from __future__ import annotations

import re

from ..span import Span

_HANDLE = r"\w(?:[\w.]{1,30})\w"
_SHAPED = re.compile(r"(?=.*(?:[a-z0-9_]\.[a-z0-9_]|\d|_))", re.IGNORECASE)
CUED = re.compile(
    r"\b(?i:instagram\w*|insta|inst[aá]č\w*|ig|tiktok\w*|tt|snap\w*|sc|discord\w*|dc|"
    r"telegram\w*|twitter\w*|fb|facebook\w*|steam\w*|roblox\w*|minecraft\w*|twitch\w*|"
    r"yt|youtub\w*|fortnit\w*|nick\w*|přezdívk\w*|username|[uú][cč]e?t\w*|"
    r"acc|profil\w*)"
    r"(?:\s+(?i:je|jako|se|jmenuje|pod|má|ma|mám|mam|měl|mel|měla|mela|jménem|nickem|účtem|tam|"
    r"hraje|hrají|píše|pise|píšou|streamuje|vystupuje|najdeš|najdes|najdete)){0,3}"
    r"\s*[:\-–]?\s*[\"„]?(?P<h>" + _HANDLE + r")(?![\w@])"
)
# a nickname or channel in quotes after its cue, spaces and diacritics allowed: „Temný Rytíř“;
# not a group chat's name („7.B drbárna“): it tells the moderator what was said, and names in it
# are found by the name layers
QUOTED = re.compile(
    r"(?i:\b(?:přezdívk\w*|prezdivk\w*|nick\w*|username|účet\w*|ucet|uctu|kanál\w*|kanal\w*|"
    r"jménem|jmenem))"
    r"(?:\s+[^\W\d_]+){0,4}\s*[:\-–]?\s*[„\"“»](?P<h>[^„\"“”»«\n]{2,40}?)[“”\"«]"
)
# a chat log's speaker with a handle's shape: "terka.k: haha", "[20:15] kuba_x: …"
SPEAKER = re.compile(r"(?m)^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?(?P<h>" + _HANDLE + r"):\s")
IN_PARENS = re.compile(r"\((?P<h>" + _HANDLE + r")\)")
# the platform after the handle: "kiki.dvorak.7 na instáči", "FildaYT (instagram)", "marayt na ig"
_PLATFORM = (r"(?i:instagram\w*|insta|inst[aá]č\w*|ig|tiktok\w*|snap\w*|discord\w*|dc|"
             r"telegram\w*|twitter\w*|facebook\w*|fb|steam\w*|roblox\w*|minecraft\w*|"
             r"twitch\w*|youtub\w*|yt|fortnit\w*|threads\w*|x)(?!\w)")
BEFORE_PLATFORM = re.compile(
    r"(?<![\w@.])(?P<h>" + _HANDLE + r")(?:\s+(?i:na|v|ve|z|ze|from|on)\s+|\s*\(\s*)" + _PLATFORM
)
_CAMEL = re.compile(r"[a-z][A-Z]|[a-z][A-Z]{2}$")


def _shaped(handle: str) -> bool:
    # two letters at least: "7.B" or "8.15" after a cue is a class or a time, not a handle
    return bool(_SHAPED.match(handle)) and sum(c.isalpha() for c in handle) >= 2 \
        and not handle.endswith(".")


def find(text: str) -> list[Span]:
    from .contacts import _username_like

    spans: list[Span] = []
    for m in QUOTED.finditer(text):
        if len(m.group("h").split()) <= 4:
            spans.append(Span(m.start("h"), m.end("h"), "CONTACT", 0.75))
    for m in BEFORE_PLATFORM.finditer(text):
        h = m.group("h")
        if _shaped(h) or _CAMEL.search(h) or _username_like(h):
            spans.append(Span(m.start("h"), m.end("h"), "CONTACT", 0.8))
    for rx, conf in ((CUED, 0.85), (IN_PARENS, 0.8), (SPEAKER, 0.8)):
        for m in rx.finditer(text):
            if _shaped(m.group("h")):
                spans.append(Span(m.start("h"), m.end("h"), "CONTACT", conf))
    return spans
