"""Documents with everything a translated copy must keep, built when asked (tests, bench):
a Word file made with python-docx, an OpenDocument text written as its zip of XML parts,
a web page and a Markdown file. Each holds headings, a bulleted and a numbered list, a
table, bold and italic runs and a link; Word and OpenDocument also a header and a footer.
"""
from __future__ import annotations

import io
import zipfile

HEADING = "The parliament approved the new budget"
SECTION = "Prices and wages in the regions"
INTRO_PLAIN = "The government said on Monday that "
INTRO_BOLD = "prices for bread and fuel"
INTRO_MIDDLE = " rose again this week, and "
INTRO_ITALIC = "the minister promised new help"
INTRO_END = " for families."
LINK_BEFORE = "The full report is on "
LINK_TEXT = "the ministry website"
LINK_AFTER = " since this morning."
LINK_URL = "https://example.org/report"
BULLETS = ("Schools will open new classes in the autumn.",
           "Hospitals receive more money for doctors.")
NUMBERED = ("The budget goes to the senate next week.",
            "The president signs the law in December.")
TABLE = (("Region", "Prices", "Wages"),
         ("The northern region", "Prices rose quickly", "Wages stayed the same"),
         ("The southern region", "Prices fell slowly", "Wages rose a little"))
HEADER = "Daily news from the capital"
FOOTER = "Written by the news desk of the city"
CLOSING = "The next session of parliament opens in the spring."


PROSE = (
    "The committee met in the old building near the river and discussed the plan for "
    "the new roads, the schools and the hospitals of the region. ",
    "Several members asked how the money would reach the villages in the mountains, "
    "where the winter closes the roads for weeks. ",
    "The minister answered that the first payments would arrive before the end of the "
    "year and that the local councils would report every month. ",
    "Farmers and teachers who came to listen said they had heard such promises before, "
    "but they hoped that this time the work would really begin. ",
)


