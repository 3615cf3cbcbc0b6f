"""GET / PATCH /api/v1/me: the signed-in user (session + CSRF, or a headless bearer token)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import selectors, services
from accounts.api.serializers import MeSerializer, MeUpdateSerializer


def _me(user) -> dict:
    return MeSerializer(
        {
            "id": user.pk,
            "email": user.email,
            "name": user.name,
            "email_verified": selectors.is_email_verified(user),
            "has_password": user.has_usable_password(),
            "mfa_enabled": selectors.is_mfa_enabled(user),
        }
    ).data


@extend_schema(methods=["GET"], responses=MeSerializer, summary="The signed-in user")
@extend_schema(methods=["PATCH"], request=MeUpdateSerializer, responses=MeSerializer, summary="Change your display name")
@api_view(["GET", "PATCH"])
def me(request: Request) -> Response:
    if request.method == "PATCH":
        payload = MeUpdateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.update_name(user=request.user, name=payload.validated_data["name"])
    return Response(_me(request.user))
