"""Near-duplicate (wire copy) detection: MinHash signatures over word 5-gram shingles with LSH banding.

A story relayed by several outlets differs in datelines, bylines, a trimmed or added
paragraph — not in its sentences.  Word 5-grams capture that: two copies share most
5-grams, two different stories on the same topic share few.  MinHash estimates the
Jaccard similarity of the 5-gram sets from fixed-size signatures (no text comparison at
query time), and LSH banding finds candidate pairs with an indexed equi-join instead of
comparing every pair.  See docs/store.md for the parameters and why.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence

import numpy as np

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
#: Estimated Jaccard similarity at or above which two articles are copies of one story.
DUPLICATE_THRESHOLD = 0.5

_PRIME = np.uint64((1 << 31) - 1)
_rng = np.random.default_rng(20240426)
_A = _rng.integers(1, (1 << 31) - 1, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, (1 << 31) - 1, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[int]:
    """CRC32 hashes of the lower-cased word k-grams of a text (the whole text if shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode("utf-8"))} if words else set()
    return {zlib.crc32(" ".join(words[i : i + k]).encode("utf-8")) for i in range(len(words) - k + 1)}


def minhash(text: str) -> tuple[list[int], int]:
    """(MinHash signature of NUM_PERM values, number of shingles) of a text."""
    sh = shingles(text)
    if not sh:
        return [int(_PRIME)] * NUM_PERM, 0
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh)) % _PRIME
    hashed = (np.outer(_A, x) + _B[:, None]) % _PRIME
    return [int(v) for v in hashed.min(axis=1)], len(sh)


def bands(signature: Sequence[int]) -> list[tuple[int, int]]:
    """(band number, bucket hash) pairs: articles sharing any pair are candidate copies."""
    out = []
    for b in range(BANDS):
        chunk = np.asarray(signature[b * ROWS : (b + 1) * ROWS], dtype=np.uint32).tobytes()
        bucket = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True)
        out.append((b, bucket))
    return out


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal positions)."""
    if not a or not b:
        return 0.0
    return float(np.mean(np.asarray(a) == np.asarray(b)))
