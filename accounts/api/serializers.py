from __future__ import annotations

from rest_framework import serializers


class MeSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    email = serializers.EmailField()
    name = serializers.CharField()
    email_verified = serializers.BooleanField()
    has_password = serializers.BooleanField()
    mfa_enabled = serializers.BooleanField()


class MeUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=150, trim_whitespace=True, allow_blank=False)
