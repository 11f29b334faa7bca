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
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

PROG = "translator"
STDIN = "-"
STDIN_NAME = "standard input"
OK, FAILED, USAGE = 0, 1, 2


class CommandError(Exception):
    """A failure to report as `translator: message` with exit status 1."""


def _error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _display_name(file: str) -> str:
    return STDIN_NAME if file == STDIN else file


def _read_bytes(file: str) -> bytes:
    """The file's bytes, or CommandError naming it (missing, a directory, unreadable)."""
    if file == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(file).read_bytes()
    except FileNotFoundError:
        raise CommandError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{file}: is a directory") from None
    except PermissionError:
        raise CommandError(f"{file}: permission denied") from None
    except OSError as error:
        raise CommandError(f"{file}: {error.strerror or error}") from None


def _decode(file: str):
    """The file's decoded text; CommandError with the ArticleError's file and reason."""
    from articles.decoding import ArticleError, decode_bytes

    try:
        return decode_bytes(_read_bytes(file), file)
    except ArticleError as error:
        raise CommandError(str(error)) from None


def _article(file: str, decoded, language: str = "und"):
    """The decoded file as an Article, its sentences split by the language's rules."""
    from articles.building import build_article

    return build_article(file, decoded.text, language=language, encoding=decoded.encoding)


