"""A static file server for tests and benchmarks: correct content types, faults and headers.

With `ServerOptions(headers_file=True)` it also applies the site's own `_headers` file the way
Netlify and Cloudflare Pages do, so tests see exactly the headers a publisher ships. With
`csp_report_path` as well, the policy gains a `report-uri` and the server records every report
a browser sends it, so a test sees what the policy blocked, in the page and in its workers.
"""

from __future__ import annotations

import gzip
import http.server
import json
import mimetypes
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tests.support.record import Record

CONTENT_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".whl": "application/octet-stream",
    ".zip": "application/zip",
    ".xml": "application/xml",
}
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".wasm")


@dataclass
class Fault:
    """Answers one path with another status or content type, to test how the page copes."""

    status: int = 200
    content_type: str | None = None
    body: bytes | None = None  # served instead of the file (a damaged download)
    delay_s: float = 0  # waits this long before answering (a slow line)
    held: threading.Event | None = None  # answers only once this is set (at most HOLD_LIMIT_S)
    times: int | None = None  # applies to this many requests only, then the file is served

    def use(self) -> bool:
        """Whether this request gets the fault (counting it against `times`)."""
        with _FAULT_LOCK:
            if self.times is None:
                return True
            if self.times <= 0:
                return False
            self.times -= 1
            return True


_FAULT_LOCK = threading.Lock()
HOLD_LIMIT_S = 60


@dataclass
class ServerOptions:
    faults: dict[str, Fault] = field(default_factory=dict)  # keyed by path suffix
    headers_for: Callable[[str], dict[str, str]] | None = None  # extra headers per path
    compress: bool = False  # gzip like a real host, when the client accepts it
    headers_file: bool = False  # apply <root>/_headers (and do not serve it), like a static host
    requests: list[str] = field(default_factory=list)  # every path asked for, in order
    brotli: bool = False  # with compress: prefer brotli (as CDNs do) when the client accepts it
    sent: list[tuple[str, int]] = field(default_factory=list)  # (path, body bytes sent)
    etags: bool = False  # send ETag and answer If-None-Match with 304, as real hosts do
    csp_report_path: str | None = None  # with headers_file: the CSP's report-uri, served here
    csp_reports: Record = field(default_factory=Record)  # one line per report received


def _report_line(body: bytes) -> str:
    """One CSP report (`application/csp-report`, as every engine sends for report-uri) as text."""
    try:
        report = json.loads(body)["csp-report"]
        return (
            f"{report.get('effective-directive') or report.get('violated-directive')} blocked"
            f" {report.get('blocked-uri')} on {report.get('document-uri')}"
        )
    except (ValueError, TypeError, KeyError):
        return f"unreadable report: {body[:300]!r}"  # still a report, so still a finding


@lru_cache(maxsize=256)
def _compressed(path: Path, mtime_ns: int, encoding: str) -> bytes:
    # Cached so a benchmark measures the browser, not this server compressing 10 MB of wasm.
    body = path.read_bytes()
    if encoding == "br":
        import brotli  # only benchmarks ask for it

        return bytes(brotli.compress(body, quality=5))  # about what a CDN uses on the fly
    return gzip.compress(body, compresslevel=6)


def _handler(root: Path, options: ServerOptions) -> type[http.server.BaseHTTPRequestHandler]:
    rules: list[Any] = []
    hidden: set[str] = set()
    if options.headers_file:
        from build_scripts.headers import HEADERS_FILE, parse_headers_file

        rules = parse_headers_file((root / HEADERS_FILE).read_text(encoding="utf-8"))
        hidden.add("/" + HEADERS_FILE)  # static hosts read it but never serve it

    def host_headers(path: str) -> dict[str, str]:
        from build_scripts.headers import headers_for_path

        return headers_for_path(rules, path) if rules else {}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Like nginx (tcp_nodelay on): a response's headers and body go out at once, instead of
        # the body waiting for the browser to acknowledge the headers on a kept-alive connection.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_HEAD(self) -> None:
            self._serve(send_body=False)

        def do_GET(self) -> None:
            self._serve(send_body=True)

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            path = self.path.split("?", 1)[0]
            reported = options.csp_report_path is not None and path == options.csp_report_path
            self.send_response(204 if reported else 405)
            self.send_header("Content-Length", "0")
            self.end_headers()
            if reported:
                options.csp_reports.add(_report_line(body))

        def _serve(self, send_body: bool) -> None:
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            options.requests.append(path)
            target = (root / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            fault = next((f for suffix, f in options.faults.items() if path.endswith(suffix)), None)
            if fault is not None and not fault.use():
                fault = None
            if fault is not None and fault.held is not None:
                fault.held.wait(HOLD_LIMIT_S)
            if fault is not None and fault.delay_s:
                time.sleep(fault.delay_s)
            outside = root.resolve() not in target.parents and target != root.resolve()
            if outside or path in hidden:
                target = root / "__outside__"
            if not target.is_file() or (fault and fault.status == 404):
                target, status = root / "404.html", 404
            else:
                status = fault.status if fault else 200
            body = target.read_bytes() if target.is_file() else b"Not found"
            if fault and fault.body is not None:
                body = fault.body
            content_type = CONTENT_TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0]
            extra = host_headers(path)
            if options.csp_report_path and "Content-Security-Policy" in extra:
                extra["Content-Security-Policy"] += f"; report-uri {options.csp_report_path}"
            content_type = extra.pop("Content-Type", content_type)
            if fault and fault.content_type:
                content_type = fault.content_type
            etag = None
            if options.etags and status == 200 and fault is None:
                stat = target.stat()
                etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
                if etag in self.headers.get("If-None-Match", ""):
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    for name, value in {
                        **extra,
                        **(options.headers_for(path) if options.headers_for else {}),
                    }.items():
                        self.send_header(name, value)
                    self.end_headers()
                    options.sent.append((path, 0))
                    return
            self.send_response(status)
            self.send_header("Content-Type", content_type or "application/octet-stream")
            if etag:
                self.send_header("ETag", etag)
            accepted = self.headers.get("Accept-Encoding", "")
            encoding = (
                "br"
                if options.brotli and "br" in accepted
                else "gzip"
                if "gzip" in accepted
                else None
            )
            if options.compress and target.suffix in COMPRESSIBLE and encoding:
                body = _compressed(target, target.stat().st_mtime_ns, encoding)
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            for name, value in extra.items():
                self.send_header(name, value)
            if options.headers_for:
                for name, value in options.headers_for(path).items():
                    self.send_header(name, value)
            self.end_headers()
            if send_body:
                self.wfile.write(body)
                options.sent.append((path, len(body)))

    return Handler


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that closes a kept-alive connection (a page closed, a download dropped) is
        # not the server's error; anything else still prints its traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(root: Path, options: ServerOptions | None = None) -> Iterator[tuple[str, ServerOptions]]:
    """Serves `root` on 127.0.0.1 on a free port; yields (base URL, options)."""
    options = options or ServerOptions()
    server = _Server(("127.0.0.1", 0), _handler(root, options))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", options
    finally:
        server.shutdown()
        server.server_close()
