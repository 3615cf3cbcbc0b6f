"""The tracker API: applications and their timeline, interviews, notes and tags; saved views; all interviews.

Every viewset starts from the caller's scope (tenancy.api.OwnedModelViewSet);
nested ones fetch the application through it first, so another user's
application is a 404 on every method. Writes go through tracker.services.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, pagination, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from tenancy.api import OwnedModelViewSet
from tracker import selectors, services
from tracker.api import serializers as s
from tracker.downloads import ics_response
from tracker.filters import FilterForm
from tracker.models import Application, Interview, Note, SavedView, TimelineEvent
from tracker.transitions import InvalidTransition
from zentropy.core.api.errors import ApiError

APPLICATION_ID = OpenApiParameter("application_pk", OpenApiTypes.UUID, OpenApiParameter.PATH, description="The application's id")
LIST_PARAMETERS = [
    OpenApiParameter("q", str, description="Words to find in company, title, location, tags and notes (prefixes match)."),
    OpenApiParameter("status", str, many=True, description="Any of these statuses (repeat the parameter)."),
    OpenApiParameter("tag", str, many=True, description="Any of these tags (repeat the parameter)."),
    OpenApiParameter("priority", str, many=True, description="Any of these priorities."),
    OpenApiParameter("persona", OpenApiTypes.UUID, description="Only this persona's applications."),
    OpenApiParameter("follow_up", bool, description="Only applications that need a follow-up."),
    OpenApiParameter("applied_from", OpenApiTypes.DATE),
    OpenApiParameter("applied_to", OpenApiTypes.DATE),
    OpenApiParameter("include_inactive", bool, description="Include what your 'hide inactive after N days' setting hides."),
    OpenApiParameter("sort", str, enum=["activity", "next_action", "applied", "company", "status", "priority"]),
]


def call_service(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run a service; its validation errors become the 400 envelope, a refused move the 422 one."""
    try:
        return function(*args, **kwargs)
    except DjangoValidationError as exc:
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        raise serializers.ValidationError(detail)
    except InvalidTransition as exc:
        raise ApiError(
            422, "INVALID_TRANSITION", exc.message, details={"from": [exc.current], "to": [exc.target]}
        )
    except services.AlreadyTracked as exc:
        details = {"application": [str(exc.application.pk)]} if exc.application else None
        raise ApiError(409, "ALREADY_TRACKED", str(exc), details=details)


