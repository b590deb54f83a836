"""The event filter: how likely a lexicon trigger reports a real, specific event of its type.

A logistic regression over :func:`.features.trigger_features`, trained by ``naba train events``
(:mod:`.train`) on the tune part of arabic_event_gsr dev. ASSAULT and PROTEST have their own
weights and a decision threshold tuned by cross-validation; every other PLOVER type gets the
``*`` model, trained on the same sentences with the type-independent features only (modality,
tense, time, numbers), so its confidence is a weak signal, not a measured one.

Not for: finding triggers or arguments (:mod:`naba.events.extract`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...errors import ModelError
from .features import generic, trigger_features

MODEL_PATH = Path(__file__).resolve().parent / "events_filter.json"


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float
    generic: bool  # the ``*`` model: type-independent features only

    def prob(self, features: list[str]) -> float:
        feats = generic(features) if self.generic else features
        z = sum(self.weights.get(x, 0.0) for x in set(feats))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=4)
def load(path: str | None = None) -> dict[str, Model]:
    p = Path(path) if path else MODEL_PATH
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(f"event filter weights unreadable: {p}: {e}") from e
    return {typ: Model(m["weights"], m["threshold"], typ == "*") for typ, m in data["models"].items()}


def available() -> bool:
    try:
        load()
    except ModelError:
        return False
    return True


def model_for(typ: str) -> Model | None:
    models = load()
    return models.get(typ) or models.get("*")


def score(sentence: str, start: int, end: int, typ: str, group: str, kind: str,
          words: list | None = None) -> tuple[float, float]:
    """(probability, threshold) for the trigger at ``sentence[start:end]``."""
    m = model_for(typ)
    if m is None:
        return 1.0, 0.0
    return m.prob(trigger_features(sentence, start, end, group, kind, words)), m.threshold
