"""GET /api/v1/insights/: the figures of the insights page, for the caller's own applications."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from insights import selectors
from insights.forms import InsightFilterForm


class InsightsView(APIView):
    @extend_schema(
        summary="Your application insights",
        description="Applications per week, the funnel (stages reached, through the timeline), response / interview / "
        "offer rates, current statuses and the average days in each stage. Default range: the last 26 weeks.",
        parameters=[
            OpenApiParameter("persona", OpenApiTypes.UUID, description="Only this persona's applications."),
            OpenApiParameter("start", OpenApiTypes.DATE, description="Applied on or after (default: 26 weeks ago)."),
            OpenApiParameter("end", OpenApiTypes.DATE, description="Applied on or before (default: today)."),
        ],
        responses={200: OpenApiResponse(OpenApiTypes.OBJECT)},
    )
    def get(self, request: Request) -> Response:
        form = InsightFilterForm(request.query_params or None, user=request.user, today=timezone.localdate())
        if form.is_bound and not form.is_valid():
            errors = form.errors.get_json_data()
            raise serializers.ValidationError({field: [e["message"] for e in found] for field, found in errors.items()})
        filters = form.filters()
        body = {"start": filters.start, "end": filters.end, "persona": filters.persona, **selectors.insights(request.user, filters)}
        return Response(body)
