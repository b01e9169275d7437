"""Benchmark: synthetic archives of 1,000, 10,000 and 20,000 articles built
from the real articles of ../shared/corpus/, timed stage by stage. Prints
numbers; asserts nothing.

    python -m benchmarks.bench [SIZE ...]        (or: make bench SIZES="1000")

Every archive is generated in a temporary folder (TMPDIR), never in the
repository. Peak memory is the largest resident set of the command and the
processes it waited for (wait4's rusage, as `resource.getrusage` of children)."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from build_scripts import readers, search
from build_scripts.render import GENERATED_DIRS
from build_scripts.ids import article_ids
from build_scripts.parallel import cores

from . import browser, hugo, serve, synth

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEFAULT_SIZES = (1000, 10000, 20000)
GITHUB_PAGES_LIMIT = 1_000_000_000


# Pagefind as `mkdocs build` runs it (build_scripts/search.py, in parts), over
# the built site's article pages, with no part kept: argv = site, a folder.
INDEX_PARTS = """
import sys
from pathlib import Path
from build_scripts import search
site, work = Path(sys.argv[1]), Path(sys.argv[2])
search.index_parts(lambda: search.site_pages(site), work / "pages", work / "kept")
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    output: str


def run(cmd: list[str], cwd: Path | None = None) -> Run:
    """Wall time and peak memory of a command and the processes it waited for."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{text[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, text)


def project(folder: Path, size: int) -> Path:
    """A copy of the project's configuration and hand-written pages around a synthetic archive."""
    synth.generate(folder / "articles", size, registry=ROOT / "articles" / "actors.yml")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns(*GENERATED_DIRS))
    (folder / "build_scripts").symlink_to(ROOT / "build_scripts")
    (folder / "overrides").symlink_to(ROOT / "overrides")
    return folder


def files_size(folder: Path) -> tuple[int, int]:
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    return sum(sizes), len(sizes)


def busiest_person(docs: Path) -> str:
    data = json.loads((docs / "data" / "archive.json").read_text("utf-8"))
    return max(data["actors"], key=lambda a: (len(a["articles"]), a["name"]))["name"]


