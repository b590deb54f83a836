"""Shared fixtures. ``shared_data`` locates ../shared/data (tests that need it skip without it)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _shared_dir() -> Path | None:
    env = os.environ.get("NABA_SHARED")
    for cand in ([Path(env)] if env else []) + [ROOT.parent / "shared", ROOT / "shared"]:
        if (cand / "data").is_dir():
            return cand
    return None


SHARED = _shared_dir()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if SHARED is None:
        pytest.skip("../shared/data is not available")
    return SHARED / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (EXAMPLES / "seed.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((EXAMPLES / "seed.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_record(seed_text):
    import naba

    return naba.analyze(seed_text, id="seed", published="2022-05-20")
