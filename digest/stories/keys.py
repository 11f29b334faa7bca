"""One key for one name, whatever the script and spelling: "Токаев", "Тоқаев", "Tokayev"
and "Tokaev" all become "tkv".

A name crosses scripts by transliteration (Cyrillic of Russian, Kazakh, Kyrgyz, Uzbek,
Tajik, Mongolian, Ukrainian and Belarusian -> Latin, one table for all), and spellings
of one name differ mostly in vowels, glides and digraphs (y/i/j, kh/h/x, sh/ş, ts/c), so
the key keeps a word's first letter and its consonants, each folded into a class. An
inflected form is reduced first: the case endings that hold a consonant (Russian -ым,
-ом; Kazakh -тың, -ға, -дан... when the letter before agrees with the ending) are cut,
as is a suffix after an apostrophe (Turkish "Tokayev'in", English "Clinton's") and an
elision before one (French "d'Obama").

`latin(text)` is the readable transliteration shown when a name was only seen in Cyrillic.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
    # Kazakh, Kyrgyz, Uzbek, Tajik, Bashkir, Tatar, Chuvash, Mongolian
    "ә": "a", "ғ": "g", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "і": "i", "ў": "o", "ҳ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u", "ҙ": "z", "ҫ": "s",
    "ӑ": "a", "ӗ": "e", "ӳ": "u", "ӓ": "a", "ӧ": "o", "ӱ": "u",
    # Ukrainian, Belarusian, Serbian, Macedonian
    "ї": "yi", "є": "ye", "ґ": "g", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
    "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
}  # fmt: skip
"""One Latin spelling per Cyrillic letter: readable, not any country's official system."""

_LATIN_EXTRA = {"ı": "i", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l",
                "þ": "th", "ð": "d", "ʻ": "", "ʼ": "", "'": "", "’": "", "`": ""}

# Spellings of one sound, longest first (upper case: a class already decided).
_DIGRAPHS = (
    ("shch", "S"), ("tsch", "C"), ("sch", "S"), ("dzh", "J"), ("tch", "C"), ("sh", "S"),
    ("ch", "C"), ("zh", "J"), ("kh", "H"), ("gh", "G"), ("ts", "C"), ("tz", "C"),
    ("ph", "F"), ("th", "T"), ("ck", "K"), ("dj", "J"), ("ng", "N"),
)
_DIGRAPH = re.compile("|".join(pattern for pattern, _ in _DIGRAPHS))
_DIGRAPH_MAP = dict(_DIGRAPHS)
_BARE_C = re.compile(r"c(?=([eiy])?)")
_CLASSES = str.maketrans({
    "q": "k", "x": "k", "h": "k", "w": "v", "z": "s", "y": "", "S": "s", "C": "c", "J": "j",
    "H": "k",
    "G": "g", "F": "f", "T": "t", "K": "k", "N": "n",
})  # fmt: skip
_VOWELS = frozenset("aeiouy")
_APOSTROPHE_SUFFIX = re.compile(r"['’ʼʻ`].*$")
_ELISION = re.compile(r"^[a-z]{1,2}['’]", re.IGNORECASE)  # l'Université, d'Obama, qu'Astana

