"""`news-digest library list | search QUERY | delete ID... | export DIR`.

For scripts and backups: lines are tab-separated (id, date added, language, file,
title), so `cut` and `sort` work on them. The library is the one in
$NEWS_DIGEST_DATA (default: the platform's user data folder).
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from cli.contract import OK, CommandError, article_id, positive_count, report, safe_text


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `library` and its actions to `news-digest`."""
    parser = commands.add_parser(
        "library",
        parents=[common],
        help="the articles kept on this computer: list, search, delete, export",
        description="The reader's library (in $NEWS_DIGEST_DATA, else the user data folder).",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument(
        "-l", "--language", action="append", metavar="CODE",
        help="only articles in this language (repeat for several)",
    )  # fmt: skip
    filters.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="added on or after")
    filters.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="added on or before")

    listing = actions.add_parser(
        "list", parents=[common, filters], help="every article: id, date, language, file, title"
    )
    listing.set_defaults(run=_list)

    finding = actions.add_parser(
        "search", parents=[common, filters],
        help="articles holding every word of QUERY, in any of its forms",
    )  # fmt: skip
    finding.add_argument("query", metavar="QUERY")
    finding.add_argument(
        "-n", "--limit", type=positive_count, default=20, help="at most N results (20)"
    )
    finding.set_defaults(run=_search)

    deleting = actions.add_parser(
        "delete", parents=[common], help="delete articles for good (from every file on disk)"
    )
    deleting.add_argument("ids", nargs="+", type=article_id, metavar="ID")
    deleting.set_defaults(run=_delete)

    exporting = actions.add_parser(
        "export", parents=[common], help="write the originals and their summaries into DIR"
    )
    exporting.add_argument("folder", type=Path, metavar="DIR")
    exporting.add_argument("--sentences", type=positive_count, default=5, help="summary length (5)")
    exporting.set_defaults(run=_export)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _library():
    from digest.library import LibraryError, open_library

    try:
        return open_library()
    except LibraryError as error:
        raise CommandError(str(error)) from None


def _line(article) -> str:
    added = article.added.astimezone().strftime("%Y-%m-%d %H:%M")
    fields = (str(article.id), added, article.language, article.name, article.title)
    return "\t".join(safe_text(field.replace("\t", " ")) for field in fields)


def _list(args: argparse.Namespace) -> int:
    for article in _library().articles(args.language, args.since, args.until):
        print(_line(article))
    return OK


def _search(args: argparse.Namespace) -> int:
    hits = _library().search(args.query, args.language, args.since, args.until, args.limit)
    for hit in hits:
        print(_line(hit.article))
        parts = "".join(f"[{text}]" if matched else text for text, matched in hit.snippet.parts)
        dots = ("…" if hit.snippet.cut_before else "", "…" if hit.snippet.cut_after else "")
        print(f"    {dots[0]}{safe_text(parts)}{dots[1]}")
    if not hits:
        report(f"nothing found for {safe_text(args.query)!r}")
        return 1
    return OK


def _delete(args: argparse.Namespace) -> int:
    from digest.library import LibraryError
    from digest.library.keeping import delete_for_good

    library, status = _library(), OK
    for number in args.ids:
        try:
            done = delete_for_good(library, number)
        except LibraryError as error:  # nothing of this article was deleted
            raise CommandError(f"{number}: {error}") from None
        if done:
            print(f"deleted {number}")
            if done.left:
                report(f"{number}: deleted, but {done.left}")
        else:
            report(f"{number}: no such article")
            status = 1
    return status


def _export(args: argparse.Namespace) -> int:
    from digest.library.export import export
    from digest.settings import SummarySettings

    folder: Path = args.folder
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{safe_text(str(folder))}: not a folder")
    try:
        done = export(_library(), folder, SummarySettings(sentences=args.sentences))
    except OSError as error:
        raise CommandError(f"{safe_text(str(folder))}: {error.strerror or error}") from None
    for problem in done.problems:
        report(safe_text(problem))
    print(
        f"{len(done.originals)} originals and {len(done.summaries)} summaries in "
        f"{safe_text(str(folder))}",
        file=sys.stdout,
    )
    return 1 if done.problems else OK
