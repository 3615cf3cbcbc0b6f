"""GET /api/v1/exports/applications.csv|.json and /api/v1/exports/all.json (streamed downloads)."""

from __future__ import annotations

from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from exports import downloads
from tracker.api.views import LIST_PARAMETERS
from zentropy.core.ratelimits import limit

FILTER_NOTE = "Takes the application list's filters (q, status, tag, ...); without any, every application is exported."


class DownloadView(APIView):
    """Downloads answer whatever the Accept header says; errors are always the JSON envelope."""

    renderer_classes = [JSONRenderer]

    def perform_content_negotiation(self, request, force=False):
        return super().perform_content_negotiation(request, force=True)


class ApplicationsCsvExport(DownloadView):
    @extend_schema(
        summary="Your applications with their timeline, as CSV",
        description=FILTER_NOTE,
        parameters=LIST_PARAMETERS,
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="One row per application.")},
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return downloads.download("applications.csv", request.user, request.query_params)


class ApplicationsJsonExport(DownloadView):
    @extend_schema(
        summary="Your applications with tags, notes, interviews and timeline, as JSON",
        description=FILTER_NOTE,
        parameters=LIST_PARAMETERS,
        responses={(200, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT)},
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        return downloads.download("applications.json", request.user, request.query_params)


class EverythingJsonExport(DownloadView):
    @extend_schema(
        summary="All of your data as one JSON document (streamed)",
        description="Account, tracker settings, personas and their parts, job links with the job's facts, "
        "applications (tags, notes, interviews, timeline) and saved views. Limited to 10 an hour.",
        responses={(200, "application/json"): OpenApiResponse(OpenApiTypes.OBJECT)},
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        limit(request, group="exports:all", key="user", rate="10/h")
        return downloads.download("all.json", request.user, request.query_params)
