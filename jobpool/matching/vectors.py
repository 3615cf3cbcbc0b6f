"""The embedding store: vectors of postings and personas, computed in batches, cached by text hash.

One function per need, each working on PostgreSQL (pgvector, HNSW) and SQLite (float32 bytes,
numpy):

- `embed_postings(ids)` / `embed_personas(ids)`: compute the missing or outdated vectors in
  batches and store them. A vector is keyed by `cache_key(model id, source text)`: an unchanged
  text is never embedded twice, and the same text anywhere in the store is reused.
- `job_vectors(ids)` / `persona_vectors(ids)`: {id: {kind: float32 vector}} for the configured model.
- `job_matrix(ids)` / `persona_matrix(ids)`: row-aligned unit matrices for the surfacing pass.
- `nearest_postings(vector, k, among=...)`: the k surfaceable postings whose title vector is
  closest (pgvector's HNSW index on PostgreSQL, numpy elsewhere).

Which texts: a posting's title; a persona's current title (else its latest role) and its target
roles. Long texts (descriptions, culture paragraphs) cost about 0.1 s of CPU each with the
default model, far too slow for the pool's intake rate; the scorer's text components use rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from django.db import connection
from django.db.models import BinaryField, Func, QuerySet
from django.utils import timezone

from jobpool.embeddings import EmbeddingProvider, cache_key, default_cache, embed_cached, get_provider
from jobpool.embeddings.pgvector import nearest
from jobpool.models import JobPosting, JobVector, JobVectorKind, PersonaVector, PersonaVectorKind
from jobpool.models.matching import VECTOR_DIMENSIONS
from personas.models import Persona, WorkHistory

IN_CHUNK = 500
EMBED_BATCH = 256  # texts handed to the provider at once (it batches further itself)


def provider() -> EmbeddingProvider:
    return get_provider()


def _check_dimensions(model: EmbeddingProvider) -> None:
    if model.dimensions != VECTOR_DIMENSIONS:
        raise ValueError(
            f"the vector store holds {VECTOR_DIMENSIONS}-dimension vectors; {model.model_id} gives {model.dimensions}"
        )


class _StoreCache:
    """A VectorCache over the stored vectors (both tables) in front of the process's LRU."""

    def __init__(self) -> None:
        self.memory = default_cache()

    def get_many(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        keys = list(dict.fromkeys(keys))
        found = self.memory.get_many(keys)
        missing = [k for k in keys if k not in found]
        for start in range(0, len(missing), IN_CHUNK):
            chunk = missing[start : start + IN_CHUNK]
            for model in (JobVector.objects, PersonaVector.unscoped):  # Reason: vectors are looked up by text hash only.
                for key, vector in model.filter(text_key__in=chunk).values_list("text_key", "vector"):
                    found.setdefault(key, np.asarray(vector, dtype=np.float32))
        return found

    def set_many(self, vectors: dict) -> None:
        self.memory.set_many(vectors)


def _embed(model: EmbeddingProvider, texts: list[str]) -> np.ndarray:
    return embed_cached(model, texts, cache=_StoreCache())


# ------------------------------------------------------------------ texts
def posting_texts(posting: JobPosting) -> dict[str, str]:
    return {JobVectorKind.TITLE: posting.title.strip()}


def persona_texts(persona: Persona, latest_title: str = "") -> dict[str, str]:
    texts = {}
    title = (persona.current_role or latest_title).strip()
    if title:
        texts[PersonaVectorKind.TITLE] = title
    targets = "; ".join(t.strip() for t in persona.target_roles if t and t.strip())
    if targets:
        texts[PersonaVectorKind.TARGETS] = targets
    return texts


# ------------------------------------------------------------------ writing
def embed_postings(ids: Iterable, *, model: EmbeddingProvider | None = None) -> int:
    """Store title vectors for the postings among `ids` that lack one for this model or whose title changed.

    Returns how many vectors were written. Side effects: JobVector rows inserted or updated.
    """
    model = model or provider()
    _check_dimensions(model)
    ids = list(dict.fromkeys(ids))
    written = 0
    for start in range(0, len(ids), EMBED_BATCH):
        chunk = ids[start : start + EMBED_BATCH]
        have = {
            (posting_id, kind): key
            for posting_id, kind, key in JobVector.objects.filter(posting_id__in=chunk, model_id=model.model_id).values_list(
                "posting_id", "kind", "text_key"
            )
        }
        todo: list[tuple] = []
        for posting in JobPosting.objects.filter(pk__in=chunk).only("pk", "title"):
            for kind, text in posting_texts(posting).items():
                key = cache_key(model.model_id, text)
                if text and have.get((posting.pk, kind)) != key:
                    todo.append((posting.pk, kind, key, text))
        if not todo:
            continue
        matrix = _embed(model, [text for *_, text in todo])
        now = timezone.now()
        rows = [
            JobVector(posting_id=pid, kind=kind, model_id=model.model_id, text_key=key, vector=vector, updated_at=now)
            for (pid, kind, key, _), vector in zip(todo, matrix, strict=True)
        ]
        JobVector.objects.bulk_create(
            rows,
            batch_size=IN_CHUNK,
            update_conflicts=True,
            unique_fields=["posting", "kind", "model_id"],
            update_fields=["text_key", "vector", "updated_at"],
        )
        written += len(rows)
    return written


def embed_personas(ids: Iterable, *, model: EmbeddingProvider | None = None) -> int:
    """Store title and target-role vectors for the personas among `ids` (missing or changed texts only).

    Returns how many vectors were written. Side effects: PersonaVector rows inserted or updated
    (owner copied from the persona); a persona's vector whose text became empty is deleted.
    """
    model = model or provider()
    _check_dimensions(model)
    ids = list(dict.fromkeys(ids))
    written = 0
    for start in range(0, len(ids), EMBED_BATCH):
        chunk = ids[start : start + EMBED_BATCH]
        # Reason: a system task embeds personas by id, across owners.
        vectors = PersonaVector.unscoped.filter(persona_id__in=chunk, model_id=model.model_id)
        have = {(pid, kind): key for pid, kind, key in vectors.values_list("persona_id", "kind", "text_key")}
        latest = {}
        for pid, title in WorkHistory.unscoped.filter(persona_id__in=chunk).order_by(
            "persona_id", "-is_current", "-start_date"
        ).values_list("persona_id", "title"):
            latest.setdefault(pid, title)
        todo: list[tuple] = []
        gone: list[tuple] = []
        personas = Persona.unscoped.filter(pk__in=chunk).only("pk", "owner_id", "current_role", "target_roles")
        for persona in personas:
            texts = persona_texts(persona, latest.get(persona.pk, ""))
            for kind in PersonaVectorKind.values:
                text = texts.get(kind)
                if not text:
                    if (persona.pk, kind) in have:
                        gone.append((persona.pk, kind))
                    continue
                key = cache_key(model.model_id, text)
                if have.get((persona.pk, kind)) != key:
                    todo.append((persona.pk, persona.owner_id, kind, key, text))
        for pid, kind in gone:
            PersonaVector.unscoped.filter(persona_id=pid, kind=kind, model_id=model.model_id).delete()
        if not todo:
            continue
        matrix = _embed(model, [text for *_, text in todo])
        now = timezone.now()
        rows = [
            PersonaVector(
                persona_id=pid, owner_id=owner_id, kind=kind, model_id=model.model_id, text_key=key, vector=vector,
                updated_at=now,
            )
            for (pid, owner_id, kind, key, _), vector in zip(todo, matrix, strict=True)
        ]
        PersonaVector.unscoped.bulk_create(
            rows,
            batch_size=IN_CHUNK,
            update_conflicts=True,
            unique_fields=["persona", "kind", "model_id"],
            update_fields=["text_key", "vector", "updated_at"],
        )
        written += len(rows)
    return written


def postings_missing_vectors(limit: int, *, model_id: str | None = None) -> list:
    """Ids of surfaceable postings without a title vector for the configured model (oldest first)."""
    model_id = model_id or provider().model_id
    have = JobVector.objects.filter(model_id=model_id, kind=JobVectorKind.TITLE).values("posting_id")
    return list(
        JobPosting.objects.surfaceable().exclude(pk__in=have).order_by("first_seen_at", "pk").values_list("pk", flat=True)[
            :limit
        ]
    )


# ------------------------------------------------------------------ reading
def _model_id(model_id: str | None) -> str:
    return model_id or provider().model_id


class VectorBytes(Func):
    """A vector column read as bytes, skipping the per-float text parsing of pgvector's text format
    (1.3 s for 20,000 vectors of 384): `vector_send()` on PostgreSQL (2-byte dimension count, 2
    unused bytes, big-endian float32 values), the stored float32 blob elsewhere."""

    output_field = BinaryField()
    template = "%(expressions)s"

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="vector_send(%(expressions)s)", **extra_context)


