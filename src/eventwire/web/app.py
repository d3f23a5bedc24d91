"""The FastAPI application: JSON API over the store plus the offline dashboard.

``create_app(db_path, token=None)`` builds one app bound to one store file.  Reads are
always allowed; writes (``POST /articles``) need a bearer token configured at start-up
(``eventwire serve --token`` or ``EVENTWIRE_TOKEN``) and are disabled without one.

Limits (documented in docs/web.md): request bodies over ``max_body_bytes`` are refused
with 413, judged first by ``Content-Length`` and then by the bytes actually streamed, so a
chunked upload without a length cannot get past it either.  Invalid parameters get 422
with a readable ``message`` besides FastAPI's per-field ``detail``.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from eventwire import __version__
from eventwire.config import Settings

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

#: Largest request body accepted (bytes); larger ones get 413.
DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024
#: Largest page of rows one request may ask for.
MAX_PAGE_SIZE = 500

STATIC_DIR = Path(__file__).parent / "static"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyTooLargeError(HTTPException):
    """The request body is over the configured limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=f"request body too large: the limit is {limit} bytes")


class BodyLimitMiddleware:
    """Refuses bodies over ``limit`` bytes: by Content-Length up front, else while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _send_json(send, 400, {"detail": "invalid Content-Length header"})
                    return
                if declared > self.limit:
                    await _send_json(send, 413, {"detail": BodyTooLargeError(self.limit).detail})
                    return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLargeError(self.limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLargeError as exc:
            if started:
                raise
            await _send_json(send, 413, {"detail": exc.detail})


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    import json

    payload = json.dumps(body).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": payload})


@dataclass
class StoreHandle:
    """One store file shared by all requests: a long-lived connection, a cursor per request.

    Without a write token the store is opened read-only, so other read-only processes can
    open it too; with one it is opened read-write and writes are serialised by a lock.
    """

    path: str
    writable: bool
    _con: Any = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _connection(self) -> Any:
        if self._con is None:
            with self._lock:
                if self._con is None:
                    from eventwire.store import connect

                    if not self.writable and self.path != ":memory:" and not Path(self.path).is_file():
                        connect(self.path).close()  # create an empty store with its schema
                    self._con = connect(self.path, read_only=not self.writable and self.path != ":memory:")
        return self._con

    @contextlib.contextmanager
    def read(self) -> Iterator[Any]:
        """A cursor for one request's reads."""
        cur = self._connection().cursor()
        try:
            yield cur
        finally:
            cur.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[Any]:
        """The connection, held exclusively for one write."""
        con = self._connection()
        with self._lock:
            yield con

    def close(self) -> None:
        """Close the connection (the app's shutdown)."""
        if self._con is not None:
            self._con.close()
            self._con = None


@dataclass
class WebState:
    """What every route needs: the store, the write token, the limits, the pipeline."""

    store: StoreHandle
    token: str | None
    max_body_bytes: int
    settings: Settings
    _pipeline: Pipeline | None = None
    _pipeline_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def writes_enabled(self) -> bool:
        """Whether a write token is configured."""
        return bool(self.token)

    def check_token(self, presented: str | None) -> bool:
        """Constant-time comparison of a presented bearer token with the configured one."""
        if not self.token or presented is None:
            return False
        return secrets.compare_digest(presented.encode("utf-8"), self.token.encode("utf-8"))

    def pipeline(self) -> Pipeline:
        """The NLP pipeline, loaded on first use (once per process)."""
        if self._pipeline is None:
            with self._pipeline_lock:
                if self._pipeline is None:
                    from eventwire.pipeline import get_pipeline

                    self._pipeline = get_pipeline(self.settings)
        return self._pipeline

    @contextlib.contextmanager
    def analysing(self) -> Iterator[Pipeline]:
        """The pipeline, held by one request at a time (spaCy runs are CPU-bound anyway)."""
        pipe = self.pipeline()
        with self._pipeline_lock:
            yield pipe


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts)


def create_app(
    db_path: str | Path = "eventwire.duckdb",
    token: str | None = None,
    *,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
) -> FastAPI:
    """The eventwire web app over the store at ``db_path``.

    Args:
        db_path: DuckDB store file (created empty when missing).
        token: bearer token that authorises writes; None or empty disables writes.
        max_body_bytes: request-body limit; larger requests get 413.
        settings: pipeline settings for ``/extract`` and ingestion (default: from the environment).
        pipeline: an already-loaded pipeline to use instead of loading one on first use.
    """
    from eventwire.web.routes import api_router

    state = WebState(
        store=StoreHandle(str(db_path), writable=bool(token)),
        token=token or None,
        max_body_bytes=max_body_bytes,
        settings=settings or Settings.from_env(),
        _pipeline=pipeline,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        state.store.close()

    app = FastAPI(
        title="eventwire",
        version=__version__,
        summary="Structured, evidence-linked event data from international-affairs news.",
        description=(
            "JSON API over an eventwire store, plus the offline dashboard at `/`. "
            f"Request bodies are limited to {max_body_bytes} bytes (413 beyond). "
            "Writes need `Authorization: Bearer <token>` and are disabled when the server has no token."
        ),
        lifespan=lifespan,
    )
    app.state.ew = state

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            status_code=422,
            content={"message": _validation_message(exc), "detail": jsonable_errors(exc)},
        )

    app.include_router(api_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    app.add_middleware(BodyLimitMiddleware, limit=max_body_bytes)
    return app


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """FastAPI's validation errors made JSON-safe (exception contexts become strings)."""
    out = []
    for err in exc.errors():
        item = {k: v for k, v in err.items() if k in ("type", "loc", "msg")}
        if "input" in err and isinstance(err["input"], str | int | float | bool | None):
            item["input"] = err["input"]
        out.append(item)
    return out


def get_state(request: Request) -> WebState:
    """The app's :class:`WebState` (a FastAPI dependency)."""
    state: WebState = request.app.state.ew
    return state
