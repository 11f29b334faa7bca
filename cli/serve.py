"""`news-digest serve`: the HTTP API (LibreTranslate's endpoints, summaries, library search).

    news-digest serve [--host 127.0.0.1] [--port 5000] [--char-limit N] [--file-limit-mb N]
        [--rate-limit PER_MINUTE] [--api-keys]

It uses the same library, packs and models as the dashboard. FastAPI and uvicorn are
imported only when the server starts, so `--help` answers at once. With --api-keys,
every request needs a key made with `news-digest keys add NAME`.
"""
from __future__ import annotations

import argparse
import sys

from cli.contract import OK, CommandError, positive_count


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `serve` to `news-digest`."""
    serve = commands.add_parser(
        "serve", parents=[common],
        help="serve the HTTP API (LibreTranslate's endpoints, summaries, library search)",
        description="Serve the HTTP API until Ctrl-C: LibreTranslate's /translate, /detect, "
                    "/languages, /translate_file..., and /summarize and /library/search; "
                    "the schema is at /docs. Request text is never logged.",
    )
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1, this computer only)")
    serve.add_argument("--port", type=_port, default=5000, help="port (default: 5000)")
    serve.add_argument("--char-limit", type=positive_count, default=None, metavar="N",
                       help="characters in one request, all texts together (default: 10000)")
    serve.add_argument("--file-limit-mb", type=positive_count, default=None, metavar="N",
                       help="largest file for /translate_file and /summarize (default: 25)")
    serve.add_argument("--rate-limit", type=_per_minute, default=0, metavar="PER_MINUTE",
                       help="requests a minute per client, answered 429 past it "
                            "(default: 0, no limit)")
    serve.add_argument("--api-keys", action="store_true",
                       help="refuse (403) every request without a key of `news-digest keys`")
    serve.set_defaults(run=_serve)


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a port number, not {value!r}") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number (0-65535), not {number}")
    return number


def _per_minute(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (no limit) or more, not {number}")
    return number


def _serve(args: argparse.Namespace) -> int:
    from api.server import bind, serve
    from api.settings import DEFAULT_CHAR_LIMIT, ServerSettings
    from digest.job import ARTICLE_MAX_BYTES, MB

    settings = ServerSettings(
        host=args.host, port=args.port,
        char_limit=args.char_limit or DEFAULT_CHAR_LIMIT,
        file_limit_bytes=args.file_limit_mb * MB if args.file_limit_mb else ARTICLE_MAX_BYTES,
        rate_limit=args.rate_limit, api_keys=args.api_keys,
    )
    if settings.api_keys:
        _refuse_without_keys()
    try:
        listener = bind(settings.host, settings.port)
    except OSError as error:
        raise CommandError(f"cannot listen on {settings.host}:{settings.port}: "
                           f"{error.strerror or error}") from None
    port = listener.getsockname()[1]
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    print(f"Serving on http://{host}:{port}/ (the API's schema: /docs); Ctrl-C stops it.",
          file=sys.stderr, flush=True)
    serve(settings, "info" if args.verbose else "warning", listener)
    return OK


def _refuse_without_keys() -> None:
    from digest.library import LibraryError, open_library
    from digest.library.keys import has_keys

    try:
        found = has_keys(open_library())
    except LibraryError as error:
        raise CommandError(str(error)) from None
    if not found:
        raise CommandError("--api-keys, but the library holds no key: make one with "
                           "`news-digest keys add NAME`")
