"""svodka's command line: each module registers its commands on the shared app."""

from __future__ import annotations

from . import analyze as _analyze  # noqa: F401  (registers commands)
from . import corpus as _corpus  # noqa: F401
from . import evaluate as _evaluate  # noqa: F401
from . import facts as _facts  # noqa: F401
from . import names as _names  # noqa: F401
from . import quotes as _quotes  # noqa: F401
from . import serve as _serve  # noqa: F401
from . import times as _times  # noqa: F401
from .app import app


def main() -> None:
    app()
