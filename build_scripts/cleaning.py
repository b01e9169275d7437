"""Give every line of an article a role, so page furniture never reaches the
page or the tags.

Roles: header (metadata line above the headline), title, body, heading,
caption (a photo caption, kept once), byline, bio (the closing line about the
writer: shown, names the author, tags nothing), furniture (removed). Each rule
looks at one cue; the first that fires decides.
"""
from __future__ import annotations

import html
import re
from itertools import islice

from .models import Cleaned, Line

WORDS = r"[^\W\d_][\w'’.\-]*"

HEADER = re.compile(
    r"^\s*(date|published|updated|posted|publié|publié le|mis à jour le?)\s*:?\s*"
    r"(\d{4}-\d{2}-\d{2}|\d{1,2}[/. ]\w+[/. ]\d{4}|\w+\.? \d{1,2},? \d{4})(\s+\S+)*\s*$",
    re.I,
)
# Marks a site may print before a line of links ("» LIRE AUSSI - ...", "> Read more:").
MARKS = r"[\s»›>•▶►▸■●◆*\-–—]*"
# A trailer of other stories' headlines starts with one of these on its own line.
TRAILER = re.compile(
    rf"^{MARKS}(also read|read also|read more|related( articles| stories| news)?|more stories|"
    r"recommended( stories)?|you may also like|see also|lire aussi|à lire aussi|a lire aussi|"
    r"sur le même sujet|voir aussi|à voir aussi|nos articles)\s*[:：]?\s*$",
    re.I,
)
# Another story's headline after a label and a colon or a dash, on one line;
# after a label of two words or more, a space is enough ("Lire aussi Le projet de loi ...").
LONG_LABELS = r"lire aussi|[àa] lire aussi|voir aussi|[àa] voir aussi|read more|also read|read also|see also"
TEASER = re.compile(
    rf"^{MARKS}(?:(?:\(re\)voir|\(re\) ?voir|re-?voir|{LONG_LABELS}|[àa] lire|[àa] voir|watch|related|listen|"
    r"écouter|regarder)\s*[:：\-–—|]|"
    rf"(?:{LONG_LABELS})\s+(?=(?-i:[A-ZÀ-Ý«\"“])))",
    re.I,
)
# A label in capitals after a link's mark: "» EN DIRECT - ...", "» ENQUÊTE - ...".
MARKED_TEASER = re.compile(r"^\s*(?:»|>>|›)\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ ]{2,30}\s*[:\-–—]")
# What is left of an HTML tag cut in two by a copy: '" frameborder="0" scrolling="no">'.
MARKUP_REST = re.compile(r'^\s*"?\s*(?:[a-z][a-z-]*="[^"]*"\s*)+/?>')
# Shopping links a site prints among the paragraphs: "SERVICE: Découvrez nos codes promo ..."
ADVERT = re.compile(
    r"^\s*(?:SERVICE|PUBLICITÉ|PUBLI-REPORTAGE|PARTENAIRE|SPONSORISÉ|ANNONCE|ADVERTISEMENT)\s*[:\-–—]")
# A video's title with where to watch it: "Macron a-t-il tout faux ? - Regarder sur Figaro Live".
VIDEO_TEASER = re.compile(
    r"\s[-–—|]\s*(?i:(regarder|revoir|voir|watch|écouter|listen)( la vidéo| the video)?\s+(sur|on))\s+"
    r"[A-Z0-9][^.!?]{0,40}$")
# "» Suivez toutes les infos du Figaro culture sur Facebook et Twitter."
FOLLOW_US = re.compile(
    rf"^{MARKS}(suivez|retrouvez|rejoignez|abonnez-vous|follow|join|like|subscribe)\b.{{0,120}}\b"
    r"(facebook|twitter|instagram|linkedin|youtube|tiktok|snapchat|telegram|whatsapp)\b[^.!?]{0,60}[.!]?\s*$",
    re.I,
)
# The lookahead (the first letters of the phrases) lets the search pass over
# most characters with one test instead of one per phrase.
PLAYER = re.compile(
    r"(?=[jclvym])(jw ?player|chargement du lecteur|chargement de la vidéo|loading (the )?(video|player)|"
    r"video player|lecteur vidéo|your browser does not support|votre navigateur ne prend pas|"
    r"media playback is (unsupported|not supported))",
    re.I,
)
SHARE_WORDS = {
    "partager", "share", "tweet", "tweeter", "print", "imprimer", "email", "e-mail", "mail",
    "facebook", "twitter", "x", "whatsapp", "linkedin", "copy", "link", "copier", "le", "lien",
    "save", "sauvegarder", "commenter", "comment", "comments", "commentaires", "this", "article",
    "cet", "on", "via", "messenger", "telegram", "reddit", "pinterest",
}
SHARE_WORD = re.compile(r"[\w\-]+")
READING_TIME = re.compile(
    r"\b\d+\s*(min|mins|minutes?|mn)\.?\s*(de lecture|read|reading( time)?|à lire)\b", re.I)
