"""What a reader would never want, seen in every engine: requests to other hosts and errors.

Four channels, so that no engine's request to another host goes unseen:
- the CSP reports the test server receives (the site's own policy, plus `report-uri`): every
  request the policy blocks, in the page or in its workers, in every engine;
- the refusing proxy (tests/support/refusing_proxy.py): every request that got past the policy
  (a navigation, say), and anything the browser itself sends;
- the requests the engine reports (Firefox over BiDi, workers included; WebKit cannot);
- console errors and uncaught exceptions (Firefox; WebKit's WebDriver cannot read them).
"""

from __future__ import annotations

import itertools
from urllib.parse import urlsplit

from tests.support.engine_page import EnginePage
from tests.support.record import Record

REPORT_PATH = "/__csp-report"  # the test server's report-uri
# The watch's own traffic, sent last to prove its channels carry everything sent before.
SENTINEL = "sentinel.invalid"
SETTLE_TIMEOUT_S = 30
LOCAL_SCHEMES = ("data:", "blob:", "about:")
# Each sentinel's address is new: a browser may remember an image it already refused and
# not ask (nor report) again.
_sentinels = itertools.count(1)


class EngineWatch:
    def __init__(self, page: EnginePage, base_url: str, reports: Record, proxied: Record) -> None:
        self.page = page
        self.base_url = base_url
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
        self.reports = reports
        self.proxied = proxied

    def settle(self) -> None:
        """Returns once every report and proxied request sent so far has arrived.

        Reports and proxied requests travel on their own connections, so the watch sends one
        of each last, from a page of the site, and waits for it: this also proves, in every
        run and every engine, that the policy reports and that the proxy is in the way.
        """
        report, proxied = (f"http://{SENTINEL}/{kind}-{next(_sentinels)}" for kind in "rp")
        self.page.goto(self.base_url + "__settle/")  # a 404 page, under the site's policy
        self.page.evaluate("(url) => { new Image().src = url; }", report)
        self.reports.wait_for(
            lambda line: report in line, SETTLE_TIMEOUT_S, "the watch's own CSP report"
        )
        # Opened by the driver, which waits for the refusal to load, so no navigation is left
        # in flight to overtake the next one (Firefox lets a late one win).
        self.page.goto(proxied)
        self.proxied.wait_for(
            lambda line: proxied in line, SETTLE_TIMEOUT_S, "the watch's own proxied request"
        )

    def findings(self) -> list[str]:
        """Everything seen so far, one line each, channel first; the watch's own left out."""
        requests = self.page.requests() or []
        elsewhere = [
            url for url in requests if not url.startswith((self.origin + "/", *LOCAL_SCHEMES))
        ]
        found = [
            *(f"CSP report: {line}" for line in self.reports.lines()),
            *(f"proxy: {line}" for line in self.proxied.lines()),
            *(f"request: {url}" for url in elsewhere),
            *(f"console error: {text}" for text in self.page.console_errors()),
        ]
        return [line for line in found if SENTINEL not in line]


def channels_naming(host: str, findings: list[str]) -> set[str]:
    """The channels (`CSP report`, `proxy`, ...) through which `host` was seen."""
    return {line.split(":", 1)[0] for line in findings if host in line}
