"""Magic-link sign-in: request, redeem by link (POST only) or by typed code.

Why our own and not allauth's login-by-code: see
docs/decisions/011-magic-links.md. In short, the emailed link opens a
confirmation page and only that page's POST consumes the token, so a mail
scanner that follows links can't burn it; rows keep only hashes.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from allauth.account import app_settings as account_settings
from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.internal.flows.email_verification import verify_email
from allauth.account.internal.flows.login import record_authentication
from allauth.account.models import EmailAddress
from allauth.account.utils import perform_login
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.limits import address_key, hit
from accounts.models import MagicLink, User

logger = logging.getLogger(__name__)

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: typed by hand
CODE_LENGTH = 8
MAX_CODE_ATTEMPTS = 5
PENDING_SESSION_KEY = "accounts_magic_link_pending"


@dataclass(frozen=True)
class IssuedLink:
    """What the email carries; never stored."""

    token: str
    code: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_code(link_id: str, code: str) -> str:
    # Keyed and bound to the row: a leaked table can't be brute-forced offline.
    return salted_hmac("accounts.magic-link.code", f"{link_id}:{normalise_code(code)}").hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def _active_user_for(email: str) -> User | None:
    """The account signing in with `email`: a verified address of any account, else an account's login email."""
    address = (
        EmailAddress.objects.filter(email__iexact=email, verified=True, user__is_active=True).select_related("user").first()
    )
    if address is not None:
        return address.user
    return User.objects.filter(email__iexact=email, is_active=True).first()


def request_magic_link(request: HttpRequest, *, email: str) -> None:
    """Email a one-time sign-in link and code for `email`; the same outcome whatever the address.

    Side effects: consumes the per-IP and per-address rate limits (raises
    RateLimited); for a known active account stores a MagicLink (hashes only)
    and mails the link and code; for an unknown address mails an "no account
    here" notice when ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS is on; always puts a
    pending id in the session so the code form behaves the same either way.
    """
    email = email.strip().lower()
    hit(request, group="magic-link-ip", key="ip", rate=settings.MAGIC_LINK_RATE_PER_IP)
    hit(request, group="magic-link-email", key=address_key(email), rate=settings.MAGIC_LINK_RATE_PER_EMAIL)
    issued = IssuedLink(
        token=secrets.token_urlsafe(32),
        code="".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)),
    )
    user = _active_user_for(email)
    if user is None:
        request.session[PENDING_SESSION_KEY] = str(MagicLink._meta.pk.default())
        if account_settings.EMAIL_UNKNOWN_ACCOUNTS:
            get_account_adapter(request).send_mail(
                "accounts/email/magic_link_unknown", email, {"signup_url": _absolute(request, reverse("account_signup"))}
            )
        return
    link = MagicLink(
        user=user,
        email=email,
        token_hash=hash_token(issued.token),
        expires_at=timezone.now() + timedelta(seconds=settings.MAGIC_LINK_TTL_SECONDS),
        requested_ip=request.META.get("REMOTE_ADDR") or None,
    )
    link.code_hash = hash_code(str(link.id), issued.code)
    link.save()
    request.session[PENDING_SESSION_KEY] = str(link.id)
    get_account_adapter(request).send_mail(
        "accounts/email/magic_link",
        email,
        {
            "link_url": _absolute(request, reverse("accounts:magic-link-confirm", args=[issued.token])),
            "code": format_code(issued.code),
            "minutes": settings.MAGIC_LINK_TTL_SECONDS // 60,
        },
    )


def _absolute(request: HttpRequest, path: str) -> str:
    return settings.SITE_URL + path if settings.SITE_URL else request.build_absolute_uri(path)


def _consume(link: MagicLink) -> None:
    """Mark this link used and retire every other open link of the account."""
    now = timezone.now()
    MagicLink.objects.filter(user_id=link.user_id, used_at__isnull=True).update(used_at=now)
    link.used_at = now


def redeem_token(*, token: str) -> MagicLink | None:
    """The usable link for `token`, consumed; None if unknown, used or expired.

    Side effects: marks the link (and the account's other open links) used.
    """
    with transaction.atomic():
        link = (
            MagicLink.objects.select_for_update()
            .select_related("user")
            .filter(token_hash=hash_token(token))
            .first()
        )
        if link is None or not link.is_usable:
            return None
        _consume(link)
        return link


def redeem_code(request: HttpRequest, *, code: str) -> MagicLink | None:
    """The link this browser asked for, if `code` matches it; consumed on success.

    Side effects: counts the attempt (per IP on the shared cache and on the
    row); after MAX_CODE_ATTEMPTS wrong codes the link is burned.
    """
    hit(request, group="magic-link-code-ip", key="ip", rate=settings.MAGIC_LINK_RATE_PER_IP)
    pending = request.session.get(PENDING_SESSION_KEY)
    with transaction.atomic():
        link = MagicLink.objects.select_for_update().select_related("user").filter(pk=pending).first() if pending else None
        if link is None or not link.is_usable:
            return None
        link.code_attempts += 1
        if not constant_time_compare(link.code_hash, hash_code(str(link.id), code)):
            if link.code_attempts >= MAX_CODE_ATTEMPTS:
                link.used_at = timezone.now()
            link.save(update_fields=["code_attempts", "used_at"])
            return None
        _consume(link)
        link.save(update_fields=["code_attempts", "used_at"])
    request.session.pop(PENDING_SESSION_KEY, None)
    return link


def sign_in_with_link(request: HttpRequest, *, link: MagicLink, redirect_url: str | None = None) -> HttpResponse:
    """Sign in the link's account: the inbox is proved, so verify the address first.

    Side effects: marks the address verified (allauth's email_confirmed
    signal then runs the pre-hijack wipe, accounts.signals), records the
    authentication and logs in through allauth's stages, so MFA still applies.
    """
    user = link.user
    address = EmailAddress.objects.filter(user=user, email__iexact=link.email).first()
    if address is None:
        address = EmailAddress(user=user, email=link.email, primary=not EmailAddress.objects.filter(user=user).exists())
    if not address.verified:
        verify_email(request, address)
        user.refresh_from_db()
    record_authentication(request, user, "magic_link", email=link.email)
    return perform_login(
        request,
        user,
        email_verification=account_settings.EmailVerificationMethod.MANDATORY,
        redirect_url=redirect_url,
        email=link.email,
    )
