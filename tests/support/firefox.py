"""Debian's Firefox ESR driven over WebDriver BiDi, which Firefox speaks natively (no geckodriver).

Firefox starts headless, in a fresh profile in a temporary folder, with every other host
routed to a proxy that refuses it. Over BiDi the test sees every request (the page's and its
workers') and every console error.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from tests.support.engine_page import BRING_INTO_VIEW, EnginePage, PageError
from tests.support.processes import started

FIREFOX = "/usr/bin/firefox-esr"
START_TIMEOUT_S = 60
COMMAND_TIMEOUT_S = 120  # longer than any wait the page is asked for
LISTENING = "WebDriver BiDi listening on "


def _prefs(proxy: str) -> dict[str, object]:
    host, port = proxy.rsplit(":", 1)
    return {
        # Every host but the test server's (loopback is never proxied) goes to the refusing
        # proxy, so nothing reaches the network, whatever the prefs below miss.
        "network.proxy.type": 1,
        "network.proxy.http": host,
        "network.proxy.http_port": int(port),
        "network.proxy.ssl": host,
        "network.proxy.ssl_port": int(port),
        "network.proxy.failover_direct": False,
        "network.trr.mode": 5,
        "network.dns.disablePrefetch": True,
        "network.prefetch-next": False,
        "network.predictor.enabled": False,
        "network.http.speculative-parallel-limit": 0,
        # The browser's own traffic: updates, telemetry, safe browsing, remote settings,
        # captive portal and connectivity checks, push, add-ons, search and region look-ups.
        "app.update.disabledForTesting": True,
        "app.normandy.enabled": False,
        "app.normandy.api_url": "",
        "app.shield.optoutstudies.enabled": False,
        "toolkit.telemetry.enabled": False,
        "toolkit.telemetry.unified": False,
        "toolkit.telemetry.server": "",
        "datareporting.healthreport.uploadEnabled": False,
        "datareporting.policy.dataSubmissionEnabled": False,
        "datareporting.usage.uploadEnabled": False,
        "browser.safebrowsing.malware.enabled": False,
        "browser.safebrowsing.phishing.enabled": False,
        "browser.safebrowsing.downloads.enabled": False,
        "browser.safebrowsing.blockedURIs.enabled": False,
        "browser.safebrowsing.update.enabled": False,
        "services.settings.server": "data:,#remote-settings-dummy/v1",
        "messaging-system.rsexperimentloader.enabled": False,
        "network.captive-portal-service.enabled": False,
        "network.connectivity-service.enabled": False,
        "dom.push.connection.enabled": False,
        "extensions.update.enabled": False,
        "extensions.getAddons.cache.enabled": False,
        "extensions.blocklist.enabled": False,
        "extensions.systemAddon.update.enabled": False,
        "media.gmp-manager.updateEnabled": False,
        "browser.search.update": False,
        "browser.region.network.url": "",
        "geo.provider.network.url": "",
        "browser.topsites.contile.enabled": False,
        "browser.newtabpage.enabled": False,
        "browser.startup.page": 0,
        "browser.startup.homepage_override.mstone": "ignore",
        "startup.homepage_welcome_url": "about:blank",
        "browser.shell.checkDefaultBrowser": False,
        "browser.ml.enable": False,
        "browser.translations.enable": False,
    }


class BiDi:
    """WebDriver BiDi over one WebSocket: commands wait for their answer; events are handed on."""

    def __init__(
        self, socket: ClientConnection, on_event: Callable[[dict[str, Any]], None]
    ) -> None:
        self._socket = socket
        self._on_event = on_event
        self._next_id = 0

    def command(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = self.receive()
            if message.get("id") == self._next_id:
                if message.get("type") == "error":
                    raise PageError(f"{method}: {message['error']}: {message.get('message')}")
                result: dict[str, Any] = message["result"]
                return result

    def receive(self) -> dict[str, Any]:
        """The next message; an event is handed on before it is returned."""
        message: dict[str, Any] = json.loads(self._socket.recv(timeout=COMMAND_TIMEOUT_S))
        if message.get("type") == "event":
            self._on_event(message)
        return message


class FirefoxPage(EnginePage):
    name = "firefox"

    def __init__(self, socket: ClientConnection) -> None:
        self._errors: list[str] = []
        self._requests: list[str] = []
        self._loaded: dict[str, str] = {}  # navigation: the URL whose document fired `load`
        self._bidi = BiDi(socket, self._on_event)
        self._bidi.command("session.new", capabilities={})
        # Subscribed for every context, so requests from the page's workers are seen too.
        events = ["network.beforeRequestSent", "log.entryAdded", "browsingContext.load"]
        self._bidi.command("session.subscribe", events=events)
        tree = self._bidi.command("browsingContext.getTree", maxDepth=0)
        self._context: str = tree["contexts"][0]["context"]

    def _on_event(self, message: dict[str, Any]) -> None:
        params = message["params"]
        if message["method"] == "browsingContext.load":
            self._loaded[params["navigation"]] = params["url"]
        elif message["method"] == "network.beforeRequestSent":
            self._requests.append(params["request"]["url"])
        elif message["method"] == "log.entryAdded" and params.get("level") == "error":
            where = params.get("source", {}).get("context", "")
            self._errors.append(f"{params.get('text')} ({params.get('type')} {where})")

    def _until_loaded(self, navigation: str, url: str) -> None:
        # Waits for the `load` event of this navigation's document: `wait: "complete"` on a
        # reload sometimes answers while the new document is still loading (Firefox 153).
        deadline = time.monotonic() + COMMAND_TIMEOUT_S
        while navigation not in self._loaded:
            if time.monotonic() > deadline:
                raise PageError(f"{url} did not load within {COMMAND_TIMEOUT_S} s")
            self._bidi.receive()
        # Firefox credits this navigation with the load of any other that overtook it.
        loaded = self._loaded[navigation]
        if loaded.split("#")[0] != url.split("#")[0]:
            raise PageError(f"asked Firefox to open {url}, but it loaded {loaded}")

    def goto(self, url: str) -> None:
        started = self._bidi.command(
            "browsingContext.navigate", context=self._context, url=url, wait="none"
        )
        self._until_loaded(started["navigation"], url)

    def reload(self) -> None:
        started = self._bidi.command("browsingContext.reload", context=self._context, wait="none")
        self._until_loaded(started["navigation"], started["url"])

    def click(self, selector: str) -> None:
        self.evaluate(BRING_INTO_VIEW, selector)
        found = self._bidi.command(
            "browsingContext.locateNodes",
            context=self._context,
            locator={"type": "css", "value": selector},
            maxNodeCount=1,
        )
        origin = {"type": "element", "element": {"sharedId": found["nodes"][0]["sharedId"]}}
        pointer = [
            {"type": "pointerMove", "x": 0, "y": 0, "origin": origin},
            {"type": "pointerDown", "button": 0},
            {"type": "pointerUp", "button": 0},
        ]
        self._bidi.command(
            "input.performActions",
            context=self._context,
            actions=[{"type": "pointer", "id": "mouse", "actions": pointer}],
        )
        self._bidi.command("input.releaseActions", context=self._context)

    def console_errors(self) -> list[str]:
        self._bidi.command("session.status")  # collects the events sent before its answer
        return list(self._errors)

    def requests(self) -> list[str]:
        self._bidi.command("session.status")
        return list(self._requests)

    def _call(self, function: str, argument: str) -> str:
        answer = self._bidi.command(
            "script.callFunction",
            functionDeclaration=function,
            arguments=[{"type": "string", "value": argument}],
            awaitPromise=True,
            target={"context": self._context},
            resultOwnership="none",
        )
        if answer["type"] == "exception":
            raise PageError(answer["exceptionDetails"]["text"])
        value: str = answer["result"]["value"]
        return value

    def close(self) -> None:
        with suppress(ConnectionClosed):  # Firefox may close the connection before it answers
            self._bidi.command("browser.close")


@contextmanager
def firefox(proxy: str) -> Iterator[FirefoxPage]:
    """Firefox ESR in a fresh temporary profile; every process and file is gone afterwards."""
    with tempfile.TemporaryDirectory(prefix="fl-firefox-") as home:
        profile = Path(home) / "profile"
        profile.mkdir()
        prefs = _prefs(proxy).items()
        (profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs),
            encoding="utf-8",
        )
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,  # nothing written to the real home folder
            "TMPDIR": home,
            "MOZ_CRASHREPORTER_DISABLE": "1",
            # Mozilla's own test switch: lets the prefs above turn remote settings off, which a
            # release build otherwise ignores.
            "MOZ_DISABLE_NONLOCAL_CONNECTIONS": "1",
        }
        command = [FIREFOX, "--headless", "--no-remote", "--profile", str(profile)]
        with started([*command, "--remote-debugging-port=0", "about:blank"], env) as run:
            announced = run.output.wait_for(
                lambda line: line.startswith(LISTENING), START_TIMEOUT_S, "Firefox's BiDi address"
            )
            address = announced.removeprefix(LISTENING).strip()
            with connect(
                f"{address}/session", max_size=None, open_timeout=START_TIMEOUT_S, proxy=None
            ) as ws:
                page = FirefoxPage(ws)
                yield page
                page.close()
            run.process.wait(timeout=START_TIMEOUT_S)
