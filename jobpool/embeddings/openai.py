"""OpenAI embeddings: POST {base}/embeddings (https://platform.openai.com/docs/api-reference/embeddings).

Request: {"model", "input": [texts], "encoding_format": "float", "dimensions"?}.
Response: {"object": "list", "data": [{"object": "embedding", "index", "embedding": [...]}], "model", "usage"}.
The key goes in the Authorization header. `dimensions` shortens text-embedding-3
vectors server-side (useful under pgvector's 2,000-dimension index limit).
"""

from __future__ import annotations

import numpy as np

from jobpool.embeddings.base import EmbeddingBadResponse, EmbeddingConfigError
from jobpool.embeddings.remote import RemoteProvider

DEFAULT_MODEL = "text-embedding-3-small"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
NATIVE_DIMENSIONS = {"text-embedding-3-small": 1536, "text-embedding-3-large": 3072, "text-embedding-ada-002": 1536}
SHORTENABLE = {"text-embedding-3-small", "text-embedding-3-large"}


class OpenAIProvider(RemoteProvider):
    name = "openai"
    max_batch = 2048  # the API's per-request input limit

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
            raise EmbeddingConfigError("EMBEDDING_PROVIDER=openai needs OPENAI_API_KEY")
        native = NATIVE_DIMENSIONS.get(model)
        if dimensions is None and native is None:
            raise EmbeddingConfigError(f"unknown OpenAI model {model!r}: set EMBEDDING_DIMENSIONS")
        if dimensions is not None and native is not None and dimensions != native and model not in SHORTENABLE:
            raise EmbeddingConfigError(f"{model} cannot return {dimensions} dimensions (only {native})")
        self._api_key = api_key
        self._shorten = dimensions is not None and dimensions != native
        super().__init__(model=model, dimensions=dimensions or native, base_url=base_url, **options)

    def _headers(self) -> dict[str, str]:
        return {**super()._headers(), "Authorization": f"Bearer {self._api_key}"}

    def _secrets(self) -> list[str]:
        return [self._api_key]

    def _request_batch(self, texts: list[str]) -> np.ndarray:
        payload: dict = {"model": self.model, "input": texts, "encoding_format": "float"}
        if self._shorten:
            payload["dimensions"] = self.dimensions
        body = self._post("/embeddings", payload)
        data = body.get("data")
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise EmbeddingBadResponse("openai response has no data list")
        try:
            ordered = sorted(data, key=lambda item: int(item["index"]))
            rows = [item["embedding"] for item in ordered]
        except (KeyError, TypeError, ValueError) as exc:
            raise EmbeddingBadResponse("openai response items lack index or embedding") from exc
        if [int(item["index"]) for item in ordered] != list(range(len(texts))):
            raise EmbeddingBadResponse("openai response indexes do not match the inputs")
        return self._vectors(rows, len(texts))
