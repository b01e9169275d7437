"""News archive generator: articles/ in, a tagged MkDocs site out."""

EXTRACTOR_VERSION = "2"
