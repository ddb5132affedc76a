"""Publishing tests. Browser tests here see the built site served with exactly the headers of
its own `_headers` file (CSP included), as Netlify or Cloudflare Pages would serve it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

# The browser fixtures (Debian's Chromium, the console and foreign-request watch) are shared
# with tests/browser; only the server differs.
from tests.browser.conftest import (  # noqa: F401
    browser_type_launch_args,
    instant_navigation,
    page,
    server_options,
    site_url,
    watch,
)
from tests.support.static_server import ServerOptions, serve


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[tuple[str, ServerOptions]]:
    with serve(built_site, ServerOptions(headers_file=True)) as (base_url, options):
        yield base_url, options
