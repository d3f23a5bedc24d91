"""PLOVER JSON Lines export: one event record per line, field names from the PLOVER manual.

Required fields (``id``, ``date``, ``actor``, ``event``) are always present; ``event``
is the PLOVER category list (empty when the CAMEO code has no PLOVER type).  Extras
the manual allows providers to add: ``cameo``, ``goldstein``, ``num_*`` counts and the
``mentions`` evidence list (article, sentence, spans).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from eventwire import __version__
from eventwire.export.common import chunks, evidence
from eventwire.store.queries import EventFilter


def _entity(ev: dict[str, Any], side: str) -> list[dict[str, Any]]:
    code = ev[f"{side}_code"]
    if not code and not ev[f"{side}_name"]:
        return []
    sectors = ev[f"{side}_sectors"] or []
    entity: dict[str, Any] = {"code": ev[f"{side}_country"] or (code or None)}
    if sectors:
        entity["sector"] = sectors[0]
    if ev[f"{side}_name"]:
        entity["entity_text"] = ev[f"{side}_name"]
    if code:
        entity["cameo_code"] = code
    return [entity]


def _location(ev: dict[str, Any]) -> dict[str, Any] | None:
    if not ev["place_name"]:
        return None
    fc, fcode = ev["feature_class"], (ev["feature_code"] or "")
    resolution = 1 if fcode.startswith("PCL") else 2 if fcode.startswith("ADM1") else 4 if fc == "P" else None
    loc: dict[str, Any] = {
        "resolved_place": ev["place_name"],
        "geonameid": ev["geonames_id"],
        "lat": ev["latitude"],
        "lon": ev["longitude"],
        "country_code": ev["place_cameo_country"],
        "feature_class": fc,
        "feature_code": ev["feature_code"],
        "resolution": resolution,
    }
    return {k: v for k, v in loc.items() if v is not None}


def record(ev: dict[str, Any], mentions: list[dict[str, Any]], coded: dt.datetime) -> dict[str, Any]:
    """One PLOVER record for an event dict (and its mentions)."""
    first = mentions[0] if mentions else {}
    rec: dict[str, Any] = {
        "id": f"eventwire-{ev['id']}",
        "date": ev["date"].isoformat() if ev["date"] else None,
        "actor": _entity(ev, "source"),
        "recipient": _entity(ev, "target"),
        "event": [ev["plover_type"]] if ev["plover_type"] else [],
        "mode": [ev["plover_mode"]] if ev["plover_mode"] else [],
        "quad_code": ev["quad_class"],
        "event_text": list(dict.fromkeys(m["sentence_text"] for m in mentions)),
        "text_info": {
            "sequence": first["sentence_index"],
            "start": first["sentence_start"],
            "end": first["sentence_end"],
        }
        if first
        else None,
        "cite_info": {
            "url": first.get("url") or ev["source_url"],
            "title": first.get("title"),
            "publication": first.get("source"),
            "language": first.get("language") or "en",
            "coder": f"eventwire {__version__}",
            "codebook": "CAMEO 1.1b3 / PLOVER (CAMEO2PLOVER-2021)",
        }
        if first or ev["source_url"]
        else None,
        "coder": f"eventwire {__version__}",
        "coded_date": coded.date().isoformat(),
        "coded_time": coded.time().replace(microsecond=0).isoformat(),
        "cameo": ev["cameo"],
        "goldstein": ev["goldstein"],
        "modality": ev["modality"],
        "num_mentions": ev["num_mentions"],
        "num_sources": ev["num_sources"],
        "num_articles": ev["num_articles"],
        "mentions": [
            {
                "article_id": m["article_id"],
                "url": m["url"],
                "sentence": m["sentence_text"],
                "start": m["sentence_start"],
                "end": m["sentence_end"],
                "trigger": m["trigger_text"],
                "wire_copy_of": m["duplicate_of"],
            }
            for m in mentions
        ],
    }
    loc = _location(ev)
    if loc is not None:
        rec["event_loc"] = loc
    return {k: v for k, v in rec.items() if v is not None}


def export(con: Any, flt: EventFilter, path: Path) -> int:
    """Write the filtered events as PLOVER JSONL."""
    coded = dt.datetime.now(dt.UTC)
    n = 0
    with Path(path).open("w", encoding="utf-8", newline="\n") as fh:
        for batch in chunks(con, flt):
            ev_mentions = evidence(con, [e["id"] for e in batch])
            for ev in batch:
                fh.write(json.dumps(record(ev, ev_mentions.get(ev["id"], []), coded), ensure_ascii=False) + "\n")
                n += 1
    return n
