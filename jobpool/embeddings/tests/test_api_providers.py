"""OpenAI, Gemini and Ollama providers against recorded responses at the HTTP edge (respx)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import httpx
import numpy as np
import pytest

from jobpool.embeddings.base import (
    EmbeddingAuthError,
    EmbeddingBadResponse,
    EmbeddingConfigError,
    EmbeddingNetworkError,
    EmbeddingRateLimited,
    EmbeddingTimeout,
    EmbeddingUnavailable,
)
from jobpool.embeddings.gemini import GeminiProvider
from jobpool.embeddings.ollama import OllamaProvider
from jobpool.embeddings.openai import OpenAIProvider
from jobpool.embeddings.remote import MAX_RETRY_AFTER, retry_after_seconds

from .conftest import load_fixture

TEXTS = ["Scrum Master", "Agile Coach", "Pastry Chef"]
OPENAI_KEY = "sk-test-0123456789abcdef5678"
GEMINI_KEY = "AIzaSyTEST-key-0123456789"
OPENAI_URL = "https://api.openai.com/v1/embeddings"
GEMINI_URL = "https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents"
OLLAMA_BASE = "http://ollama.test:11434"  # not 127.0.0.1: the root conftest passes local traffic through
OLLAMA_URL = f"{OLLAMA_BASE}/api/embed"


@pytest.fixture
def api(breach_api):
    """The project's respx router (root conftest): one router intercepts all httpx traffic."""
    return breach_api


@pytest.fixture
def sleeps():
    return []


def _openai(sleeps, **options):
    return OpenAIProvider(api_key=OPENAI_KEY, dimensions=8, sleep=sleeps.append, **options)


def _gemini(sleeps, **options):
    return GeminiProvider(api_key=GEMINI_KEY, dimensions=8, sleep=sleeps.append, **options)


def _unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.mark.smoke
def test_openai_sends_the_documented_request_and_orders_by_index(api, sleeps):
    recording = load_fixture("openai_embeddings.json")
    route = api.post(OPENAI_URL).mock(return_value=httpx.Response(200, json=recording["response"]))

    vectors = _openai(sleeps).embed(TEXTS)

    sent = route.calls.last.request
    assert json.loads(sent.content) == recording["request"]
    assert sent.headers["Authorization"] == f"Bearer {OPENAI_KEY}"
    by_index = sorted(recording["response"]["data"], key=lambda item: item["index"])
    assert np.allclose(vectors, _unit([item["embedding"] for item in by_index]), atol=1e-6)


def test_openai_model_id_names_model_and_dimensions(sleeps):
    assert _openai(sleeps).model_id == "openai/text-embedding-3-small@8"
    assert OpenAIProvider(api_key=OPENAI_KEY).dimensions == 1536


def test_openai_without_a_key_is_a_configuration_error():
    with pytest.raises(EmbeddingConfigError, match="OPENAI_API_KEY"):
        OpenAIProvider(api_key="")


def test_openai_ada_cannot_be_shortened():
    with pytest.raises(EmbeddingConfigError):
        OpenAIProvider(api_key=OPENAI_KEY, model="text-embedding-ada-002", dimensions=256)


def test_openai_splits_large_inputs_into_api_sized_batches(api, sleeps):
    def answer(request):
        inputs = json.loads(request.content)["input"]
        data = [{"object": "embedding", "index": i, "embedding": [1.0] + [0.0] * 7} for i in range(len(inputs))]
        return httpx.Response(200, json={"object": "list", "data": data, "model": "text-embedding-3-small"})

    route = api.post(OPENAI_URL).mock(side_effect=answer)

    vectors = _openai(sleeps).embed([f"job {i}" for i in range(5)], batch_size=2)

    assert [len(json.loads(call.request.content)["input"]) for call in route.calls] == [2, 2, 1]
    assert vectors.shape == (5, 8)


def test_openai_blank_texts_get_zero_vectors_without_being_sent(api, sleeps):
    recording = load_fixture("openai_embeddings.json")
    route = api.post(OPENAI_URL).mock(return_value=httpx.Response(200, json=recording["response"]))

    vectors = _openai(sleeps).embed(["Scrum Master", "  ", "Agile Coach", "", "Pastry Chef"])

    assert json.loads(route.calls.last.request.content)["input"] == TEXTS
    assert vectors[1].tolist() == [0.0] * 8
    assert vectors[3].tolist() == [0.0] * 8
    assert np.allclose(np.linalg.norm(vectors[[0, 2, 4]], axis=1), 1.0)


