"""Language identification of article text with py3langid."""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below this many letters the identifier guesses (py3langid gives ~0.01 confidence to
# "ok"); 20 letters is about four words, where its guesses on news text become stable.
MIN_LETTERS = 20
# Only the start of a long text is read: language does not change mid-article, and
# classification cost grows with length.
MAX_CHARS = 2000


@functools.cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """The ISO 639-1 code of ``text`` and a 0..1 confidence; (None, 0.0) if too short."""
    sample = text[:MAX_CHARS]
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None, 0.0
    code, confidence = _identifier().classify(sample)
    return str(code), float(confidence)


def normalise_language(code: str | None) -> str | None:
    """'en-US', 'EN', 'en_GB' -> 'en'; None and blanks -> None."""
    if code is None or not code.strip():
        return None
    return code.strip().replace("_", "-").split("-")[0].lower()
