"""Why is this tag here? Every field of one article with the cue that produced
it and the line it came from, what was removed as furniture, and the names
turned down. Pure: an Article (and the registry) in, data or text out."""
from __future__ import annotations

import json

from .extract import countries, people
from .gazetteer import load as load_gazetteer
from .models import Article, Value
from .registry import Registry


def _value(v: Value) -> dict:
    return {"value": list(v.value) if isinstance(v.value, tuple) else v.value,
            "cue": v.cue.rule, "line": v.cue.line, "text": v.cue.text or None}


def explain(art: Article, registry: Registry) -> dict:
    names = load_gazetteer().names
    known = {e.name for e in registry.entries}
    furniture = art.cleaned.removed
    in_furniture_people, _ = people.candidates(furniture, registry, art.authors.value, art.language.value)
    in_furniture_countries = countries.extract(furniture, art.language.value, set())
    tagged = {m.key for m in art.countries}
    return {
        "id": art.id,
        "source_file": art.source_file,
        "title": {**_value(art.title), "derived": art.title_derived},
        "date": _value(art.date),
        "language": _value(art.language),
        "source": _value(art.source),
        "authors": _value(art.authors),
        "summary": art.summary,
        "actors": [{"name": m.key, "forms": list(m.forms), "decided_by": "registry" if m.key in known else "rules",
                    "cue": m.cue.rule, "line": m.cue.line, "country": m.country} for m in art.actors],
        "countries": [{"code": m.key, "name": names.get(m.key, m.key), "forms": list(m.forms),
                       "cue": m.cue.rule, "line": m.cue.line} for m in art.countries],
        "organizations": [{"name": m.key, "forms": list(m.forms), "cue": m.cue.rule, "line": m.cue.line}
                          for m in art.organizations],
        "furniture": [{"line": ln.number, "text": ln.text, "rule": ln.why} for ln in furniture],
        "rejected": [{"text": r.text, "line": r.line, "reason": r.reason} for r in people.turned_down(art.rejected)]
        + [{"text": c.form, "line": c.line.number, "reason": "a name only in page furniture"}
           for c in in_furniture_people]
        + [{"text": ", ".join(m.forms), "line": m.cue.line,
            "reason": f"{names.get(m.key, m.key)} named only in page furniture"}
           for m in in_furniture_countries if m.key not in tagged],
    }


def as_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_text(data: dict) -> str:
    out = [f"{data['source_file']}  (id {data['id']})", ""]

    def field(label: str, v: dict) -> None:
        value = v["value"]
        shown = ", ".join(value) if isinstance(value, list) else value
        where = f", line {v['line']}" if v.get("line") else ""
        text = f": “{v['text']}”" if v.get("text") and v["text"] != shown else ""
        out.append(f"{label:<10} {shown if shown not in (None, '', []) else '—'}   [{v['cue']}{where}{text}]")

    field("title", data["title"])
    if data["title"]["derived"]:
        out.append(f"{'':<10} (derived from the first sentence: the file has no headline)")
    for key in ("date", "language", "source", "authors"):
        field(key, data[key])
    out.append(f"{'summary':<10} {data['summary']}")
    out.append("")
    out.append(f"people ({len(data['actors'])})")
    for a in data["actors"]:
        forms = ", ".join(f"“{f}”" for f in a["forms"])
        country = f", {a['country']}" if a.get("country") else ""
        out.append(f"  {a['name']}: {forms}   [{a['decided_by']}: {a['cue']}, line {a['line']}{country}]")
    out.append(f"countries ({len(data['countries'])})")
    for c in data["countries"]:
        forms = ", ".join(f"“{f}”" for f in c["forms"])
        out.append(f"  {c['code']} {c['name']}: {forms}   [{c['cue']}, line {c['line']}]")
    out.append(f"organisations ({len(data['organizations'])})")
    for o in data["organizations"]:
        out.append(f"  {o['name']}   [{o['cue']}, line {o['line']}]")
    out.append(f"removed as page furniture ({len(data['furniture'])})")
    for f in data["furniture"]:
        out.append(f"  line {f['line']}: “{f['text']}”   [{f['rule']}]")
    out.append(f"turned down ({len(data['rejected'])})")
    for r in data["rejected"]:
        out.append(f"  “{r['text']}”, line {r['line']}: {r['reason']}")
    return "\n".join(out) + "\n"
