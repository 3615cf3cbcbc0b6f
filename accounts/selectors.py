"""Reads for the account pages and the API."""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from allauth.usersessions.models import UserSession

from accounts.models import User


@dataclass(frozen=True)
class AccountOverview:
    email_addresses: list[EmailAddress]
    has_password: bool
    mfa_types: list[str]
    social_accounts: list[SocialAccount]
    session_count: int

    @property
    def email_verified(self) -> bool:
        return any(a.verified and a.primary for a in self.email_addresses)

    @property
    def mfa_enabled(self) -> bool:
        return Authenticator.Type.TOTP in self.mfa_types or Authenticator.Type.WEBAUTHN in self.mfa_types

    @property
    def has_passkey(self) -> bool:
        return Authenticator.Type.WEBAUTHN in self.mfa_types


def account_overview(user: User) -> AccountOverview:
    return AccountOverview(
        email_addresses=list(EmailAddress.objects.filter(user=user).order_by("-primary", "email")),
        has_password=user.has_usable_password(),
        mfa_types=sorted(Authenticator.objects.filter(user=user).values_list("type", flat=True)),
        social_accounts=list(SocialAccount.objects.filter(user=user).order_by("provider")),
        session_count=UserSession.objects.filter(user=user).count(),
    )


def is_email_verified(user: User) -> bool:
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def is_mfa_enabled(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]).exists()


def user_session(user: User, session_id: int) -> UserSession | None:
    return UserSession.objects.filter(user=user, pk=session_id).first()
