"""`news-digest packages`: the Argos language packs and multilingual models on this computer.

    news-digest packages list | available
    news-digest packages install FROM TO
    news-digest packages install-file PATH      (.argosmodel, or a model folder/zip)
    news-digest packages remove FROM TO
    news-digest packages download-model [REPO] [--list] [--yes]
    news-digest packages remove-model NAME

Every failure is one line, `news-digest: reason` (the translator's messages are sentences
for the user as they are); a download shows a one-line progress bar on stderr.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from cli.contract import FAILED, OK, CommandError, display_name, report, safe_text


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `packages` and its actions to `news-digest`."""
    packages = commands.add_parser(
        "packages", help="manage Argos language packs and multilingual models"
    )
    actions = packages.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list", parents=[common], help="FROM<TAB>TO<TAB>VERSION<TAB>PATH per installed pack")
    listing.set_defaults(run=_list)
    available = actions.add_parser(
        "available", parents=[common],
        help="FROM<TAB>TO<TAB>VERSION<TAB>SIZE<TAB>STATE per pack in the index",
    )
    available.add_argument("--timeout", type=float, default=10, help="seconds (default 10)")
    available.set_defaults(run=_available)
    install = actions.add_parser(
        "install", parents=[common], help="download and install a pack from the index")
    install.add_argument("from_code", metavar="FROM")
    install.add_argument("to_code", metavar="TO")
    install.add_argument("--timeout", type=float, default=30, help="seconds (default 30)")
    install.set_defaults(run=_install)
    install_file = actions.add_parser(
        "install-file", parents=[common],
        help="install a .argosmodel file, or a multilingual model (NLLB-200, M2M-100 in the "
             "CTranslate2 layout) from its folder or a zip",
    )
    install_file.add_argument("path", metavar="PATH")
    install_file.set_defaults(run=_install_file)
    remove = actions.add_parser(
        "remove", parents=[common], help="remove an installed pack")
    remove.add_argument("from_code", metavar="FROM")
    remove.add_argument("to_code", metavar="TO")
    remove.set_defaults(run=_remove)
    download = actions.add_parser(
        "download-model", parents=[common],
        help="download a multilingual model from Hugging Face (size and licence shown first)",
    )
    download.add_argument("repo", nargs="?", metavar="REPO",
                          help="owner/name on Hugging Face (default: the first of --list)")
    download.add_argument("--list", action="store_true", help="list known good models")
    download.add_argument("--yes", action="store_true", help="do not ask before downloading")
    download.add_argument("--timeout", type=float, default=30, help="seconds (default 30)")
    download.set_defaults(run=_download_model)
    remove_model = actions.add_parser(
        "remove-model", parents=[common], help="remove a multilingual model"
    )
    remove_model.add_argument("name", metavar="NAME", help="its name in `packages list`")
    remove_model.set_defaults(run=_remove_model)


def _translator_call(work: Callable[[], int]) -> int:
    """work(), a TranslatorError said as it is (it is a sentence for the user)."""
    from translator import TranslatorError

    try:
        return work()
    except TranslatorError as error:
        raise CommandError(str(error)) from None


def _pack_line(pack) -> str:
    """One line per pack; the version and the folder come from the disk: escaped."""
    return (
        f"{pack.from_code}\t{pack.to_code}\t{safe_text(pack.version)}\t"
        f"{safe_text(str(pack.path))}"
    )


def _model_line(model) -> str:
    """NAME<TAB>FAMILY<TAB>PATH<TAB>LANGUAGES, e.g. `kk Kazakh (kaz_Cyrl), en English (...)`."""
    return f"{model.name}\t{model.family}\t{model.path}\t{model.describe_languages()}"


def _list(args: argparse.Namespace) -> int:
    from translator import installed_packs, models_dir, packages_dir, scan_models

    def work() -> int:
        packs = installed_packs()
        for pack in packs:
            print(_pack_line(pack))
        scan = scan_models()
        for model in scan.models:
            print(_model_line(model))
        for folder in scan.skipped:
            report(f"{folder.path}: broken model folder, skipped: {folder.reason}")
        if not packs and not scan.models:
            report(f"no language packs installed in {packages_dir()}, "
                   f"no multilingual model in {models_dir()}")
        return OK

    return _translator_call(work)


