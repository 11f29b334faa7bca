"""Where and when an article was published, when the file says so: its outlet and date.

- Web pages: `og:site_name`, `article:published_time`, `<meta name="date">` (and the usual
  kin: `pubdate`, `dc.date`, `itemprop="datePublished"`), JSON-LD `datePublished` and
  `publisher.name`; read from the head of the page only, with patterns that cannot cross
  a tag, so any page costs one linear pass over at most HEAD_CHARS.
- Word: the core properties (docProps/core.xml: created, else modified); its company
  (docProps/app.xml) is not taken for an outlet.
- OpenDocument: meta.xml (meta:creation-date, else dc:date).
- Any text: a dateline at its start ("ALMATY, March 3 (Reuters) –", "Астана, 3 марта –"),
  which also gives a place and an outlet in brackets.

Archives go through the same zip checks as reading (articles.formats.archive), so a file
that reading refuses costs nothing here either: it gives an empty Provenance.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

from articles.calendar import MONTH_OF

log = logging.getLogger(__name__)

HEAD_CHARS = 300_000
"""Characters of a web page looked at for its metadata (its head, and then some)."""
DATELINE_CHARS = 300
"""Characters of the text where a dateline may be."""
MAX_JSON_LD = 200_000


@dataclass(frozen=True)
class Provenance:
    """What a file says about its publication. `published` is None when it says nothing;
    `source` names where it was found ("og:site_name", "docx", "dateline"...)."""

    outlet: str = ""
    published: date | None = None
    place: str = ""
    source: str = ""

    def merged(self, other: Provenance) -> Provenance:
        """Self, with what it lacks taken from other."""
        return Provenance(
            outlet=self.outlet or other.outlet,
            published=self.published or other.published,
            place=self.place or other.place,
            source=self.source or other.source,
        )


# ---- dates -----------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")


def parse_date(value: str) -> date | None:
    """An ISO date ("2024-03-03T10:00:00+05:00"), a dotted one ("03.03.2024") or a written
    one ("3 марта 2024", "March 3, 2024"); None when it is none of these."""
    value = value.strip()
    match = _ISO.search(value)
    if match:
        return _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DOTTED.search(value)
    if match:
        return _date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    found = _written_date(value, None)
    return found[0] if found else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if 1900 <= year <= 2100 else None


_WORD = r"[^\W\d_]{3,}\.?"
_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})(?:-?(?:го|ші|шы|inchi))?[.\-]?\s*({_WORD})"
                        r"(?:\s*,?\s*(\d{4}))?")
_MONTH_DAY = re.compile(rf"({_WORD})\s+(\d{{1,2}})(?!\d)(?:\s*,?\s*(\d{{4}}))?")


def _written_date(text: str, default_year: int | None) -> tuple[date, re.Match[str]] | None:
    """The first "3 марта [2024]" / "March 3[, 2024]" in text; a date without a year takes
    default_year (none: not a date)."""
    candidates = []
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for match in pattern.finditer(text):
            month = MONTH_OF.get(match.group(month_group).lower().rstrip("."))
            if not month:
                continue
            year = int(match.group(3)) if match.group(3) else default_year
            if year is None:
                continue
            found = _date(year, month, int(match.group(day_group)))
            if found:
                candidates.append((match.start(), found, match))
                break
    if not candidates:
        return None
    _, found, match = min(candidates, key=lambda item: item[0])
    return found, match


# ---- datelines --------------------------------------------------------------------------

_DATELINE = re.compile(
    r"^\s*(?P<place>[^\W\d_][^\W\d_\- ]*(?:[\- ][^\W\d_]+){0,2})\s*[,.]\s+"
    r"(?P<rest>[^\n]{4,80}?)\s*(?:\((?P<outlet>[^()\n]{2,40})\))?\s*[–—-]{1,2}\s",
)


def dateline(text: str, added: date | None = None) -> Provenance:
    """The dateline at the start of an article: place, date (a date without a year is
    in the year of `added`, or the year before when that would put it after `added`) and
    the outlet in brackets."""
    return _dateline(text, added)[0]


def dateline_end(text: str) -> int:
    """Where the dateline at the start of `text` ends (0: none). Its place, outlet and
    date are the same in every report of that outlet or city that day: they say nothing
    about which event an article tells."""
    return _dateline(text, None)[1]


def _dateline(text: str, added: date | None) -> tuple[Provenance, int]:
    head = text[:DATELINE_CHARS].lstrip()
    offset = len(text[:DATELINE_CHARS]) - len(head)
    for line in head.split("\n")[:3]:
        match = _DATELINE.match(line + " ")
        start, offset = offset, offset + len(line) + 1
        if not match:
            continue
        reference = added or date.today()
        rest = match.group("rest")
        found = _written_date(rest, reference.year)
        if found and found[1].start() > 0:
            found = None  # "Президент сказал, что 3 марта –": a date inside a sentence
        published = found[0] if found else (parse_date(rest) if _DOTTED.match(rest) or
                                             _ISO.match(rest) else None)
        if published is None:
            outlet = rest.strip()
            if outlet.isupper() and _OUTLET_CAPS.fullmatch(outlet):
                # "АСТАНА. КАЗИНФОРМ –": the outlet in capitals, no date
                end = start + min(match.end(), len(line))
                return Provenance(outlet=outlet.title(), place=_place(match),
                                  source="dateline"), end
            continue
        if found and not re.search(r"\d{4}", rest) and published > reference:
            published = _date(published.year - 1, published.month, published.day)
        end = start + min(match.end(), len(line))
        return Provenance(outlet=(match.group("outlet") or "").strip(), published=published,
                          place=_place(match), source="dateline"), end
    return Provenance(), 0


_OUTLET_CAPS = re.compile(r"[^\W\d_]+(?:[ \-.][^\W\d_]+){0,2}")


def _place(match: re.Match[str]) -> str:
    place = match.group("place").strip()
    return place.title() if place.isupper() else place


# ---- web pages --------------------------------------------------------------------------

_META_TAG = re.compile(r"<meta\b[^<>]{0,2000}>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_JSON_LD = re.compile(r"<script\b[^<>]*application/ld\+json[^<>]*>", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "date",
              "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.date",
              "sailthru.date", "parsely-pub-date", "article.published")
_OUTLET_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher",
                "twitter:site")


def _attributes(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
            for m in _ATTRIBUTE.finditer(tag)}


def html_metadata(page: str) -> Provenance:
    """Outlet and date from a web page's meta tags and JSON-LD (its head only)."""
    head = page[:HEAD_CHARS]
    values: dict[str, str] = {}
    for tag in _META_TAG.finditer(head):
        attributes = _attributes(tag.group())
        key = (attributes.get("property") or attributes.get("name")
               or attributes.get("itemprop") or "").lower()
        content = attributes.get("content", "").strip()
        if key and content and key not in values:
            values[key] = content
    outlet, published, source = "", None, ""
    for key in _OUTLET_KEYS:
        if values.get(key):
            outlet, source = values[key].lstrip("@"), key
            break
    for key in _DATE_KEYS:
        if key in values:
            published = parse_date(values[key])
            if published:
                source = source or key
                break
    if not outlet or not published:
        ld_outlet, ld_published = _json_ld(head)
        outlet = outlet or ld_outlet
        if not published and ld_published:
            published, source = ld_published, source or "json-ld"
        source = source or ("json-ld" if ld_outlet else "")
    return Provenance(outlet=" ".join(outlet.split()), published=published, source=source)


