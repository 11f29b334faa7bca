"""`python -m translator`: detect languages, translate files, manage Argos language packs.

    python -m translator detect FILE...
    python -m translator translate --source CODE|auto --target CODE FILE...
    python -m translator packages list | available
    python -m translator packages install FROM TO
    python -m translator packages install-file PATH      (.argosmodel, or a model folder/zip)
    python -m translator packages remove FROM TO
    python -m translator packages download-model [REPO] [--yes]
    python -m translator packages remove-model NAME

Every problem is one line on stderr, `translator: FILE: reason` (FILE as given, `-` for
standard input; or the pair instead of the file), never a traceback; other files are still
done, as with `python -m summarizer`. Exit status: 0 when all went well, 1 if
anything failed, 2 for a usage error. `-` reads standard input. The translation engine and
the packs are imported inside their subcommands, so `detect` starts fast.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from digest.cli_support import (
    FAILED,
    OK,
    Blocks,
    CommandError,
    add_verbose_flag,
    display_name,
    for_each_file,
    read_input,
    report,
    run_command,
    safe_text,
)
from languages.codes import is_determined, normalize_code

PROG = "translator"


def _read(file: str, source: str | None = None):
    """The file as an ArticleResult (decoded, detected unless `source` is given, built);
    CommandError with the file's name and the reason when it is not an article."""
    from digest.job import Upload, read_upload

    result = read_upload(Upload(file, read_input(file)), source, detect=source is None)
    if result.error:
        raise CommandError(f"{display_name(file)}: {result.error}")
    return result


# ---- detect -------------------------------------------------------------------------------

def _detect(args: argparse.Namespace) -> int:
    def detect_one(file: str) -> None:
        detection = _read(file).detection.main
        print(f"{detection.code}\t{detection.probability:.4f}\t{display_name(file)}", flush=True)

    return for_each_file(PROG, args.files, detect_one)


# ---- translate ----------------------------------------------------------------------------

def _translate(args: argparse.Namespace) -> int:
    from translator.errors import TranslatorError

    source = normalize_code(args.source)
    target = normalize_code(args.target)
    blocks = Blocks(args.files)

    def translate_one(file: str) -> None:
        from translator.engine import translate_article

        result = _read(file, source if is_determined(source) else None)
        if not is_determined(result.language):
            raise CommandError(
                f"{display_name(file)}: could not determine its language; "
                "give it with --source CODE"
            )
        try:
            translation = translate_article(
                result.article, target, source=result.language, prefer_model=args.prefer_model
            )
        except TranslatorError as error:
            raise CommandError(f"{display_name(file)}: {error}") from None
        blocks.write_lines(file, [translation.text])
        for note in translation.notes:  # "Uzbek in Cyrillic was transliterated to Latin ..."
            report(PROG, f"{display_name(file)}: {note}")

    return for_each_file(PROG, args.files, translate_one)


# ---- packages -----------------------------------------------------------------------------

def _pack_line(pack) -> str:
    """One line per pack; the version and the folder come from the disk: escaped."""
    return (
        f"{pack.from_code}\t{pack.to_code}\t{safe_text(pack.version)}\t"
        f"{safe_text(str(pack.path))}"
    )


def _packs_call(work: Callable[[], int]) -> int:
    from translator.errors import TranslatorError

    try:
        return work()
    except TranslatorError as error:
        raise CommandError(str(error)) from None


def _model_line(model) -> str:
    """NAME<TAB>FAMILY<TAB>PATH<TAB>LANGUAGES, e.g. `kk Kazakh (kaz_Cyrl), en English (...)`."""
    return f"{model.name}\t{model.family}\t{model.path}\t{model.describe_languages()}"


def _packages_list(args: argparse.Namespace) -> int:
    from translator.multilingual import models_dir, scan_models
    from translator.packs import installed_packs, packages_dir

    def work() -> int:
        packs = installed_packs()
        for pack in packs:
            print(_pack_line(pack))
        scan = scan_models()
        models = scan.models
        for model in models:
            print(_model_line(model))
        for folder in scan.skipped:
            report(PROG, f"{folder.path}: broken model folder, skipped: {folder.reason}")
        if not packs and not models:
            report(PROG, f"no language packs installed in {packages_dir()}, "
                   f"no multilingual model in {models_dir()}")
        return OK

    return _packs_call(work)


def _packages_available(args: argparse.Namespace) -> int:
    from translator.index import index_listing

    def work() -> int:
        listing = index_listing(timeout=args.timeout)
        if listing.offline_reason:
            report(
                PROG, f"{listing.offline_reason} Showing the index as fetched on {listing.date}."
            )
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

    return _packs_call(work)


class ProgressBar:
    """A one-line download bar on stderr: `[#####-----]  50%  12.0 of 24.0 MB`."""

    WIDTH = 30

    def __init__(self, label: str, stream=None) -> None:
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


def _packages_install(args: argparse.Namespace) -> int:
    from translator.index import download_and_install, find_available

    def work() -> int:
        available = find_available(args.from_code, args.to_code, timeout=args.timeout)
        bar = ProgressBar(f"{available.from_code} → {available.to_code}")
        try:
            pack = download_and_install(available, progress=bar)
        finally:
            bar.finish()
        print(_pack_line(pack))
        return OK

    return _packs_call(work)