def _available(args: argparse.Namespace) -> int:
    from translator import index_listing

    def work() -> int:
        listing = index_listing(timeout=args.timeout)
        if listing.offline_reason:
            report(f"{listing.offline_reason} Showing the index as fetched on {listing.date}.")
        for pack in listing.packs:
            if pack.installed:
                state = f"installed {pack.installed_version}" if pack.installed_version \
                    != pack.version else "installed"
            else:
                state = "-"
            size = "" if pack.size_bytes is None else f"{pack.size_bytes}"
            print(f"{pack.from_code}\t{pack.to_code}\t{safe_text(pack.version)}\t{size}\t"
                  f"{safe_text(state)}")
        return OK

    return _translator_call(work)


class ProgressBar:
    """A one-line download bar on stderr: `[#####-----]  50%  12.0 of 24.0 MB`; as a
    context manager, the line is ended however the download ends."""

    WIDTH = 30

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.last = ""

    def __call__(self, done: int, total: int | None) -> None:
        megabytes = done / 1e6
        if total:
            fraction = min(done / total, 1.0)
            filled = int(self.WIDTH * fraction)
            line = (f"{self.label} [{'#' * filled}{'-' * (self.WIDTH - filled)}] "
                    f"{100 * fraction:3.0f}%  {megabytes:.1f} of {total / 1e6:.1f} MB")
        else:
            line = f"{self.label} {megabytes:.1f} MB"
        if line != self.last:
            self.last = line
            self.stream.write("\r" + line)
            self.stream.flush()

    def finish(self) -> None:
        if self.last:
            self.stream.write("\n")
            self.stream.flush()

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.finish()


def _install(args: argparse.Namespace) -> int:
    from translator import download_and_install, find_available

    def work() -> int:
        available = find_available(args.from_code, args.to_code, timeout=args.timeout)
        with ProgressBar(f"{available.from_code} → {available.to_code}") as bar:
            pack = download_and_install(available, progress=bar)
        print(_pack_line(pack))
        return OK

    return _translator_call(work)


def _install_file(args: argparse.Namespace) -> int:
    from translator import install_from_file, install_model, is_model_source, licence_notice

    path = Path(args.path)
    if not path.exists():
        raise CommandError(f"{display_name(args.path)}: no such file")

    def work() -> int:
        if is_model_source(path):
            model = install_model(path, args.path)
            report(licence_notice(model))
            print(_model_line(model))
        else:
            print(_pack_line(install_from_file(path)))
        return OK

    return _translator_call(work)


def _remove(args: argparse.Namespace) -> int:
    from translator import remove_pack

    def work() -> int:
        remove_pack(args.from_code, args.to_code)
        report(f"removed the {args.from_code} → {args.to_code} pack")
        return OK

    return _translator_call(work)


def _download_model(args: argparse.Namespace) -> int:
    from translator import DEFAULT_REPO, KNOWN_MODELS, download_model, plan_download

    def work() -> int:
        if args.list:
            for known in KNOWN_MODELS:
                print(f"{known.repo}\t{known.family}\t{known.note}")
            return OK
        plan = plan_download(args.repo or DEFAULT_REPO, timeout=args.timeout)
        report(f"{plan.repo}: {len(plan.files)} files, {plan.total_bytes / 1e6:,.1f} MB")
        report(f"licence: {plan.licence}")
        if not args.yes:
            if not sys.stdin.isatty():
                report("add --yes to download it (size and licence above)")
                return FAILED
            answer = input(f"Download {plan.total_bytes / 1e6:,.0f} MB? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                report("nothing downloaded")
                return FAILED
        with ProgressBar(plan.repo) as bar:
            model = download_model(plan, progress=bar, timeout=args.timeout)
        print(_model_line(model))
        return OK

    return _translator_call(work)


def _remove_model(args: argparse.Namespace) -> int:
    from translator import remove_model

    def work() -> int:
        remove_model(args.name)
        report(f"removed the multilingual model {args.name}")
        return OK

    return _translator_call(work)
