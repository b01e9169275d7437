"""The extractors compiled to C with mypyc, when a compiler is at hand.

Extraction is most of a cold build's time, and these modules are pure,
fully typed Python: mypyc (part of mypy) turns each into a C extension that
does the same work about 1.5 times as fast. `make compiled` (which `make
serve`, `make test` and the others run first) calls `build()`; the
extensions go to a folder in the virtual environment named after a digest
of the modules' sources, so an edited module is never shadowed by an old
build of it: until it is compiled again, the Python source runs. Without a C compiler, or with
NEWS_ARCHIVE_PURE=1 set, everything runs as plain Python and gives the same
output (a test builds the sample both ways and compares the bytes).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
import sysconfig
import time
from functools import lru_cache
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent        # the folder holding build_scripts/
MODULES = (            # the hot path of extraction, relative to ROOT; each must pass mypy
    "build_scripts/names.py",
    "build_scripts/gazetteer.py",
    "build_scripts/cleaning.py",
    "build_scripts/duplicates.py",
    "build_scripts/extract/tokens.py",
    "build_scripts/extract/places.py",
    "build_scripts/extract/name_shapes.py",
    "build_scripts/extract/people.py",
    "build_scripts/extract/countries.py",
    "build_scripts/extract/organizations.py",
    "build_scripts/extract/dates.py",
    "build_scripts/extract/language.py",
    "build_scripts/extract/meta.py",
)
MYPY_OPTIONS = ("--ignore-missing-imports", "--disable-error-code", "import-untyped")
PURE = "NEWS_ARCHIVE_PURE"          # set (to anything but "" or "0") to run the Python source only
HOME = Path(sys.prefix) / "compiled-extractors"


def digest(root: Path = ROOT) -> str:
    """What a build of the modules depends on: their sources, the Python and the platform."""
    h = hashlib.sha256(f"{sys.version}|{sysconfig.get_config_var('EXT_SUFFIX')}".encode())
    for module in MODULES:
        h.update(module.encode() + b"\0" + (root / module).read_bytes() + b"\0")
    return h.hexdigest()[:20]


@lru_cache(maxsize=1)
def folder() -> Path:
    """Where the extensions built from the current sources are (or would be)."""
    return HOME / digest()


def active() -> bool:
    """Whether this process runs the compiled modules."""
    return not os.environ.get(PURE, "").strip("0") and (folder() / "build_scripts").is_dir()


def activate(package_path: list[str], subpackage: str = "") -> None:
    """Put the compiled modules of a package (`build_scripts` or one of its
    subpackages) before its source on the package's `__path__`, when a build
    of the current sources exists."""
    if not active():
        return
    compiled = folder() / "build_scripts" / subpackage
    if compiled.is_dir() and str(compiled) not in package_path:
        package_path.insert(0, str(compiled))
    if str(folder()) not in sys.path:
        sys.path.append(str(folder()))          # the runtime library the modules share


def build(jobs: int = 2, say: Callable[[str], None] = lambda line: None) -> str:
    """Compile the modules unless built already: one line saying what happened
    (and `say` told when compiling starts, as it takes half a minute)."""
    target = folder()
    if target.is_dir():
        return f"compiled extractors up to date ({target})"
    failed = target.with_name(target.name + ".failed")
    if failed.exists():          # not again at every command: half a minute each time
        return (f"extractors run as Python: compiling them failed ({failed.read_text().strip()}; "
                f"delete {failed} to retry)")
    try:
        from mypyc.build import mypycify
        from setuptools import Distribution
    except ImportError as exc:
        return f"extractors run as Python: {exc.name} is not installed (pip install -e .)"
    if not (sysconfig.get_config_var("CC") or shutil.which("cc")):
        return "extractors run as Python: no C compiler found"
    say(f"compiling {len(MODULES)} extractor modules to C with mypyc (once per change of their sources)...")
    start = time.perf_counter()
    work = target.with_name(f"{target.name}.partial-{os.getpid()}")       # two builds at once keep apart
    work.mkdir(parents=True)
    log = work.parent / "last-build.log"
    try:
        with open(log, "w") as out, _redirected(out):
            extensions = mypycify([*MYPY_OPTIONS, *(str(ROOT / m) for m in MODULES)],
                                  target_dir=str(work / "c"))
            dist = Distribution({"name": "news-archive-compiled", "ext_modules": extensions})
            dist.script_args = ["build_ext", "--build-lib", str(work / "lib"), "--build-temp",
                                str(work / "obj"), "--parallel", str(jobs)]
            dist.parse_command_line()
            dist.run_commands()
    except (Exception, SystemExit) as exc:       # setuptools reports a failed compiler with SystemExit
        shutil.rmtree(work, ignore_errors=True)
        failed.write_text(f"{type(exc).__name__}; see {log}\n")
        return f"extractors run as Python: compiling them failed ({type(exc).__name__}; see {log})"
    for old in HOME.iterdir():
        if old.is_dir() and "." not in old.name:
            shutil.rmtree(old, ignore_errors=True)           # builds of earlier sources
        elif old.suffix == ".failed":
            old.unlink(missing_ok=True)
    try:
        (work / "lib").rename(target)
    except OSError:
        pass            # another build of the same sources finished first
    shutil.rmtree(work, ignore_errors=True)
    return f"compiled {len(MODULES)} extractor modules with mypyc in {time.perf_counter() - start:.0f}s ({target})"


class _redirected:
    """Send the compiler's chatter (written to file descriptors 1 and 2) to a file."""

    def __init__(self, out) -> None:
        self.out = out

    def __enter__(self) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        self.saved = os.dup(1), os.dup(2)
        os.dup2(self.out.fileno(), 1)
        os.dup2(self.out.fileno(), 2)

    def __exit__(self, *exc) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(self.saved[0], 1)
        os.dup2(self.saved[1], 2)
        os.close(self.saved[0])
        os.close(self.saved[1])
