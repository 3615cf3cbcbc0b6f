"""Cross-cutting middleware: request ids with one log line per request, and 429s."""

from __future__ import annotations

import logging
import re
import time
import uuid

from django.http import HttpRequest, HttpResponse
from django_ratelimit.exceptions import Ratelimited

from zentropy.core.logging import request_id_var

logger = logging.getLogger("zentropy.request")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    """Tags the request with an id (the caller's X-Request-ID if well formed).

    The id is on every log line written while the request runs, on the
    response header, and on every Celery task enqueued meanwhile
    (zentropy.celery copies it into the task headers).
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            elapsed_ms = (time.monotonic() - started) * 1000
            response["X-Request-ID"] = request_id
            logger.info(
                "%s %s %s %.1fms",
                request.method,
                request.path,
                response.status_code,
                elapsed_ms,
            )
            return response
        finally:
            request_id_var.reset(token)


class RatelimitedMiddleware:
    """Turns django-ratelimit's exception into our 429 page or API envelope."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, Ratelimited):
            from zentropy.core.views import ratelimited

            return ratelimited(request, exception)
        return None
