"""Near-duplicate signatures: word shingles, MinHash, LSH band keys (pure; numpy only).

A description becomes the set of its word 4-shingles (hashed to 32 bits). A
60-value MinHash signature estimates the Jaccard similarity of two such sets;
cut into 20 bands of 3 rows, each band hashes (with the canonical company) to
one 63-bit key. Two postings of the same company that share any band key are
candidates; the probability of that is 1 - (1 - J^3)^20: 0.93 at J = 0.5,
0.99 at J = 0.6, and 0.15 at J = 0.2. The blocking threshold therefore sits
well below the decision threshold (anchors §2), and every candidate is
verified exactly (`jaccard`) before anything is decided.

All hashes are stable across processes and machines (CRC32 and fixed-seed
integer arithmetic, never Python's salted `hash()`), because keys are stored.
"""

from __future__ import annotations

import zlib

import numpy as np

SHINGLE_SIZE = 4
NUM_BANDS = 20
ROWS_PER_BAND = 3
NUM_PERM = NUM_BANDS * ROWS_PER_BAND

_MASK32 = np.uint64(0xFFFFFFFF)
_rng = np.random.RandomState(20240611)  # fixed seed: stored keys must never change
_A = _rng.randint(0, 1 << 62, size=NUM_PERM, dtype=np.int64).astype(np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.randint(0, 1 << 62, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_BAND_MIX = _rng.randint(1, 1 << 31, size=(NUM_BANDS, ROWS_PER_BAND + 2), dtype=np.int64).astype(np.uint64)
_SHINGLE_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1][:SHINGLE_SIZE], dtype=np.uint64)

_word_ids: dict[str, int] = {}
_WORD_CACHE_LIMIT = 500_000


def _word_id(word: str) -> int:
    value = _word_ids.get(word)
    if value is None:
        if len(_word_ids) > _WORD_CACHE_LIMIT:
            _word_ids.clear()
        value = _word_ids[word] = zlib.crc32(word.encode("utf-8"))
    return value


def shingle_hashes(tokens: list[str]) -> np.ndarray:
    """The distinct 32-bit hashes of the word k-shingles of a token list (short texts: one shingle of all words)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    known = _word_ids.get
    ids = np.array([known(w) or _word_id(w) for w in tokens], dtype=np.uint64)
    k = min(SHINGLE_SIZE, len(ids))
    count = len(ids) - k + 1
    mixed = np.zeros(count, dtype=np.uint64)
    for offset in range(k):
        mixed = (mixed ^ (ids[offset : offset + count] * _SHINGLE_MIX[offset])) * np.uint64(0x100000001B3)
    mixed ^= mixed >> np.uint64(29)
    return np.unique(mixed & _MASK32)


def signature(shingles: np.ndarray) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint64 values) of a shingle-hash set."""
    if shingles.size == 0:
        return np.full(NUM_PERM, _MASK32, dtype=np.uint64)
    # Multiply-shift hashing (wrapping 64-bit arithmetic, high 32 bits) is universal and needs no modulo.
    return ((np.outer(shingles, _A) + _B) >> np.uint64(32)).min(axis=0)


def company_key(company_canonical: str) -> int:
    return zlib.crc32(company_canonical.encode("utf-8"))


def band_keys(sig: np.ndarray, company: int) -> list[int]:
    """NUM_BANDS signed 63-bit keys; equal keys mean the same company and one identical band."""
    rows = sig.reshape(NUM_BANDS, ROWS_PER_BAND)
    extra = np.array([[company, band] for band in range(NUM_BANDS)], dtype=np.uint64)
    full = np.concatenate([rows, extra], axis=1)
    mixed = np.zeros(NUM_BANDS, dtype=np.uint64)
    for column in range(full.shape[1]):
        mixed = (mixed ^ (full[:, column] * _BAND_MIX[:, column])) * np.uint64(0x100000001B3)
        mixed ^= mixed >> np.uint64(31)
    return [int(v) for v in (mixed >> np.uint64(1)).tolist()]


def jaccard(a: np.ndarray | set[int], b: np.ndarray | set[int]) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    set_a = a if isinstance(a, set) else set(a.tolist())
    set_b = b if isinstance(b, set) else set(b.tolist())
    if not set_a and not set_b:
        return 1.0
    return len(set_a & set_b) / len(set_a | set_b)


def containment(a: set[int], b: set[int]) -> float:
    """Overlap coefficient: the share of the smaller set found in the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
