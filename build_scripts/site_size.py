"""GitHub Pages publishes sites of up to 1 GB: warn while there is still
room to act (drop old articles, publish elsewhere)."""
from __future__ import annotations

import os
from pathlib import Path

PAGES_LIMIT = 1024 ** 3        # bytes
WARN_AT = 0.8                  # share of the limit that triggers the warning


def size(folder: Path) -> int:
    """Bytes of the files under `folder` (one system call a file: 35,000
    files of 10,000 articles in a fraction of a second)."""
    total = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                total += size(Path(entry.path))
            elif entry.is_file():
                total += entry.stat().st_size
    return total


def warning(total: int, limit: int = PAGES_LIMIT) -> str | None:
    """The warning to give for a site of `total` bytes, if any."""
    if total < WARN_AT * limit:
        return None
    return (f"the built site is {total / 1024 ** 2:,.0f} MB, {total / limit:.0%} of GitHub Pages' "
            f"{limit / 1024 ** 3:g} GB limit: publish fewer articles or host it elsewhere")
