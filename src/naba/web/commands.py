"""``naba serve``: the web UI over a corpus database (read-only), bound to 127.0.0.1 by default.

Not for: the app (:mod:`.app`) or what a page shows (:mod:`.views`).
"""

from __future__ import annotations

import argparse


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import LOCAL_HOSTS, create_app

    _check_port(args.host, args.port)
    hosts = LOCAL_HOSTS if args.host in LOCAL_HOSTS else LOCAL_HOSTS + (args.host,)
    app = create_app(args.db, allowed_hosts=None if args.any_host else hosts)
    print(f"naba: serving {args.db} (read-only) on http://{args.host}:{args.port}/")
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                access_log=args.log_level == "debug")
    return 0


def _check_port(host: str, port: int) -> None:
    """Fail with one line before saying "serving" when the address cannot be bound (in use).
    Every address the host resolves to is tried, as uvicorn's server (asyncio ``create_server``)
    binds them all ("localhost": 127.0.0.1 and ::1), an IPv6 one for IPv6 only."""
    import socket

    for family, kind, proto, _, addr in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                            flags=socket.AI_PASSIVE):
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            if family == socket.AF_INET6 and hasattr(socket, "IPPROTO_IPV6"):
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                s.bind(addr)
            except OSError as e:
                raise OSError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="browse a corpus database in a web browser (read-only)")
    p.add_argument("--db", required=True, help="the corpus database (from naba ingest)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to bind (default 8000)")
    p.add_argument("--any-host", action="store_true",
                   help="accept any Host header (behind a reverse proxy); off by default")
    p.add_argument("--log-level", default="warning",
                   choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=_serve)