def test_openai_retries_429_honouring_retry_after_then_succeeds(api, sleeps):
    errors = load_fixture("api_errors.json")
    recording = load_fixture("openai_embeddings.json")
    route = api.post(OPENAI_URL).mock(
        side_effect=[
            httpx.Response(429, json=errors["openai_429"], headers={"Retry-After": "2"}),
            httpx.Response(200, json=recording["response"]),
        ]
    )

    vectors = _openai(sleeps).embed(TEXTS)

    assert route.call_count == 2
    assert sleeps == [2.0]
    assert vectors.shape == (3, 8)


def test_openai_gives_up_after_bounded_retries_on_429(api, sleeps):
    errors = load_fixture("api_errors.json")
    route = api.post(OPENAI_URL).mock(return_value=httpx.Response(429, json=errors["openai_429"]))

    with pytest.raises(EmbeddingRateLimited, match="Rate limit reached") as caught:
        _openai(sleeps, max_retries=2).embed(TEXTS)

    assert route.call_count == 3
    assert sleeps == [0.5, 1.0]
    assert caught.value.retryable


def test_openai_401_is_an_auth_error_that_never_shows_the_key(api, sleeps, caplog):
    errors = load_fixture("api_errors.json")
    route = api.post(OPENAI_URL).mock(return_value=httpx.Response(401, json=errors["openai_401"]))
    provider = _openai(sleeps)

    with caplog.at_level(logging.DEBUG), pytest.raises(EmbeddingAuthError) as caught:
        provider.embed(TEXTS)

    assert route.call_count == 1
    assert sleeps == []
    message = str(caught.value)
    assert "Incorrect API key provided" in message
    assert "sk-test" not in message and "5678" not in message
    assert OPENAI_KEY not in caplog.text
    assert OPENAI_KEY not in repr(provider)


def test_openai_400_is_a_bad_response_and_not_retried(api, sleeps):
    errors = load_fixture("api_errors.json")
    route = api.post(OPENAI_URL).mock(return_value=httpx.Response(400, json=errors["openai_400_empty"]))

    with pytest.raises(EmbeddingBadResponse, match="is invalid"):
        _openai(sleeps).embed(TEXTS)

    assert route.call_count == 1


def test_openai_timeouts_are_retried_then_classified(api, sleeps):
    route = api.post(OPENAI_URL).mock(side_effect=httpx.ReadTimeout("slow"))

    with pytest.raises(EmbeddingTimeout):
        _openai(sleeps, max_retries=1).embed(TEXTS)

    assert route.call_count == 2


def test_openai_connection_errors_are_network_errors(api, sleeps):
    api.post(OPENAI_URL).mock(side_effect=httpx.ConnectError("refused"))

    with pytest.raises(EmbeddingNetworkError):
        _openai(sleeps, max_retries=0).embed(TEXTS)


@pytest.mark.parametrize(
    "body",
    [
        {"object": "list"},
        {"data": [{"index": 0, "embedding": [1.0] * 8}]},
        {"data": [{"index": i, "embedding": [1.0] * 5} for i in range(3)]},
        {"data": [{"index": i, "embedding": ["x"] * 8} for i in range(3)]},
        {"data": [{"index": 0, "embedding": [1.0] * 8}] * 3},
    ],
    ids=["no-data", "too-few", "wrong-size", "not-numbers", "duplicate-index"],
)
def test_openai_malformed_payloads_are_bad_responses(api, sleeps, body):
    api.post(OPENAI_URL).mock(return_value=httpx.Response(200, json=body))

    with pytest.raises(EmbeddingBadResponse):
        _openai(sleeps).embed(TEXTS)


def test_openai_non_json_body_is_a_bad_response(api, sleeps):
    api.post(OPENAI_URL).mock(return_value=httpx.Response(200, text="<html>proxy</html>"))

    with pytest.raises(EmbeddingBadResponse, match="not JSON"):
        _openai(sleeps).embed(TEXTS)


@pytest.mark.smoke
def test_gemini_sends_batch_embed_contents_with_the_key_in_a_header(api, sleeps):
    recording = load_fixture("gemini_batch_embed_contents.json")
    route = api.post(GEMINI_URL).mock(return_value=httpx.Response(200, json=recording["response"]))

    vectors = _gemini(sleeps).embed(TEXTS)

    sent = route.calls.last.request
    assert json.loads(sent.content) == recording["request"]
    assert sent.headers["x-goog-api-key"] == GEMINI_KEY
    assert GEMINI_KEY not in str(sent.url)
    assert np.allclose(vectors, _unit([item["values"] for item in recording["response"]["embeddings"]]), atol=1e-6)