def _packages_install_file(args: argparse.Namespace) -> int:
    from translator.install import install_from_file
    from translator.model_install import install_model, is_model_source, licence_notice

    path = Path(args.path)
    if not path.exists():
        raise CommandError(f"{display_name(args.path)}: no such file")

    def work() -> int:
        if is_model_source(path):
            model = install_model(path, args.path)
            report(PROG, licence_notice(model))
            print(_model_line(model))
        else:
            print(_pack_line(install_from_file(path)))
        return OK

    return _packs_call(work)


def _packages_remove(args: argparse.Namespace) -> int:
    from translator.packs import remove_pack

    def work() -> int:
        remove_pack(args.from_code, args.to_code)
        report(PROG, f"removed the {args.from_code} → {args.to_code} pack")
        return OK

    return _packs_call(work)


def _packages_download_model(args: argparse.Namespace) -> int:
    from translator.model_download import DEFAULT_REPO, KNOWN_MODELS, download_model, plan_download

    def work() -> int:
        if args.list:
            for known in KNOWN_MODELS:
                print(f"{known.repo}\t{known.family}\t{known.note}")
            return OK
        plan = plan_download(args.repo or DEFAULT_REPO, timeout=args.timeout)
        report(PROG, f"{plan.repo}: {len(plan.files)} files, {plan.total_bytes / 1e6:,.1f} MB")
        report(PROG, f"licence: {plan.licence}")
        if not args.yes:
            if not sys.stdin.isatty():
                report(PROG, "add --yes to download it (size and licence above)")
                return FAILED
            answer = input(f"Download {plan.total_bytes / 1e6:,.0f} MB? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                report(PROG, "nothing downloaded")
                return FAILED
        bar = ProgressBar(plan.repo)
        try:
            model = download_model(plan, progress=bar, timeout=args.timeout)
        finally:
            bar.finish()
        print(_model_line(model))
        return OK

    return _packs_call(work)


def _packages_remove_model(args: argparse.Namespace) -> int:
    from translator.multilingual import remove_model

    def work() -> int:
        remove_model(args.name)
        report(PROG, f"removed the multilingual model {args.name}")
        return OK

    return _packs_call(work)


# ---- argument parsing ---------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"python -m {PROG}",
        description="Detect the language of articles, translate them offline with Argos "
                    "language packs, and manage the packs.",
    )
    common = argparse.ArgumentParser(add_help=False)
    add_verbose_flag(common)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    detect = commands.add_parser(
        "detect", parents=[common],
        help="print CODE<TAB>PROBABILITY<TAB>FILE per file (und: undetermined)",
    )
    detect.add_argument("files", nargs="+", metavar="FILE", help="text files; - is stdin")
    detect.set_defaults(run=_detect)

    translate = commands.add_parser(
        "translate", parents=[common], help="translate files; paragraphs separated by a blank line"
    )
    translate.add_argument("--source", default="auto", metavar="CODE|auto",
                           help="source language code, or auto to detect it (default)")
    translate.add_argument("--target", required=True, metavar="CODE",
                           help="target language code, e.g. en")
    translate.add_argument("--prefer-model", action="store_true",
                           help="use an installed multilingual model even if a pack exists")
    translate.add_argument("files", nargs="+", metavar="FILE", help="text files; - is stdin")
    translate.set_defaults(run=_translate)

    packages = commands.add_parser("packages", help="manage Argos language packs")
    actions = packages.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list", parents=[common], help="FROM<TAB>TO<TAB>VERSION<TAB>PATH per installed pack")
    listing.set_defaults(run=_packages_list)
    available = actions.add_parser(
        "available", parents=[common],
        help="FROM<TAB>TO<TAB>VERSION<TAB>SIZE<TAB>STATE per pack in the index",
    )
    available.add_argument("--timeout", type=float, default=10, help="seconds (default 10)")
    available.set_defaults(run=_packages_available)
    install = actions.add_parser(
        "install", parents=[common], help="download and install a pack from the index")
    install.add_argument("from_code", metavar="FROM")
    install.add_argument("to_code", metavar="TO")
    install.add_argument("--timeout", type=float, default=30, help="seconds (default 30)")
    install.set_defaults(run=_packages_install)
    install_file = actions.add_parser(
        "install-file", parents=[common],
        help="install a .argosmodel file, or a multilingual model (NLLB-200, M2M-100 in the "
             "CTranslate2 layout) from its folder or a zip",
    )
    install_file.add_argument("path", metavar="PATH")
    install_file.set_defaults(run=_packages_install_file)
    remove = actions.add_parser(
        "remove", parents=[common], help="remove an installed pack")
    remove.add_argument("from_code", metavar="FROM")
    remove.add_argument("to_code", metavar="TO")
    remove.set_defaults(run=_packages_remove)
    download = actions.add_parser(
        "download-model", parents=[common],
        help="download a multilingual model from Hugging Face (size and licence shown first)",
    )
    download.add_argument("repo", nargs="?", metavar="REPO",
                          help="owner/name on Hugging Face (default: the first of --list)")
    download.add_argument("--list", action="store_true", help="list known good models")
    download.add_argument("--yes", action="store_true", help="do not ask before downloading")
    download.add_argument("--timeout", type=float, default=30, help="seconds (default 30)")
    download.set_defaults(run=_packages_download_model)
    remove_model = actions.add_parser(
        "remove-model", parents=[common], help="remove a multilingual model"
    )
    remove_model.add_argument("name", metavar="NAME", help="its name in `packages list`")
    remove_model.set_defaults(run=_packages_remove_model)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return run_command(PROG, build_parser(), argv, lambda args: args.run(args))