def _each_file(files: Sequence[str], work: Callable[[str], None]) -> int:
    """Run work on every file; a failing file is reported and the others still done."""
    status = OK
    for file in files:
        try:
            work(file)
        except CommandError as error:
            _error(str(error))
            status = FAILED
        except (BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as error:  # a bug must not cost the user the other files
            _error(f"{file}: unexpected error: {type(error).__name__}: {error}")
            status = FAILED
    return status


# ---- detect -------------------------------------------------------------------------------

def _detect(args: argparse.Namespace) -> int:
    from translator.detection import detect_text_language

    def detect_one(file: str) -> None:
        detection = detect_text_language(_decode(file).text).main
        print(f"{detection.code}\t{detection.probability:.4f}\t{file}", flush=True)

    return _each_file(args.files, detect_one)


# ---- translate ----------------------------------------------------------------------------

def _translate(args: argparse.Namespace) -> int:
    from translator.detection import detect_text_language
    from translator.packs import PackError

    source = args.source.strip().lower()
    target = args.target.strip().lower()
    headers = len(args.files) > 1
    first = [True]

    def translate_one(file: str) -> None:
        from translator.engine import translate_article

        decoded = _decode(file)
        code = source
        if code in ("auto", "und"):
            code = detect_text_language(decoded.text).main.code
            if code == "und":
                raise CommandError(
                    f"{file}: could not determine its language; give it with --source CODE"
                )
        article = _article(file, decoded, language=code)
        try:
            translation = translate_article(
                article, target, source=code, prefer_model=args.prefer_model
            )
        except PackError as error:
            raise CommandError(f"{file}: {error}") from None
        if headers:
            if not first[0]:
                print()
            print(f"==> {_display_name(file)} <==")
        first[0] = False
        print(translation.text, flush=True)

    return _each_file(args.files, translate_one)


# ---- packages -----------------------------------------------------------------------------

def _pack_line(pack) -> str:
    return f"{pack.from_code}\t{pack.to_code}\t{pack.version}\t{pack.path}"


def _packs_call(work: Callable[[], int]) -> int:
    from translator.packs import PackError

    try:
        return work()
    except PackError as error:
        _error(str(error))
        return FAILED


def _model_line(model) -> str:
    """NAME<TAB>FAMILY<TAB>PATH<TAB>LANGUAGES, e.g. `kk Kazakh (kaz_Cyrl), en English (...)`."""
    return f"{model.name}\t{model.family}\t{model.path}\t{model.describe_languages()}"


def _packages_list(args: argparse.Namespace) -> int:
    from translator.multilingual import installed_models, models_dir
    from translator.packs import installed_packs, packages_dir

    def work() -> int:
        packs = installed_packs()
        for pack in packs:
            print(_pack_line(pack))
        models = installed_models()
        for model in models:
            print(_model_line(model))
        if not packs and not models:
            _error(f"no language packs installed in {packages_dir()}, "
                   f"no multilingual model in {models_dir()}")
        return OK

    return _packs_call(work)


def _packages_available(args: argparse.Namespace) -> int:
    from translator.index import index_listing

    def work() -> int:
        listing = index_listing(timeout=args.timeout)
        if listing.offline_reason:
            _error(f"{listing.offline_reason} Showing the index as fetched on {listing.date}.")
        for pack in listing.packs:
            if pack.installed:
                state = f"installed {pack.installed_version}" if pack.installed_version \
                    != pack.version else "installed"
            else:
                state = "-"
            size = "" if pack.size_bytes is None else f"{pack.size_bytes}"
            print(f"{pack.from_code}\t{pack.to_code}\t{pack.version}\t{size}\t{state}")
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
        _error(f"{args.path}: no such file")
        return FAILED

    def work() -> int:
        if is_model_source(path):
            model = install_model(path, args.path)
            _error(licence_notice(model))
            print(_model_line(model))
        else:
            print(_pack_line(install_from_file(path)))
        return OK

    return _packs_call(work)


def _packages_remove(args: argparse.Namespace) -> int:
    from translator.packs import remove_pack

    def work() -> int:
        remove_pack(args.from_code, args.to_code)
        _error(f"removed the {args.from_code} → {args.to_code} pack")
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
        _error(f"{plan.repo}: {len(plan.files)} files, {plan.total_bytes / 1e6:,.1f} MB")
        _error(f"licence: {plan.licence}")
        if not args.yes:
            if not sys.stdin.isatty():
                _error("add --yes to download it (size and licence above)")
                return FAILED
            answer = input(f"Download {plan.total_bytes / 1e6:,.0f} MB? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                _error("nothing downloaded")
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
        _error(f"removed the multilingual model {args.name}")
        return OK

    return _packs_call(work)


# ---- argument parsing ---------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"python -m {PROG}",
        description="Detect the language of articles, translate them offline with Argos "
                    "language packs, and manage the packs.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    detect = commands.add_parser(
        "detect", help="print CODE<TAB>PROBABILITY<TAB>FILE per file (und: undetermined)"
    )
    detect.add_argument("files", nargs="+", metavar="FILE", help="text files; - is stdin")
    detect.set_defaults(run=_detect)

    translate = commands.add_parser(
        "translate", help="translate files; paragraphs separated by a blank line"
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
    listing = actions.add_parser("list", help="FROM<TAB>TO<TAB>VERSION<TAB>PATH per installed pack")
    listing.set_defaults(run=_packages_list)
    available = actions.add_parser(
        "available",
        help="FROM<TAB>TO<TAB>VERSION<TAB>SIZE<TAB>STATE per pack in the index",
    )
    available.add_argument("--timeout", type=float, default=10, help="seconds (default 10)")
    available.set_defaults(run=_packages_available)
    install = actions.add_parser("install", help="download and install a pack from the index")
    install.add_argument("from_code", metavar="FROM")
    install.add_argument("to_code", metavar="TO")
    install.add_argument("--timeout", type=float, default=30, help="seconds (default 30)")
    install.set_defaults(run=_packages_install)
    install_file = actions.add_parser(
        "install-file",
        help="install a .argosmodel file, or a multilingual model (NLLB-200, M2M-100 in the "
             "CTranslate2 layout) from its folder or a zip",
    )
    install_file.add_argument("path", metavar="PATH")
    install_file.set_defaults(run=_packages_install_file)
    remove = actions.add_parser("remove", help="remove an installed pack")
    remove.add_argument("from_code", metavar="FROM")
    remove.add_argument("to_code", metavar="TO")
    remove.set_defaults(run=_packages_remove)
    download = actions.add_parser(
        "download-model",
        help="download a multilingual model from Hugging Face (size and licence shown first)",
    )
    download.add_argument("repo", nargs="?", metavar="REPO",
                          help="owner/name on Hugging Face (default: the first of --list)")
    download.add_argument("--list", action="store_true", help="list known good models")
    download.add_argument("--yes", action="store_true", help="do not ask before downloading")
    download.add_argument("--timeout", type=float, default=30, help="seconds (default 30)")
    download.set_defaults(run=_packages_download_model)
    remove_model = actions.add_parser("remove-model", help="remove a multilingual model")
    remove_model.add_argument("name", metavar="NAME", help="its name in `packages list`")
    remove_model.set_defaults(run=_packages_remove_model)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # argparse: usage errors (2) and --help (0)
        return exit_.code if isinstance(exit_.code, int) else USAGE
    if hasattr(sys.stdout, "reconfigure"):
        # translations are printed whatever the terminal's locale
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    try:
        return args.run(args)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # `... | head`: the reader has gone; say nothing more, and let the final flush
        # of stdout go nowhere instead of raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return FAILED
    except Exception as error:  # the promise: no traceback reaches the user
        _error(f"unexpected error: {type(error).__name__}: {error}")
        return FAILED
