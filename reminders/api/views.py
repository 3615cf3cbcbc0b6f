"""GET / PATCH /api/v1/tracker-settings/: the caller's own settings (there is no id: one row per user)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from reminders import services
from reminders.api.serializers import TrackerSettingsSerializer
from tracker.services import settings_for


def _body(user) -> dict:
    prefs = settings_for(user)
    return {name: getattr(prefs, name) for name in services.SETTINGS_FIELDS} | {"theme": user.theme}


class TrackerSettingsView(APIView):
    @extend_schema(responses=TrackerSettingsSerializer, summary="Your tracker settings")
    def get(self, request: Request) -> Response:
        return Response(TrackerSettingsSerializer(_body(request.user)).data)

    @extend_schema(request=TrackerSettingsSerializer, responses=TrackerSettingsSerializer, summary="Change some of your tracker settings")
    def patch(self, request: Request) -> Response:
        serializer = TrackerSettingsSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        try:
            services.update_tracker_settings(request.user, **serializer.validated_data)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages})
        request.user.refresh_from_db(fields=["theme"])
        return Response(TrackerSettingsSerializer(_body(request.user)).data)
