"""PDF press releases built in the tests and the benches: a running header and page
numbers on every page, as agencies' releases have, in DejaVu Sans (Debian package
fonts-dejavu-core) so that Cyrillic and Kazakh letters print."""
from __future__ import annotations

from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def make_pdf(
    title: str,
    paragraphs: list[str],
    header: str = "News Agency | Press release",
    page_number: str = "{}",
) -> bytes:
    """A PDF with `title` set large, then the paragraphs; `page_number` formats the
    footer ("{}" -> "3", "Page {}" -> "Page 3")."""
    from fpdf import FPDF

    class Release(FPDF):
        def header(self) -> None:
            self.set_font("body", size=8)
            self.cell(0, 8, header, align="C")
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("body", size=8)
            self.cell(0, 10, page_number.format(self.page_no()), align="C")

    pdf = Release()
    pdf.add_font("body", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("body", size=16)
    pdf.multi_cell(0, 9, title)
    pdf.ln(4)
    pdf.set_font("body", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph)
        pdf.ln(3)
    return bytes(pdf.output())
