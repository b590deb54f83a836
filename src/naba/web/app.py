"""The web UI: a FastAPI app over one corpus database, read-only, server-rendered.

    app = create_app("corpus.db")      # then: uvicorn, or ``naba serve --db corpus.db``

Pages (each has a JSON twin: the same path with ``?format=json``, or under ``/api``):
``/`` search with facets, ``/article/{id}``, ``/entity/{id}`` (and ``/entity?name=...``),
``/cluster/{id}``. Static files (CSS, the Arabic font) are served from ``static/``; no CDN.

Safety: the database is opened with SQLite's ``mode=ro``; every method but GET and HEAD gets
405; the Host header must be one of ``allowed_hosts`` (against DNS rebinding); every response
carries a strict Content-Security-Policy (``default-src 'self'``, no scripts at all) and the
usual hardening headers; templates autoescape, and article text reaches HTML only through
:mod:`.highlight`.

Not for: what a page contains (:mod:`.views`) or SQL (:mod:`.queries`, :mod:`naba.store`).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..errors import StoreError
from ..store.db import Store
from . import views

HERE = Path(__file__).resolve().parent
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none';"
     b" form-action 'self'; frame-ancestors 'none'; img-src 'self' data:"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]
READ_METHODS = ("GET", "HEAD")


class Guard:
    """ASGI middleware: read-only methods, known Host names, security headers on every reply."""

    def __init__(self, app, allowed_hosts: tuple[str, ...] | None):
        self.app = app
        self.allowed = None if allowed_hosts is None else {h.lower() for h in allowed_hosts}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if scope["method"] not in READ_METHODS:
            return await _plain(send, 405, b"405: this server is read-only\n",
                                [(b"allow", b"GET, HEAD")])
        if self.allowed is not None and _host(scope) not in self.allowed:
            return await _plain(send, 400, b"400: unknown Host\n", [])

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def _host(scope) -> str:
    for k, v in scope.get("headers", ()):
        if k == b"host":
            host = v.decode("latin-1").lower()
            if host.startswith("["):
                return host.split("]")[0] + "]"
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return ""


async def _plain(send, status: int, body: bytes, extra: list) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())] + extra
                + SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


class Stores:
    """One read-only :class:`Store` per thread (sqlite3 connections are not shared)."""

    def __init__(self, path: Path):
        self.path = path
        self.local = threading.local()
        Store(path, readonly=True).close()  # fail now, at start-up, if it cannot be opened

    def get(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store(self.path, readonly=True)
            store.conn.execute("PRAGMA query_only=1")
        return store


def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(["html", "svg"], default=True),
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters["chars"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    return env


def create_app(db_path: str | Path, *, allowed_hosts: tuple[str, ...] | None = LOCAL_HOSTS) -> FastAPI:
    """The ASGI app serving ``db_path`` read-only. ``allowed_hosts=None`` accepts any Host."""
    stores = Stores(Path(db_path))
    env = templates()
    app = FastAPI(title="naba", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.stores = stores
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def wants_json(request: Request) -> bool:
        return (request.url.path.startswith("/api/")
                or request.query_params.get("format") == "json")

    def page(name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**ctx), status_code=status)

    def error(request: Request, status: int, message: str) -> Response:
        if wants_json(request):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return page("error.html", status=status, status_code=status, message=message)

    def args(request: Request) -> dict[str, str]:
        return {k: v for k, v in request.query_params.items()}

    def int_id(raw: str) -> int | None:
        return int(raw) if raw.isdigit() and len(raw) < 16 else None

    def by_id(request: Request, raw_id: str, what: str, load, to_json, template: str) -> Response:
        """The page of one article, entity or story (or its JSON twin); 404 when there is none."""
        n = int_id(raw_id)
        try:
            if n is None:
                raise views.NotFound(f"no {what} {raw_id}")
            view = load(stores.get(), n)
        except views.NotFound as e:
            return error(request, 404, str(e))
        if wants_json(request):
            return JSONResponse(to_json(view))
        return page(template, v=view)

    @app.get("/")
    @app.get("/api/search")
    def search(request: Request):
        try:
            params = views.SearchParams.parse(args(request))
            view = views.search_view(stores.get(), params)
        except views.BadRequest as e:
            return error(request, 400, str(e))
        if wants_json(request):
            return JSONResponse(views.search_json(view))
        return page("search.html", v=view, p=params)

    @app.get("/article/{article_id}")
    @app.get("/api/article/{article_id}")
    async def article(request: Request, article_id: str):
        # inline, not in the thread pool: a few milliseconds of CPU, the page people load most
        return by_id(request, article_id, "article", views.article_view, views.article_json,
                     "article.html")

    @app.get("/entity")
    @app.get("/api/entity")
    def entity_by_name(request: Request, name: str = ""):
        try:
            ids = views.find_entity(stores.get(), name.strip()) if name.strip() else []
        except views.BadRequest as e:
            return error(request, 400, str(e))
        if not ids:
            return error(request, 404, "no entity of that name")
        suffix = "?format=json" if wants_json(request) else ""
        prefix = "/api" if request.url.path.startswith("/api/") else ""
        return RedirectResponse(f"{prefix}/entity/{ids[0]}{suffix}", status_code=303)

    @app.get("/entity/{entity_id}")
    @app.get("/api/entity/{entity_id}")
    def entity(request: Request, entity_id: str):
        return by_id(request, entity_id, "entity", views.entity_view, views.entity_json,
                     "entity.html")

    @app.get("/cluster/{cluster_id}")
    @app.get("/api/cluster/{cluster_id}")
    async def cluster(request: Request, cluster_id: str):
        return by_id(request, cluster_id, "story cluster", views.cluster_view, lambda view: view,
                     "cluster.html")

    @app.exception_handler(404)
    async def not_found(request: Request, exc):
        return error(request, 404, "no such page")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc):
        return error(request, 503, f"the corpus database cannot be read: {exc}")

    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    return app


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory naba.web.app:app_from_env`` (several worker processes):
    the database is ``$NABA_DB``."""
    import os

    return create_app(os.environ["NABA_DB"])
