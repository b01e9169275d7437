"""News archive generator: articles/ in, a tagged MkDocs site out."""
from . import compiled as _compiled

EXTRACTOR_VERSION = "2"

_compiled.activate(__path__)        # the extractors built with mypyc, when built from these sources
