"""Word, OpenDocument and PDF: is the article read back whole and in order?

Documents are built from the development news (English BBC articles; Russian
and Kazakh sentences in paragraphs of four), saved as .docx, .odt and .pdf
(with a running header and page numbers), then read with read_document. The
body is scored with the article-extraction benchmark's word-shingle F1
(bench/html_extraction.py); the title must come back exactly.

    .venv/bin/python -m bench.formats_f1
"""
from __future__ import annotations

import statistics
from pathlib import Path

from articles.reading import read_document
from bench.document_files import make_docx, make_odt, make_pdf
from bench.html_extraction import precision_recall

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if not DATA.is_dir():
    DATA = Path("/work/shared/data")


def news() -> list[tuple[str, str, list[str]]]:
    """(language, title, paragraphs) for each test article."""
    articles = []
    for path in sorted((DATA / "news-summaries-dev" / "article").glob("*/*.txt"))[:20]:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lines = [line for line in lines if line]
        articles.append(("en", lines[0], lines[1:]))
    for language in ("ru", "kk"):
        lines = (DATA / "sentences-dev" / f"{language}.txt").read_text(encoding="utf-8").split("\n")
        lines = [line.strip() for line in lines if line.strip()]
        for start in range(0, 200, 40):
            chunk = lines[start:start + 40]
            title = " ".join(chunk[0].split()[:7]).rstrip(".,:;")
            paragraphs = [" ".join(chunk[i:i + 4]) for i in range(1, len(chunk), 4)]
            articles.append((language, title, paragraphs))
    return articles


def main() -> None:
    builders = {"docx": make_docx, "odt": make_odt, "pdf": make_pdf}
    print(f"{'format':<8}{'lang':<6}{'files':>6}{'P':>8}{'R':>8}{'F1':>8}{'title':>8}")
    for kind, build in builders.items():
        for language in ("en", "ru", "kk"):
            scores, titles = [], []
            for lang, title, paragraphs in news():
                if lang != language:
                    continue
                document = read_document(build(title, paragraphs), f"news.{kind}")
                scores.append(precision_recall("\n\n".join(paragraphs), document.text))
                titles.append(document.title == title)
            p = statistics.mean(s[0] for s in scores)
            r = statistics.mean(s[1] for s in scores)
            print(f"{kind:<8}{language:<6}{len(scores):>6}{p:>8.4f}{r:>8.4f}"
                  f"{2 * p * r / (p + r):>8.4f}{sum(titles) / len(titles):>8.0%}")


if __name__ == "__main__":
    main()
