"""Article text in XML (SVG charts, Atom feeds): characters XML 1.0 cannot
hold are dropped, markup characters escaped."""
from __future__ import annotations

import html
import re

# C0 controls other than tab, newline and return; lone surrogates; U+FFFE/U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text XML can hold (for ElementTree, which escapes but does not drop)."""
    return _NOT_XML.sub("", text)


def escape(text: str) -> str:
    """Text for an XML element or a double-quoted attribute."""
    return html.escape(clean(text), quote=True)
