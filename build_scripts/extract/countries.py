"""Countries (ISO 3166-1 alpha-2) from names, demonyms, capitals and
institutions standing for a state, in English and French. Words inside a
person's name or an organisation's name do not count, nor does furniture."""
from __future__ import annotations

from ..gazetteer import load as load_gazetteer
from ..models import Cue, Line, Mention
from .tokens import tokenize


def extract(lines: list[Line], language: str, taken: set[tuple[int, int, int]]) -> list[Mention]:
    gaz = load_gazetteer()
    forms: dict[str, list[str]] = {}
    cues: dict[str, Cue] = {}
    blocked: dict[int, list[tuple[int, int]]] = {}
    for number, start, end in taken:
        blocked.setdefault(number, []).append((start, end))
    lookup, starts = gaz.lookup, gaz.starts
    for line in lines:
        toks = tokenize(line.text)
        spans = blocked.get(line.number, [])
        after = 0          # the first token after the last phrase found
        for i, tok in enumerate(toks):
            if i < after or tok.text not in starts and not lookup(tok.text):
                continue          # most words: no phrase starts here
            hit = None
            longest = min(gaz.longest, len(toks) - i) if tok.text in starts else 1
            sizes = gaz.phrase_sizes(tok.text) if longest > 1 else frozenset()
            for n in range(longest, 0, -1):
                if n > 1 and n not in sizes:
                    continue          # no form has that many words
                start, end = tok.start, toks[i + n - 1].end
                phrase = tok.text if n == 1 else " ".join(t.text for t in toks[i:i + n])
                found = lookup(phrase)
                if found and found[1] == "demonym" and phrase[:1].islower() and language != "fr":
                    found = None
                if found:
                    hit = (n, found, phrase, start, end)
                    break
            if not hit:
                continue
            n, (code, kind), phrase, start, end = hit
            after = i + n
            if not code or any(s <= start < e or s < end <= e for s, e in spans):
                continue
            if code not in forms:
                cues[code] = Cue(f"country {kind}", line.number, phrase)
            forms.setdefault(code, []).append(phrase)
    return [Mention(code, tuple(dict.fromkeys(forms[code])), cues[code]) for code in sorted(forms)]