LONE_LABEL = re.compile(
    r"^\s*(image|images|photo|photos|video|vidéo|videos|vidéos|audio|advertisement|advertising|"
    r"publicité|pub|sponsored|contenu sponsorisé|ad|caption|légende|diaporama|slideshow|"
    r"gallery|galerie|getty images|afp|reuters|ap)\s*$",
    re.I,
)
CREDIT = re.compile(
    r"^\s*(©|\(c\)\s|copyright\b|credits?\s*:|crédits?\s*(photo)?\s*:|photo\s*:|photo credit|"
    r"image (source|credit)|source (de l')?image)",
    re.I,
)
NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
# "and"/"et" need spaces around them: a name word may contain "and"
# ("Ferdinand"), and letting it be either made the match exponential.
# A piece's kind before its writer: "Analysis by", "L'éditorial de", "La chronique d'".
PIECE_BY = (r"(?:(?:[Aa]n?\s+)?(?:[Aa]nalysis|[Cc]omment(?:ary)?|[Cc]olumn|[Oo]pinion|[Ee]ditorial|[Rr]eview)\s+by\s+|"
            r"(?:(?:L['’]|Une?\s+|La\s+|Le\s+))?(?:[ÉéEe]ditorial|[ÉéEe]dito|[Cc]hronique|[Bb]illet|[Aa]nalyse|"
            r"[Tt]ribune|[Oo]pinion)\s+(?:de\s+|d['’]))")
# The same before the writer's name and what they do: "Une tribune de Fabrice Flipo, professeur de philosophie."
PIECE_BY_WHO = re.compile(rf"^\s*{PIECE_BY}({NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})\s*,\s*[^,]")
BYLINE = re.compile(
    rf"^\s*(?:(?:[Bb]y|BY|[Pp]ar|PAR|[Ww]ritten by|[ÉE]crit par)\s+|{PIECE_BY})({NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
    rf"(?:(?:\s*[,&]\s*|\s+(?:and|et)\s+){NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})*)\s*$",
)
# The closing line about the writer: "Bill Thompson is a regular commentator on
# the BBC World Service programme Go Digital.", "Jeanne Durand est journaliste au Monde."
AUTHOR_BIO = re.compile(
    r"^(?!(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|M|Mme|Mlle)\.?\s)"
    rf"({NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})\s+(?:is|est)\s+"
    r"(?:a |an |the |un |une |le |la |l'|l’)?[\w’' -]{0,40}?\b"
    r"(?:correspondent|commentator|columnist|writer|reporter|editor|journalist|analyst|contributor|presenter|"
    r"blogger|journaliste|essayiste|chroniqueur|chroniqueuse|éditorialiste|rédacteur|rédactrice|correspondant|"
    r"correspondante|blogueur|blogueuse)s?\b")
# A photographer and their agency, or their name twice, on a line of its own:
# "Ludovic Marin/AFP", "JOEL SAGET / AFP", "Lucas Barioulet/Lucas Barioulet".
PHOTOGRAPHER = re.compile(
    rf"^(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})\s*/\s*(?:(?P=name)|AFP|Reuters|REUTERS|AP|EPA|Getty Images|"
    r"SIPA|Sipa|Maxppp|MAXPPP|Bestimage|ABACA|Abaca|Belga|BELGA|DPA|dpa|Anadolu|NurPhoto|Hans Lucas|IP3|Xinhua|"
    r"ZUMA|Shutterstock|Le Figaro|LE FIGARO|Photononstop|Leemage|Divergence|Andia|Riva Press)"
    r"(?:\s*(?:/|via|-|PHOTO|Images?|Press|Wire)[\w /.-]{0,30})?$")
# A writer signing off, on a line of their own: "Madeleine Meteyer, journaliste au Figaro".
SIGN_OFF = re.compile(
    rf"^({NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}),\s+(?:journaliste|rédacteur|rédactrice|correspondant|correspondante|"
    r"chroniqueur|chroniqueuse|éditorialiste|reporter|correspondent|journalist|editor|writer|columnist)\b"
    r"[^,.!?;:]{0,40}$")
ENTITY = re.compile(r"&(#\d{2,6}|#x[0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")
END_PUNCT = ".!?:;,…\"”»)"
# Longer than any paragraph: a longer line (a whole file without line breaks)
# is cut into pieces so that no per-line rule ever sees a megabyte.
MAX_LINE = 5_000


