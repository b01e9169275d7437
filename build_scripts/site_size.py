"""GitHub Pages publishes sites of up to 1 GB: warn while there is still
room to act (drop old articles, publish elsewhere)."""
from __future__ import annotations

from pathlib import Path

PAGES_LIMIT = 1024 ** 3        # bytes
WARN_AT = 0.8                  # share of the limit that triggers the warning


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def warning(total: int, limit: int = PAGES_LIMIT) -> str | None:
    """The warning to give for a site of `total` bytes, if any."""
    if total < WARN_AT * limit:
        return None
    return (f"the built site is {total / 1024 ** 2:,.0f} MB, {total / limit:.0%} of GitHub Pages' "
            f"{limit / 1024 ** 3:g} GB limit: publish fewer articles or host it elsewhere")
