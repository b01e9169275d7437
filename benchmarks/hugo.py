"""The same generated pages built by Debian's `hugo` with a minimal template:
a yardstick for how long rendering this many Markdown pages needs."""
from __future__ import annotations

import shutil
from pathlib import Path

CONFIG = """baseURL = "http://localhost/"
title = "News Archive"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
buildFuture = true
buildExpired = true
"""
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title></head>
<body><nav><a href="{{ .Site.BaseURL }}">{{ .Site.Title }}</a></nav>
<main>{{ .Content }}</main></body></html>
"""
LIST = PAGE.replace("{{ .Content }}", "{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">"
                    "{{ .Title }}</a></li>{{ end }}</ul>")


def project(docs: Path, out: Path) -> Path:
    """A Hugo project at `out` whose content is the Markdown pages of `docs`."""
    shutil.rmtree(out, ignore_errors=True)
    (out / "layouts" / "_default").mkdir(parents=True)
    (out / "hugo.toml").write_text(CONFIG, "utf-8")
    (out / "layouts" / "_default" / "single.html").write_text(PAGE, "utf-8")
    (out / "layouts" / "_default" / "list.html").write_text(LIST, "utf-8")
    (out / "layouts" / "index.html").write_text(LIST, "utf-8")
    for page in docs.rglob("*.md"):
        rel = page.relative_to(docs)
        if rel.name == "index.md":          # Hugo's section page; an index.md would make a bundle of the folder
            rel = rel.with_name("_index.md")
        target = out / "content" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)
    return out


def command(project_dir: Path) -> list[str]:
    return ["hugo", "--quiet", "--source", str(project_dir), "--destination", str(project_dir / "public")]
