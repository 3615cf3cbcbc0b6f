"""Receivers for allauth's signals (connected in AccountsConfig.ready).

Each receiver only calls one service in accounts.services.
"""

from __future__ import annotations

from allauth.account import signals as account_signals
from django.dispatch import receiver

from accounts import services


@receiver(account_signals.user_signed_up)
def remember_signup_browser(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        services.mark_signup_browser(request, user=user)


@receiver(account_signals.email_confirmed)
def close_pre_hijack_hole(sender, request, email_address, **kwargs) -> None:
    services.secure_account_after_inbox_proof(request, email_address=email_address)


@receiver(account_signals.password_changed)
@receiver(account_signals.password_set)
def end_sessions_elsewhere(sender, request, user, **kwargs) -> None:
    services.end_other_sessions(request, user=user)


@receiver(account_signals.password_reset)
def end_every_session(sender, request, user, **kwargs) -> None:
    services.end_sessions(user=user)