def decode_vector(blob: bytes | memoryview) -> np.ndarray:
    """The float32 vector of a `VectorBytes` value (either database's form)."""
    data = bytes(blob)
    if connection.vendor == "postgresql":
        return np.frombuffer(data, dtype=">f4", offset=4).astype(np.float32)
    return np.frombuffer(data, dtype="<f4").astype(np.float32)


def _stored(rows: QuerySet, owner_field: str) -> dict:
    out: dict = {}
    for pk, kind, blob in rows.values_list(owner_field, "kind", VectorBytes("vector")):
        out.setdefault(pk, {})[kind] = decode_vector(blob)
    return out


def job_vectors(ids: Iterable, *, model_id: str | None = None) -> dict:
    """{posting id: {kind: float32 vector}} of the stored vectors (one query per 2,000 ids)."""
    ids, out = list(ids), {}
    model_id = _model_id(model_id)
    for start in range(0, len(ids), IN_CHUNK * 4):
        rows = JobVector.objects.filter(posting_id__in=ids[start : start + IN_CHUNK * 4], model_id=model_id)
        out.update(_stored(rows, "posting_id"))
    return out


def persona_vectors(ids: Iterable | QuerySet, *, model_id: str | None = None) -> dict:
    """{persona id: {kind: float32 vector}} of the stored vectors (`ids` may be a queryset of ids)."""
    model_id = _model_id(model_id)
    if isinstance(ids, QuerySet):
        # Reason: system matching reads the vectors of personas the caller already selected.
        return _stored(PersonaVector.unscoped.filter(persona_id__in=ids, model_id=model_id), "persona_id")
    ids, out = list(ids), {}
    for start in range(0, len(ids), IN_CHUNK * 4):
        # Reason: system matching reads the vectors of personas the caller already holds.
        rows = PersonaVector.unscoped.filter(persona_id__in=ids[start : start + IN_CHUNK * 4], model_id=model_id)
        out.update(_stored(rows, "persona_id"))
    return out