TURKIC_ENDINGS: tuple[str, ...] = tuple(sorted({
    # Kazakh, Kyrgyz (Cyrillic): genitive, dative, accusative, locative, ablative, instrumental
    "ның", "нің", "дың", "дің", "тың", "тің", "нын", "нин", "дын", "дин", "тын", "тин",
    "нун", "нүн", "дун", "дүн", "тун", "түн",
    "ға", "ге", "қа", "ке", "на", "не", "га", "ка", "го", "гө", "ко", "кө",
    "ны", "ні", "ды", "ді", "ты", "ті", "ну", "нү", "ду", "дү", "ту", "тү", "ни",
    "да", "де", "та", "те", "нда", "нде", "до", "дө", "то", "тө",
    "дан", "ден", "тан", "тен", "нан", "нен", "дон", "дөн", "тон", "төн",
    "мен", "бен", "пен", "менен", "бенен", "пенен", "нинг",
    # Uzbek, Turkmen, Kazakh (Latin)
    "ning", "ga", "ka", "qa", "ni", "da", "dan", "ta", "tan", "nyň", "niň", "nyn", "nin",
    "den", "ten", "de", "te", "ge", "ke", "ny", "dy", "di", "ty", "ti", "men", "ben", "pen",
}, key=len, reverse=True))  # fmt: skip
"""Case endings of the Turkic languages (no Snowball stemmer), cut from a name's end when
the letter before agrees with the ending (voiceless before т/қ/к/п, voiced or a vowel
before д/ғ/г/б, a vowel or a nasal before н/м; Uzbek has one form of each) and at least
MIN_STEM letters are left."""

SLAVIC_ENDINGS: tuple[str, ...] = ("ого", "его", "ому", "ему", "ым", "им", "ом", "ем")
"""Russian (Ukrainian, Belarusian) case endings that hold a consonant (vowel endings vanish
in the key anyway): the instrumental of surnames and places, adjectives."""

MIN_STEM = 4
TURKIC = frozenset({"kk", "ky", "uz", "tk", "az", "tt", "ba", "ug", "tg", "mn"})
"""Languages whose names lose TURKIC_ENDINGS (Tajik and Mongolian suffix their cases too,
and the region's names are often Turkic)."""
SLAVIC = frozenset({"ru", "uk", "be", "bg"})
APOSTROPHE_LETTERS = frozenset({"uz", "kk", "tk"})
"""Languages whose apostrophes are parts of letters (oʻ, gʻ; Kazakh 2017 a', s')."""
_VOICELESS = frozenset("кқпстфхшщцчвkqpstfhxşçv")  # в: Тоқаевтың, Тоқаевқа
_VOICED_OR_VOWEL = frozenset("бвгғджзйлмнңрaeiouyаәеёиоөуұүыіэюяўbdgğjlmnrvwzäöüı")
_VOWEL_OR_NASAL = frozenset("аәеёиоөуұүыіэюяўaeiouyäöüıмнңmnñ")


def fold(text: str) -> str:
    """Lower case, Cyrillic transliterated, diacritics and apostrophes gone: "Тоқаев" ->
    "toqaev", "Şahin" -> "sahin"."""
    out: list[str] = []
    for char in text.lower():
        latin_ = CYRILLIC_TO_LATIN.get(char)
        if latin_ is None:
            latin_ = _LATIN_EXTRA.get(char)
        if latin_ is None:
            decomposed = unicodedata.normalize("NFKD", char)
            latin_ = "".join(c for c in decomposed if not unicodedata.combining(c))
        out.append(latin_)
    return "".join(out)


def latin(text: str) -> str:
    """A readable Latin spelling of a name seen in Cyrillic ("Тоқаев" -> "Toqaev"); Latin
    text (with its diacritics) is kept as it is."""
    out: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        spelled = CYRILLIC_TO_LATIN.get(lower)
        if spelled is None:
            out.append(char)
            continue
        if char != lower and spelled:
            following = text[index + 1:index + 2]
            whole_word_upper = following.isalpha() and following.isupper()
            spelled = spelled.upper() if whole_word_upper else spelled[0].upper() + spelled[1:]
        out.append(spelled)
    return "".join(out)


def _agrees(ending: str, before: str) -> bool:
    head = ending[0]
    if head in "тқкпtkqp":
        return before in _VOICELESS
    if head in "дғгбdgğb":
        return before in _VOICED_OR_VOWEL
    return before in _VOWEL_OR_NASAL


def without_apostrophes(word: str, language: str) -> str:
    """"l'Université" -> "Université", "Tokayev'in" -> "Tokayev", "Clinton’s" -> "Clinton";
    Uzbek "Oʻzbekiston" keeps its letters whole."""
    if language in APOSTROPHE_LETTERS:
        return word
    return _APOSTROPHE_SUFFIX.sub("", _ELISION.sub("", word))