def word_document(pages: int = 1, prose: int = 0) -> bytes:
    """A .docx; `pages` repeats the body (a page break after each) for a long document,
    with `prose` more paragraphs of about 80 words (bold and italic runs) on each page."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.title = HEADING
    section = document.sections[0]
    section.header.paragraphs[0].text = HEADER
    section.footer.paragraphs[0].text = FOOTER
    for page in range(pages):
        document.add_heading(HEADING if page == 0 else f"{HEADING} ({page + 1})", level=1)
        intro = document.add_paragraph(INTRO_PLAIN)
        intro.add_run(INTRO_BOLD).bold = True
        intro.add_run(INTRO_MIDDLE)
        intro.add_run(INTRO_ITALIC).italic = True
        intro.add_run(INTRO_END)
        linked = document.add_paragraph(LINK_BEFORE)
        relation = document.part.relate_to(LINK_URL, RELATIONSHIP_TYPE.HYPERLINK,
                                           is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        properties.append(style)
        properties.append(underline)
        run.append(properties)
        text = OxmlElement("w:t")
        text.text = LINK_TEXT
        run.append(text)
        link.append(run)
        linked._p.append(link)
        linked.add_run(LINK_AFTER)
        document.add_heading(SECTION, level=2)
        for item in BULLETS:
            document.add_paragraph(item, style="List Bullet")
        for item in NUMBERED:
            document.add_paragraph(item, style="List Number")
        table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
        table.style = "Table Grid"
        for row, values in zip(table.rows, TABLE, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
        for number in range(prose):
            paragraph = document.add_paragraph(PROSE[number % 4] + PROSE[(number + 1) % 4])
            paragraph.add_run(PROSE[(number + 2) % 4]).bold = True
            paragraph.add_run(PROSE[(number + 3) % 4]).italic = True
        closing = document.add_paragraph(CLOSING)
        if page < pages - 1:
            closing.add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'office:version="1.3"'
)


def odt_document() -> bytes:
    """A .odt written as its parts: mimetype (first, stored), manifest, meta, styles (with
    a header and footer on the page), content."""
    rows = "".join(
        "<table:table-row>" + "".join(
            f'<table:table-cell office:value-type="string"><text:p text:style-name="Cell">'
            f"{value}</text:p></table:table-cell>" for value in values) + "</table:table-row>"
        for values in TABLE)
    bullets = "".join(f'<text:list-item><text:p text:style-name="ListText">{item}</text:p>'
                      "</text:list-item>" for item in BULLETS)
    numbered = "".join(f'<text:list-item><text:p text:style-name="ListText">{item}</text:p>'
                       "</text:list-item>" for item in NUMBERED)
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
        "<office:automatic-styles>"
        '<style:style style:name="Strong" style:family="text">'
        '<style:text-properties fo:font-weight="bold"/></style:style>'
        '<style:style style:name="Emphasis" style:family="text">'
        '<style:text-properties fo:font-style="italic"/></style:style>'
        "</office:automatic-styles>"
        "<office:body><office:text>"
        f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{HEADING}</text:h>'
        f'<text:p text:style-name="Text_20_body">{INTRO_PLAIN}'
        f'<text:span text:style-name="Strong">{INTRO_BOLD}</text:span>{INTRO_MIDDLE}'
        f'<text:span text:style-name="Emphasis">{INTRO_ITALIC}</text:span>{INTRO_END}</text:p>'
        f'<text:p text:style-name="Text_20_body">{LINK_BEFORE}<text:a xlink:type="simple" '
        f'xlink:href="{LINK_URL}">{LINK_TEXT}</text:a>{LINK_AFTER}</text:p>'
        f'<text:h text:style-name="Heading_20_2" text:outline-level="2">{SECTION}</text:h>'
        f'<text:list text:style-name="Bullets">{bullets}</text:list>'
        f'<text:list text:style-name="Numbers">{numbered}</text:list>'
        f'<table:table table:name="Regions"><table:table-column '
        f'table:number-columns-repeated="3"/>{rows}</table:table>'
        f'<text:p text:style-name="Text_20_body">{CLOSING}</text:p>'
        "</office:text></office:body></office:document-content>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODT_NS}>'
        '<office:styles><style:style style:name="Text_20_body" style:family="paragraph"/>'
        '<style:style style:name="Heading_20_1" style:family="paragraph"/>'
        '<style:style style:name="Heading_20_2" style:family="paragraph"/></office:styles>'
        '<office:automatic-styles><style:page-layout style:name="pm1"/>'
        "</office:automatic-styles>"
        '<office:master-styles><style:master-page style:name="Standard" '
        'style:page-layout-name="pm1">'
        f'<style:header><text:p text:style-name="Header">{HEADER}</text:p></style:header>'
        f'<style:footer><text:p text:style-name="Footer">{FOOTER}</text:p></style:footer>'
        "</style:master-page></office:master-styles></office:document-styles>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODT_NS}>'
        f"<office:meta><dc:title>{HEADING}</dc:title></office:meta></office:document-meta>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("meta.xml", meta, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("styles.xml", styles, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def web_page() -> bytes:
    """A saved news page: head with a title, article markup, a script that is not text."""
    bullets = "".join(f"<li>{item}</li>" for item in BULLETS)
    numbered = "".join(f"<li>{item}</li>" for item in NUMBERED)
    header = "".join(f"<th>{value}</th>" for value in TABLE[0])
    rows = "".join("<tr>" + "".join(f"<td>{value}</td>" for value in values) + "</tr>"
                   for values in TABLE[1:])
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{HEADING}</title>"
        '<script>var words = "not translated";</script></head><body><article>'
        f'<h1 class="headline">{HEADING}</h1>'
        f"<p>{INTRO_PLAIN}<strong>{INTRO_BOLD}</strong>{INTRO_MIDDLE}"
        f"<em>{INTRO_ITALIC}</em>{INTRO_END}</p>"
        f'<p>{LINK_BEFORE}<a href="{LINK_URL}" class="source">{LINK_TEXT}</a>{LINK_AFTER}</p>'
        f"<h2>{SECTION}</h2><ul>{bullets}</ul><ol>{numbered}</ol>"
        f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
        f"<p>{CLOSING}</p><pre><code>print('code stays')</code></pre>"
        "</article></body></html>\n"
    ).encode()


def markdown_file() -> bytes:
    """A Markdown article: headings, emphasis, a link, lists, a table, code."""
    table = [f"| {' | '.join(TABLE[0])} |", "|---|---|---|",
             *(f"| {' | '.join(values)} |" for values in TABLE[1:])]
    lines = [
        f"# {HEADING}", "",
        f"{INTRO_PLAIN}**{INTRO_BOLD}**{INTRO_MIDDLE}*{INTRO_ITALIC}*{INTRO_END}", "",
        f"{LINK_BEFORE}[{LINK_TEXT}]({LINK_URL}){LINK_AFTER}", "",
        f"## {SECTION}", "",
        *(f"- {item}" for item in BULLETS), "",
        *(f"{number}. {item}" for number, item in enumerate(NUMBERED, start=1)), "",
        *table, "",
        f"{CLOSING} Run `make report` to print it.", "",
        "```", "print('code stays')", "```", "",
    ]
    return "\n".join(lines).encode("utf-8")


def backwards(text: str) -> str:
    """Every word written backwards: a "translation" whose words can be told apart."""
    return " ".join(word[::-1] for word in text.split())


def backwards_steps():
    """The job's steps (digest.steps.PLAIN) translating every word backwards, any pair:
    the whole pipeline runs, and each run's words can be checked after translation."""
    from dataclasses import fields, replace

    from digest.steps import PLAIN, Steps

    def translate(sentences, source, target, prefer_model=False, **_):
        return tuple(backwards(sentence) for sentence in sentences)

    fakes = {"translate": translate, "can_translate": lambda source, target: True,
             "route": lambda *args: "", "script_note": lambda *args: "",
             "retry": lambda *args, **kwargs: None, "picked": lambda *args, **kwargs: {}}
    names = {field.name for field in fields(Steps)}
    return replace(PLAIN, **{name: step for name, step in fakes.items() if name in names})
