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
    for line in lines:
        toks = tokenize(line.text)
        spans = blocked.get(line.number, [])
        i = 0
        while i < len(toks):
            hit = None
            longest = min(gaz.longest, len(toks) - i) if toks[i].text in gaz.starts else 1
            for n in range(longest, 0, -1):
                start, end = toks[i].start, toks[i + n - 1].end
                phrase = toks[i].text if n == 1 else " ".join(t.text for t in toks[i:i + n])
                found = gaz.lookup(phrase)
                if found and found[1] == "demonym" and phrase[:1].islower() and language != "fr":
                    found = None
                if found:
                    hit = (n, found, phrase, start, end)
                    break
            if not hit:
                i += 1
                continue
            n, (code, kind), phrase, start, end = hit
            i += n
            if not code or any(s <= start < e or s < end <= e for s, e in spans):
                continue
            if code not in forms:
                cues[code] = Cue(f"country {kind}", line.number, phrase)
            forms.setdefault(code, []).append(phrase)
    return [Mention(code, tuple(dict.fromkeys(forms[code])), cues[code]) for code in sorted(forms)]
