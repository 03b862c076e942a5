"""Dask runs the same stage functions: results equal a local run."""

from __future__ import annotations

import datetime as dt

import pytest

from builders import build_article
from storyline.analyze import analyze
from storyline.batch import dask_analyzer
from storyline.errors import ConfigError

ARTICLES = [
    build_article(
        "Minister Ana Ribeiro met union leader Tomas Varga in Harbourton on Monday. "
        '"We will reopen the port," Ribeiro said.',
        title=f"Port talks {n}",
        published=dt.date(2024, 3, 4),
        article_id=f"art{n:013d}",
    )
    for n in range(3)
]


def test_dask_analysis_equals_the_local_analysis() -> None:
    local = list(analyze(ARTICLES))
    on_dask = list(dask_analyzer("synchronous")(ARTICLES))
    assert on_dask == local
    assert [a.article_id for a in on_dask] == [a.id for a in ARTICLES]


def test_an_unknown_scheduler_is_a_config_error_that_says_what_to_use() -> None:
    with pytest.raises(ConfigError, match="unknown Dask scheduler"):
        dask_analyzer("gpu-farm")


def test_no_articles_means_no_work() -> None:
    assert list(dask_analyzer("threads")([])) == []