def _json_ld(head: str) -> tuple[str, date | None]:
    outlet, published = "", None
    for opening in _JSON_LD.finditer(head):
        closing = _SCRIPT_END.search(head, opening.end())
        if not closing or closing.start() - opening.end() > MAX_JSON_LD:
            continue
        try:
            data = json.loads(head[opening.end():closing.start()])
        except (ValueError, RecursionError):
            continue
        for item in _items(data):
            if not published and isinstance(item.get("datePublished"), str):
                published = parse_date(item["datePublished"])
            publisher = item.get("publisher")
            if not outlet and isinstance(publisher, dict) and isinstance(
                    publisher.get("name"), str):
                outlet = publisher["name"]
    return outlet, published


def _items(data: object, depth: int = 0):
    """The JSON-LD objects of a block (a list, a @graph), a few levels deep."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data[:100]:
            yield from _items(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _items(data["@graph"], depth + 1)


# ---- Word and OpenDocument -----------------------------------------------------------------

_DCTERMS = "{http://purl.org/dc/terms/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"


def _archive_dates(data: bytes, name: str, kind: str) -> Provenance:
    from articles.decoding import ArticleError
    from articles.formats.archive import check_tags, open_archive, read_xml

    part, fields = (("docProps/core.xml", (f"{_DCTERMS}created", f"{_DCTERMS}modified"))
                    if kind == "docx" else
                    ("meta.xml", (f".//{_META}creation-date", f".//{_DC}date")))
    label = "Word" if kind == "docx" else "OpenDocument"
    try:
        with open_archive(data, name, label) as archive:
            if part not in archive.namelist():
                return Provenance()
            check_tags(archive, [part], name, label)
            tree = read_xml(archive, part, name, label)
    except ArticleError:
        return Provenance()
    for path in fields:
        found = tree.find(path if path.startswith(".") else f".//{path}")
        if found is not None and found.text:
            published = parse_date(found.text)
            if published:
                return Provenance(published=published, source=kind)
    return Provenance()


def file_metadata(data: bytes, name: str, text: str = "", added: date | None = None
                  ) -> Provenance:
    """Outlet and publication date of a file, from its own metadata, then from a dateline
    at the start of `text` (its body as read). An empty Provenance when it says nothing."""
    from articles.sniffing import sniff

    found = Provenance()
    try:
        kind = sniff(data, name)
        if kind == "html":
            found = html_metadata(data[: HEAD_CHARS * 4].decode("utf-8", errors="replace"))
        elif kind in ("docx", "odt"):
            found = _archive_dates(data, name, kind)
    except Exception:  # noqa: BLE001 - metadata is a bonus: a bad file gives none
        log.warning("%s: its metadata could not be read", name, exc_info=True)
    if text:
        found = found.merged(dateline(text, added))
    return found


def as_date(value: str | date | datetime | None) -> date | None:
    """A stored value back to a date."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    return parse_date(value)
