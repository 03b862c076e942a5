"""The same stage functions, mapped over a Dask bag for corpora beyond one process or machine.

Nothing here has logic of its own: each partition runs the ordinary stage function
(``storyline.analyze.analyze``), so results are identical to a local run.  The store stays in
the driver process (one writer); workers only compute.

``scheduler`` is a local Dask scheduler name ("processes", "threads", "synchronous") or the
address of a ``dask.distributed`` cluster ("tcp://10.0.0.5:8786"), which needs the
``distributed`` package installed alongside storyline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from storyline.errors import ConfigError
from storyline.models import Article, ArticleAnalysis

LOCAL_SCHEDULERS = ("processes", "threads", "synchronous")
# Articles per partition: large enough that loading the model once per partition is amortised.
ARTICLES_PER_PARTITION = 200


def _analyze_partition(articles: Iterable[Article]) -> list[ArticleAnalysis]:
    from storyline.analyze import AnalyzeOptions, analyze

    # One process per worker already: no nested multiprocessing inside a partition.
    return list(analyze(list(articles), AnalyzeOptions(n_process=1)))


def dask_analyzer(
    scheduler: str = "processes",
) -> Callable[[Sequence[Article]], Iterator[ArticleAnalysis]]:
    """An ``analyze``-compatible function that runs the partitions on Dask."""
    compute_options = _compute_options(scheduler)

    def run(articles: Sequence[Article]) -> Iterator[ArticleAnalysis]:
        if not articles:
            return iter(())
        import dask.bag

        partitions = max(1, -(-len(articles) // ARTICLES_PER_PARTITION))
        bag = dask.bag.from_sequence(list(articles), npartitions=partitions)  # type: ignore[no-untyped-call]
        results: list[ArticleAnalysis] = bag.map_partitions(_analyze_partition).compute(
            **compute_options
        )
        return iter(results)

    return run


def _compute_options(scheduler: str) -> dict[str, Any]:
    if scheduler in LOCAL_SCHEDULERS:
        return {"scheduler": scheduler}
    if scheduler.startswith("tcp://"):
        try:
            from distributed import Client
        except ImportError as error:
            raise ConfigError(
                f"cannot reach Dask cluster {scheduler}: the 'distributed' package is missing",
                "pip install distributed (the same version on the workers)",
            ) from error
        return {"scheduler": Client(scheduler)}
    raise ConfigError(
        f"unknown Dask scheduler {scheduler!r}",
        f"use one of {', '.join(LOCAL_SCHEDULERS)} or a tcp://HOST:PORT cluster address",
    )
