"""The clean stage: from a noisy ``Draft`` to an ``Article`` with every removal recorded.

::

    from storyline.clean import clean, learn_boilerplate, explain

    boilerplate = learn_boilerplate(drafts)          # optional: lines each outlet repeats
    article = clean(draft, boilerplate=boilerplate)
    print(explain(article))

Rules are generic (line shape, a small lexicon of page furniture, repetition, position), never
tuned to one outlet's strings; real content is never removed on weak evidence.  Modules:
``normalize`` (Unicode/whitespace), ``lines`` (line classifiers), ``furniture`` (copyright
footers, support appeals, photo captions), ``headings`` (section headings vs related
headlines), ``dateline``, ``outlet`` (publication names, wire agencies), ``repeats``,
``boilerplate``, ``work`` and ``assemble`` (per-call state, text and blocks), ``cleaner``
(the passes, in order) and ``explain``.
"""

from __future__ import annotations

from storyline.clean.boilerplate import OutletBoilerplate, learn_boilerplate
from storyline.clean.cleaner import clean
from storyline.clean.explain import explain
from storyline.clean.normalize import article_id, normalize_text
from storyline.clean.options import CleanOptions
from storyline.clean.outlet import publication_name

__all__ = [
    "CleanOptions",
    "OutletBoilerplate",
    "article_id",
    "clean",
    "explain",
    "learn_boilerplate",
    "normalize_text",
    "publication_name",
]
