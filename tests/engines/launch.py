"""The engines the cross-engine tests run in, and how one is launched for a test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from tests.support.engine_page import EnginePage
from tests.support.firefox import FIREFOX, firefox
from tests.support.refusing_proxy import RefusingProxy
from tests.support.webkit import MINIBROWSER, WEBKIT_DRIVER, webkit
from tests.support.xvfb import XVFB

ENGINES: dict[str, Callable[[str], AbstractContextManager[EnginePage]]] = {
    "firefox": firefox,
    "webkit": webkit,
}
# What each engine needs, and the Debian package that brings it (`make test` installs them).
NEEDS = {
    "firefox": {FIREFOX: "firefox-esr"},
    "webkit": {WEBKIT_DRIVER: "webkit2gtk-driver", MINIBROWSER: "webkit2gtk-driver", XVFB: "xvfb"},
}


@contextmanager
def launched(name: str, proxy: RefusingProxy) -> Iterator[EnginePage]:
    """A fresh browser of engine `name` whose only way to other hosts is `proxy`."""
    needs = NEEDS[name].items()
    missing = [f"{path} ({package})" for path, package in needs if not Path(path).exists()]
    if missing:
        pytest.fail(
            f"missing: {', '.join(missing)}; run `make test`, which installs these Debian packages",
            pytrace=False,
        )
    with ENGINES[name](proxy.address) as page:
        yield page
