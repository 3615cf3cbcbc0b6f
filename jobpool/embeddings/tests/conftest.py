"""Fixtures for the embeddings tests: the real MiniLM provider and recorded payloads."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from jobpool.embeddings.minilm import MiniLMProvider

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "embeddings"


def load_fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def minilm() -> MiniLMProvider:
    """The real offline model, loaded once for the whole session."""
    provider = MiniLMProvider()
    provider.load()
    return provider


@pytest.fixture(scope="session")
def reference() -> tuple[list[str], np.ndarray]:
    """Texts and their sentence-transformers vectors (tests/fixtures/embeddings/minilm_reference.json)."""
    payload = load_fixture("minilm_reference.json")
    texts = [item["text"] for item in payload["items"]]
    vectors = np.array([item["vector"] for item in payload["items"]], dtype=np.float32)
    return texts, vectors


@pytest.fixture(autouse=True)
def _clean_cache():
    """Overrides the root fixture: these tests never touch Django's cache.

    On the embedded default that cache is a database table, so the root
    fixture would make every pure numpy test need a database.
    """
    yield
