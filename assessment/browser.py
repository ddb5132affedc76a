"""The browser entry point: one JSON request in, one JSON response out (called from the worker)."""

import json
import sys

from assessment import __version__


def handle(request_json: str) -> str:
    request = json.loads(request_json)
    if request.get("op") == "version":
        return json.dumps(
            {"ok": True, "package": __version__, "python": sys.version.split()[0]}
        )
    return json.dumps({"ok": False, "error": {"type": "BadRequest", "message": "unknown op"}})
