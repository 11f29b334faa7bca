"""Which sentences may be summary sentences: not the headline again, not page furniture.

News files carry lines no reader wants in a summary: the headline repeated as
the first body line, bylines ("By John Smith", "Nury AMANOV", "Автор: ..."),
datelines, photo credits ("Фото: ...", "Getty Images"), "Read more" and
"Subscribe" lines, and the same sentence twice. Every algorithm rates those
like any other sentence (the repeated headline is often the best match of all),
so they are removed before ranking. The patterns cover en, ru, kk, uz (Latin
and Cyrillic), ky and tg.

HEADLINE_JACCARD and DUPLICATE_JACCARD sit above the highest similarities found
between a title and a body sentence, and between two different sentences, in the dev
news articles (bench/rouge_eval.py's set; the figures are in docs/summarizer.md).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

HEADLINE_JACCARD = 0.6
"""A sentence whose word set overlaps the title's this much (or more) repeats the headline."""
HEADLINE_CONTAINMENT = 0.8
"""... or whose words are this much the title's (the headline plus a site name, say)."""
DUPLICATE_JACCARD = 0.7
"""A sentence this close to an earlier kept one is the same sentence again."""
DUPLICATE_CHECKS = 50
"""Earlier sentences compared per sentence at most (those sharing its rarest word), so
checking duplicates stays linear in the sentence count."""
SHORT_LINE_WORDS = 12
"""Bylines, credits and subscribe lines are short; a longer sentence is text that mentions
them, or (until articles keeps line breaks) a credit glued to the next sentence, which
is kept rather than losing that sentence."""

REASONS = ("headline", "byline", "dateline", "credit", "boilerplate", "duplicate")

_WORD = re.compile(r"\w+")
_END = re.compile(r"[.!?…;:]['\"»”’)\]]*$")

