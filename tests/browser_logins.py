"""Logging in through the real login forms in a browser page (Playwright), per surface."""

from __future__ import annotations

from tests.factories import MODERATOR_PASSWORD, fresh_code


def member_login(page, base: str, member, password: str) -> None:
    """A school member: e-mail and password, then the current TOTP code."""
    page.goto(base + "/skola/prihlaseni")
    page.fill("#email", member.email)
    page.fill("#password", password)
    page.click("button:has-text('Přihlásit')")
    page.fill("#code", fresh_code(f"member:{member.id}", member.totp_secret))
    page.click("button:has-text('Přihlásit')")


def moderator_login(page, base: str, moderator, password: str = MODERATOR_PASSWORD) -> None:
    """A moderator: name and password, then the current TOTP code."""
    page.goto(base + "/moderace/prihlaseni")
    page.fill("#username", moderator.username)
    page.fill("#password", password)
    page.click("button:has-text('Pokračovat')")
    page.fill("#code", fresh_code(f"moderator:{moderator.id}", moderator.totp_secret))
    page.click("button:has-text('Přihlásit')")


def counsellor_login(page, base: str, counsellor, password: str) -> None:
    """A counsellor: name, password and the current TOTP code in one form."""
    page.goto(base + "/poradce/prihlaseni")
    page.fill("#username", counsellor.username)
    page.fill("#password", password)
    page.fill("#code", fresh_code(f"counsellor:{counsellor.id}", counsellor.totp_secret))
    page.click("button:has-text('Přihlásit se')")
