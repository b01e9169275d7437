"""Edit articles/actors.yml in place, one line at a time, keeping the user's
comments, key order and formatting: the change is inserted as text at the
place the YAML parser points to, the result is validated as a registry, and
only then written (atomically). Nothing is written when the edit would make
two people share one name or alias."""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from .models import Role
from .names import fold
from .registry import REGISTRY_FILE, parse
from .write import atomic_write

PLAIN = re.compile(r"^[^\W\d][\w .'’\-]*$")
ROLE = re.compile(r"^(?P<title>.*?)\s+(?P<start>\d{4}-\d{2}-\d{2})?:(?P<end>\d{4}-\d{2}-\d{2})?$")


class EditError(ValueError):
    """The edit was refused; the message says why and what to do."""


def scalar(text: str) -> str:
    """A YAML scalar for a name: plain when safe, double-quoted otherwise."""
    if PLAIN.match(text) and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def parse_role(text: str) -> Role:
    """'President of Algeria 2019-12-19:' -> Role(title, from, to)."""
    m = ROLE.match(text.strip())
    if not m:
        return Role(text.strip())
    return Role(m.group("title").strip(), m.group("start"), m.group("end"))


def _load(path: Path):
    text = path.read_text("utf-8") if path.is_file() else ""
    root = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    return text, root


def _actors_node(root):
    if isinstance(root, yaml.MappingNode):
        return next((v for k, v in root.value if k.value == "actors"), None)
    return root if isinstance(root, yaml.SequenceNode) else None


def _validate(text: str, path: Path) -> None:
    _, problems = parse(yaml.compose(text, Loader=yaml.SafeLoader), REGISTRY_FILE)
    if problems:
        raise EditError("; ".join(str(p) for p in problems))


def _owner(root, form: str):
    registry, _ = parse(root, REGISTRY_FILE)
    return registry.by_form.get(fold(form)), registry


def add_alias(articles_dir: Path, canonical: str, alias: str) -> str:
    path = articles_dir / REGISTRY_FILE
    text, root = _load(path)
    owner, registry = _owner(root, alias)
    entry = registry.by_form.get(fold(canonical))
    if entry is None:
        raise EditError(f"no actor named '{canonical}' in {path}: add it first with "
                        f"`python -m build_scripts registry add \"{canonical}\"`")
    if owner is not None:
        if owner.name == entry.name:
            raise EditError(f"'{alias}' is already a name or alias of {entry.name}: nothing to do")
        raise EditError(f"'{alias}' is already an alias of {owner.name}: two people cannot share it; "
                        "remove it there first")
    item = next(n for n in _actors_node(root).value
                if isinstance(n, yaml.MappingNode) and any(k.value == "name" and v.value == entry.name
                                                           for k, v in n.value))
    lines = text.split("\n")
    fields = {k.value: (k, v) for k, v in item.value}
    if "aliases" in fields:
        node = fields["aliases"][1]
        if isinstance(node, yaml.SequenceNode) and node.flow_style:
            line, col = node.end_mark.line, node.end_mark.column - 1      # the closing ']'
            sep = ", " if node.value else ""
            lines[line] = lines[line][:col] + sep + scalar(alias) + lines[line][col:]
        elif isinstance(node, yaml.SequenceNode) and node.value:
            last = node.value[-1]
            prefix = lines[last.start_mark.line][:last.start_mark.column]
            lines.insert(last.end_mark.line + (0 if last.end_mark.column == 0 else 1),
                         prefix + scalar(alias))
        else:
            raise EditError(f"{path}:{node.start_mark.line + 1}: 'aliases' must be a list to add to it")
    else:
        key = fields["name"][0]
        indent = " " * key.start_mark.column
        lines.insert(fields["name"][1].end_mark.line + 1, f"{indent}aliases: [{scalar(alias)}]")
    new = "\n".join(lines)
    _validate(new, path)
    atomic_write(path, new.encode("utf-8"))
    return f"added alias '{alias}' to {entry.name} in {path}"


def add_actor(articles_dir: Path, name: str, country: str | None = None, roles: list[str] = (),
              aliases: list[str] = ()) -> str:
    path = articles_dir / REGISTRY_FILE
    text, root = _load(path)
    for form in [name, *aliases]:
        owner, _ = _owner(root, form) if root is not None else (None, None)
        if owner is not None:
            raise EditError(f"'{form}' is already {'the name' if fold(owner.name) == fold(form) else 'an alias'} "
                            f"of {owner.name} in {path}")
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise EditError(f"country '{country}' must be an ISO 3166-1 alpha-2 code such as DZ or FR")
    node = _actors_node(root)
    if node is None and root is not None:
        raise EditError(f"{path}: expected a list of actors under 'actors:'")
    lines = text.rstrip("\n").split("\n") if text.strip() else ["actors:"]
    if node is not None and node.value:
        first, last = node.value[0], node.value[-1]
        dash_col = lines[first.start_mark.line].index("-")
        item_col = first.start_mark.column
        at = last.end_mark.line + (0 if last.end_mark.column == 0 else 1)
        while at > 0 and not lines[at - 1].strip():
            at -= 1
        spaced = len(node.value) > 1 and not lines[node.value[1].start_mark.line - 1].strip()
    else:
        dash_col, item_col, at, spaced = 2, 4, len(lines), False
    pad, sub = " " * dash_col, " " * item_col
    block = [""] if spaced else []
    block.append(f"{pad}-{' ' * (item_col - dash_col - 1)}name: {scalar(name)}")
    if aliases:
        block.append(f"{sub}aliases: [{', '.join(scalar(a) for a in aliases)}]")
    if country:
        block.append(f"{sub}country: {country}")
    if roles:
        block.append(f"{sub}roles:")
        for r in map(parse_role, roles):
            block.append(f"{sub}  - title: {scalar(r.title)}")
            if r.start:
                block.append(f"{sub}    from: {r.start}")
            if r.end:
                block.append(f"{sub}    to: {r.end}")
    new = "\n".join(lines[:at] + block + lines[at:]) + "\n"
    _validate(new, path)
    atomic_write(path, new.encode("utf-8"))
    return f"added {name} to {path}"
