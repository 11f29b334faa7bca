"""`news-digest detect` and `news-digest translate`: the language of article files, and
their offline translation.

    news-digest detect FILE...
    news-digest translate --source CODE|auto --target CODE [--prefer-model] FILE...
    news-digest translate --target CODE --output-format same --out DIR FILE...

`translate` goes through the dashboard's job (digest.job: analyse, then add_translation
of the whole article), so a file is translated exactly as the dashboard translates it: a
quoted paragraph whose language has no pack is left out with a note on stderr
(`news-digest: FILE: note`), not the whole file. The translation engine is imported only
when a translation is asked for, so `detect` starts fast.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from cli.contract import (
    STDIN,
    USAGE,
    Blocks,
    CommandError,
    display_name,
    for_each_file,
    read_input,
    report,
)
from cli.options import add_glossary_option, language_code, language_or_auto, read_glossary
from languages.codes import AUTO, is_determined

if TYPE_CHECKING:
    from digest.job import ArticleResult


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Add `detect` and `translate` to `news-digest`."""
    detect = commands.add_parser(
        "detect", parents=[common],
        help="print CODE<TAB>PROBABILITY<TAB>FILE per file (und: undetermined)",
    )
    detect.add_argument("files", nargs="+", metavar="FILE", help="text files; - is stdin")
    detect.set_defaults(run=_detect)

    translate = commands.add_parser(
        "translate", parents=[common], help="translate files; paragraphs separated by a blank line"
    )
    translate.add_argument("--source", type=language_or_auto, default=AUTO, metavar="CODE|auto",
                           help="source language code, or auto to detect it (default)")
    translate.add_argument("--target", type=language_code, required=True, metavar="CODE",
                           help="target language code, e.g. en")
    translate.add_argument("--prefer-model", action="store_true",
                           help="use an installed multilingual model even if a pack exists")
    translate.add_argument(
        "--output-format", choices=("text", "same"), default="text",
        help="text: the translation on standard output (default); same: each file "
             "translated as the same kind of file (Word, OpenDocument, web page, Markdown, "
             "text) into --out DIR as <name>.<target>.<ext>; a PDF's layout cannot be "
             "re-flowed, so its translated text is written as .docx")
    translate.add_argument("--out", type=Path, default=None, metavar="DIR",
                           help="folder for --output-format same (made if missing)")
    add_glossary_option(translate)
    translate.add_argument("files", nargs="+", metavar="FILE",
                           help="articles (text, Markdown, web page, Word, OpenDocument, PDF); "
                                "- is stdin")
    translate.set_defaults(run=_translate)


def _detect(args: argparse.Namespace) -> int:
    from digest.job import Upload, read_upload

    def detect_one(file: str) -> None:
        result = _refuse_failed(file, read_upload(Upload(file, read_input(file))))
        detection = result.detection.main
        print(f"{detection.code}\t{detection.probability:.4f}\t{display_name(file)}", flush=True)

    return for_each_file(args.files, detect_one)


def _translate(args: argparse.Namespace) -> int:
    from digest.documents import translate_document
    from digest.job import Upload

    source = args.source if is_determined(args.source) else None
    if args.output_format == "same":
        return _translate_files(args, source)
    if args.out is not None:
        raise CommandError("--out is for --output-format same", status=USAGE)
    blocks = Blocks(args.files)
    glossary = read_glossary(args.glossary)

    def translate_one(file: str) -> None:
        upload = Upload(file, read_input(file))
        translated = translate_document(upload, args.target, source, args.prefer_model,
                                        glossary=glossary)
        _refuse_failed(file, translated)
        if not is_determined(translated.language):
            raise CommandError(
                f"{display_name(file)}: could not determine its language; "
                "give it with --source CODE"
            )
        blocks.write_lines(file, [translated_text(file, translated)])
        if translated.translations and translated.translation_note:
            # "Paragraphs in English are not translated: ...", "Uzbek in Cyrillic was ..."
            report(f"{display_name(file)}: {translated.translation_note}")

    return for_each_file(args.files, translate_one)


def _translate_files(args: argparse.Namespace, source: str | None) -> int:
    """--output-format same: each file translated in its own format into --out DIR; the
    path written is printed, a note (a PDF given as .docx) goes to stderr."""
    from digest.formatted import FileNotTranslated, translate_file

    if args.out is None:
        raise CommandError("--output-format same needs --out DIR", status=USAGE)
    if args.out.exists() and not args.out.is_dir():
        raise CommandError(f"{display_name(str(args.out))}: not a folder", status=USAGE)
    args.out.mkdir(parents=True, exist_ok=True)
    glossary = read_glossary(args.glossary)

    def translate_one(file: str) -> None:
        name = "stdin" if file == STDIN else file
        try:
            translated = translate_file(name, read_input(file), source, args.target,
                                        prefer_model=args.prefer_model, glossary=glossary)
        except FileNotTranslated as error:
            raise CommandError(f"{display_name(file)}: {error.reason}") from None
        path = args.out / translated.name
        path.write_bytes(translated.data)
        print(display_name(str(path)), flush=True)
        if translated.note:
            report(f"{display_name(file)}: {translated.note}")

    return for_each_file(args.files, translate_one)


def translated_text(file: str, result: ArticleResult) -> str:
    """The translation as digest.documents joins it; CommandError when nothing could be
    translated (no pack for the pair, the engine failed)."""
    from digest.documents import translated_text as joined

    if result.missing_pair:
        raise CommandError(f"{display_name(file)}: {_missing_pair(*result.missing_pair)}")
    nothing = not result.translations and result.title_translation is None
    if nothing and result.language != result.target:
        raise CommandError(f"{display_name(file)}: {result.translation_reason}")
    return joined(result)


def _missing_pair(source: str, target: str) -> str:
    from languages.names import language_name
    from translator import install_advice  # the index cached on disk: no network

    return (
        f"No installed language pack or multilingual model translates "
        f"{language_name(source)} ({source}) to {language_name(target)} ({target}), "
        f"directly or through English. {install_advice(source, target)}"
    )


def _refuse_failed(file: str, result: ArticleResult) -> ArticleResult:
    if result.error:
        raise CommandError(f"{display_name(file)}: {result.error}")
    return result