@lru_cache(maxsize=200_000)
def reduce(word: str, language: str) -> str:
    """A name's word without its inflection: apostrophe suffixes and elisions cut, then the
    case endings of Slavic or Turkic languages (never below MIN_STEM letters); other
    languages inflect names little, and a name's vowels do not count in its key."""
    word = without_apostrophes(word.lower().replace("ё", "е"), language)
    if language == "uz":
        word = word.replace("x", "h")  # Uzbek x is Russian х: "Xorazm" / "Хорезм"
    if language in SLAVIC:
        for ending in SLAVIC_ENDINGS:
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= MIN_STEM + 1 and not (
                ending in ("ым", "им") and stem[-1] not in "нв"
            ):
                return stem
    elif language in TURKIC:
        for ending in TURKIC_ENDINGS:
            stem = word[: -len(ending)]
            if word.endswith(("стан", "stan")):
                break  # Қазақстан: -тан is the word's own
            if (word.endswith(ending) and len(stem) >= MIN_STEM
                    and (language == "uz" or _agrees(ending, stem[-1]))):
                return stem
    return word


def _bare_c(match: re.Match[str]) -> str:
    # Turkish c is j ("Caparov"), but Turkish text spells foreign names as they are
    # ("Clinton'un"): c is read as English and French read it, everywhere.
    return "s" if match.group(1) else "k"


@lru_cache(maxsize=400_000)
def skeleton(word: str) -> str:
    """The spelling-free form of one (reduced) word: folded to Latin, digraphs as one
    letter, a bare Latin c as k or s, the first letter kept, then consonants
    only, each in its class, doubled letters once ("tokayev", "toqaev" -> "tkv")."""
    folded = "".join(c for c in fold(word) if c.isalnum())
    if not folded or folded.isdigit():
        return folded
    folded = _DIGRAPH.sub(lambda m: _DIGRAPH_MAP[m.group(0)], folded)
    folded = _BARE_C.sub(_bare_c, folded).replace("x", "ks")  # Mexico / Мексика
    head, rest = folded[0], folded[1:]
    if head == "y" and rest[:1] in _VOWELS:  # "Yerlan" / "Ерлан", "Yusuf" / "Юсуф"
        head, rest = rest[0], rest[1:]
    if head in "yj" and rest[:1] not in _VOWELS:
        head = "i"
    if head in _VOWELS:
        head = "a"  # "Эбботсфорд" / "Abbotsford", "Oʻzbekiston" / "Uzbekistan"
    letters = [head.translate(_CLASSES) or head]
    letters += [c for c in rest.translate(_CLASSES) if c not in _VOWELS]
    out: list[str] = []
    for letter in letters:
        letter = letter.lower()
        if not out or out[-1] != letter:
            out.append(letter)
    return "".join(out)


def word_key(word: str, language: str) -> str:
    """The key of one word of a name in an article of `language`."""
    return skeleton(reduce(word, language))


CONNECTORS = frozenset({
    "of", "de", "du", "des", "la", "al", "el", "bin", "ibn", "van", "von", "der", "and",
    "и", "da", "di", "del", "le", "ve", "und", "et", "y", "e",
})
"""Small words inside a name ("University of North Carolina"): not part of its key."""


def name_key(name: str, language: str) -> str:
    """The key of a whole name: its words' keys, in order, without small words inside it
    or words whose key has a single letter ("Касым-Жомарт Токаев" -> "ksm-jmrt tkv")."""
    parts = []
    for word in name.split():
        if word.lower() in CONNECTORS:
            continue
        pieces = [word_key(piece, language) for piece in word.split("-") if piece]
        key = "-".join(piece for piece in pieces if len(piece) >= 2)
        if key:
            parts.append(key)
    return " ".join(parts)
