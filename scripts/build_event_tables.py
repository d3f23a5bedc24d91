#!/usr/bin/env python3
"""Build the event-coding tables in src/eventwire/data/ from the reference data in ../shared/data.

Run by hand (``python scripts/build_event_tables.py [--shared PATH]``); the output is committed.

Outputs:
- ``cameo_codes.tsv``: CAMEO event codes with GDELT names, Goldstein values (GDELT, ICEWS, Phoenix) and
  GDELT quad class (from ``cameo/cameo_event_codes_merged.tsv``).
- ``plover_map.tsv``: CAMEO code -> PLOVER type, mode and context (from ``plover/CAMEO2PLOVER-2021.txt``);
  codes the file does not list inherit from their parent code.
- ``verb_patterns.verbs.tsv`` and ``verb_patterns.tsv``: the PETRARCH2 verb dictionary
  (``petrarch2/CAMEO.2.0.txt``) rewritten into eventwire's dependency-pattern format (see docs/events.md).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data"


def build_cameo(shared: Path) -> dict[str, dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    with (shared / "cameo" / "cameo_event_codes_merged.tsv").open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    for r in csv.DictReader(lines, delimiter="\t"):
        rows[r["code"]] = r
    with (OUT / "cameo_codes.tsv").open("w", encoding="utf-8") as out:
        out.write("# CAMEO event codes. Source: GDELT CAMEO lookups, andybega/icews, openeventdata/phoenix_pipeline\n")
        out.write("# (via cameo_event_codes_merged.tsv). Built by scripts/build_event_tables.py.\n")
        out.write("code\tlevel\troot\tname\tgoldstein_gdelt\tgoldstein_icews\tgoldstein_phoenix\tquad_class\n")
        for code, r in rows.items():
            fields = [code, r["level"], r["root"], r["name_gdelt"], r["goldstein_gdelt"], r["goldstein_icews"]]
            fields += [r["goldstein_phoenix"] or r["goldstein_gdelt"], r["quad_gdelt"]]
            out.write("\t".join(fields) + "\n")
    return rows


def build_plover(shared: Path, cameo: dict[str, dict[str, str]]) -> None:
    direct: dict[str, tuple[str, str, str]] = {}
    line_re = re.compile(r"^(\d{2,4}):\s*([^#]*)")
    for line in (shared / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = line_re.match(line.strip())
        if not m:
            continue
        code, rest = m.group(1), m.group(2)
        parts = [p.strip() for p in rest.split(",")]
        ptype = parts[0].upper()
        mode = parts[1] if len(parts) > 1 else ""
        context = ",".join(parts[2:]).strip() if len(parts) > 2 else ""
        if code in direct and len(code) == 2:
            continue  # the file lists root 08 twice (CONCEDE, RETREAT); keep the first for the root
        direct.setdefault(code, (ptype, mode.strip(), context.replace(" ", "")))
    with (OUT / "plover_map.tsv").open("w", encoding="utf-8") as out:
        out.write("# CAMEO -> PLOVER (type, mode, context). Source: openeventdata/PLOVER CAMEO2PLOVER-2021.txt\n")
        out.write("# (CC BY-SA 4.0). Codes not listed inherit from the parent code. Built by build_event_tables.py.\n")
        out.write("code\tplover_type\tplover_mode\tplover_context\tinherited\n")
        for code in cameo:
            chain = [code, code[:3], code[:2]]
            hit = next((c for c in chain if c in direct), None)
            if hit is None:
                continue
            t, mo, cx = direct[hit]
            out.write(f"{code}\t{t}\t{mo}\t{cx}\t{'' if hit == code else hit}\n")


#: Upper bound on the phrases one {phrase} item expands to (the largest PETRARCH2 product is ~2,000).
MAX_PHRASES = 5000

TOKEN_RE = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def word_forms(word: str) -> list[str]:
    """A pattern word (PETRARCH upper case, '_' joins multi-word items) as lower-case alternatives."""
    w = word.strip().rstrip("_").replace("_", " ").lower()
    if not w:
        return []
    out = [w]
    if " " not in w and len(w) > 3:
        if w.endswith("ies"):
            out.append(w[:-3] + "y")
        elif w.endswith("s") and not w.endswith("ss"):
            out.append(w[:-1])
    return out


class Dictionary:
    def __init__(self, lines: list[str]) -> None:
        self.synsets: dict[str, list[str]] = {}
        self.verbs: list[tuple[str, str, str, str, str, str]] = []  # lemma, prt, code, block, forms, inherited
        self.patterns: list[tuple[str, str, str, str, str, str]] = []  # block, code, rev, elements, pre, verbs
        self.skipped = 0
        self.truncated = 0
        self._parse(lines)

    def expand(self, item: str, head: bool = True) -> list[str]:
        """Alternatives (lower-case phrases) for one pattern item: word, &SYNSET or {phrase}.

        A {phrase} is the full product of its words' alternatives (synonym sets included: "{&MILITARY
        &AIRCRAFT}" is every military word before every aircraft word); only its last word — the head noun —
        also gets number variants, modifiers are kept as written."""
        item = item.strip()
        if item.startswith("{"):
            words = item.strip("{}").split()
            parts = [self.expand(p, head=k == len(words) - 1) for k, p in enumerate(words)]
            parts = [p for p in parts if p]
            combos = list(itertools.islice(itertools.product(*parts), MAX_PHRASES + 1))
            if len(combos) > MAX_PHRASES:
                self.truncated += 1
                combos = combos[:MAX_PHRASES]
            return list(dict.fromkeys(" ".join(c) for c in combos))
        if item.startswith("&"):
            forms = [f for w in self.synsets.get(item, []) for f in (word_forms(w) if head else word_forms(w)[:1])]
            return list(dict.fromkeys(forms))
        if item in ("$", "+", "^", "%") or not re.search(r"[A-Za-z]", item):
            return []
        return word_forms(item)

    def _parse(self, lines: list[str]) -> None:
        i = 0
        in_verbs = False
        cur_syn: str | None = None
        block_name, block_code, block_verbs = "", "", []
        for raw in lines:
            i += 1
            line = raw.split("#", 1)[0].rstrip()
            if "VERB PATTERNS" in raw:
                in_verbs = True
                continue
            if not in_verbs:
                if line.startswith("&"):
                    cur_syn = line.strip()
                    self.synsets[cur_syn] = []
                elif line.startswith("+") and cur_syn:
                    self.synsets[cur_syn].append(line[1:].strip())
                elif not line.strip():
                    cur_syn = None
                continue
            if not line.strip():
                continue
            if line.startswith("---"):
                m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
                block_name = m.group(1) if m else "?"
                block_code = m.group(2).strip() if m else "---"
                block_code = "" if block_code == "---" else block_code
                block_verbs = []
                continue
            if line.startswith("-"):
                comment = raw.split("#", 1)[1] if "#" in raw else ""
                self._pattern(line[1:], block_name, block_verbs, comment)
                continue
            m = re.match(r"^\+?([A-Z][A-Z0-9'_-]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?", line.strip())
            if not m:
                self.skipped += 1
                continue
            parts = m.group(1).lower().split("_")
            lemma, prt = parts[0], " ".join(p for p in parts[1:] if p)
            forms = " ".join(f.strip("+,").lower().split("_")[0] for f in (m.group(2) or "").strip("{}").split())
            own_code = (m.group(3) or "").strip()
            code = own_code or block_code
            code = "" if code == "---" else code
            block_verbs.append((lemma, prt))
            self.verbs.append((lemma, prt, code, block_name, forms, "" if own_code else "1"))

    def _pattern(self, body: str, block: str, verbs: list[tuple[str, str]], comment: str = "") -> None:
        m = re.match(r"^(.*?)\[([^\]]*)\]", body)
        if not m or "*" not in m.group(1):
            self.skipped += 1
            return
        text, code = m.group(1), m.group(2).strip()
        pre_text, post_text = text.split("*", 1)
        fwd, _, rev = code.partition(":")
        fwd, rev = fwd.strip(), rev.strip()
        if code == "---":
            fwd = "---"
        pre = [alts for t in TOKEN_RE.findall(pre_text) if (alts := self.expand(t))]
        elements: list[str] = []
        for tok in TOKEN_RE.findall(post_text):
            if tok.startswith("("):
                inner = TOKEN_RE.findall(tok.strip("()"))
                if not inner:
                    continue
                preps = [p.lower() for p in inner[0].split("/") if p]
                marker = "+" if "+" in inner[1:] else ("$" if "$" in inner[1:] else "")
                slots = [alts for t in inner[1:] if (alts := self.expand(t))]
                el = f"p{marker}:" + "/".join(preps)
                if slots:
                    el += ">" + ">".join("|".join(s) for s in slots)
                elements.append(el)
            else:
                alts = self.expand(tok)
                if alts:
                    elements.append("w:" + "|".join(alts))
        if not elements and not pre:
            self.skipped += 1
            return
        pre_s = " ; ".join("w:" + "|".join(a) for a in pre)
        # the comment names the verb(s) of the block the pattern was written for ("# RUSH"); kept so that
        # verb-specific prepositional idioms ("call on" = appeal) are not applied to the block's synonyms
        lemmas = {v for v, _p in verbs}
        found = [w.lower().split("_")[0] for w in re.findall(r"[A-Z][A-Z_]+", comment)]
        src = " ".join(dict.fromkeys(w for w in found if w in lemmas))
        self.patterns.append((block, fwd, rev, " ; ".join(elements), pre_s, src))


def build_patterns(shared: Path) -> None:
    lines = (shared / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    d = Dictionary(lines)
    head = (
        "# Derived from openeventdata/petrarch2 CAMEO.2.0.txt (MIT, (c) 2015 Open Event Data Alliance),\n"
        "# rewritten into eventwire's dependency-pattern format by scripts/build_event_tables.py.\n"
    )
    with (OUT / "verb_patterns.verbs.tsv").open("w", encoding="utf-8") as out:
        out.write(head + "lemma\tprt\tcode\tblock\tforms\tinherited\n")
        seen = set()
        for row in d.verbs:
            if (row[0], row[1]) in seen:
                continue
            seen.add((row[0], row[1]))
            out.write("\t".join(row) + "\n")
    with (OUT / "verb_patterns.tsv").open("w", encoding="utf-8") as out:
        out.write(head + "block\tcode\trev_code\telements\tpre\tverbs\n")
        seen2 = set()
        for p in d.patterns:
            if p in seen2:
                continue
            seen2.add(p)
            out.write("\t".join(p) + "\n")
    print(
        f"verbs {len(d.verbs)}, patterns {len(seen2)}, skipped lines {d.skipped}, synsets {len(d.synsets)}, "
        f"truncated phrase sets {d.truncated}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    cameo = build_cameo(args.shared)
    build_plover(args.shared, cameo)
    build_patterns(args.shared)


if __name__ == "__main__":
    main()
