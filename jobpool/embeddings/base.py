"""The provider interface every embedding backend implements, and its errors.

A provider turns texts into unit-length float32 rows, so a dot product is the
cosine similarity whichever backend produced them. Providers are pure: no ORM,
no Django settings (the factory in `__init__` reads those).
"""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np

DEFAULT_BATCH_SIZE = 32


class EmbeddingError(Exception):
    """Base class: embedding failed and the caller should try again later or skip."""

    retryable = False


class EmbeddingConfigError(EmbeddingError):
    """The provider is misconfigured (missing key, unknown provider or model)."""


class EmbeddingAuthError(EmbeddingError):
    """The API refused the credentials (401/403)."""


class EmbeddingRateLimited(EmbeddingError):
    """The API kept answering 429 after the bounded retries."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class EmbeddingUnavailable(EmbeddingError):
    """The API answered 5xx after the bounded retries."""

    retryable = True


class EmbeddingTimeout(EmbeddingError):
    """The API did not answer within the timeout."""

    retryable = True


class EmbeddingNetworkError(EmbeddingError):
    """The API could not be reached (DNS, refused connection, TLS)."""

    retryable = True


class EmbeddingBadResponse(EmbeddingError):
    """The API answered with something that is not the documented shape (or a 4xx we don't retry)."""


class EmbeddingProvider(ABC):
    """Texts in, an (n, dimensions) float32 matrix of L2-normalised rows out.

    `model_id` names the model precisely enough that vectors from two providers
    with the same id are interchangeable; the cache keys on it.
    """

    model_id: str
    dimensions: int

    def embed(self, texts: list[str], batch_size: int = DEFAULT_BATCH_SIZE) -> np.ndarray:
        """Embed `texts` in batches of `batch_size`, keeping their order."""
        if isinstance(texts, str):
            raise TypeError("embed() takes a list of texts, not a single string")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        matrix = self._embed(list(texts), batch_size)
        if matrix.shape != (len(texts), self.dimensions):
            raise EmbeddingBadResponse(
                f"{self.model_id} returned shape {matrix.shape}, expected {(len(texts), self.dimensions)}"
            )
        return l2_normalise(matrix)

    def embed_one(self, text: str) -> np.ndarray:
        """One text's (dimensions,) vector."""
        return self.embed([text])[0]

    @abstractmethod
    def _embed(self, texts: list[str], batch_size: int) -> np.ndarray:
        """Embed a non-empty list in batches; (len(texts), dimensions) rows, not necessarily normalised."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.model_id} d={self.dimensions}>"


def l2_normalise(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length as float32; all-zero rows stay zero (as torch's normalize does)."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    return matrix / np.maximum(norms, np.float32(1e-12))