def fold_line(text: str) -> str:
    return " ".join(text.lower().split())


def is_share_line(text: str) -> bool:
    if len(text.split()) <= 8 and READING_TIME.search(text):
        return True
    words = [m[0] for m in islice(SHARE_WORD.finditer(text.lower()), 7)]      # more than 6: not one
    return 0 < len(words) <= 6 and words[0] in SHARE_WORDS and all(
        w in SHARE_WORDS or w.isdigit() for w in words)


def looks_like_headline(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 30 and len(text) <= 220 and text[0].isupper() is not False
            and not text.rstrip().endswith((".", ",", ";", ":")))


def looks_like_subheading(text: str) -> bool:
    words = text.split()
    return (0 < len(words) <= 12 and len(text) <= 90 and text[:1].isupper()
            and text.rstrip()[-1] not in END_PUNCT)


def classify(text: str, first_line: int = 1, markdown: bool = False) -> Cleaned:
    """Assign a role to every non-blank line of `text` (an article without front
    matter); in Markdown articles, '#' lines are headings."""
    lines: list[tuple[int, str]] = []
    inline: set[int] = set()         # teasers cut out of a paragraph
    for n, ln in enumerate(text.split("\n"), start=first_line):
        for piece in split_long(_entities(ln).strip()):
            parts = inline_teasers(piece)
            for part, teaser in parts if len(parts) == 1 or not furniture_reason(piece) else [(piece, False)]:
                if teaser:
                    inline.add(len(lines))
                lines.append((n, part))
    roles: list[str] = ["body"] * len(lines)
    headings = _markdown_headings(lines, roles) if markdown else set()

    i = 0
    while i < len(lines) and HEADER.match(lines[i][1]):
        roles[i] = "header"
        i += 1
    if i < len(lines) and i + 1 < len(lines) and roles[i] == "body" and i not in inline \
            and looks_like_headline(lines[i][1]):
        roles[i] = "title"

    why: dict[int, str] = {}
    in_trailer = False
    for k, (_, t) in enumerate(lines):
        if roles[k] in ("header", "title"):
            continue
        if in_trailer:
            if looks_like_headline(t) or roles[k] == "heading":
                roles[k], why[k] = "furniture", "headline in a trailer of other stories"
                continue
            in_trailer = False
        reason = "teaser for another story inside a paragraph" if k in inline else furniture_reason(t)
        if reason:
            roles[k], why[k] = "furniture", reason
            in_trailer = reason == "trailer of other stories"
        elif BYLINE.match(t) and len(t.split()) <= 12:
            roles[k] = "byline"
        elif len(t) <= 300 and (SIGN_OFF.match(t.strip()) or _piece_by_who(t)):
            roles[k] = "bio"          # a short line: the writer signing off, or the piece's kind and its writer

    _captions(lines, roles, why)
    last = next((k for k in range(len(lines) - 1, -1, -1) if roles[k] in ("body", "caption", "heading")), None)
    if last is not None and last > 0 and len(lines[last][1].split()) <= 40 and AUTHOR_BIO.match(lines[last][1]):
        roles[last] = "bio"
    seen_body = False
    for k, (_, t) in enumerate(lines):
        if roles[k] != "body" or k in headings:
            seen_body = seen_body or roles[k] == "heading"
            continue
        nxt = next((j for j in range(k + 1, len(lines)) if roles[j] in ("body", "caption")), None)
        if seen_body and nxt is not None and roles[nxt] == "body" and looks_like_subheading(t) \
                and not looks_like_subheading(lines[nxt][1]):
            roles[k] = "heading"
        seen_body = True
    return Cleaned(tuple(Line(n, t, r, why.get(k, "")) for k, ((n, t), r) in enumerate(zip(lines, roles))))


def _entities(line: str) -> str:
    """'Jos&#233;' -> 'José': character references left in text by a scraper."""
    return html.unescape(line) if "&" in line and ENTITY.search(line) else line


# A link to another story run into a paragraph when a page's lines were
# joined: "... par des chariots entassés. » LIRE AUSSI - «Gilets jaunes»: à
# Lille, ...   Le projet commence ...". It ends at a run of spaces, a bullet,
# a sentence's end, the line's end, or a word glued to the next sentence ("à
# ParisDevant le parc").
INLINE_TEASER = re.compile(r"(?:^|(?<=[.!?»”\"])\s+)(?:»\s*|>>\s*)?(?:(?:[ÀA] )?(?:LIRE|VOIR) AUSSI|ALSO READ|READ MORE)"
                           r"\s*(?:[-:–—]|(?=[A-ZÀ-Ý0-9«\"“]))")
