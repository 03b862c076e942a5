"""Shared fixtures: paths to the real samples and evaluation sets beside the project."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).parent
PROJECT_DIR = TESTS_DIR.parent
SHARED_DIR = PROJECT_DIR.parent / "shared"
sys.path.insert(0, str(TESTS_DIR))  # so tests can `from builders import build_article`


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    path = SHARED_DIR / "samples" / "syria-talks"
    if not path.is_dir():
        pytest.skip("../shared/samples/syria-talks is not beside the project")
    return path


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    path = SHARED_DIR / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is not beside the project")
    return path


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return PROJECT_DIR / "examples"
