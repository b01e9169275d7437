"""The extractors compiled with mypyc do what their Python source does."""
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from build_scripts import compiled
from build_scripts.extract import people

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "gold_corpus"


def test_a_build_belongs_to_the_sources_it_was_made_from(tmp_path):
    for module in compiled.MODULES:
        (tmp_path / module).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / module, tmp_path / module)
    assert compiled.digest(tmp_path) == compiled.digest(ROOT)
    edited = tmp_path / compiled.MODULES[-1]
    edited.write_text(edited.read_text() + "\n# an edit\n")
    assert compiled.digest(tmp_path) != compiled.digest(ROOT)     # the old build is not used for it


def _build(docs: Path, pure: bool) -> dict[str, bytes]:
    env = dict(os.environ, **{compiled.PURE: "1" if pure else ""})
    subprocess.run([sys.executable, "-m", "build_scripts", "build", "-q", "--articles", str(SAMPLE),
                    "--docs", str(docs)], cwd=ROOT, env=env, check=True)
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_the_compiled_extractors_write_the_same_site_as_the_python_source(tmp_path):
    if not compiled.active():
        pytest.skip("the extractors are not compiled here (make compiled)")
    assert people.__file__.endswith(sysconfig.get_config_var("EXT_SUFFIX"))
    native, python = _build(tmp_path / "a" / "docs", False), _build(tmp_path / "b" / "docs", True)
    assert len(native) > 100 and native.keys() == python.keys()
    assert [name for name in native if native[name] != python[name]] == []


def test_the_python_source_runs_when_asked_to():
    out = subprocess.run([sys.executable, "-c", "import build_scripts.extract.people as p; print(p.__file__)"],
                         cwd=ROOT, env=dict(os.environ, **{compiled.PURE: "1"}), capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().endswith("people.py")


def test_the_compiled_modules_pass_mypy():
    """mypyc compiles only what mypy accepts: a type error would leave the extractors running as Python."""
    from mypy import api

    out, err, status = api.run([*compiled.MYPY_OPTIONS, "--cache-dir", str(ROOT / ".cache" / "mypy"),
                                *(str(ROOT / m) for m in compiled.MODULES)])
    assert status == 0, out + err


def test_a_failed_compile_is_not_tried_again_at_every_command(tmp_path, monkeypatch):
    monkeypatch.setattr(compiled, "HOME", tmp_path)
    compiled.folder.cache_clear()
    try:
        (tmp_path / (compiled.digest() + ".failed")).write_text("CompileError; see the log\n")
        said = []
        line = compiled.build(say=said.append)
        assert said == [] and "compiling them failed" in line and "to retry" in line
    finally:
        compiled.folder.cache_clear()
