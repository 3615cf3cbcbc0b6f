"""The persona API: /api/v1/personas/ and one nested collection per kind of part.

Every viewset starts from the caller's scope (tenancy.api.OwnedModelViewSet):
another user's persona or part is a 404 on every method. Writes go through
personas.services, which copy the owner from the persona.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.functional import cached_property
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from personas import selectors, services
from personas.api import serializers as s
from personas.models import (
    AchievementStory,
    Bullet,
    Certification,
    CustomDealbreaker,
    Education,
    Persona,
    PersonaSkill,
    WorkHistory,
)
from tenancy.api import BulkResultSerializer, OwnedModelViewSet, bulk_result
from tenancy.shortcuts import get_owned_or_404

VOICE_ACTIONS = {"voice", "put_voice", "patch_voice", "delete_voice"}
PERSONA_ID = OpenApiParameter("persona_pk", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The persona's id")
ROLE_ID = OpenApiParameter("work_history_pk", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The role's id")


def call_service(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a service, turning its Django validation errors into the API's 400 envelope."""
    try:
        return function(*args, **kwargs)
    except DjangoValidationError as exc:
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        raise serializers.ValidationError(detail)


@extend_schema_view(
    list=extend_schema(summary="Your personas"),
    retrieve=extend_schema(summary="A persona with every part nested"),
    create=extend_schema(summary="Create a persona (only full_name is required)", responses=s.PersonaDetailSerializer),
    update=extend_schema(summary="Replace a persona's own fields", responses=s.PersonaDetailSerializer),
    partial_update=extend_schema(summary="Change some of a persona's fields", responses=s.PersonaDetailSerializer),
    destroy=extend_schema(summary="Delete a persona and everything it owns"),
)
class PersonaViewSet(OwnedModelViewSet):
    queryset = Persona.objects.all()
    serializer_class = s.PersonaSerializer

    def get_queryset(self):
        queryset = super().get_queryset().order_by("created_at")
        if self.action in {"retrieve", "create", "update", "partial_update"}:
            queryset = selectors.with_parts(queryset)
        return queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return s.PersonaDetailSerializer
        if self.action in VOICE_ACTIONS:
            return s.VoiceProfileSerializer
        return s.PersonaSerializer

    def _detail(self, persona: Persona, status_code: int = status.HTTP_200_OK) -> Response:
        fresh = selectors.persona_with_parts(self.request.user, persona.pk)
        return Response(
            s.PersonaDetailSerializer(fresh, context=self.get_serializer_context()).data, status=status_code
        )

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        persona = call_service(services.create_persona, request.user, **serializer.validated_data)
        return self._detail(persona, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        persona = self.get_object()
        serializer = self.get_serializer(persona, data=request.data, partial=kwargs.pop("partial", False))
        serializer.is_valid(raise_exception=True)
        call_service(services.update_persona, persona, **serializer.validated_data)
        return self._detail(persona)

    def perform_destroy(self, instance: Persona) -> None:
        services.delete_persona(instance)

    @extend_schema(summary="The persona's voice profile", responses=s.VoiceProfileSerializer)
    @action(detail=True, methods=["get"], url_path="voice")
    def voice(self, request: Request, pk: Any = None) -> Response:
        persona = self.get_object()
        voice = _voice_or_404(persona)
        return Response(s.VoiceProfileSerializer(voice).data)

    @extend_schema(
        summary="Create or replace the voice profile",
        request=s.VoiceProfileSerializer,
        responses=s.VoiceProfileSerializer,
    )
    @voice.mapping.put
    def put_voice(self, request: Request, pk: Any = None) -> Response:
        return self._write_voice(request, partial=False)

    @extend_schema(
        summary="Change the voice profile", request=s.VoiceProfileSerializer, responses=s.VoiceProfileSerializer
    )
    @voice.mapping.patch
    def patch_voice(self, request: Request, pk: Any = None) -> Response:
        return self._write_voice(request, partial=True)

    @extend_schema(summary="Remove the voice profile", responses={204: None})
    @voice.mapping.delete
    def delete_voice(self, request: Request, pk: Any = None) -> Response:
        persona = self.get_object()
        if not services.delete_voice(persona):
            raise NotFound()
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _write_voice(self, request: Request, *, partial: bool) -> Response:
        persona = self.get_object()
        serializer = s.VoiceProfileSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        voice = call_service(services.set_voice, persona, **serializer.validated_data)
        return Response(s.VoiceProfileSerializer(voice).data)


def _voice_or_404(persona: Persona):
    # A missing reverse one-to-one raises a DoesNotExist that is also an AttributeError.
    if not hasattr(persona, "voice"):
        raise NotFound()
    return persona.voice


class PersonaPartViewSet(OwnedModelViewSet):
    """CRUD for one kind of a persona's parts, plus reorder and bulk delete."""

    parent_model = Persona
    parent_lookup = "persona_pk"
    parent_field = "persona"
    kind = ""

    @property
    def persona(self) -> Persona:
        return self.parent

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        serializer.instance = call_service(
            services.add_child, self.persona, self.kind, **self._parent_kwargs(), **serializer.validated_data
        )

    def perform_update(self, serializer: serializers.BaseSerializer) -> None:
        call_service(services.update_child, self.persona, serializer.instance, **serializer.validated_data)

    def perform_destroy(self, instance: Any) -> None:
        services.delete_child(self.persona, instance)

    def _parent_kwargs(self) -> dict[str, Any]:
        return {}

    @extend_schema(request=s.ReorderSerializer, responses=BulkResultSerializer, summary="Reorder (all or nothing)")
    @action(detail=False, methods=["post"])
    def reorder(self, request: Request, **kwargs: Any) -> Response:
        """Ids not among these parts (unknown or someone else's) are reported NOT_FOUND and nothing moves."""
        body = s.ReorderSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            order = call_service(
                services.reorder_children, self.persona, self.kind, body.validated_data["ids"], **self._parent_kwargs()
            )
        except services.UnknownIdsError as exc:
            return Response(bulk_result([], exc.ids))
        return Response(bulk_result(order, []))

    @extend_schema(request=s.ReorderSerializer, responses=BulkResultSerializer, summary="Delete several")
    @action(detail=False, methods=["post"], url_path="bulk-delete")
    def bulk_delete(self, request: Request, **kwargs: Any) -> Response:
        """Deletes the listed parts that are yours; reports the rest as NOT_FOUND."""
        body = s.ReorderSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        deleted, missing = services.delete_children(
            self.persona, self.kind, body.validated_data["ids"], **self._parent_kwargs()
        )
        return Response(bulk_result(deleted, missing))


def _part_viewset(name: str, model: type, serializer: type, kind: str, label: str) -> type[PersonaPartViewSet]:
    viewset = type(
        name,
        (PersonaPartViewSet,),
        {
            "queryset": model.objects.all(),
            "serializer_class": serializer,
            "kind": kind,
            "__doc__": f"A persona's {label}.",
        },
    )
    return extend_schema(parameters=[PERSONA_ID], tags=["personas"])(viewset)


PersonaSkillViewSet = _part_viewset("PersonaSkillViewSet", PersonaSkill, s.PersonaSkillSerializer, "skills", "skills")
EducationViewSet = _part_viewset("EducationViewSet", Education, s.EducationSerializer, "education", "education")
CertificationViewSet = _part_viewset(
    "CertificationViewSet", Certification, s.CertificationSerializer, "certifications", "certifications"
)
AchievementStoryViewSet = _part_viewset(
    "AchievementStoryViewSet", AchievementStory, s.AchievementStorySerializer, "stories", "achievement stories"
)
CustomDealbreakerViewSet = _part_viewset(
    "CustomDealbreakerViewSet", CustomDealbreaker, s.CustomDealbreakerSerializer, "dealbreakers", "custom dealbreakers"
)


@extend_schema(parameters=[PERSONA_ID], tags=["personas"])
class WorkHistoryViewSet(PersonaPartViewSet):
    """A persona's roles, each with its bullets."""

    queryset = WorkHistory.objects.all()
    serializer_class = s.WorkHistorySerializer
    kind = "work_history"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("bullets")


@extend_schema(parameters=[PERSONA_ID, ROLE_ID], tags=["personas"])
class BulletViewSet(PersonaPartViewSet):
    """The bullets of one of a persona's roles."""

    queryset = Bullet.objects.all()
    serializer_class = s.BulletSerializer
    kind = "bullets"
    parent_model = WorkHistory
    parent_lookup = "work_history_pk"
    parent_field = "work_history"

    @cached_property
    def parent(self) -> WorkHistory:
        roles = WorkHistory.objects.select_related("persona")
        return get_owned_or_404(
            roles, self.request.user, pk=self.kwargs["work_history_pk"], persona_id=self.kwargs["persona_pk"]
        )

    @property
    def persona(self) -> Persona:
        return self.parent.persona

    def _parent_kwargs(self) -> dict[str, Any]:
        return {"work_history": self.parent}
