"""People ("actors") named in an article.

A cascade of cues over runs of capitalised words:
1. a run is split into name segments and the words around them (titles,
   demonyms, function words, places, organisation words);
2. a segment of two or more words is a person when the registry knows it,
   its first word is a given name, or a cue stands next to it: a title
   ("Interior Minister X", "le président X"), a verb of saying ("said X",
   "a dit X"), an apposition ("X, Tebboune's adviser");
3. one spelling class per person: variants in the article are merged
   (close surname and first name), the registry maps any alias to its
   canonical name;
4. a surname alone ("Nunez") joins the full name used in the same article,
   else the one registry entry with that surname, else it needs a title or a
   verb of saying next to it.
Byline authors, furniture and organisation/place words never become people.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..gazetteer import load as load_gazetteer
from ..models import Cue, Line, Mention
from ..names import fold, prefer, same_person, similar, surname
from ..registry import Registry
from .tokens import PARTICLES, Token, first_names, joined, tokenize, vocabulary

MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class Candidate:
    form: str
    tokens: tuple[Token, ...]
    line: Line
    cue: str
    demonym: str | None          # country code of a demonym next to the name


@dataclass
class Person:
    key: str                      # canonical name once resolved
    forms: list[str] = field(default_factory=list)
    full: list[str] = field(default_factory=list)
    cue: Cue | None = None
    registry: bool = False
    countries: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, int]] = field(default_factory=list)


def _kind(tok: Token, prev: Token | None, nxt: Token | None, gaz) -> str:
    """N: could be part of a name; P: a name particle; V: a word that is not a name."""
    vocab = vocabulary()
    if any(c.isdigit() for c in tok.text) or "." in tok.text.strip("."):
        return "V"
    if "-" in tok.text and any(p[:1].islower() and p not in PARTICLES for p in tok.text.split("-")[1:]):
        return "V"   # "Moscow-based", "Booker-shortlisted"
    if tok.acronym and len(tok.text) > 1:
        return "V"
    if not tok.capitalised:
        return "P" if tok.folded in PARTICLES else "V"
    if tok.folded in PARTICLES and prev is not None and nxt is not None:
        return "P"
    if tok.folded in vocab.calendar and prev is not None and _kind_simple(prev, gaz) == "N":
        return "N"   # "Theresa May"
    if vocab.is_common(tok.text) or gaz.lookup(tok.text):
        return "V"
    return "N"


def _kind_simple(tok: Token, gaz) -> str:
    vocab = vocabulary()
    if not tok.capitalised or vocab.is_common(tok.text) or gaz.lookup(tok.text) or tok.acronym:
        return "V"
    return "N"


def runs(line: str, toks: list[Token]) -> list[list[int]]:
    """Indexes of tokens that form one run of capitalised words (particles inside)."""
    out: list[list[int]] = []
    cur: list[int] = []
    for i, tok in enumerate(toks):
        inside = tok.capitalised or (tok.folded in PARTICLES and cur and i + 1 < len(toks)
                                     and toks[i + 1].capitalised and joined(line, tok, toks[i + 1]))
        if inside and cur and joined(line, toks[cur[-1]], tok):
            cur.append(i)
        else:
            if cur:
                out.append(cur)
            cur = [i] if tok.capitalised else []
    if cur:
        out.append(cur)
    return out


def segments(line: str, toks: list[Token], gaz) -> list[tuple[list[int], list[int]]]:
    """(name token indexes, context token indexes inside the run) for each run."""
    found = []
    for run in runs(line, toks):
        kinds = []
        for j, i in enumerate(run):
            prev = toks[run[j - 1]] if j else None
            nxt = toks[run[j + 1]] if j + 1 < len(run) else None
            kinds.append(_kind(toks[i], prev, nxt, gaz))
        context: list[int] = []
        seg: list[int] = []
        for j, i in enumerate(run):
            k = kinds[j]
            if k == "N" or (k == "P" and seg):
                seg.append(i)
                continue
            if seg:
                found.append((_trim(seg, toks), list(context)))
                seg = []
            context.append(i)
        if seg:
            found.append((_trim(seg, toks), list(context)))
    return [(s, c) for s, c in found if s]


def _trim(seg: list[int], toks: list[Token]) -> list[int]:
    while seg and not toks[seg[-1]].capitalised:
        seg = seg[:-1]
    while seg and toks[seg[-1]].folded in PARTICLES and len(seg) > 1:
        seg = seg[:-1]
    return seg


def _sentence_start(line: str, tok: Token) -> bool:
    before = line[:tok.start].rstrip(" \u00a0\"“«'‘(")
    return not before or before[-1] in ".!?:;»”\"—–-"


def _cue(line: str, toks: list[Token], seg: list[int], context: list[int], gaz) -> tuple[str | None, str | None]:
    """The cue that says this segment is a person, and a demonym next to it."""
    vocab = vocabulary()
    first, last = seg[0], seg[-1]
    before = [toks[i] for i in range(max(0, first - 4), first)]
    demonym = None
    for tok in reversed(before):
        hit = gaz.lookup(tok.text)
        if hit and hit[1] == "demonym" and hit[0]:
            demonym = hit[0]
            break
    if any(vocab.is_title(toks[i].text) for i in context if i < first):
        return "title before the name", demonym
    lower_before = []
    for tok in reversed(before):
        if tok.capitalised or not joined(line, tok, toks[first] if not lower_before else lower_before[-1]):
            break
        lower_before.append(tok)
    if any(vocab.is_title(t.text) for t in lower_before):
        return "title before the name", demonym
    if demonym and lower_before and gaz.lookup(lower_before[0].text):
        return "nationality before the name", demonym
    prev_words = " ".join(t.folded for t in before[-2:])
    if before and (before[-1].folded in vocab.speech or prev_words in vocab.speech):
        return "verb of saying", demonym
    after = toks[last + 1:last + 4]
    gap = line[toks[last].end:after[0].start] if after else ""
    if after and not after[0].capitalised and after[0].folded in vocab.speech and gap.strip() in ("", ","):
        return "verb of saying", demonym
    if after and not after[0].capitalised and " ".join(t.folded for t in after[:2]) in vocab.speech \
            and gap.strip() in ("", ","):
        return "verb of saying", demonym
    if gap.strip() == ",":
        window = toks[last + 1:last + 7]
        if any(vocab.is_title(t.text) for t in window if not t.capitalised or vocab.is_title(t.text)):
            return "apposition with a role", demonym
    return None, demonym


def candidates(lines: list[Line], registry: Registry, authors: tuple[str, ...]) -> tuple[list[Candidate], list[Candidate]]:
    """Full-name candidates (accepted) and single-word ones (still to be linked)."""
    gaz = load_gazetteer()
    is_first = first_names()
    author_words = {w for a in authors for w in fold(a).split()}
    full: list[Candidate] = []
    single: list[Candidate] = []
    for line in lines:
        toks = tokenize(line.text)
        for seg, context in segments(line.text, toks, gaz):
            if len(seg) > MAX_NAME_WORDS:
                continue
            if len(seg) > 1 and _sentence_start(line.text, toks[seg[0]]) and not is_first(toks[seg[0]].text) \
                    and not registry.find(" ".join(toks[i].text for i in seg)):
                seg = seg[1:]     # "Later Serguei Lavrov": a capital that only starts the sentence
            form = " ".join(line.text[toks[seg[0]].start:toks[seg[-1]].end].split())
            if author_words and set(fold(form).split()) <= author_words:
                continue
            if gaz.lookup(form):
                continue
            cue, demonym = _cue(line.text, toks, seg, context, gaz)
            seg_toks = tuple(toks[i] for i in seg)
            if len(seg) == 1:
                if line.role not in ("body", "caption"):
                    cue = ""
                single.append(Candidate(form, seg_toks, line, cue or "", demonym))
                continue
            if registry.find(form):
                cue = "registry"
            elif is_first(toks[seg[0]].text) and not cue:
                cue = "given name"
            if cue:
                full.append(Candidate(form, seg_toks, line, cue, demonym))
    return full, single


def extract(lines: list[Line], registry: Registry, authors: tuple[str, ...]) -> tuple[list[Mention], list]:
    """People mentions and the (line number, start, end) spans their names cover."""
    full, single = candidates(lines, registry, authors)
    people: list[Person] = []

    def add(person: Person, cand: Candidate) -> None:
        person.forms.append(cand.form)
        person.spans.append((cand.line.number, cand.tokens[0].start, cand.tokens[-1].end))
        if cand.demonym:
            person.countries.append(cand.demonym)
        if person.cue is None:
            person.cue = Cue(cand.cue, cand.line.number, cand.form)

    for cand in full:
        entry = registry.find(cand.form)
        if entry:
            person = next((p for p in people if p.registry and p.key == entry.name), None)
            if person is None:
                person = Person(entry.name, registry=True)
                people.append(person)
        else:
            person = next((p for p in people if not p.registry
                           and any(same_person(cand.form, f) for f in p.full)), None)
            if person is None:
                person = Person(cand.form)
                people.append(person)
        person.full.append(cand.form)
        add(person, cand)

    for cand in single:
        word = cand.tokens[0].text
        person = _link_surname(word, people)
        if person is None:
            entry = registry.by_surname(word) or registry.by_form.get(fold(word))
            if entry:
                person = next((p for p in people if p.key == entry.name), None)
                if person is None:
                    person = Person(entry.name, registry=True)
                    people.append(person)
                if cand.cue == "":
                    cand = Candidate(cand.form, cand.tokens, cand.line, "registry surname", cand.demonym)
        if person is None and cand.cue in ("title before the name", "verb of saying") and len(word) > 2 \
                and cand.line.role in ("body", "caption"):
            person = next((p for p in people if fold(p.key) == fold(word)), None)
            if person is None:
                person = Person(word)
                people.append(person)
        if person is not None:
            add(person, cand)

    mentions = []
    spans = []
    for p in people:
        if not p.registry:
            p.key = prefer(p.full) if p.full else p.key
        forms = tuple(dict.fromkeys(p.forms))
        mentions.append(Mention(p.key, forms, p.cue or Cue("name")))
        spans.extend(p.spans)
    return mentions, spans


def _link_surname(word: str, people: list[Person]) -> Person | None:
    """The person whose full name in this article ends with (or closely matches) this word."""
    w = fold(word)
    exact = [p for p in people if any(surname(f) == w or w in fold(f).split()[1:] for f in p.full)]
    if exact:
        return exact[0]
    if len(w) >= 5:
        close = [p for p in people if any(similar(surname(f), w) >= 85 for f in p.full)]
        if close:
            return close[0]
    return None