def bench(size: int, tmp: Path) -> dict:
    folder = project(tmp / f"archive-{size}", size)
    articles, docs, site = folder / "articles", folder / "docs", folder / "site"
    build = [str(BIN / "python"), "-m", "build_scripts", "build", "--articles", str(articles), "--docs", str(docs)]
    r: dict = {"size": size}

    cold = run(build)
    r["generate_s"], r["generate_mb"] = cold.seconds, cold.peak_mb
    r["rate"] = size / cold.seconds
    r["noop_s"] = run(build).seconds
    rels = [source.rel for source in readers.discover(articles)[0]]
    edited = rels[len(rels) // 2]
    (articles / edited).write_text((articles / edited).read_text("utf-8") + "\nThe talks will resume.\n", "utf-8")
    edit = run(build)
    r["edit_s"], r["edit_summary"] = edit.seconds, edit.output.strip().splitlines()[-1]

    mk = run([str(BIN / "mkdocs"), "build"], cwd=folder)
    r["mkdocs_s"], r["mkdocs_mb"] = mk.seconds, mk.peak_mb
    pagefind = run([str(BIN / "python"), "-c", INDEX_PARTS, str(site), str(tmp / f"index-{size}")])
    r["pagefind_s"], r["pagefind_mb"] = pagefind.seconds, pagefind.peak_mb
    r["full_s"] = r["generate_s"] + r["mkdocs_s"]
    again = run([str(BIN / "mkdocs"), "build"], cwd=folder)      # the pages' HTML kept by the first
    r["mkdocs_again_s"], r["mkdocs_again_mb"] = again.seconds, again.peak_mb
    other = rels[len(rels) // 3]
    (articles / other).write_text((articles / other).read_text("utf-8") + "\nThe envoys met again.\n", "utf-8")
    after_edit = run([str(BIN / "mkdocs"), "build"], cwd=folder)  # extraction, pages, index parts kept but the edit's
    r["mkdocs_edit_s"], r["mkdocs_edit_mb"] = after_edit.seconds, after_edit.peak_mb
    r["mkdocs_edit_summary"] = "; ".join(line.split("news archive: ", 1)[1] for line in after_edit.output.splitlines()
                                         if "pages written on" in line or "search index in" in line)
    r["site_bytes"], r["site_files"] = files_size(site)
    r["index_bytes"], _ = files_size(site / search.BUNDLE)

    query = busiest_person(docs).split()[-1]
    found = browser.search_bytes(site, query)
    r["query"], r["results"] = query, found.results
    r["query_bytes"], r["query_raw_bytes"], r["page_bytes"] = found.query_bytes, found.query_raw_bytes, found.page_bytes

    hugo_dir = hugo.project(docs, folder / "hugo")
    r["hugo_s"] = run(hugo.command(hugo_dir)).seconds
    r["ratio_full"] = r["full_s"] / r["hugo_s"]
    r["ratio_render"] = (r["mkdocs_s"] - r["pagefind_s"]) / r["hugo_s"]

    page = f"articles/{article_ids(rels)[edited]}/"
    try:
        latency = serve.edit_latency(folder, str(BIN / "mkdocs"), articles / edited, page, f"Zorglub{size}",
                                     folder / "serve.log")
    except RuntimeError as exc:         # the other numbers still count
        log = folder / "serve.log"
        r["serve_error"] = f"{exc}\n{log.read_text('utf-8', 'replace')[-3000:] if log.is_file() else ''}"
    else:
        r["serve_start_s"], r["serve_edit_s"], r["serve_whole_s"] = latency.startup, latency.edit_visible, latency.whole
    return r


def report(r: dict) -> str:
    mb = 1e6
    return "\n".join([
        f"== {r['size']:,} articles ({cores()} cores)",
        f"generation, cold     {r['generate_s']:8.1f} s   {r['rate']:7.0f} articles/s   peak {r['generate_mb']:.0f} MB",
        f"no-op regeneration   {r['noop_s']:8.2f} s",
        f"one article edited   {r['edit_s']:8.2f} s   ({r['edit_summary']})",
        f"mkdocs build         {r['mkdocs_s']:8.1f} s   peak {r['mkdocs_mb']:.0f} MB, of which Pagefind "
        f"{r['pagefind_s']:.1f} s, peak {r['pagefind_mb']:.0f} MB",
        f"mkdocs build again   {r['mkdocs_again_s']:8.1f} s   peak {r['mkdocs_again_mb']:.0f} MB "
        f"(nothing changed: extraction and pages' HTML kept)",
        f"mkdocs build, edit   {r['mkdocs_edit_s']:8.1f} s   peak {r['mkdocs_edit_mb']:.0f} MB "
        f"(one more article edited: {r['mkdocs_edit_summary']})",
        f"full site            {r['full_s']:8.1f} s   ({r['full_s'] / r['size'] * 1000:.2f} ms per article)",
        f"hugo, same pages     {r['hugo_s']:8.1f} s   ours / hugo: full {r['ratio_full']:.1f}x, "
        f"render only {r['ratio_render']:.1f}x",
        f"site size            {r['site_bytes'] / mb:8.0f} MB  {r['site_files']:,} files, search index "
        f"{r['index_bytes'] / mb:.0f} MB ({r['site_bytes'] / GITHUB_PAGES_LIMIT:.0%} of GitHub Pages' 1 GB)",
        f"search '{r['query']}': {r['query_bytes'] / mb:.3f} MB per query transferred "
        f"({r['query_raw_bytes'] / mb:.3f} MB uncompressed; {r['results']} results; the search page itself "
        f"{r['page_bytes'] / mb:.2f} MB once)",
        f"mkdocs serve --dirty  start {r['serve_start_s']:.1f} s, edited article shown after {r['serve_edit_s']:.2f} s, "
        f"every page it reaches after {r['serve_whole_s']:.1f} s (the full build in the background)"
        if "serve_error" not in r else f"mkdocs serve --dirty  failed: {r['serve_error']}",
    ])


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("sizes", nargs="*", type=int, help=f"archive sizes (default: {' '.join(map(str, DEFAULT_SIZES))})")
    p.add_argument("--keep", action="store_true", help="keep the generated archives and sites")
    args = p.parse_args(argv)
    sizes = args.sizes or list(DEFAULT_SIZES)
    tmp = Path(tempfile.mkdtemp(prefix="news-archive-bench-"))
    print(f"benchmark in {tmp} on {cores()} cores", flush=True)
    results = []
    try:
        for size in sizes:
            results.append(bench(size, tmp))
            print(report(results[-1]), flush=True)
        if len(results) > 1:
            small, big = results[0], results[-1]
            per = [r["full_s"] / r["size"] for r in (small, big)]
            print(f"\ncost per article, {big['size']:,} vs {small['size']:,}: {per[1] / per[0]:.2f}x (full site), "
                  f"{(big['generate_s'] / big['size']) / (small['generate_s'] / small['size']):.2f}x (generation)")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
