"""Stories (reports of one event, grouped) and related articles.

Two articles report the same story when their words and the people they
name are alike: the cosine of TF-IDF vectors over the title and text, with
words cut to their first six letters ("sécurité" meets "security",
"restored" meets "restoring") and the people and organisations they tag
added as extra terms, which also carry across languages. When both articles
are dated they must lie within a week of each other; undated ones group on
content alone.

Only pairs that share two of their most telling terms are ever compared
(blocking on rare terms), so the work grows with the archive rather than
with its square. Groups merge by average linkage: a chain of loosely similar
articles does not snowball into one giant story.

Related articles share people, organisations or countries, each weighted by
how rare it is in the archive; closer dates rank higher.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from sys import intern

from . import parallel
from .extract.language import FUNCTION_WORDS
from .models import Article, Related, Story
from .names import fold, unaccented

SAME_STORY = 0.42          # least cosine (and least average cosine of a merged group)
WINDOW_DAYS = 7            # dated reports of one story lie this close together
STEM = 6                   # letters kept of each word
ENTITY_WEIGHT = 3          # a tagged person or organisation counts as this many words
BLOCK_TERMS = 12           # an article's most telling terms used to find candidates ...
BLOCK_SHARED = 2           # ... of which a pair must share this many to be compared
FULL_VECTOR = 50           # terms shared with other articles that make a text's vector tell it well; with fewer ...
TELLING_SHARED = 3         # ... terms telling of a story (a name, a word not an everyday one) a pair shares ...
EVERYDAY_ZIPF = 3.5        # ... where everyday words are those this frequent or more in English or French
RELATED = 5                # related articles shown per article
RELATED_PARALLEL_FROM = 2000   # articles from which related articles are found on every core ...
RELATED_PART = 1000            # ... this many articles per task
COUNTRY_WEIGHT = 0.5       # a shared country counts half as much as a person
MONTH_DAYS = 30            # related articles a month apart count half as much
NEIGHBOURS = 25            # a common key links an article to this many on either side in time

_WORD = re.compile(r"[a-z]{3,}")


def _plain(text: str) -> str:
    """Lower case without accents; apostrophes and quotes stay word breaks."""
    return unaccented(text.lower())


_STOPWORDS = frozenset(_plain(w) for words in FUNCTION_WORDS.values() for w in words) | frozenset("""
    about after again against also although among another around because been before being
    between both but can could did does during each even from further had having her here
    him his how however into its itself just last like made make many may more most much
    must new next not now only other others our out over own same says she should since
    some such than their them then there these they this those through too under until very
    were what when where which while who whom why will would year years yet you your told
    one two three aussi avait avant bien cela ces cet comme depuis deux donc dont elle
    elles encore entre etait etre fait ils leur leurs lors mais meme moins nous notre peu
    plus quand quel quelle sans selon ses son sous tous tout tres vers avoir""".split())


@dataclass(frozen=True)
class _Doc:
    id: str
    date: dt.date | None
    vector: dict[str, float]       # unit-length TF-IDF weights of terms other articles share


def find(articles: list[Article]) -> tuple[tuple[Story, ...], dict[str, tuple[Related, ...]]]:
    """The stories of the archive (groups of two or more, newest first) and,
    for every article, its related articles outside its own story."""
    order = {a.id: i for i, a in enumerate(sorted(articles, key=lambda a: a.sort_key))}
    docs = _documents(articles)
    groups = _group(docs, _candidate_pairs(docs))
    by_id = {a.id: a for a in articles}
    stories = []
    for members in groups:
        ids = tuple(sorted(members, key=order.__getitem__))
        stories.append(Story(story_id(ids, by_id), ids))
    stories.sort(key=lambda s: order[s.articles[0]])
    return tuple(stories), related(articles, stories)


def story_id(ids: tuple[str, ...], by_id: dict[str, Article]) -> str:
    """Named after its first report (earliest dated, else first by id), so
    the id survives later reports joining the story."""
    first = min(ids, key=lambda i: (by_id[i].date.value is None, by_id[i].date.value or "", i))
    return "s-" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:10]


# --- text similarity ---------------------------------------------------------

def words(text: str) -> list[str]:
    """Folded, stopword-free words cut to their stem; apostrophes split
    ("l'Algérie" -> "algeri")."""
    return [w[:STEM] for w in _WORD.findall(_plain(text)) if w not in _STOPWORDS]


def text_words(art: Article) -> Counter:
    """Its title's and text's words, counted (kept in its fingerprint)."""
    lines = [ln.text for ln in art.cleaned.by_role("title", "heading", "body")]
    return Counter(words(" ".join([art.title.value, *lines])))


def packed_words(art: Article) -> str:
    """text_words as one string ("word=2 other=1"), small enough to keep for every article."""
    return " ".join(f"{w}={n}" for w, n in text_words(art).items())


def _unpack_words(packed: str) -> Counter:
    parts = packed.replace("=", " ").split()         # words are letters only: word, count, word, count ...
    return Counter(dict(zip(map(intern, parts[::2]), map(int, parts[1::2]))))


def terms(art: Article) -> Counter:
    counts = _unpack_words(art.fingerprint.words) if art.fingerprint else text_words(art)
    for m in art.actors:
        counts["@" + fold(m.key)] += ENTITY_WEIGHT
    for m in art.organizations:
        counts["#" + fold(m.key)] += ENTITY_WEIGHT
    return counts


def _documents(articles: list[Article]) -> list[_Doc]:
    counts = {a.id: terms(a) for a in articles}
    df: Counter = Counter()
    for c in counts.values():
        df.update(c.keys())
    n = len(articles)
    idf = {t: math.log((n + 1) / k) for t, k in df.items() if k > 1}
    most = max((max(c.values(), default=0) for c in counts.values()), default=0)
    tf = [0.0] + [1 + math.log(k) for k in range(1, most + 1)]      # by a term's count in an article
    docs = []
    for art in sorted(articles, key=lambda a: a.id):
        # Only terms another article shares can meet anything; leaving the
        # others out of the norm too keeps scores alike in small and large archives.
        shared = {t: tf[k] * idf[t] for t, k in counts.pop(art.id).items() if t in idf}
        norm = math.sqrt(sum(w * w for w in shared.values())) or 1.0
        vector = {t: w / norm for t, w in shared.items()}
        docs.append(_Doc(art.id, _date(art), vector))
    return docs


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    """Over the terms both share, summed exactly (math.fsum), so the same on
    every run in any order (a set's order changes with the process's string
    hashes, and a plain sum's last digit with the order)."""
    return math.fsum([u[t] * v[t] for t in u.keys() & v.keys()])


def _max_postings(n: int) -> int:
    """A term in more articles than this is too common to find candidates by."""
    return max(50, int(4 * math.sqrt(n)))


def _candidate_pairs(docs: list[_Doc]) -> list[tuple[float, str, str]]:
    """(cosine, a, b), best first, for the pairs above the threshold among
    those that share at least two of their most telling terms."""
    df: Counter = Counter()
    for doc in docs:
        df.update(doc.vector.keys())
    limit = _max_postings(len(docs))
    common = {t for t, k in df.items() if k > limit}
    postings: dict[str, list[int]] = defaultdict(list)
    telling: list[list[str]] = []
    for i, doc in enumerate(docs):
        best = [t for _, t in sorted([(-w, t) for t, w in doc.vector.items() if t not in common])[:BLOCK_TERMS]]
        telling.append(best)
        for t in best:
            postings[t].append(i)
    pairs = []
    for i, a in enumerate(docs):
        # The later articles sharing its telling terms, one article at a time:
        # counting every pair of the archive at once took gigabytes at 20,000.
        shared = Counter(chain.from_iterable(islice(postings[t], bisect_right(postings[t], i), None)
                                             for t in telling[i]))
        for j, n in shared.items():
            if n < BLOCK_SHARED:
                continue
            b = docs[j]
            if _close(a.date, b.date):
                score = cosine(a.vector, b.vector)
                if score >= SAME_STORY and (min(len(a.vector), len(b.vector)) >= FULL_VECTOR
                                            or _enough_shared(a.vector, b.vector)):
                    pairs.append((score, a.id, b.id))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def _enough_shared(u: dict[str, float], v: dict[str, float]) -> bool:
    """Two reports of one event share a few terms telling of it: people or
    organisations they tag, or words rarer than everyday ones. Everyday
    words alone ("chief", "shares", "public") make a high cosine in a small
    archive, where the words no other article has are left out of the vectors."""
    generic = _everyday_stems()
    return sum(1 for t in u.keys() & v.keys() if t[0] in "@#" or t not in generic) >= TELLING_SHARED


@lru_cache(maxsize=1)
def _everyday_stems() -> frozenset:
    """The stems of the words frequent in English or French (wordfreq)."""
    from .extract.tokens import frequent_words

    return frozenset(w[:STEM] for word in frequent_words(EVERYDAY_ZIPF) for w in _WORD.findall(_plain(word)))


def _close(a: dt.date | None, b: dt.date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS


def _group(docs: list[_Doc], pairs: list[tuple[float, str, str]]) -> list[list[str]]:
    """Average linkage over the candidate pairs, best pair first: two groups
    merge when their members are alike on average and their dated members
    stay within the window."""
    by_id = {d.id: d for d in docs}
    group_of: dict[str, tuple[str, ...]] = {d.id: (d.id,) for d in docs}
    for _, a, b in pairs:
        ga, gb = group_of[a], group_of[b]
        if ga is gb:
            continue
        dates = [d for i in ga + gb if (d := by_id[i].date) is not None]
        if dates and (max(dates) - min(dates)).days > WINDOW_DAYS:
            continue
        mean = sum(cosine(by_id[x].vector, by_id[y].vector) for x in ga for y in gb) / (len(ga) * len(gb))
        if mean < SAME_STORY:
            continue
        merged = ga + gb
        for i in merged:
            group_of[i] = merged
    groups = {id(g): g for g in group_of.values() if len(g) > 1}
    return [sorted(g) for g in groups.values()]


def _date(art: Article) -> dt.date | None:
    return dt.date.fromisoformat(art.date.value) if art.date.value else None


# --- related articles --------------------------------------------------------

def related(articles: list[Article], stories: list[Story]) -> dict[str, tuple[Related, ...]]:
    """For each article, up to RELATED others sharing people, organisations
    or countries (rare ones weigh more; closer dates rank higher), outside
    its own story and one per other story. A key named by very many articles
    only links articles near each other in time."""
    ordered = sorted(articles, key=lambda a: a.sort_key)
    story_of = {i: s.id for s in stories for i in s.articles}
    keys = {a.id: _keys(a) for a in ordered}
    postings: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in ordered:
        for k in keys[a.id]:
            postings[k].append(a.id)
    position = {k: {i: p for p, i in enumerate(ids)} for k, ids in postings.items()}
    n = len(ordered)
    weight = {k: math.log((n + 1) / len(ids)) * (COUNTRY_WEIGHT if k[0] == "country" else 1.0)
              for k, ids in postings.items()}
    days = {a.id: (d.toordinal() if (d := _date(a)) else None) for a in ordered}
    ids = [a.id for a in ordered]
    members: dict[str, set[str]] = defaultdict(set)       # story -> its articles
    for i, s in story_of.items():
        members[s].add(i)
    _shared.update(keys=keys, postings=postings, position=position, weight=weight, days=days, story_of=story_of,
                   members=members)
    try:
        parts = parallel.fork_map(_related_part, [ids[i:i + RELATED_PART] for i in range(0, len(ids), RELATED_PART)]
                                  if len(ids) >= RELATED_PARALLEL_FROM else [ids], None)
    finally:
        _shared.clear()
    return {k: v for part in parts for k, v in part.items()}


_shared: dict = {}


def _related_part(ids: list[str]) -> dict[str, tuple[Related, ...]]:
    keys, postings, position = _shared["keys"], _shared["postings"], _shared["position"]
    weight, days, story_of, members = _shared["weight"], _shared["days"], _shared["story_of"], _shared["members"]
    out = {}
    for a_id in ids:
        # Each other article's summed weight, added key by key in order, and
        # whether a key other than a country links it, or else by how many
        # countries: one country alone is not enough.
        score: dict[str, float] = defaultdict(float)
        by_countries: Counter = Counter()
        beyond_country: set[str] = set()
        for k in keys[a_id]:
            ids_k = postings[k]
            p = position[k][a_id]
            near = ids_k[max(0, p - NEIGHBOURS): p + NEIGHBOURS + 1]
            w = weight[k]
            for other in near:
                score[other] += w
            if k[0] == "country":
                by_countries.update(near)
            else:
                beyond_country.update(near)
        # Left out: itself, its own story, and those one country alone links
        # (set operations, rather than tests of every candidate in turn).
        own = story_of.get(a_id)
        left_out = members[own] if own is not None else {a_id}
        left_out = left_out.union(o for o in score.keys() - beyond_country if by_countries[o] < 2)
        day = days[a_id]
        if day is None:
            scored = [(-(total * 0.5), other) for other, total in score.items() if other not in left_out]
        else:
            scored = [(-(total * (0.5 if d is None else 1 / (1 + abs(day - d) / MONTH_DAYS))), other)
                      for other, total in score.items() if other not in left_out for d in (days[other],)]
        # Best first, taken from a heap: only the first few are ever needed,
        # and sorting every candidate cost more than picking them.
        heapq.heapify(scored)
        chosen: list[Related] = []
        stories_seen: set[str | None] = set()
        while scored and len(chosen) < RELATED:
            negative, other = heapq.heappop(scored)
            if negative >= 0:           # nothing left that scores above nought
                break
            story = story_of.get(other)
            if story in stories_seen:         # one report per story: its page links the others
                continue
            stories_seen.update({story} - {None})
            ks = _linking(a_id, other, keys[a_id], position)
            chosen.append(Related(other, *(tuple(name for kind, name in ks if kind == wanted)
                                           for wanted in ("actor", "organization", "country"))))
        out[a_id] = tuple(chosen)
    return out


def _linking(a_id: str, other: str, keys: list[tuple[str, str]], position: dict) -> list[tuple[str, str]]:
    """The keys, in order, by which `other` is among `a_id`'s neighbours."""
    found = []
    for k in keys:
        q = position[k].get(other)
        if q is not None and abs(q - position[k][a_id]) <= NEIGHBOURS:
            found.append(k)
    return found


def _keys(art: Article) -> list[tuple[str, str]]:
    keys = ([("actor", m.key) for m in art.actors] + [("organization", m.key) for m in art.organizations]
            + [("country", m.key) for m in art.countries])
    return list(dict.fromkeys(keys))
