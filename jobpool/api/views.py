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

from jobpool import services
from jobpool.api import serializers as s
from jobpool.content_security import ContentSecurityViolation
from jobpool.intake import PostingInput
from personas.models import Persona
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
    serializer_class = s.JobLinkSerializer

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
