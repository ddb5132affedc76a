"""A proxy that refuses every request and records it: the only way out for a browser under test.

Firefox and WebKit are configured to send every request for another host through it, so
nothing they ask for ever reaches the network, and whatever they tried is listed in `tried`
(one request line each, such as `GET http://example.invalid/x.png HTTP/1.1` or
`CONNECT example.com:443 HTTP/1.1`). The test server's own address is never proxied.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

from tests.support.record import Record

REFUSAL = (
    b"HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: 37\r\n"
    b"Connection: close\r\n\r\nrefused: tests never reach other hosts"
)


@dataclass
class RefusingProxy:
    host: str
    port: int
    tried: Record = field(default_factory=Record)

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


def _answer(connection: socket.socket, proxy: RefusingProxy) -> None:
    with connection:
        connection.settimeout(10)
        received = b""
        with suppress(OSError):
            while b"\r\n" not in received and len(received) < 8192:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                received += chunk
        line = received.split(b"\r\n", 1)[0].decode("latin-1")
        proxy.tried.add(line or "(a connection that sent no request)")
        with suppress(OSError):
            connection.sendall(REFUSAL)


@contextmanager
def refusing_proxy() -> Iterator[RefusingProxy]:
    """Listens on a free port of 127.0.0.1 until the block ends."""
    listener = socket.create_server(("127.0.0.1", 0))
    proxy = RefusingProxy("127.0.0.1", listener.getsockname()[1])

    def accept() -> None:
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:  # closed: the block has ended
                return
            threading.Thread(target=_answer, args=(connection, proxy), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        thread.join(timeout=5)
