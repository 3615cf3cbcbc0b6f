from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response


class MeSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    email = serializers.EmailField()
    name = serializers.CharField()
    email_verified = serializers.BooleanField()
    has_password = serializers.BooleanField()
    mfa_enabled = serializers.BooleanField()


@extend_schema(responses=MeSerializer, summary="The signed-in user")
@api_view(["GET"])
def me(request: Request) -> Response:
    user = request.user
    data = {
        "id": user.pk,
        "email": user.email,
        "name": user.name,
        "email_verified": EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists(),
        "has_password": user.has_usable_password(),
        "mfa_enabled": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
    }
    return Response(MeSerializer(data).data)
