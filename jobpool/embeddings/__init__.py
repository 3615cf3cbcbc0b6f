"""Sentence embeddings for jobs and personas.

    from jobpool.embeddings import get_provider, embed_cached, default_cache, cosine_top_k

    provider = get_provider()                      # chosen by settings.EMBEDDING_PROVIDER
    vectors = embed_cached(provider, texts, cache=default_cache())   # (n, d) float32, unit rows
    best = cosine_top_k(vectors[0], vectors, k=5, normalised=True)

The default provider is all-MiniLM-L6-v2 run offline in numpy (minilm.py);
OpenAI, Gemini and Ollama are optional (openai.py, gemini.py, ollama.py).
Vectors are cached by sha256(model id + normalised text) (cache.py). See
docs/embeddings.md for settings, storage on PostgreSQL and SQLite, and figures.
"""

from __future__ import annotations

import threading

from jobpool.embeddings.base import (
    DEFAULT_BATCH_SIZE,
    EmbeddingAuthError,
    EmbeddingBadResponse,
    EmbeddingConfigError,
    EmbeddingError,
    EmbeddingNetworkError,
    EmbeddingProvider,
    EmbeddingRateLimited,
    EmbeddingTimeout,
    EmbeddingUnavailable,
    l2_normalise,
)
from jobpool.embeddings.cache import InMemoryLRUCache, VectorCache, cache_key, embed_cached, normalise_text
from jobpool.embeddings.similarity import (
    Pairs,
    TopK,
    cosine_matrix,
    cosine_pairs_above,
    cosine_top_k,
    cosine_top_k_rows,
)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "PROVIDERS",
    "EmbeddingAuthError",
    "EmbeddingBadResponse",
    "EmbeddingConfigError",
    "EmbeddingError",
    "EmbeddingNetworkError",
    "EmbeddingProvider",
    "EmbeddingRateLimited",
    "EmbeddingTimeout",
    "EmbeddingUnavailable",
    "InMemoryLRUCache",
    "Pairs",
    "TopK",
    "VectorCache",
    "build_provider",
    "cache_key",
    "cosine_matrix",
    "cosine_pairs_above",
    "cosine_top_k",
    "cosine_top_k_rows",
    "default_cache",
    "embed_cached",
    "get_provider",
    "l2_normalise",
    "normalise_text",
]

PROVIDERS = ("minilm", "openai", "gemini", "ollama")
_MINILM_NAMES = {"", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"}

_providers: dict[tuple, EmbeddingProvider] = {}
_providers_lock = threading.Lock()
_cache: InMemoryLRUCache | None = None
_cache_lock = threading.Lock()


def _settings_values() -> dict:
    from django.conf import settings

    return {
        "provider": getattr(settings, "EMBEDDING_PROVIDER", "minilm"),
        "model": getattr(settings, "EMBEDDING_MODEL", ""),
        "dimensions": getattr(settings, "EMBEDDING_DIMENSIONS", 0) or None,
        "timeout": getattr(settings, "EMBEDDING_TIMEOUT", 0) or None,
        "max_retries": getattr(settings, "EMBEDDING_MAX_RETRIES", None),
        "openai_api_key": getattr(settings, "OPENAI_API_KEY", ""),
        "openai_base_url": getattr(settings, "OPENAI_BASE_URL", ""),
        "gemini_api_key": getattr(settings, "GEMINI_API_KEY", ""),
        "ollama_url": getattr(settings, "OLLAMA_URL", ""),
    }


def build_provider(
    provider: str = "minilm",
    *,
    model: str = "",
    dimensions: int | None = None,
    timeout: float | None = None,
    max_retries: int | None = None,
    openai_api_key: str = "",
    openai_base_url: str = "",
    gemini_api_key: str = "",
    ollama_url: str = "",
) -> EmbeddingProvider:
    """A new provider from explicit values (get_provider() passes the settings)."""
    name = (provider or "minilm").strip().lower()
    http: dict = {}
    if timeout is not None:
        http["timeout"] = float(timeout)
    if max_retries is not None:
        http["max_retries"] = int(max_retries)
    if name == "minilm":
        from jobpool.embeddings.minilm import MiniLMProvider

        if model not in _MINILM_NAMES:
            raise EmbeddingConfigError(f"the minilm provider only runs all-MiniLM-L6-v2, not {model!r}")
        if dimensions not in (None, 384):
            raise EmbeddingConfigError("all-MiniLM-L6-v2 has 384 dimensions")
        return MiniLMProvider()
    if name == "openai":
        from jobpool.embeddings.openai import DEFAULT_BASE_URL, DEFAULT_MODEL, OpenAIProvider

        return OpenAIProvider(
            api_key=openai_api_key,
            model=model or DEFAULT_MODEL,
            dimensions=dimensions,
            base_url=openai_base_url or DEFAULT_BASE_URL,
            **http,
        )
    if name == "gemini":
        from jobpool.embeddings.gemini import DEFAULT_BASE_URL, DEFAULT_MODEL, GeminiProvider

        return GeminiProvider(
            api_key=gemini_api_key,
            model=model or DEFAULT_MODEL,
            dimensions=dimensions,
            base_url=DEFAULT_BASE_URL,
            **http,
        )
    if name == "ollama":
        from jobpool.embeddings.ollama import DEFAULT_MODEL, DEFAULT_URL, OllamaProvider

        return OllamaProvider(
            model=model or DEFAULT_MODEL, dimensions=dimensions, base_url=ollama_url or DEFAULT_URL, **http
        )
    raise EmbeddingConfigError(f"unknown EMBEDDING_PROVIDER {provider!r}; choose one of {', '.join(PROVIDERS)}")


def get_provider() -> EmbeddingProvider:
    """The configured provider, one instance per configuration per process (thread-safe).

    The MiniLM weights load on its first embed(), not here, so importing or
    choosing the provider costs nothing on the request path.
    """
    values = _settings_values()
    key = tuple(sorted(values.items()))
    provider = _providers.get(key)
    if provider is None:
        with _providers_lock:
            provider = _providers.get(key)
            if provider is None:
                provider = build_provider(**values)
                _providers[key] = provider
    return provider


def default_cache() -> InMemoryLRUCache:
    """The process-wide in-memory cache, sized by settings.EMBEDDING_CACHE_SIZE."""
    global _cache
    if _cache is None:
        from django.conf import settings

        with _cache_lock:
            if _cache is None:
                _cache = InMemoryLRUCache(max_entries=getattr(settings, "EMBEDDING_CACHE_SIZE", 10_000))
    return _cache
