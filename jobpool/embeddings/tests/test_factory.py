"""get_provider(): the provider chosen by settings, built once per configuration."""

from __future__ import annotations

import pytest

from jobpool.embeddings import EmbeddingConfigError, build_provider, default_cache, get_provider
from jobpool.embeddings.gemini import GeminiProvider
from jobpool.embeddings.minilm import MiniLMProvider
from jobpool.embeddings.ollama import OllamaProvider
from jobpool.embeddings.openai import OpenAIProvider


@pytest.mark.smoke
def test_get_provider_defaults_to_offline_minilm(settings):
    settings.EMBEDDING_PROVIDER = "minilm"
    settings.EMBEDDING_MODEL = ""

    provider = get_provider()

    assert isinstance(provider, MiniLMProvider)
    assert (provider.model_id, provider.dimensions) == ("sentence-transformers/all-MiniLM-L6-v2", 384)


def test_get_provider_returns_the_same_instance_for_the_same_settings(settings):
    settings.EMBEDDING_PROVIDER = "minilm"

    assert get_provider() is get_provider()


def test_get_provider_builds_openai_from_settings(settings):
    settings.EMBEDDING_PROVIDER = "openai"
    settings.EMBEDDING_MODEL = "text-embedding-3-large"
    settings.EMBEDDING_DIMENSIONS = 1024
    settings.OPENAI_API_KEY = "sk-settings-key-000000"
    settings.EMBEDDING_TIMEOUT = 12.5
    settings.EMBEDDING_MAX_RETRIES = 1

    provider = get_provider()

    assert isinstance(provider, OpenAIProvider)
    assert (provider.model_id, provider.timeout, provider.max_retries) == (
        "openai/text-embedding-3-large@1024",
        12.5,
        1,
    )


def test_get_provider_builds_gemini_and_ollama(settings):
    settings.EMBEDDING_MODEL = ""
    settings.EMBEDDING_DIMENSIONS = 0
    settings.GEMINI_API_KEY = "AIza-settings-key"
    settings.OLLAMA_URL = "http://ollama.internal:11434"
    settings.EMBEDDING_PROVIDER = "gemini"
    gemini = get_provider()
    settings.EMBEDDING_PROVIDER = "ollama"
    ollama = get_provider()

    assert isinstance(gemini, GeminiProvider) and gemini.model_id == "gemini/gemini-embedding-001@3072"
    assert isinstance(ollama, OllamaProvider) and ollama.base_url == "http://ollama.internal:11434"
    assert ollama.timeout == 120.0


def test_get_provider_without_the_api_key_is_a_configuration_error(settings):
    settings.EMBEDDING_PROVIDER = "gemini"
    settings.GEMINI_API_KEY = ""

    with pytest.raises(EmbeddingConfigError, match="GEMINI_API_KEY"):
        get_provider()


def test_build_provider_rejects_unknown_providers():
    with pytest.raises(EmbeddingConfigError, match="unknown EMBEDDING_PROVIDER"):
        build_provider("word2vec")


@pytest.mark.parametrize(("model", "dimensions"), [("bge-small", None), ("", 768)])
def test_build_provider_minilm_refuses_another_model_or_size(model, dimensions):
    with pytest.raises(EmbeddingConfigError):
        build_provider("minilm", model=model, dimensions=dimensions)


def test_default_cache_is_one_process_wide_lru():
    assert default_cache() is default_cache()
    assert default_cache().max_entries >= 1
