"""``eventwire serve``: the HTTP API and the offline dashboard over a store."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import err, fail


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    db: Annotated[str, typer.Option(help="Store file (DuckDB); created empty when missing.")] = "eventwire.duckdb",
    host: Annotated[str, typer.Option(help="Address to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="EVENTWIRE_TOKEN", help="Bearer token that allows POST /articles; without one, writes are off."
        ),
    ] = None,
    max_body: Annotated[int, typer.Option(min=1024, help="Request-body limit in bytes (413 beyond).")] = 4
    * 1024
    * 1024,
) -> None:
    """Serve the JSON API (OpenAPI at /docs) and the dashboard at http://HOST:PORT/."""
    import uvicorn

    from eventwire.store import StoreError
    from eventwire.web import create_app

    if not _is_loopback(host):
        err.print(
            f"warning: binding to {host}, which is not a loopback address: the API is reachable from the network."
        )
    try:
        web = create_app(db, token=token or None, max_body_bytes=max_body)
        with web.state.ew.store.read():
            pass
    except StoreError as exc:
        fail(str(exc))
    shown = f"[{host}]" if ":" in host else host
    err.print(f"eventwire dashboard: http://{shown}:{port}/  (API docs: http://{shown}:{port}/docs)", highlight=False)
    err.print("writes (POST /articles): " + ("enabled (bearer token)" if token else "disabled (no --token)"))
    uvicorn.run(web, host=host, port=port, log_level="info")
