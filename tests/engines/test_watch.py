"""The watch catches a request to another host, in each engine, through the channels it has.

Pages planted on purpose, served with the site's own `_headers` (and the report-uri), ask for
another host in the ways a page could: an image the policy blocks and a request from a worker.
A navigation to another host, which no policy governs, is opened by the driver itself (in
Firefox a page's own navigation, still in flight, can overtake the driver's next one). Each
must show up in the findings that fail every cross-engine test (tests/engines/watch.py), and
none may reach the network.

The three tests share one browser per engine (nothing here is stored in the browser), and
each plants a request to a host of its own, so no test sees another's.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_scripts.headers import HEADERS_FILE
from tests.engines.launch import ENGINES, launched
from tests.engines.watch import REPORT_PATH, EngineWatch, channels_naming
from tests.support.engine_page import EnginePage
from tests.support.refusing_proxy import RefusingProxy, refusing_proxy
from tests.support.static_server import ServerOptions, serve

IMAGE_HOST = "image.invalid"
NAVIGATION_HOST = "navigation.invalid"
WORKER_HOST = "worker.invalid"
PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Planted</title>{}</head>'
# The worker asks for a file of the site, then for one elsewhere, and tells the page how both
# went, so the test waits for the page to say so.
WORKER = f"""const outcome = (response) => response.ok ? "loaded" : "refused";
const settled = (url) => fetch(url).then(outcome, () => "blocked");
Promise.all([settled("same-origin.txt"), settled("http://{WORKER_HOST}/from-worker")])
  .then((outcomes) => postMessage(outcomes.join(" ")));
"""
START_WORKER = """new Worker("worker.js").onmessage = (event) => {
  document.documentElement.dataset.worker = event.data;
};
"""
PLANTED = {
    "image/index.html": PAGE.format(f'<img src="http://{IMAGE_HOST}/image.png" alt="">'),
    "worker/index.html": PAGE.format('<script src="start.js"></script>'),
    "worker/start.js": START_WORKER,
    "worker/worker.js": WORKER,
    "worker/same-origin.txt": "here\n",
}
WAIT_S = 30


@pytest.fixture(scope="module")
def proxy() -> Iterator[RefusingProxy]:
    with refusing_proxy() as running:
        yield running


@pytest.fixture(scope="module", params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest, proxy: RefusingProxy) -> Iterator[EnginePage]:
    with launched(request.param, proxy) as page:
        yield page


@pytest.fixture
def planted(
    built_site: Path, tmp_path: Path, proxy: RefusingProxy
) -> Iterator[tuple[str, ServerOptions]]:
    shutil.copy(built_site / HEADERS_FILE, tmp_path / HEADERS_FILE)
    for name, text in PLANTED.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    proxy.tried.clear()  # the shared proxy: the watch waits for its own sentinel
    with serve(tmp_path, ServerOptions(headers_file=True, csp_report_path=REPORT_PATH)) as served:
        yield served


def _caught(
    engine: EnginePage,
    proxy: RefusingProxy,
    planted: tuple[str, ServerOptions],
    host: str,
    expected: set[str],
) -> set[str]:
    """The channels through which the watch saw `host`, once the expected ones have arrived."""
    base_url, options = planted
    # Reports and proxied requests come on connections of their own: wait for the expected.
    records = {"CSP report": options.csp_reports, "proxy": proxy.tried}
    for channel in expected & records.keys():
        records[channel].wait_for(lambda line: host in line, WAIT_S, f"{channel} naming {host}")
    watch = EngineWatch(engine, base_url, options.csp_reports, proxy.tried)
    watch.settle()
    return channels_naming(host, watch.findings())


def test_an_image_the_policy_blocks_is_caught_in_every_engine(
    engine: EnginePage, proxy: RefusingProxy, planted: tuple[str, ServerOptions]
) -> None:
    expected = {"firefox": {"CSP report", "console error"}, "webkit": {"CSP report"}}
    engine.goto(planted[0] + "image/")
    caught = _caught(engine, proxy, planted, IMAGE_HOST, expected[engine.name])
    assert caught == expected[engine.name]


def test_a_navigation_the_policy_does_not_govern_is_caught_and_refused_in_every_engine(
    engine: EnginePage, proxy: RefusingProxy, planted: tuple[str, ServerOptions]
) -> None:
    expected = {"firefox": {"proxy", "request"}, "webkit": {"proxy"}}
    engine.goto(f"http://{NAVIGATION_HOST}/navigation")  # the proxy's refusal loads
    caught = _caught(engine, proxy, planted, NAVIGATION_HOST, expected[engine.name])
    assert caught == expected[engine.name]


def test_a_worker_request_is_blocked_everywhere_and_caught_where_the_engine_reports_it(
    engine: EnginePage, proxy: RefusingProxy, planted: tuple[str, ServerOptions]
) -> None:
    # WebKitGTK 2.50 blocks a worker's request under the policy but neither reports it nor
    # fires `securitypolicyviolation`, and WebDriver classic shows no requests: there the
    # attempt is stopped unseen. Firefox reports it, and shows the worker's own requests.
    expected = {"firefox": {"CSP report"}, "webkit": set()}
    base_url = planted[0]
    engine.goto(base_url + "worker/")
    engine.wait_for_selector("html[data-worker]")
    assert engine.evaluate("() => document.documentElement.dataset.worker") == "loaded blocked"
    caught = _caught(engine, proxy, planted, WORKER_HOST, expected[engine.name])
    assert caught == expected[engine.name]
    assert not any(WORKER_HOST in line for line in proxy.tried.lines())  # it never got out
    if engine.name == "firefox":
        assert f"{base_url}worker/same-origin.txt" in (engine.requests() or [])
