"""`python -m build_scripts`: build the site assets without MkDocs and say where they are."""

import sys

from build_scripts.assets import build_assets
from build_scripts.errors import BuildError


def main() -> int:
    try:
        assets = build_assets()
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for source, destination in assets.site_files():
        print(f"{destination}  <-  {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
