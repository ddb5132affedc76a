"""Baseline (b): PyScript runs this on the page once its packages (our wheel) are installed."""

import js
from pyodide.ffi import create_proxy

from assessment.browser import handle


async def call(request):
    return js.JSON.parse(handle(js.JSON.stringify(request)))


js.window.flBaselineAttach(create_proxy(call))