_BYLINE_LABEL = re.compile(
    r"^(?:автор(?:ы)?|текст|подготовил(?:а|и)?|корреспондент|автордың|авторы|автору"
    r"|muallif|mualliflar|muxbir|муаллиф|мухбир|author|authors|reporter|text|photo and text)"
    r"(?:\s*:|\s+[\-—–])\s*\S",
    re.IGNORECASE,
)
"""A label and a colon or a spaced dash: "Автор: ...", "Muallif — ..." (not "Автор-исполнитель")."""
_BYLINE_BY = re.compile(
    r"^(?:by|written by|reporting by|reported by|text by|story by|words by)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
""""By" and then names only, up to a comma: "By John Smith", "By Jane Doe and Li Wei, BBC"."""
_NAME_JOINER = re.compile(r"^(?:and|&|и|ва|va|жана|және|de|van|von|al|el|bin|ibn)$", re.I)
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_][^\W\d_'’\-]*)$")

_CREDIT_START = re.compile(
    r"^(?:photo(?:s|graph)?|image|picture|illustration|credit|video"
    r"|фото(?:графия)?|иллюстрация|видео|сурет(?:тер)?|сүрөт|сурат|акс|aks|surat|rasm|расм|foto)"
    r"(?:\s*[:/©|]|\s+[\-—–]|\s+by\b|\s+автор|\s+муаллиф)",
    re.IGNORECASE,
)
_CREDIT_ANYWHERE = re.compile(
    r"©|getty images|shutterstock|afp photo|ap photo|epa-efe|reuters/|/reuters|/afp\b"
    r"|риа новости/|/риа новости|тасс/|/тасс|sputnik/|/sputnik",
    re.IGNORECASE,
)

_BOILERPLATE_PHRASE = re.compile(
    r"^(?:read more|read also|also read|see also|more on this|related articles|related stories"
    r"|subscribe|sign up|follow us|click here|share this"
    r"|читайте также|также читайте|читайте нас|читать далее|читать полностью|смотрите также"
    r"|подписывайтесь|подпишитесь|следите за нами|больше новостей|присоединяйтесь"
    r"|сондай-ақ оқыңыз|оқи отырыңыз|жазылыңыз|жазылып|бізді .{0,30}оқыңыз"
    r"|shuningdek o['‘’ʻ]?qing|obuna bo['‘’ʻ]?ling|kanalimizga obuna|шунингдек ўқинг|обуна бўлинг"
    r"|ошондой эле окуңуз|окуңуз|инчунин хонед|инчунин бихонед|обуна шавед|бештар хонед)\b",
    re.IGNORECASE,
)
_BOILERPLATE_WORD = re.compile(
    r"^(?:related|more|share|подробнее|далее|толығырақ|batafsil|батафсил|кененирээк|муфассал)"
    r"\s*(?:[:\-—–>»|→…]|$)",
    re.IGNORECASE,
)
_SOCIAL = re.compile(r"t\.me/|telegram|instagram|facebook|youtube|whatsapp|twitter|vk\.com", re.I)
_SUBSCRIBE = re.compile(r"subscri|follow|подпис|жазыл|obuna|обуна|kanal|канал", re.IGNORECASE)

_DATE_WORD = re.compile(
    r"^(?:\d+|january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun"
    r"|январ\w*|феврал\w*|март\w*|апрел\w*|май|мая|мае|июн\w*|июл\w*|август\w*|сентябр\w*"
    r"|октябр\w*|ноябр\w*|декабр\w*|понедельник\w*|вторник\w*|сред[аеуы]|четверг\w*|пятниц\w*"
    r"|суббот\w*|воскресень\w*|қаңтар\w*|ақпан\w*|наурыз\w*|сәуір\w*|мамыр\w*|маусым\w*"
    r"|шілде\w*|тамыз\w*|қыркүйек\w*|қазан\w*|қараша\w*|желтоқсан\w*|дүйсенбі|сейсенбі"
    r"|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі|yanvar\w*|fevral\w*|mart\w*|aprel\w*|iyun\w*"
    r"|iyul\w*|avgust\w*|sentabr\w*|sentyabr\w*|oktabr\w*|oktyabr\w*|noyabr\w*|dekabr\w*"
    r"|dushanba|seshanba|chorshanba|payshanba|juma|shanba|yakshanba"
    r"|г|гг|год|года|жыл|жылы|yil|yili|сол|соли|am|pm|utc|gmt|gmt\d*|utc\d*)$",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./\-]\d{1,2}[./\-]\d{2,4}\b|\b\d{1,2}:\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DATE_CONNECTOR = re.compile(r"^(?:of|the|de|и|ва|va|жана|және|от|in|at|в|во)$", re.IGNORECASE)


@dataclass(frozen=True)
class Rejected:
    """A sentence kept out of the summary: its position in the list given, and why."""

    index: int
    reason: str


def clean_candidates(
    title: str, sentences: Sequence[str]
) -> tuple[list[int], list[Rejected]]:
    """Split sentence positions into candidates and rejects, in document order.

    Of two duplicates the first is kept. Work is linear in the number of
    sentences (duplicate checks are bounded by DUPLICATE_CHECKS).
    """
    title_words = _word_set(title)
    kept: list[int] = []
    rejected: list[Rejected] = []
    seen = _SeenSentences()
    for index, text in enumerate(sentences):
        words = _word_set(text)
        reason = furniture_reason(text) or _headline_reason(words, title_words)
        if reason is None and seen.repeats(words, text):
            reason = "duplicate"
        if reason is None:
            seen.add(words, text)
            kept.append(index)
        else:
            rejected.append(Rejected(index, reason))
    return kept, rejected


def furniture_reason(text: str) -> str | None:
    """'byline', 'credit', 'boilerplate' or 'dateline' when the line is page furniture."""
    line = text.strip()
    tokens = line.split()
    if not tokens:
        return None
    short = len(tokens) <= SHORT_LINE_WORDS
    if short and (_CREDIT_START.match(line) or _CREDIT_ANYWHERE.search(line)):
        return "credit"
    if _is_byline(line, tokens):
        return "byline"
    if _BOILERPLATE_PHRASE.match(line) or _BOILERPLATE_WORD.match(line):
        return "boilerplate"
    if short and _SOCIAL.search(line) and _SUBSCRIBE.search(line):
        return "boilerplate"
    if _is_dateline(line):
        return "dateline"
    return None


def _is_byline(line: str, tokens: list[str]) -> bool:
    if len(tokens) > SHORT_LINE_WORDS:
        return False
    if _BYLINE_LABEL.match(line):
        return True
    by = _BYLINE_BY.match(line)
    if by:
        names = by.group("rest").split(",")[0].split()
        return 0 < len(names) <= 6 and all(_is_name(n) or _NAME_JOINER.match(n) for n in names)
    # a name alone on its line: 2-4 capitalised words, no sentence end ("Nury AMANOV")
    if not 2 <= len(tokens) <= 4 or _END.search(line):
        return False
    return all(_is_name(token.strip(",")) for token in tokens)


def _is_name(token: str) -> bool:
    return bool(_NAME_TOKEN.match(token)) and token[0].isupper()


def _is_dateline(line: str) -> bool:
    """Only a place, date, time, agency: 'ALMATY, Nov 27 (Reuters) -', '27 ноября 2026 г.'."""
    words = _WORD.findall(line)
    if not words or len(words) > 10:
        return False
    dates = [word for word in words if _DATE_WORD.match(word)]
    if not any(word.isdigit() for word in dates):
        return False
    named = any(not word.isdigit() for word in dates)  # a month, weekday, "г.", "UTC"...
    if not named and not (_NUMERIC_DATE.search(line) or _YEAR.search(line)):
        return False
    others = [w for w in words if not _DATE_WORD.match(w) and not _DATE_CONNECTOR.match(w)]
    return len(others) <= 4 and all(word[0].isupper() for word in others)


def _headline_reason(words: frozenset[str], title_words: frozenset[str]) -> str | None:
    if not words or not title_words:
        return None
    shared = len(words & title_words)
    if shared / len(words | title_words) >= HEADLINE_JACCARD:
        return "headline"
    if len(words) >= 3 and shared / len(words) >= HEADLINE_CONTAINMENT:
        return "headline"
    return None


def _word_set(text: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in _WORD.findall(text))


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return float(left == right)
    shared = len(left & right)
    return shared / (len(left) + len(right) - shared)


class _SeenSentences:
    """Kept sentences, found again by exact text or by a shared word (for near duplicates).

    A near duplicate (Jaccard >= DUPLICATE_JACCARD) shares most words, so it is
    looked up through each of its words' lists, newest first, at most
    DUPLICATE_CHECKS comparisons in all.
    """

    def __init__(self) -> None:
        self.texts: set[str] = set()
        self.word_sets: list[frozenset[str]] = []
        self.by_word: dict[str, list[int]] = {}

    def repeats(self, words: frozenset[str], text: str) -> bool:
        if _normal(text) in self.texts:
            return True
        if not words:
            return False
        checked: set[int] = set()
        for word in sorted(words, key=lambda w: len(self.by_word.get(w, ()))):
            for position in reversed(self.by_word.get(word, ())):
                if len(checked) >= DUPLICATE_CHECKS:
                    return False
                if position in checked:
                    continue
                checked.add(position)
                other = self.word_sets[position]
                if min(len(words), len(other)) < DUPLICATE_JACCARD * max(len(words), len(other)):
                    continue  # sizes alone rule it out: Jaccard <= smaller / larger
                if _jaccard(words, other) >= DUPLICATE_JACCARD:
                    return True
        return False

    def add(self, words: frozenset[str], text: str) -> None:
        self.texts.add(_normal(text))
        position = len(self.word_sets)
        self.word_sets.append(words)
        for word in words:
            self.by_word.setdefault(word, []).append(position)


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))
