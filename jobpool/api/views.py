"""The job-postings API: manual add and the two-step paste ingest (POST /api/v1/job-postings/...).

Ids in bodies (the persona) are resolved through the caller's scope: another
user's persona is a 404. The answer is the same whether the pool already had
the job or not; only a job this persona already tracks is a 409.
"""

from __future__ import annotations

import logging

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from jobpool import quarantine, selectors, services
from jobpool.api import serializers as s
from jobpool.content_security import ContentSecurityViolation
from jobpool.intake import PostingInput
from jobpool.matching.explained import explain_links
from jobpool.models import PersonaJob
from personas.models import Persona
from tenancy.api import BulkIdsSerializer, BulkResultSerializer, bulk_result, split_owned_ids
from tenancy.shortcuts import get_owned_or_404
from zentropy.core.api.errors import ApiError

logger = logging.getLogger(__name__)


def _persona(request: Request, persona_id) -> Persona:
    return get_owned_or_404(Persona, request.user, pk=persona_id)


def _created(link) -> Response:
    return Response(s.JobLinkSerializer(link).data, status=status.HTTP_201_CREATED)


def _intake_errors(call):
    """Run an intake service and turn its refusals into API errors (messages name no internals)."""
    try:
        return call()
    except ContentSecurityViolation as violation:
        raise ApiError(400, "CONTENT_SECURITY_VIOLATION", str(violation))
    except services.SubmissionLimitReached as limit:
        raise exceptions.Throttled(wait=limit.retry_after, detail=str(limit))
    except services.AlreadyTracked as tracked:
        raise ApiError(409, "DUPLICATE_JOB", str(tracked), details={"id": str(tracked.link.pk)})
    except services.TokenInvalid:
        raise exceptions.NotFound()
    except services.IncompleteFacts as incomplete:
        raise ApiError(400, "VALIDATION_ERROR", str(incomplete), details={f: ["This field is required."] for f in incomplete.fields})


class JobPostingViewSet(viewsets.GenericViewSet):
    """The caller's jobs: links to pooled postings, addressed by the link's id."""

    serializer_class = s.JobLinkSerializer
    lookup_value_converter = "uuid"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return PersonaJob.objects.none()
        return PersonaJob.objects.for_user(self.request.user).select_related("posting").prefetch_related("posting__skills")

    @extend_schema(parameters=[s.FeedQuerySerializer])
    def list(self, request: Request) -> Response:
        """Your jobs, best fit first; filter by persona, status, fit, favourites, work model, salary, recency, text."""
        query = s.FeedQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        q = query.validated_data
        persona = _persona(request, q["persona"]) if "persona" in q else None
        filters = selectors.FeedFilters(
            persona=persona, status=None if q["status"] == "all" else q["status"], min_fit=q.get("min_fit"),
            favorites_only=q["favorites"], work_model=q.get("work_model"), salary_disclosed=q["salary_disclosed"],
            posted_within_days=q.get("posted_within"), search=q["q"], include_failed=q["include_failed"],
            ordering=q["ordering"],
        )
        page = self.paginate_queryset(selectors.feed_links(request.user, filters))
        explain_links(page)
        return self.get_paginated_response(s.JobLinkSerializer(page, many=True).data)

    def retrieve(self, request: Request, pk=None) -> Response:
        link = self.get_object()
        explain_links([link])
        return Response(s.JobLinkSerializer(link).data)

    @extend_schema(request=s.LinkUpdateSerializer, responses={200: s.JobLinkSerializer})
    def partial_update(self, request: Request, pk=None) -> Response:
        """Change your status (discovered / dismissed / applied) or favourite; the job's own facts are read-only."""
        link = self.get_object()
        body = s.LinkUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            services.update_link(link, **body.validated_data)
        except services.InvalidMove as move:
            raise ApiError(400, "INVALID_STATUS_CHANGE", str(move))
        explain_links([link])
        return Response(s.JobLinkSerializer(link).data)

    @extend_schema(request=BulkIdsSerializer, responses={200: BulkResultSerializer})
    @action(detail=False, methods=["post"], url_path="bulk-dismiss", url_name="bulk-dismiss")
    def bulk_dismiss(self, request: Request) -> Response:
        """Dismiss several jobs; ids that are not yours are reported as not found."""
        body = BulkIdsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        links, missing = split_owned_ids(self.get_queryset(), body.validated_data["ids"])
        services.bulk_dismiss(links)
        return Response(bulk_result([link.pk for link in links], missing))

    @extend_schema(request=s.BulkFavoriteSerializer, responses={200: BulkResultSerializer})
    @action(detail=False, methods=["post"], url_path="bulk-favorite", url_name="bulk-favorite")
    def bulk_favorite(self, request: Request) -> Response:
        """Favourite (or un-favourite with is_favorite=false) several jobs."""
        body = s.BulkFavoriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        links, missing = split_owned_ids(self.get_queryset(), body.validated_data["ids"])
        services.bulk_favorite(links, is_favorite=body.validated_data["is_favorite"])
        return Response(bulk_result([link.pk for link in links], missing))

    @extend_schema(request=s.ReportSerializer, responses={201: None})
    @action(detail=True, methods=["post"])
    def report(self, request: Request, pk=None) -> Response:
        """Report a job (scam, spam, offensive, inaccurate, expired, other); it is held for a moderator."""
        link = self.get_object()
        body = s.ReportSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        report = quarantine.report_posting(user=request.user, posting=link.posting, **body.validated_data)
        return Response({"reason": report.reason, "note": report.note, "status": "received"}, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.ManualPostingSerializer, responses={201: s.JobLinkSerializer})
    def create(self, request: Request) -> Response:
        """Add a job by hand. It joins the shared pool (quarantined for 7 days) and your persona's jobs."""
        body = s.ManualPostingSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        persona = _persona(request, data.pop("persona"))
        posting = PostingInput(source="manual", description_text=data.pop("description"), **data)
        return _created(_intake_errors(lambda: services.add_manual_posting(request.user, persona=persona, posting=posting)))

    @extend_schema(request=s.IngestSerializer, responses={200: s.IngestPreviewSerializer})
    @action(detail=False, methods=["post"])
    def ingest(self, request: Request) -> Response:
        """Step 1 of adding a pasted posting: a preview and a single-use token valid for 15 minutes."""
        body = s.IngestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        persona = _persona(request, body.validated_data["persona"])
        token = _intake_errors(
            lambda: services.preview_paste(
                request.user, persona=persona, text=body.validated_data["raw_text"], source_url=body.validated_data["source_url"]
            )
        )
        return Response({"token": token.pk, "expires_at": token.expires_at, "preview": token.preview})

    @extend_schema(request=s.IngestConfirmSerializer, responses={201: s.JobLinkSerializer})
    @action(detail=False, methods=["post"], url_path="ingest/confirm", url_name="ingest-confirm")
    def ingest_confirm(self, request: Request) -> Response:
        """Step 2: confirm the preview, optionally editing title, company, location, salary, work model, culture, skills."""
        body = s.IngestConfirmSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return _created(
            _intake_errors(
                lambda: services.confirm_paste(
                    request.user, token_id=body.validated_data["token"], edits=body.validated_data["modifications"]
                )
            )
        )