def stack(ids: Sequence, stored: dict, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """(n, d) unit float32 matrix aligned with `ids` and an (n,) mask of rows that have a vector."""
    matrix = np.zeros((len(ids), VECTOR_DIMENSIONS), dtype=np.float32)
    present = np.zeros(len(ids), dtype=bool)
    for row, pk in enumerate(ids):
        vector = stored.get(pk, {}).get(kind)
        if vector is not None and vector.shape == (VECTOR_DIMENSIONS,):
            norm = float(np.linalg.norm(vector))
            if norm > 0:
                matrix[row] = vector / norm
                present[row] = True
    return matrix, present


def nearest_postings(vector: np.ndarray, k: int, *, among: QuerySet | None = None, model_id: str | None = None) -> list:
    """[(posting id, cosine)] of the k postings among `among` (default: surfaceable) with the closest title vector.

    PostgreSQL answers from the HNSW index (ordered by pgvector's `<=>`); SQLite ranks in numpy.
    """
    among = JobPosting.objects.surfaceable() if among is None else among
    rows = JobVector.objects.filter(
        model_id=_model_id(model_id), kind=JobVectorKind.TITLE, posting_id__in=among.values("pk")
    )
    found = nearest(rows, "vector", vector, k)
    if not found:
        return []
    posting_of = dict(JobVector.objects.filter(pk__in=[pk for pk, _ in found]).values_list("pk", "posting_id"))
    return [(posting_of[pk], score) for pk, score in found]
