"""Debian's WebKitGTK (the engine behind Safari) driven over W3C WebDriver by WebKitWebDriver.

The driver starts WebKitGTK's MiniBrowser in automation mode on a virtual display (Xvfb),
with every other host routed to a proxy that refuses it. WebDriver classic reports neither
requests nor console messages; the test server's CSP reports and the proxy cover requests.
"""

from __future__ import annotations

import json
import os
import socket
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from typing import Any

from tests.support.engine_page import EnginePage, PageError
from tests.support.processes import started
from tests.support.record import Record
from tests.support.xvfb import virtual_display

WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
START_TIMEOUT_S = 60
COMMAND_TIMEOUT_S = 120  # longer than any wait the page is asked for
# The driver is on this machine: never through a proxy the environment may name.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C name of an element reference
MINIBROWSER_ARGS = [
    "--automation",
    "--enable-dns-prefetching=false",
    "--enable-hyperlink-auditing=false",  # no <a ping>
]


class WebDriver:
    """W3C WebDriver classic: JSON over HTTP to WebKitWebDriver, one session."""

    def __init__(self, port: int) -> None:
        self._base = f"http://127.0.0.1:{port}"
        self.session = ""

    def command(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            f"{self._base}{path.replace('{session}', self.session)}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        try:
            with _DIRECT.open(request, timeout=COMMAND_TIMEOUT_S) as response:
                return json.load(response)["value"]
        except urllib.error.HTTPError as error:
            value = json.load(error)["value"]
            raise PageError(f"{method} {path}: {value['error']}: {value['message']}") from None


class WebKitPage(EnginePage):
    name = "webkit"

    def __init__(self, driver: WebDriver, proxy: str) -> None:
        self._driver = driver
        created = driver.command(
            "POST",
            "/session",
            {
                "capabilities": {
                    "alwaysMatch": {
                        "webkitgtk:browserOptions": {
                            "binary": MINIBROWSER,
                            "args": MINIBROWSER_ARGS,
                        },
                        # Every host but the test server's goes to the refusing proxy.
                        "proxy": {
                            "proxyType": "manual",
                            "httpProxy": proxy,
                            "sslProxy": proxy,
                            "noProxy": ["127.0.0.1"],
                        },
                    }
                }
            },
        )
        driver.session = created["sessionId"]
        limits = {"script": COMMAND_TIMEOUT_S * 1000, "pageLoad": COMMAND_TIMEOUT_S * 1000}
        driver.command("POST", "/session/{session}/timeouts", limits)

    def goto(self, url: str) -> None:
        self._driver.command("POST", "/session/{session}/url", {"url": url})

    def reload(self) -> None:
        self._driver.command("POST", "/session/{session}/refresh", {})

    def click(self, selector: str) -> None:
        found = self._driver.command(
            "POST", "/session/{session}/element", {"using": "css selector", "value": selector}
        )
        # Element Click scrolls the element into view and fails if anything covers it.
        self._driver.command("POST", f"/session/{{session}}/element/{found[ELEMENT]}/click", {})

    def console_errors(self) -> list[str]:
        return []  # WebDriver classic has no way to read the console

    def requests(self) -> None:
        return None  # nor to see requests: the CSP reports and the refusing proxy do

    def _call(self, function: str, argument: str) -> str:
        script = f"return ({function})(arguments[0]);"
        value: str = self._driver.command(
            "POST", "/session/{session}/execute/sync", {"script": script, "args": [argument]}
        )
        return value

    def close(self) -> None:
        self._driver.command("DELETE", "/session/{session}")


def _free_port() -> int:
    with closing(socket.create_server(("127.0.0.1", 0))) as probe:
        port: int = probe.getsockname()[1]
        return port


def _wait_until_listening(port: int, output: Record) -> None:
    # The driver announces nothing when it is ready: its port accepting a connection is the
    # state waited for.
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"WebKitWebDriver did not listen within {START_TIMEOUT_S} s:\n"
                    + "\n".join(output.lines())
                ) from None
            time.sleep(0.02)


@contextmanager
def webkit(proxy: str) -> Iterator[WebKitPage]:
    """MiniBrowser on its own Xvfb display; every process, display and file is gone afterwards."""
    with tempfile.TemporaryDirectory(prefix="fl-webkit-") as home:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            # Caches, local storage and settings go to the temporary folder, never the real home.
            "HOME": home,
            "XDG_CACHE_HOME": f"{home}/cache",
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_DATA_HOME": f"{home}/data",
            "TMPDIR": home,
            "NO_AT_BRIDGE": "1",  # no accessibility bus to look for
        }
        if os.geteuid() == 0:
            # WebKit's sandbox (bubblewrap) refuses to run as root; CI runs as root.
            env["WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS"] = "1"
        with virtual_display(env) as display:
            port = _free_port()
            with started([WEBKIT_DRIVER, f"--port={port}"], {**env, "DISPLAY": display}) as run:
                _wait_until_listening(port, run.output)
                page = WebKitPage(WebDriver(port), proxy)
                yield page
                page.close()
