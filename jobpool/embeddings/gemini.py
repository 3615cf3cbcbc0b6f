"""Gemini embeddings: POST {base}/models/{model}:batchEmbedContents (https://ai.google.dev/api/embeddings).

Request: {"requests": [{"model": "models/{model}", "content": {"parts": [{"text"}]},
"taskType": "SEMANTIC_SIMILARITY", "outputDimensionality"?}]}, at most 100 per call.
Response: {"embeddings": [{"values": [...]}]}, in request order.
The key goes in the x-goog-api-key header, never the ?key= query string,
so it cannot leak through logged URLs.
"""

from __future__ import annotations

import numpy as np

from jobpool.embeddings.base import EmbeddingBadResponse, EmbeddingConfigError
from jobpool.embeddings.remote import RemoteProvider

DEFAULT_MODEL = "gemini-embedding-001"
DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta"
NATIVE_DIMENSIONS = {"gemini-embedding-001": 3072, "text-embedding-004": 768, "embedding-001": 768}
TASK_TYPE = "SEMANTIC_SIMILARITY"  # jobs and personas are compared symmetrically


class GeminiProvider(RemoteProvider):
    name = "gemini"
    max_batch = 100  # batchEmbedContents limit

    def __init__(
        self,
        *,
        api_key: str,
        model: str = DEFAULT_MODEL,
        dimensions: int | None = None,
        base_url: str = DEFAULT_BASE_URL,
        **options,
    ) -> None:
        if not api_key:
            raise EmbeddingConfigError("EMBEDDING_PROVIDER=gemini needs GEMINI_API_KEY")
        model = model.removeprefix("models/")
        native = NATIVE_DIMENSIONS.get(model)
        if dimensions is None and native is None:
            raise EmbeddingConfigError(f"unknown Gemini model {model!r}: set EMBEDDING_DIMENSIONS")
        self._api_key = api_key
        self._shorten = dimensions is not None and dimensions != native
        super().__init__(model=model, dimensions=dimensions or native, base_url=base_url, **options)

    def _headers(self) -> dict[str, str]:
        return {**super()._headers(), "x-goog-api-key": self._api_key}

    def _secrets(self) -> list[str]:
        return [self._api_key]

    def _request_batch(self, texts: list[str]) -> np.ndarray:
        requests = []
        for text in texts:
            request: dict = {
                "model": f"models/{self.model}",
                "content": {"parts": [{"text": text}]},
                "taskType": TASK_TYPE,
            }
            if self._shorten:
                request["outputDimensionality"] = self.dimensions
            requests.append(request)
        body = self._post(f"/models/{self.model}:batchEmbedContents", {"requests": requests})
        embeddings = body.get("embeddings")
        if not isinstance(embeddings, list):
            raise EmbeddingBadResponse("gemini response has no embeddings list")
        try:
            rows = [item["values"] for item in embeddings]
        except (KeyError, TypeError) as exc:
            raise EmbeddingBadResponse("gemini response items lack values") from exc
        return self._vectors(rows, len(texts))