@extend_schema_view(
    list=extend_schema(summary="Your applications (search, filter, sort)", parameters=LIST_PARAMETERS),
    retrieve=extend_schema(summary="One application with its frozen job snapshot"),
    create=extend_schema(
        summary="Start an application from one of your job links, or from scratch",
        request=s.ApplicationCreateSerializer,
        responses={201: s.ApplicationDetailSerializer},
    ),
    partial_update=extend_schema(
        summary="Change an application (status through the pipeline rules)",
        request=s.ApplicationUpdateSerializer,
        responses={200: s.ApplicationDetailSerializer, 422: OpenApiResponse(description="INVALID_TRANSITION")},
    ),
    destroy=extend_schema(summary="Delete an application with its timeline, interviews, notes and tags"),
)
class ApplicationViewSet(OwnedModelViewSet):
    queryset = Application.objects.all()
    serializer_class = s.ApplicationSerializer
    filter_backends: list = []

    def get_queryset(self):
        queryset = super().get_queryset()
        if getattr(self, "swagger_fake_view", False):
            return queryset
        prefs = services.settings_for(self.request.user)
        if self.action == "list":
            form = FilterForm(self.request.query_params)
            if not form.is_valid():
                raise serializers.ValidationError(form.errors)
            queryset = selectors.filter_applications(self.request.user, form.filters(), prefs=prefs)
        else:
            queryset = queryset.with_follow_up(now=timezone.now(), quiet_days=prefs.follow_up_days)
        return selectors.with_tags(queryset, self.request.user)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return s.ApplicationDetailSerializer
        return s.ApplicationSerializer

    def _detail(self, application: Application, status_code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=application.pk)
        return Response(s.ApplicationDetailSerializer(fresh, context=self.get_serializer_context()).data, status=status_code)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = s.ApplicationCreateSerializer(data=request.data, context=self.get_serializer_context())
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        tags = data.pop("tags", None)
        link = data.pop("persona_job", None)
        if link is not None:
            application = call_service(
                services.start_from_job, link, priority=data.get("priority", ""), source=data.get("source", ""),
                referral=data.get("referral", ""),
            )
        else:
            application = call_service(services.create_from_scratch, request.user, **data)
        if tags:
            call_service(services.set_tags, application, tags)
        return self._detail(application, status.HTTP_201_CREATED)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        application = self.get_object()
        body = s.ApplicationUpdateSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        target, tags = data.pop("status", None), data.pop("tags", None)
        if data:
            call_service(services.update_details, application, **data)
        if tags is not None:
            call_service(services.set_tags, application, tags)
        if target is not None:
            call_service(services.change_status, application, target)
        return self._detail(application)

    def perform_destroy(self, instance: Application) -> None:
        services.delete_application(instance)

    @extend_schema(summary="Reopen a closed application (logged)", request=None, responses=s.ApplicationDetailSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request: Request, pk: Any = None) -> Response:
        application = self.get_object()
        call_service(services.reopen, application)
        return self._detail(application)

    @extend_schema(summary="The application's tags", responses=s.TagsSerializer)
    @action(detail=True, methods=["get"])
    def tags(self, request: Request, pk: Any = None) -> Response:
        application = self.get_object()
        return Response({"tags": [tag.name for tag in application.tags.all()]})

    @extend_schema(summary="Replace the application's tags", request=s.TagsSerializer, responses=s.TagsSerializer)
    @tags.mapping.put
    def put_tags(self, request: Request, pk: Any = None) -> Response:
        application = self.get_object()
        body = s.TagsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return Response({"tags": call_service(services.set_tags, application, body.validated_data["tags"])})

    @extend_schema(
        summary="Your tags, most used first",
        parameters=[OpenApiParameter("prefix", str), OpenApiParameter("limit", int)],
        responses=s.TagSuggestionsSerializer,
    )
    @action(detail=False, methods=["get"], url_path="tag-suggestions")
    def tag_suggestions(self, request: Request) -> Response:
        try:
            limit = max(1, min(int(request.query_params.get("limit", 20)), 100))
        except ValueError:
            raise serializers.ValidationError({"limit": ["A number from 1 to 100."]})
        prefix = request.query_params.get("prefix", "")[:64]
        return Response({"tags": selectors.tag_suggestions(request.user, prefix=prefix, limit=limit)})

    @extend_schema(summary="Set the next action (a quick one or your own)", request=s.NextActionSerializer, responses=s.ApplicationDetailSerializer)
    @action(detail=True, methods=["post"], url_path="next-action")
    def next_action(self, request: Request, pk: Any = None) -> Response:
        application = self.get_object()
        body = s.NextActionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        if body.validated_data.get("quick"):
            call_service(services.apply_quick_action, application, body.validated_data["quick"])
        else:
            call_service(services.set_next_action, application, title=body.validated_data["title"], due_at=body.validated_data["due_at"])
        return self._detail(application)

    @extend_schema(summary="Mark the next action done", request=None, responses=s.ApplicationDetailSerializer)
    @action(detail=True, methods=["post"], url_path="next-action/done")
    def next_action_done(self, request: Request, pk: Any = None) -> Response:
        application = self.get_object()
        call_service(services.complete_next_action, application)
        return self._detail(application)


class NotOffered:
    """Hides an inherited ModelViewSet action from the router (it maps only actions the class has),
    so the route, the schema and the isolation walk all see the method as absent: a request gets 405."""

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        raise AttributeError("this action is not offered")


class ApplicationChildViewSet(OwnedModelViewSet):
    parent_model = Application
    parent_lookup = "application_pk"
    parent_field = "application"

    @property
    def application(self) -> Application:
        return self.parent


class TimelinePagination(pagination.CursorPagination):
    ordering = ("-created_at", "-id")
    page_size = 20
    page_size_query_param = "limit"
    max_page_size = 200


@extend_schema_view(
    list=extend_schema(summary="The application's timeline, newest first (cursor pagination)", parameters=[APPLICATION_ID]),
    retrieve=extend_schema(summary="One timeline event", parameters=[APPLICATION_ID]),
    create=extend_schema(summary="Log something that happened (a manual entry)", parameters=[APPLICATION_ID]),
)
class TimelineViewSet(ApplicationChildViewSet):
    """Events are immutable: there is no update or delete (PATCH, PUT and DELETE answer 405)."""

    update = partial_update = destroy = NotOffered()

    queryset = TimelineEvent.objects.all()
    serializer_class = s.TimelineEventSerializer
    pagination_class = TimelinePagination
    filter_backends: list = []
    http_method_names = ["get", "post", "head", "options"]

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        serializer.instance = call_service(services.add_manual_event, self.application, message=serializer.validated_data["message"])


