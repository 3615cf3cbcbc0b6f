"""allauth adapters: the one customisation seam for sign-in flows.

AccountAdapter adds a per-address rate limit to signup (allauth's own signup
limit is per IP only). SocialAccountAdapter applies our linking rule:

1. a known (provider, uid) signs in, whatever its email is now;
2. an address that already has an account is linked only when the provider
   verified it AND the account verified it; if the account never verified any
   address, the provider's proof of the inbox takes the account over (the
   password an attacker may have set is wiped, see services.
   secure_account_after_inbox_proof); anything else is refused with a page
   that says how to sign in, and no second user is ever created;
3. otherwise a new account, verified only if the provider verified the email.
"""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.email_verification import verify_email
from allauth.account.models import EmailAddress
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import render

from accounts.limits import address_key, hit
from accounts.models import User


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email: str) -> str:
        """Count every address submitted to signup / add-email against a per-address limit."""
        request = context.request
        if request is not None and request.method == "POST" and email:
            hit(request, group="signup-email", key=address_key(email), rate=settings.SIGNUP_RATE_PER_EMAIL)
        return super().clean_email(email)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data: dict):
        user = super().populate_user(request, sociallogin, data)
        full_name = data.get("name") or " ".join(p for p in (data.get("first_name"), data.get("last_name")) if p)
        user.name = (full_name or "").strip()[:150]
        return user

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        if sociallogin.is_existing or sociallogin.state.get("process") == "connect":
            return
        for provider_address in sociallogin.email_addresses:
            owner = _account_holding(provider_address.email)
            if owner is None:
                continue
            if not provider_address.verified:
                self._refuse(request, sociallogin, reason="provider_unverified")
            account_address = EmailAddress.objects.filter(user=owner, email__iexact=provider_address.email).first()
            if account_address is not None and account_address.verified:
                sociallogin.connect(request, owner)
                return
            if not EmailAddress.objects.filter(user=owner, verified=True).exists():
                # Nobody ever proved this inbox for the account; the provider just did.
                address = account_address or EmailAddress(user=owner, email=owner.email, primary=True)
                verify_email(request, address)
                owner.refresh_from_db()
                sociallogin.connect(request, owner)
                return
            self._refuse(request, sociallogin, reason="account_unverified")

    def _refuse(self, request: HttpRequest, sociallogin: SocialLogin, *, reason: str) -> None:
        provider = sociallogin.provider.name
        raise ImmediateHttpResponse(
            render(
                request,
                "socialaccount/link_refused.html",
                {"provider_name": provider, "reason": reason},
                status=409,
            )
        )


def _account_holding(email: str) -> User | None:
    # Another account may have added the same address unverified: the verified owner wins.
    address = (
        EmailAddress.objects.filter(email__iexact=email).select_related("user").order_by("-verified", "-primary").first()
    )
    if address is not None:
        return address.user
    return User.objects.filter(email__iexact=email).first()
