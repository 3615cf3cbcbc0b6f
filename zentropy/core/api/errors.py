"""The one error envelope for every API error.

    {"error": {"code": "NOT_FOUND", "message": "Not found.", "details": {...}, "request_id": "..."}}

`details` is present for validation errors (field -> list of messages).
No stack trace or internal id ever appears; unexpected exceptions become a
500 with a generic message and are logged with the request id.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django_ratelimit.exceptions import Ratelimited
from rest_framework import exceptions, status
from rest_framework.response import Response

from zentropy.core.logging import request_id_var
from zentropy.core.ratelimits import RateLimited

logger = logging.getLogger(__name__)

_CODES = {
    400: "VALIDATION_ERROR",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    422: "UNPROCESSABLE",
    429: "RATE_LIMITED",
    500: "INTERNAL_ERROR",
    503: "UNAVAILABLE",
}


class ApiError(exceptions.APIException):
    """An API error with our own code, e.g. ApiError(409, "ALREADY_LINKED", "You already track this job.")."""

    def __init__(self, status_code: int, code: str, message: str, details=None) -> None:
        self.status_code = status_code
        self.error_code = code
        self.details = details
        super().__init__(detail=message, code=code)


def envelope(status_code: int, message: str, code: str | None = None, details=None) -> dict:
    body = {"code": code or _CODES.get(status_code, "ERROR"), "message": message, "request_id": request_id_var.get()}
    if details:
        body["details"] = details
    return {"error": body}


def _message_for(exc: exceptions.APIException) -> str:
    detail = exc.detail
    if isinstance(detail, (list, dict)):
        return "Some fields are not valid." if isinstance(exc, exceptions.ValidationError) else str(exc.default_detail)
    return str(detail)


def exception_handler(exc: Exception, context: dict) -> Response:
    headers: dict[str, str] = {}
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, RateLimited):
        return Response(
            envelope(429, exc.message),
            status=429,
            headers={"Retry-After": str(exc.retry_after)},
        )
    if isinstance(exc, Ratelimited):
        return Response(envelope(429, "Too many requests. Please wait and try again."), status=429, headers={"Retry-After": "60"})
    if isinstance(exc, ApiError):
        return Response(envelope(exc.status_code, str(exc.detail), exc.error_code, exc.details), status=exc.status_code)
    if isinstance(exc, exceptions.APIException):
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
        details = exc.detail if isinstance(exc, exceptions.ValidationError) else None
        if isinstance(details, list):
            details = {"non_field_errors": details}
        return Response(envelope(exc.status_code, _message_for(exc), details=details), status=exc.status_code, headers=headers)
    logger.exception("unhandled API error")
    return Response(envelope(500, "Something went wrong on our side."), status=status.HTTP_500_INTERNAL_SERVER_ERROR)


def json_error(request: HttpRequest, status_code: int, message: str) -> JsonResponse:
    """The envelope for errors raised outside DRF (URL 404s, CSRF failures, 500s) on API paths."""
    return JsonResponse(envelope(status_code, message), status=status_code)


ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "request_id"],
            "properties": {
                "code": {"type": "string", "example": "NOT_FOUND"},
                "message": {"type": "string", "example": "Not found."},
                "request_id": {"type": "string"},
                "details": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    "description": "Per-field messages, on validation errors only.",
                },
            },
        }
    },
}


def add_error_responses(result: dict, generator, request, public) -> dict:
    """drf-spectacular hook: declare the envelope and attach it to every operation."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR_SCHEMA
    ref = {"$ref": "#/components/schemas/Error"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            codes = ["400", "401", "404", "429"] if method != "get" else ["401", "404", "429"]
            for code in codes:
                responses.setdefault(code, {"description": _CODES[int(code)].replace("_", " ").lower(), "content": {"application/json": {"schema": ref}}})
    return result
