"""A built site's files with its Pagefind index read as data, to compare two
builds of the same pages. Pagefind (1.5) writes the values of a filter, and
the list of filters, in an order that changes from run to run, and names
each file by a hash of its bytes: two indexes of the same pages then differ
in some bytes and file names, never in what a search finds or shows."""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"          # after gzip, before the CBOR of an index file
BUNDLE = "pagefind/"                 # the index's folder in the site, with its parts' folders


def _cbor(data: bytes) -> Any:
    raw = gzip.decompress(data)
    assert raw.startswith(SIGNATURE), raw[:20]
    return cbor2.loads(raw[len(SIGNATURE):])


def _as_data(name: str, data: bytes) -> tuple[str, Any]:
    """A file of the index, under a name without its hash where the hash
    follows the order Pagefind wrote in, as data in a fixed order."""
    if name.endswith(".pf_filter"):          # [filter, [[value, [pages]], ...]]
        key, values = _cbor(data)
        return f"filter {key}", sorted(([value, sorted(pages)] for value, pages in values), key=repr)
    if name.endswith(".pf_meta"):            # [version, pages, word-list chunks, [[filter, file]], sorts, fields]
        version, pages, chunks, filters, *rest = _cbor(data)
        return "meta", [version, pages, chunks, sorted(key for key, _ in filters), *rest]
    if name == "pagefind-entry.json":        # each language's hash is its meta file's
        entry = json.loads(data)
        for language in entry["languages"].values():
            language.pop("hash")
        return name, entry
    return name, data                        # named by a hash of the same bytes in every run


def site_files(folder: Path) -> dict[str, Any]:
    """Every file of a built site by its path, the index's read as data."""
    files: dict[str, Any] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(folder).as_posix()
        if rel.startswith(BUNDLE):
            name, data = _as_data(path.name, path.read_bytes())
            files[f"{rel[:rel.rindex('/') + 1]}{name}"] = data
        else:
            files[rel] = path.read_bytes()
    return files
