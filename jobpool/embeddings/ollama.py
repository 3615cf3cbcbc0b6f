"""Ollama embeddings: POST {OLLAMA_URL}/api/embed (https://github.com/ollama/ollama/blob/main/docs/api.md).

Request: {"model", "input": [texts], "truncate": true, "dimensions"?}.
Response: {"model", "embeddings": [[...], ...], "total_duration", "load_duration", "prompt_eval_count"}.
No key: Ollama runs on the operator's own machine. A local CPU model is slow
to warm up, hence the longer default timeout.
"""

from __future__ import annotations

import numpy as np

from jobpool.embeddings.base import EmbeddingBadResponse, EmbeddingConfigError
from jobpool.embeddings.remote import RemoteProvider

DEFAULT_MODEL = "nomic-embed-text"
DEFAULT_URL = "http://127.0.0.1:11434"
DEFAULT_TIMEOUT = 120.0
NATIVE_DIMENSIONS = {
    "all-minilm": 384,
    "nomic-embed-text": 768,
    "mxbai-embed-large": 1024,
    "snowflake-arctic-embed": 1024,
    "bge-m3": 1024,
}


class OllamaProvider(RemoteProvider):
    name = "ollama"
    max_batch = 256

    def __init__(
        self,
        *,
        model: str = DEFAULT_MODEL,
        dimensions: int | None = None,
        base_url: str = DEFAULT_URL,
        timeout: float = DEFAULT_TIMEOUT,
        **options,
    ) -> None:
        native = NATIVE_DIMENSIONS.get(model.split(":")[0])
        if dimensions is None and native is None:
            raise EmbeddingConfigError(f"unknown Ollama model {model!r}: set EMBEDDING_DIMENSIONS")
        self._shorten = dimensions is not None and dimensions != native
        super().__init__(model=model, dimensions=dimensions or native, base_url=base_url, timeout=timeout, **options)

    def _request_batch(self, texts: list[str]) -> np.ndarray:
        payload: dict = {"model": self.model, "input": texts, "truncate": True}
        if self._shorten:
            payload["dimensions"] = self.dimensions
        body = self._post("/api/embed", payload)
        if "embeddings" not in body:
            raise EmbeddingBadResponse("ollama response has no embeddings")
        return self._vectors(body["embeddings"], len(texts))
