"""Problems found in the user's input, reported as `path:line: message`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file; the rest of the archive still builds."""

    path: str
    line: int
    message: str
    kind: str = "input"       # input | registry | info (a note, not a problem)

    def __str__(self) -> str:
        label = "info: " if self.kind == "info" else ""
        return f"{self.path}:{self.line}: {label}{self.message}"


class ArchiveError(Exception):
    """Raised by readers and validators; carries the Problem to report."""

    def __init__(self, path: str, line: int, message: str, kind: str = "input"):
        self.problem = Problem(path, line, message, kind)
        super().__init__(str(self.problem))
