"""Cross-engine fixtures: Firefox ESR and WebKitGTK against the built site on 127.0.0.1.

The site is served with exactly its own `_headers` (CSP included), plus a `report-uri` so the
server hears of anything the policy blocks. Each test gets a fresh browser with a fresh
profile (the watch's own tests share one per engine), whose only way to other hosts is a proxy
that refuses every request; afterwards no process, display, profile or file is left. A test
using `watch` fails on any request to another host and on any console error
(tests/engines/watch.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.engines.launch import ENGINES, launched
from tests.engines.watch import REPORT_PATH, EngineWatch
from tests.support.engine_page import EnginePage
from tests.support.refusing_proxy import RefusingProxy, refusing_proxy
from tests.support.static_server import ServerOptions, serve


@pytest.fixture(scope="session")
def engine_server(built_site: Path) -> Iterator[tuple[str, ServerOptions]]:
    options = ServerOptions(headers_file=True, csp_report_path=REPORT_PATH)
    with serve(built_site, options) as served:
        yield served


@pytest.fixture
def site(engine_server: tuple[str, ServerOptions]) -> str:
    """The site's base URL; each test starts with no report recorded."""
    base_url, options = engine_server
    options.csp_reports.clear()
    return base_url


@pytest.fixture
def proxy() -> Iterator[RefusingProxy]:
    with refusing_proxy() as running:
        yield running


@pytest.fixture(params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest, proxy: RefusingProxy) -> Iterator[EnginePage]:
    with launched(request.param, proxy) as page:
        yield page


@pytest.fixture
def watch(
    engine: EnginePage,
    site: str,
    engine_server: tuple[str, ServerOptions],
    proxy: RefusingProxy,
) -> Iterator[EngineWatch]:
    watch = EngineWatch(engine, site, engine_server[1].csp_reports, proxy.tried)
    yield watch
    watch.settle()
    assert watch.findings() == [], f"{engine.name}: {watch.findings()}"
