#!/usr/bin/env bash
# Vendor the dashboard's front-end libraries from npm into the package (run by hand, output committed).
#
# The web dashboard must work fully offline and the package must not need npm at install or run time,
# so the built browser files are copied from the published npm tarballs into
# src/eventwire/web/static/vendor/ together with each library's licence file.
#
#   bash scripts/vendor_assets.sh            # versions pinned below
#
# Libraries (see docs/web.md for why):
#   uPlot      - time-series charts (MIT)
#   cytoscape  - network graph (MIT)
set -euo pipefail

UPLOT_VERSION=1.6.32
CYTOSCAPE_VERSION=3.35.0

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/src/eventwire/web/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
npm pack --silent "uplot@$UPLOT_VERSION" "cytoscape@$CYTOSCAPE_VERSION" >/dev/null
mkdir uplot cytoscape
tar -xzf "uplot-$UPLOT_VERSION.tgz" -C uplot --strip-components=1
tar -xzf "cytoscape-$CYTOSCAPE_VERSION.tgz" -C cytoscape --strip-components=1

mkdir -p "$dest/uplot" "$dest/cytoscape"
cp uplot/dist/uPlot.iife.min.js uplot/dist/uPlot.min.css "$dest/uplot/"
cp uplot/LICENSE "$dest/uplot/LICENSE"
cp cytoscape/dist/cytoscape.min.js "$dest/cytoscape/"
cp cytoscape/LICENSE "$dest/cytoscape/LICENSE"

{
  echo "uplot $UPLOT_VERSION (npm, MIT)"
  echo "cytoscape $CYTOSCAPE_VERSION (npm, MIT)"
} >"$dest/VERSIONS"
( cd "$dest" && sha256sum uplot/* cytoscape/* >SHA256SUMS )
echo "vendored into $dest:"
cat "$dest/VERSIONS"
