"""Build src/eventwire/data/gdelt2_event_columns.tsv: the 61 GDELT 2.0 Event column names in codebook order.

Run by hand from the repository root: ``python scripts/build_gdelt_columns.py [../shared/data/gdelt/...]``.
The output is committed; nothing reads ../shared at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE = Path("../shared/data/gdelt/gdelt2_event_columns.tsv")
TARGET = Path("src/eventwire/data/gdelt2_event_columns.tsv")


def main() -> None:
    """Copy index, name and type of every column, with an attribution header."""
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    rows = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("idx\t"):
            continue
        idx, name, kind = [*line.split("\t"), "", ""][:3]
        rows.append((int(idx), name.strip(), kind.strip()))
    rows.sort()
    if [r[0] for r in rows] != list(range(61)):
        raise SystemExit(f"expected columns 0..60, got {len(rows)} rows")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with TARGET.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# GDELT 2.0 Event table columns (export.CSV, tab-separated, 61 columns) in codebook order.\n")
        fh.write("# Source: GDELT Event Codebook V2.0 (The GDELT Project); see NOTICE.\n")
        fh.write("idx\tname\ttype\n")
        for idx, name, kind in rows:
            fh.write(f"{idx}\t{name}\t{kind}\n")
    print(f"wrote {TARGET} ({len(rows)} columns)")


if __name__ == "__main__":
    main()
