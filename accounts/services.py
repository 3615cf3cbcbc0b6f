"""Account writes: sessions, the pre-hijack wipe, profile and deletion.

Sign-in flows themselves run through allauth; these are the pieces it calls
back into (accounts.signals, accounts.adapters) and the settings pages use.
"""

from __future__ import annotations

import logging

from allauth.account.models import EmailAddress
from allauth.usersessions.adapter import get_adapter as get_usersessions_adapter
from allauth.usersessions.models import UserSession
from django.db import transaction
from django.http import HttpRequest

from accounts.models import User

logger = logging.getLogger(__name__)

# Set in the browser session that signed an account up; an inbox proved from
# that same browser is the account's creator, so its password stays.
SIGNUP_SESSION_KEY = "accounts_signed_up_user"


def end_sessions(*, user: User, keep_session_key: str | None = None) -> int:
    """End every server-side session of `user` except `keep_session_key`.

    Side effects: deletes the session rows (the browsers holding them are
    signed out on their next request) and their UserSession records.
    Returns how many sessions ended.
    """
    sessions = [s for s in UserSession.objects.filter(user=user) if s.session_key != keep_session_key]
    get_usersessions_adapter().end_sessions(sessions)
    return len(sessions)


def end_session(*, session: UserSession) -> None:
    """End one session. Side effects: deletes its session row and UserSession record."""
    get_usersessions_adapter().end_sessions([session])


def end_other_sessions(request: HttpRequest, *, user: User) -> int:
    """End all of `user`'s sessions but the one making this request (see end_sessions)."""
    current = request.session.session_key if request.user.is_authenticated and request.user.pk == user.pk else None
    return end_sessions(user=user, keep_session_key=current)


def mark_signup_browser(request: HttpRequest, *, user: User) -> None:
    """Remember, in this browser's session, that it created `user` (see SIGNUP_SESSION_KEY)."""
    request.session[SIGNUP_SESSION_KEY] = str(user.pk)


def secure_account_after_inbox_proof(request: HttpRequest | None, *, email_address: EmailAddress) -> bool:
    """Someone just proved control of `email_address`; close the pre-hijack hole.

    An account that never had a verified address but carries a password may
    have been registered by an attacker with the victim's address. Once the
    inbox owner proves control (email confirmation, magic link, a provider's
    verified email), that password and every session are wiped, unless the
    proof comes from the very browser that signed the account up.

    Side effects: may set an unusable password and end all of the user's
    sessions; logs the wipe. Returns True when it wiped.
    """
    user = email_address.user
    already_verified = (
        EmailAddress.objects.filter(user=user, verified=True).exclude(pk=email_address.pk).exists()
    )
    if already_verified or not user.has_usable_password():
        return False
    if request is not None and request.session.get(SIGNUP_SESSION_KEY) == str(user.pk):
        return False
    with transaction.atomic():
        user.set_unusable_password()
        user.save(update_fields=["password"])
        ended = end_sessions(user=user)
    logger.warning("pre-hijack defence: wiped the password and %s session(s) of an unverified account", ended)
    return True


def update_name(*, user: User, name: str) -> User:
    """Set the display name. Side effects: saves the user."""
    user.name = name.strip()
    user.save(update_fields=["name"])
    return user


def delete_account(*, user: User) -> None:
    """Delete the user and everything they own.

    Owned rows go with the user through their `owner` foreign keys
    (on_delete=CASCADE); shared rows (job postings) have no owner and stay.
    Side effects: ends every session first, then deletes the user row.
    """
    with transaction.atomic():
        end_sessions(user=user)
        user.delete()
