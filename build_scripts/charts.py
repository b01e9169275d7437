"""Small static SVG charts, drawn at build time as plain strings: no
JavaScript, nothing fetched. Pure: values in, SVG text out. Every label is
XML-escaped; each chart carries a <title> and <desc> for screen readers.

The archive's chart is a file (the home page shows it); an actor's or a
country's charts are drawn into its page (`figure`): one file fewer to
publish and to fetch for each, and at 10,000 articles some 10,000 fewer
files for MkDocs to list and check on every rebuild under serve."""
from __future__ import annotations

import calendar
from collections.abc import Iterable

from .pages import plural
from .xml_text import escape

COLOUR = "#3f51b5"         # the site's primary colour (Material indigo)
INK = "#333333"
GRID = "#d0d0d0"
MIN_WIDTH = 240
RANKED = 10                # rows of a ranking chart
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="11"'


def months_between(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last, both included."""
    y, m = map(int, first.split("-"))
    y2, m2 = map(int, last[:7].split("-"))
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(y * 12 + m - 1, y2 * 12 + m2)]


def month_label(month: str) -> str:
    y, m = month.split("-")
    return f"{calendar.month_name[int(m)]} {y}"


def per_month(title: str, counts: dict[str, int], ident: str = "chart") -> str:
    """Vertical bars, one per month from the first to the last month with
    articles (empty months included, so gaps show). Drawn from the months
    with articles and the labelled ones only: a person's span may be
    hundreds of months, most of them empty."""
    if not counts:
        return "\n".join([_open(320, 40, title, "No dated articles yet.", ident),
                          f'<text x="8" y="24" fill="{INK}">No dated articles yet.</text>', "</svg>"]) + "\n"
    first, last = min(counts), max(counts)
    start = _month_number(first)
    n = _month_number(last) - start + 1
    top = max(counts.values())
    step = max(4, min(28, 640 // n))
    bar = max(2, round(step * 0.8))
    left, right, plot_top, plot_h = 34, 12, 12, 110
    width = max(left + step * n + right, MIN_WIDTH)
    height = plot_top + plot_h + 34
    base = plot_top + plot_h
    busiest = min(month for month, value in counts.items() if value == top)
    total = plural(sum(counts.values()), "article")
    span = (f"in {month_label(first)}" if n == 1 else
            f"from {month_label(first)} to {month_label(last[:7])}; "
            f"busiest month {month_label(busiest)} with {top}")
    desc = f"{total} {span}."
    out = [_open(width, height, title, desc, ident),
           f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="{INK}"/>',
           f'<line x1="{left}" y1="{plot_top}" x2="{width - right}" y2="{plot_top}" stroke="{GRID}" '
           'stroke-dasharray="3 3"/>',
           f'<text x="{left - 4}" y="{plot_top + 4}" text-anchor="end" fill="{INK}">{top}</text>',
           f'<text x="{left - 4}" y="{base + 4}" text-anchor="end" fill="{INK}">0</text>']
    for month in sorted(counts):
        value = counts[month]
        if value:
            x = left + (_month_number(month) - start) * step + (step - bar) / 2
            h = round(plot_h * value / top, 1)
            out.append(f'<rect x="{x:g}" y="{base - h:g}" width="{bar}" height="{h:g}" fill="{COLOUR}">'
                       f'<title>{escape(month_label(month))}: {value}</title></rect>')
    for i in _labelled_months(start, n):
        month = f"{(start + i) // 12:04d}-{(start + i) % 12 + 1:02d}"
        x = left + i * step + step / 2
        label = month_label(month).split()[0][:3] + " " + month[:4] if n <= 24 else month[:4]
        out.append(f'<text x="{x:g}" y="{base + 16}" text-anchor="middle" fill="{INK}">{escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _month_number(month: str) -> int:
    """'YYYY-MM' (or a longer date) as a count of months."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def _labelled_months(start: int, n: int) -> Iterable[int]:
    """The places (0 for the first month) of the months `_labelled` labels."""
    if n <= 24:
        return (i for i in range(n) if _labelled(i, f"{(start + i) // 12:04d}-{(start + i) % 12 + 1:02d}", n))
    january = (12 - start % 12) % 12         # the place of the first January
    return [0] + [i for i in range(january, n, 12) if i > 0 and _labelled(i, f"{(start + i) // 12:04d}-01", n)]


def _labelled(i: int, month: str, n: int) -> bool:
    """Which months get an axis label: the first, then every quarter (short
    spans) or every January (long spans)."""
    if i == 0:
        return True
    if n <= 24:
        return n <= 6 or month.endswith(("-01", "-04", "-07", "-10"))
    return month.endswith("-01") and i >= 6 and (n <= 120 or int(month[:4]) % 5 == 0)


def ranked(title: str, items: Iterable[tuple[str, int]], limit: int = RANKED, ident: str = "chart") -> str:
    """Horizontal bars, largest first: a name and a count per row."""
    rows = list(items)[:limit]
    top = max(n for _, n in rows)
    label_w, bar_w, row_h, pad = 190, 240, 22, 8
    width = label_w + bar_w + 40
    height = pad * 2 + row_h * len(rows)
    desc = "; ".join(f"{name}: {n}" for name, n in rows)
    out = [_open(width, height, title, desc, ident)]
    for i, (name, n) in enumerate(rows):
        y = pad + i * row_h
        w = max(2, round(bar_w * n / top))
        label = name if len(name) <= 30 else name[:29] + "…"
        out += [f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" fill="{INK}">{escape(label)}</text>',
                f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="{row_h - 8}" fill="{COLOUR}">'
                f'<title>{escape(name)}: {n}</title></rect>',
                f'<text x="{label_w + w + 6}" y="{y + 15}" fill="{INK}">{n}</text>']
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _open(width: int, height: int, title: str, desc: str, ident: str) -> str:
    """`ident` names the title and description: unique on the page that shows the chart."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
            f'height="{height}" role="img" aria-labelledby="{ident}-title {ident}-desc" {FONT}>\n'
            f'<title id="{ident}-title">{escape(title)}</title>\n<desc id="{ident}-desc">{escape(desc)}</desc>')


def figure(svg: str) -> str:
    """A chart drawn into a Markdown page: a block of HTML with no blank line."""
    return f'<figure class="chart">\n{svg.strip()}\n</figure>'
