"""`news-digest keys add NAME | list | remove ID`: the API keys of `news-digest serve`.

Keys live in the library (only a hash of each); a key is printed once, when it is made,
on standard output alone, so `KEY=$(news-digest keys add bot)` keeps it.
"""
from __future__ import annotations

import argparse

from cli.contract import OK, CommandError, article_id, report, safe_text


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `keys` and its actions to `news-digest`."""
    parser = commands.add_parser(
        "keys", parents=[common], help="API keys of `news-digest serve --api-keys`: add, "
                                       "list, remove",
        description="API keys for `news-digest serve --api-keys`, kept in the library "
                    "(only a hash of each).",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    adding = actions.add_parser("add", parents=[common],
                                help="make a key named NAME and print it (shown only once)")
    adding.add_argument("name", metavar="NAME", help="who or what uses the key")
    adding.set_defaults(run=_add)
    listing = actions.add_parser("list", parents=[common], help="every key: id, date, name")
    listing.set_defaults(run=_list)
    removing = actions.add_parser("remove", parents=[common], help="revoke keys by id")
    removing.add_argument("ids", nargs="+", type=article_id, metavar="ID")
    removing.set_defaults(run=_remove)


def _library():
    from digest.library import LibraryError, open_library

    try:
        return open_library()
    except LibraryError as error:
        raise CommandError(str(error)) from None


def _said(work):
    """A library that cannot be written (full disk, damaged file) said in one line."""
    from digest.library import LibraryError

    try:
        return work()
    except LibraryError as error:
        raise CommandError(str(error)) from None


def _add(args: argparse.Namespace) -> int:
    from digest.library.keys import add_key

    try:
        made = _said(lambda: add_key(_library(), args.name))
    except ValueError as error:
        raise CommandError(str(error), status=2) from None
    print(made.secret, flush=True)
    report(f"key {made.key.id} ({safe_text(made.key.name)}) made; it is not shown again")
    return OK


def _list(args: argparse.Namespace) -> int:
    from digest.library.keys import list_keys

    for key in _said(lambda: list_keys(_library())):
        made = key.created.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{key.id}\t{made}\t{safe_text(key.name)}")
    return OK


def _remove(args: argparse.Namespace) -> int:
    from digest.library.keys import remove_key

    library, status = _library(), OK
    for number in args.ids:
        if _said(lambda number=number: remove_key(library, number)):
            print(f"removed {number}")
        else:
            report(f"{number}: no such key")
            status = 1
    return status
