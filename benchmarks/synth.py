"""Synthetic archives for the benchmark, made from the real articles of
../shared/corpus/ (English BBC, French press): each synthetic article takes
the headline of one real article and paragraphs of several others of the same
language, gets a dateline or header with a seeded random full date, a source
now and then, and the people it names replaced from a pool of made-up people
(given names and surnames found in the corpus), the popular ones often, most
of them rarely. Same seed, same archive, byte for byte."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
NAME = re.compile(r"\b([A-Z][a-zà-ÿ]+) ((?:[Ll]e |[Dd]e )?[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?)\b")
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
}
CITIES = {"en": ["LONDON", "WASHINGTON", "BRUSSELS", "ALGIERS", "PARIS", "MOSCOW", "NEW YORK", "GENEVA"],
          "fr": ["PARIS", "ALGER", "BRUXELLES", "LYON", "MONTRÉAL", "GENÈVE", "MARSEILLE", "MOSCOU"]}
AGENCIES = ["Reuters", "AFP", "AP", "MENAFN", "Xinhua", "APS", "Belga"]
PAPERS = ["Le Figaro", "L'Humanité", "La Libre Belgique", "BBC News", "Le Point", "Tribune de Genève"]
POOL_SIZE = 3000


@dataclass(frozen=True)
class Source:
    headline: str
    paragraphs: tuple[str, ...]


def load_corpus(corpus: Path = CORPUS) -> dict[str, list[Source]]:
    """Real articles by language: headline and paragraphs (long one-line
    articles are cut into paragraphs of three sentences)."""
    out: dict[str, list[Source]] = {"en": [], "fr": []}
    for lang, pattern in (("en", "bbc/*/*.txt"), ("fr", "fr/*.txt")):
        for path in sorted(corpus.glob(pattern)):
            data = path.read_bytes()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
            if len(lines) < 2:
                lines = _sentences_to_paragraphs(lines[0] if lines else "")
                headline = ""
            else:
                headline, lines = lines[0], lines[1:]
            if lines:
                out[lang].append(Source(headline, tuple(lines)))
    return out


def _sentences_to_paragraphs(text: str) -> list[str]:
    sentences = re.split(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«])", text)
    return [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]


def given_names() -> frozenset[str]:
    import gender_guesser.detector as gd

    return frozenset(gd.Detector(case_sensitive=False).names)


def is_name(first: str, last: str, known: frozenset[str]) -> bool:
    return first.lower() in known and last.lower() not in known and len(last) > 3


def people_pool(corpus: dict[str, list[Source]], size: int, rng: random.Random,
                known: frozenset[str]) -> list[tuple[str, str]]:
    """Made-up people: given names and surnames seen in the corpus, recombined."""
    given, surnames = set(), set()
    for sources in corpus.values():
        for src in sources:
            for para in src.paragraphs:
                for first, last in NAME.findall(para):
                    if is_name(first, last, known):
                        given.add(first)
                        surnames.add(last)
    given_list, surname_list = sorted(given), sorted(surnames)
    pool = set()
    while len(pool) < size:
        pool.add((rng.choice(given_list), rng.choice(surname_list)))
    return sorted(pool)


class Generator:
    def __init__(self, seed: int = 7, corpus: Path = CORPUS):
        self.rng = random.Random(seed)
        self.corpus = load_corpus(corpus)
        self.known = given_names()
        self.pool = people_pool(self.corpus, POOL_SIZE, self.rng, self.known)
        self.rng.shuffle(self.pool)
        # Zipf-like popularity: a few people in many articles, most in one or two.
        self.weights = [1 / (rank + 1) ** 0.9 for rank in range(len(self.pool))]

    def article(self, n: int) -> tuple[str, str]:
        """(relative path, file text) of synthetic article number n."""
        rng = self.rng
        lang = "fr" if rng.random() < 0.3 else "en"
        sources = self.corpus[lang]
        main = rng.choice(sources)
        others = [rng.choice(sources) for _ in range(rng.randint(1, 3))]
        paragraphs = list(main.paragraphs[: rng.randint(2, 5)])
        for other in others:
            start = rng.randrange(len(other.paragraphs))
            paragraphs += other.paragraphs[start:start + rng.randint(1, 3)]
        people = rng.choices(self.pool, weights=self.weights, k=6)
        swap = _renamer(people, self.known)
        headline = swap(main.headline or rng.choice(sources).headline or paragraphs[0][:70])
        paragraphs = [swap(p) for p in paragraphs]
        year, month, day = rng.randint(1998, 2025), rng.randint(1, 12), rng.randint(1, 28)
        header, paragraphs[0] = self._dateline(lang, year, month, day, paragraphs[0])
        lines = ([header] if header else []) + [headline]
        if rng.random() < 0.15:
            first, last = rng.choice(self.pool)
            lines.append(f"{'By' if lang == 'en' else 'Par'} {first} {last}")
        body = "\n\n".join(lines + paragraphs) + "\n"
        slug = re.sub(r"[^a-z0-9]+", "-", headline.lower())[:50].strip("-") or "article"
        folder = f"{year}/{month:02d}"
        if rng.random() < 0.1:
            paper = rng.choice(PAPERS)
            return f"{folder}/{n:06d}-{slug}.md", f"---\nsource: {paper}\n---\n{body}"
        return f"{folder}/{n:06d}-{slug}.txt", body

    def _dateline(self, lang: str, year: int, month: int, day: int, first: str) -> tuple[str, str]:
        rng = self.rng
        month_name = MONTHS[lang][month - 1]
        style = rng.random()
        if style < 0.35:
            city = rng.choice(CITIES[lang])
            agency = f" ({rng.choice(AGENCIES)})" if rng.random() < 0.5 else ""
            date = f"{month_name} {day}, {year}" if lang == "en" else f"{day} {month_name} {year}"
            return "", f"{city}, {date}{agency} - {first}"
        if style < 0.7:
            label = "Published:" if lang == "en" else "Publié le"
            return f"{label} {day} {month_name} {year}", first
        if style < 0.9:
            return f"date {year}-{month:02d}-{day:02d}", first
        return "", first          # undated, as many real clippings are


def _renamer(people: list[tuple[str, str]], known: frozenset[str]):
    """Replace each person the text names ('Given Surname', then 'Surname'
    alone) by the next person of `people`, consistently within one article."""
    mapping: dict[str, tuple[str, str]] = {}

    def swap(text: str) -> str:
        def full(m: re.Match) -> str:
            if not is_name(m.group(1), m.group(2), known):
                return m.group(0)
            key = m.group(2)
            if key not in mapping and len(mapping) < len(people):
                mapping[key] = people[len(mapping)]
            if key not in mapping:
                return m.group(0)
            return " ".join(mapping[key])

        text = NAME.sub(full, text)
        for old, (_, new) in mapping.items():
            text = re.sub(rf"\b(Mr|Mrs|Ms|Dr|M\.|Mme) {re.escape(old)}\b", rf"\1 {new}", text)
        return text

    return swap


def generate(out: Path, count: int, seed: int = 7, registry: Path | None = None) -> None:
    """Write `count` synthetic articles (and a copy of the registry) under `out`."""
    gen = Generator(seed)
    out.mkdir(parents=True, exist_ok=True)
    if registry and registry.is_file():
        (out / "actors.yml").write_bytes(registry.read_bytes())
    for n in range(count):
        rel, text = gen.article(n)
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