@extend_schema_view(
    list=extend_schema(summary="The application's notes, newest first", parameters=[APPLICATION_ID]),
    retrieve=extend_schema(summary="One note", parameters=[APPLICATION_ID]),
    create=extend_schema(summary="Add a note", parameters=[APPLICATION_ID]),
    update=extend_schema(summary="Edit a note", parameters=[APPLICATION_ID]),
    partial_update=extend_schema(summary="Edit a note", parameters=[APPLICATION_ID]),
    destroy=extend_schema(summary="Delete a note", parameters=[APPLICATION_ID]),
)
class NoteViewSet(ApplicationChildViewSet):
    queryset = Note.objects.order_by("-created_at", "-id")
    serializer_class = s.NoteSerializer

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        serializer.instance = call_service(services.add_note, self.application, body=serializer.validated_data["body"])

    def perform_update(self, serializer: serializers.BaseSerializer) -> None:
        note = serializer.instance
        note.application = self.application
        call_service(services.edit_note, note, body=serializer.validated_data.get("body", note.body))

    def perform_destroy(self, instance: Note) -> None:
        instance.application = self.application
        services.delete_note(instance)


@extend_schema_view(
    list=extend_schema(summary="The application's interviews, latest first", parameters=[APPLICATION_ID]),
    retrieve=extend_schema(summary="One interview", parameters=[APPLICATION_ID]),
    create=extend_schema(summary="Schedule an interview", parameters=[APPLICATION_ID]),
    update=extend_schema(summary="Change an interview", parameters=[APPLICATION_ID]),
    partial_update=extend_schema(summary="Change an interview (status cancelled cancels it)", parameters=[APPLICATION_ID]),
    destroy=extend_schema(summary="Remove an interview entered by mistake (logged)", parameters=[APPLICATION_ID]),
)
class InterviewViewSet(ApplicationChildViewSet):
    queryset = Interview.objects.order_by("-scheduled_at", "id")
    serializer_class = s.InterviewSerializer

    def perform_create(self, serializer: serializers.BaseSerializer) -> None:
        serializer.instance = call_service(services.schedule_interview, self.application, **serializer.validated_data)

    def perform_update(self, serializer: serializers.BaseSerializer) -> None:
        interview = serializer.instance
        interview.application = self.application
        call_service(services.update_interview, interview, **serializer.validated_data)

    def perform_destroy(self, instance: Interview) -> None:
        instance.application = self.application
        services.delete_interview(instance)

    @extend_schema(
        summary="The interview as an iCalendar file",
        parameters=[APPLICATION_ID],
        responses={(200, "text/calendar"): OpenApiTypes.STR},
    )
    @action(detail=True, methods=["get"])
    def ics(self, request: Request, application_pk: Any = None, pk: Any = None) -> HttpResponse:
        interview = self.get_object()
        interview.application = self.application
        return ics_response(interview)


@extend_schema_view(
    list=extend_schema(summary="All your interviews: upcoming first (soonest first), then past ones"),
)
class AllInterviewsViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Read-only; the queryset comes from the caller's scope (tracker.selectors)."""

    queryset = Interview.objects.all()
    serializer_class = s.InterviewListSerializer
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Interview.objects.none()
        return selectors.interviews_upcoming_first(self.request.user)


@extend_schema_view(
    list=extend_schema(summary="Your saved views"),
    retrieve=extend_schema(summary="One saved view"),
    create=extend_schema(summary="Save a view (a view of the same name is overwritten: 200 instead of 201)"),
    update=extend_schema(summary="Replace a saved view"),
    partial_update=extend_schema(summary="Rename, change, or make default (409 if the name is taken)"),
    destroy=extend_schema(summary="Delete a saved view"),
)
class SavedViewViewSet(OwnedModelViewSet):
    queryset = SavedView.objects.order_by("name")
    serializer_class = s.SavedViewSerializer
    filter_backends: list = []

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        view, created = call_service(services.save_view, request.user, **body.validated_data)
        return Response(self.get_serializer(view).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    def perform_update(self, serializer: serializers.BaseSerializer) -> None:
        try:
            services.update_view(serializer.instance, **serializer.validated_data)
        except DjangoValidationError as exc:
            if "name" in getattr(exc, "message_dict", {}):
                raise ApiError(409, "CONFLICT", exc.message_dict["name"][0])
            raise serializers.ValidationError(exc.message_dict)

    def perform_destroy(self, instance: SavedView) -> None:
        services.delete_view(instance)