def test_gemini_sends_at_most_100_requests_per_call(api, sleeps):
    def answer(request):
        count = len(json.loads(request.content)["requests"])
        return httpx.Response(200, json={"embeddings": [{"values": [0.0] * 7 + [1.0]}] * count})

    route = api.post(GEMINI_URL).mock(side_effect=answer)

    _gemini(sleeps).embed([f"job {i}" for i in range(150)], batch_size=1000)

    assert [len(json.loads(call.request.content)["requests"]) for call in route.calls] == [100, 50]


def test_gemini_invalid_key_is_a_bad_request_without_the_key(api, sleeps):
    errors = load_fixture("api_errors.json")
    api.post(GEMINI_URL).mock(return_value=httpx.Response(400, json=errors["gemini_400_bad_key"]))

    with pytest.raises(EmbeddingBadResponse, match="API key not valid") as caught:
        _gemini(sleeps).embed(TEXTS)

    assert GEMINI_KEY not in str(caught.value)


def test_gemini_503_is_retried_then_reported_unavailable(api, sleeps):
    errors = load_fixture("api_errors.json")
    route = api.post(GEMINI_URL).mock(return_value=httpx.Response(503, json=errors["gemini_503"]))

    with pytest.raises(EmbeddingUnavailable, match="overloaded"):
        _gemini(sleeps, max_retries=3).embed(TEXTS)

    assert route.call_count == 4
    assert sleeps == [0.5, 1.0, 2.0]


def test_gemini_429_retry_after_is_capped(api, sleeps):
    errors = load_fixture("api_errors.json")
    recording = load_fixture("gemini_batch_embed_contents.json")
    api.post(GEMINI_URL).mock(
        side_effect=[
            httpx.Response(429, json=errors["gemini_429"], headers={"Retry-After": "3600"}),
            httpx.Response(200, json=recording["response"]),
        ]
    )

    _gemini(sleeps).embed(TEXTS)

    assert sleeps == [MAX_RETRY_AFTER]


def test_gemini_missing_values_is_a_bad_response(api, sleeps):
    api.post(GEMINI_URL).mock(return_value=httpx.Response(200, json={"embeddings": [{"vector": []}] * 3}))

    with pytest.raises(EmbeddingBadResponse):
        _gemini(sleeps).embed(TEXTS)


@pytest.mark.smoke
def test_ollama_embed_request_and_vectors(api, sleeps, minilm):
    recording = load_fixture("ollama_embed.json")
    route = api.post(OLLAMA_URL).mock(return_value=httpx.Response(200, json=recording["response"]))
    provider = OllamaProvider(model="all-minilm", base_url=OLLAMA_BASE, sleep=sleeps.append)

    vectors = provider.embed(TEXTS)

    assert json.loads(route.calls.last.request.content) == recording["request"]
    assert "authorization" not in route.calls.last.request.headers
    assert (provider.dimensions, provider.model_id) == (384, "ollama/all-minilm@384")
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])


def test_ollama_unknown_model_needs_dimensions():
    with pytest.raises(EmbeddingConfigError, match="EMBEDDING_DIMENSIONS"):
        OllamaProvider(model="my-own-embedder")

    assert OllamaProvider(model="my-own-embedder", dimensions=512).dimensions == 512


def test_ollama_missing_model_reports_the_servers_message(api, sleeps):
    errors = load_fixture("api_errors.json")
    api.post(OLLAMA_URL).mock(return_value=httpx.Response(404, json=errors["ollama_404_model"]))

    with pytest.raises(EmbeddingBadResponse, match="try pulling it first"):
        OllamaProvider(model="all-minilm", base_url=OLLAMA_BASE, sleep=sleeps.append).embed(TEXTS)


def test_ollama_defaults_to_the_local_server():
    assert OllamaProvider().base_url == "http://127.0.0.1:11434"


def test_ollama_uses_the_configured_url(api, sleeps):
    recording = load_fixture("ollama_embed.json")
    route = api.post("http://ollama.internal:11434/api/embed").mock(
        return_value=httpx.Response(200, json=recording["response"])
    )

    OllamaProvider(model="all-minilm", base_url="http://ollama.internal:11434/").embed(TEXTS)

    assert route.call_count == 1


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("7", 7.0),
        ("-3", 0.0),
        ("soon", None),
        ("Sun, 22 Nov 2026 03:00:10 GMT", 10.0),
        ("Sun, 22 Nov 2026 09:00:00 GMT", MAX_RETRY_AFTER),
    ],
)
def test_retry_after_reads_seconds_and_http_dates_with_a_cap(header, expected):
    now = datetime(2026, 11, 22, 3, 0, 0, tzinfo=UTC)

    assert retry_after_seconds(header, now=now) == expected