TEASER_END = re.compile(r"\s{2,}|\s*●|(?<=[.!?])\s+(?=[A-ZÀ-Ý])|$")      # or a sentence's end
GLUED = re.compile(r"(?<=[a-zà-ÿ0-9.!?»”])(?=[A-ZÀ-Ý][a-zà-ÿ])")


def _piece_by_who(line: str) -> bool:
    """The piece's kind, its writer and what they do: "Une tribune de Fabrice
    Flipo, professeur de philosophie" (a role in the first words after the
    comma); not "A review by Lord Butler, published in July, found ..."."""
    found = PIECE_BY_WHO.match(line)
    if not found or len(line.split()) > 40:
        return False
    from .extract.tokens import vocabulary

    words = [w.strip(",.;:").lower() for w in line[found.end(1):].lstrip(" ,").split()[:4]]
    return any(vocabulary().is_role(w) for w in words if w not in ("a", "an", "the", "un", "une", "le", "la"))


def inline_teasers(line: str) -> list[tuple[str, bool]]:
    """The line's pieces, each with whether it is a teaser for another story
    run into it; a line that is nothing but a teaser is one piece, left to
    `furniture_reason`."""
    found = ("AUSSI" in line or "READ" in line) and INLINE_TEASER.search(line)
    if not found:
        return [(line, False)]
    end = TEASER_END.search(line, found.end()).start()       # type: ignore[union-attr]  # it matches at the end
    glued = GLUED.search(line, found.end() + 12, end)        # not within the label and its first words
    end = glued.start() if glued else end
    if found.start() == 0 and end >= len(line.rstrip()):
        return [(line, False)]
    before, teaser, after = line[:found.start()].strip(), line[found.start():end].strip(), line[end:].strip()
    return [(piece, is_teaser) for piece, is_teaser in [(before, False), (teaser, True)] if piece] + (
        inline_teasers(after) if after else [])


def furniture_reason(text: str) -> str:
    """Which furniture rule a line matches, or ''."""
    if TRAILER.match(text):
        return "trailer of other stories"
    if TEASER.match(text) or MARKED_TEASER.match(text):
        return "teaser for another story"
    if ADVERT.match(text):
        return "advertisement"
    if MARKUP_REST.match(text):
        return "HTML markup left in the text"
    if PLAYER.search(text):
        return "video player label"
    if len(text) <= 250 and VIDEO_TEASER.search(text):       # a headline's length: not a paragraph ending so
        return "teaser for a video"
    if FOLLOW_US.match(text) and len(text.split()) <= 25:
        return "follow-us line"
    if LONE_LABEL.match(text):
        return "lone media label"
    if is_share_line(text):
        return "share or reading-time line"
    if CREDIT.match(text) or PHOTOGRAPHER.match(text.strip()):
        return "photo credit"
    return ""


def split_long(line: str, limit: int = MAX_LINE) -> list[str]:
    """A line longer than `limit` cut at sentence ends (else at a space, else
    anywhere) into pieces of at most `limit` characters; blank lines vanish."""
    pieces, start = [], 0
    while len(line) - start > limit:
        end = start + limit
        cut = max(line.rfind(p, start, end) for p in (". ", "! ", "? ", "… "))
        if cut <= start + limit // 2:
            cut = line.rfind(" ", start, end)
        cut = cut + 1 if cut > start else end
        pieces.append(line[start:cut].strip())
        start = cut
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def _markdown_headings(lines: list, roles: list) -> set[int]:
    """`# Heading` lines of Markdown articles become headings, without the hashes."""
    found = set()
    for k, (n, t) in enumerate(lines):
        m = re.match(r"^#{1,6}\s+(.+?)\s*#*$", t)
        if m:
            lines[k] = (n, m.group(1))
            roles[k] = "heading"
            found.add(k)
    return found


def _captions(lines: list, roles: list, why: dict) -> None:
    """A line printed twice in a row is a photo caption: keep it once, as a caption.
    A short line just above a credit line is a caption too."""
    for k in range(1, len(lines)):
        if roles[k] == "body" and roles[k - 1] == "body" and fold_line(lines[k][1]) == fold_line(lines[k - 1][1]):
            roles[k - 1] = "caption"
            roles[k], why[k] = "furniture", "photo caption printed twice"
    for k in range(1, len(lines)):
        if CREDIT.match(lines[k][1]) and roles[k - 1] == "body" and len(lines[k - 1][1]) < 300:
            roles[k - 1] = "caption"
