"""How a school's e-mail says a report is urgent, still without a word of its content.

One wording for every mail that announces a report (the portal notice, the PDF mail,
the notice that a follow-up made a report urgent): the subject starts with "NALÉHAVÉ"
and the body says what the flag means and what it does not (an automatic check of the
text, not a finding), and where to call in acute danger.
"""

from __future__ import annotations

URGENT_SUBJECT_PREFIX = "NALÉHAVÉ: "
URGENT_NOTE = (
    "Toto hlášení je označené jako NALÉHAVÉ: automatická kontrola textu v něm našla "
    "známky možného ohrožení života nebo zdraví (například sebepoškozování, zbraň, "
    "výhrůžku zabitím nebo sexuální zneužívání). Je to upozornění, ne posouzení – "
    "přečtěte si prosím hlášení co nejdříve. Při bezprostředním nebezpečí volejte "
    "155 (záchranná služba), 158 (policie) nebo 112.")


def urgent_subject(subject: str, urgent: bool) -> str:
    return URGENT_SUBJECT_PREFIX + subject if urgent else subject


def with_urgent_note(body: str, urgent: bool) -> str:
    """The body with the urgency note after the greeting (first paragraph)."""
    if not urgent:
        return body
    greeting, sep, rest = body.partition("\n\n")
    if not sep:
        return URGENT_NOTE + "\n\n" + body
    return f"{greeting}\n\n{URGENT_NOTE}\n\n{rest}"
