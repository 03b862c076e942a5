"""The public Python API: __all__ matches what the package really exports."""

from __future__ import annotations

import subprocess
import sys

import storyline


def test_every_public_name_resolves() -> None:
    for name in storyline.__all__:
        assert getattr(storyline, name) is not None, name


def test_unknown_names_raise_attribute_error() -> None:
    try:
        storyline.no_such_thing  # noqa: B018
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:
        raise AssertionError("expected AttributeError")


def test_importing_storyline_loads_no_model_or_heavy_library() -> None:
    heavy = "('spacy', 'trafilatura', 'sklearn')"
    code = f"import sys, storyline; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
