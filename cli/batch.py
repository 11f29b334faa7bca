"""`news-digest batch`: summaries (and translations) of whole archives into a folder.

    news-digest batch INPUT... --out DIR [--engine local|ray] [--workers N]
        [--ray-address ADDRESS] [--translate-to CODE [--translated-files] [--glossary FILE.csv]]
        [--algorithm NAME]
        [--sentences N | --ratio R | --words N] [--library]

A file that cannot be read or summarized is an `error` row and a `news-digest: FILE: reason`
line; the others are done and the exit status is 1, as when an article was not kept in
the library (`--library`) or the output folder could not be written (full disk: the run
stops, saying so). Ctrl-C exits 130 with the manifest consistent; rerunning the same
command continues. See docs/batch.md.
"""
from __future__ import annotations

import argparse
import os
from dataclasses import replace
from pathlib import Path

from cli.contract import FAILED, INTERRUPTED, OK, CommandError, display_name, positive_count, report
from cli.options import (
    add_glossary_option,
    add_summary_options,
    algorithms_epilog,
    language_code,
    read_glossary,
    summary_settings,
)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `batch` to `news-digest`."""
    parser = commands.add_parser(
        "batch",
        parents=[common],
        help="summarize (and translate) whole archives into a folder, resumably",
        description=(
            "Summarize every article of INPUT (files, folders walked, globs) into DIR: "
            "manifest.jsonl, summaries/*.summary.txt and digest.txt. "
            "Rerun the same command to continue an interrupted run."
        ),
        epilog=algorithms_epilog(),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, a folder or a glob")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR",
                        help="folder for the manifest, the summaries and digest.txt")
    parser.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="local: a process pool (default); ray: Ray tasks")
    parser.add_argument("--workers", type=positive_count, default=None, metavar="N",
                        help="worker processes (local) or CPUs of the local Ray runtime "
                             "(default: the number of cores)")
    parser.add_argument("--ray-address", default=None, metavar="ADDRESS",
                        help="an existing Ray cluster (e.g. ray://head:10001 or auto); "
                             "implies --engine ray")
    parser.add_argument("--translate-to", type=language_code, default=None, metavar="CODE",
                        help="also translate each summary into this language")
    parser.add_argument("--translated-files", action="store_true",
                        help="with --translate-to: also write each article translated whole "
                             "as the same kind of file into DIR/translated/ (a PDF as .docx: "
                             "its layout cannot be re-flowed)")
    add_glossary_option(parser)
    add_summary_options(parser)
    parser.add_argument("--library", action="store_true",
                        help="also store the results in the reader's library")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from digest.batch.article import BatchSettings
    from digest.batch.library_hook import library_hook
    from digest.batch.manifest import OutputError
    from digest.batch.runner import BatchJob, run_batch

    summary = summary_settings(args)
    if args.out.exists() and not args.out.is_dir():
        raise CommandError(f"{display_name(str(args.out))}: not a folder", status=2)
    if args.translated_files and not args.translate_to:
        raise CommandError("--translated-files needs --translate-to CODE", status=2)
    if args.glossary and not args.translate_to:
        raise CommandError("--glossary needs --translate-to CODE", status=2)
    settings = BatchSettings(summary=summary, translate_to=args.translate_to,
                             translated_files=args.translated_files)
    if args.translate_to:
        settings = replace(settings, glossary=read_glossary(args.glossary))
    hook = library_hook() if args.library else None
    job = BatchJob(
        inputs=args.inputs,
        out=args.out,
        settings=settings,
        engine="ray" if args.ray_address else args.engine,
        workers=args.workers or os.cpu_count() or 1,
        ray_address=args.ray_address,
        on_row=hook.keep if hook else None,
        is_kept=hook.has if hook else None,
    )
    try:
        result = run_batch(job)
    except OutputError as error:
        raise CommandError(str(error)) from None
    for given in result.missing:
        report(f"{display_name(given)}: no such file, or nothing matched")
    for given in result.outputs:
        report(f"{display_name(given)}: is the output folder or inside it; not read")
    for file, reason in result.failures:
        report(f"{display_name(file)}: {reason}")
    for file, reason in result.not_kept:
        report(f"{display_name(file)}: {reason}")
    print(f"batch: {result.summary_line()}; digest in {result.out / 'digest.txt'}", flush=True)
    if result.interrupted:
        report("interrupted; run the same command again to continue")
        return INTERRUPTED
    if result.stopped_by:
        report(f"{result.stopped_by}; the run stopped. Free space (or make the folder "
                     "writable) and run the same command again to continue")
        return FAILED
    failed = result.failed or result.missing or result.outputs or result.not_kept
    return FAILED if failed else OK
