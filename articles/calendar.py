"""Month and weekday names of the region's languages and of the dev languages, so that
"March 3", "3 марта", "3-наурыз", "3 Mart" and "3. März" are one date, and none of these
words is taken for a name."""
from __future__ import annotations

MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "январь", "января", "январе", "қаңтар", "қаңтарда", "январда",
        "yanvar", "ocak", "januar", "janvier", "ýanwar", "январ", "январь", "ianuarie"),
    2: ("february", "feb", "февраль", "февраля", "феврале", "ақпан", "ақпанда", "февралда",
        "fevral", "şubat", "februar", "février", "fewral", "феврал"),
    3: ("march", "mar", "март", "марта", "марте", "наурыз", "наурызда", "мартта", "mart",
        "märz", "mars", "март"),
    4: ("april", "apr", "апрель", "апреля", "апреле", "сәуір", "сәуірде", "апрелде", "aprel",
        "nisan", "avril", "aprel", "апрел"),
    5: ("may", "май", "мая", "мае", "мамыр", "мамырда", "майда", "may", "mayıs", "mai",
        "maý"),
    6: ("june", "jun", "июнь", "июня", "июне", "маусым", "маусымда", "июнда", "iyun",
        "haziran", "juni", "juin", "iýun", "июн"),
    7: ("july", "jul", "июль", "июля", "июле", "шілде", "шілдеде", "июлда", "iyul",
        "temmuz", "juli", "juillet", "iýul", "июл"),
    8: ("august", "aug", "август", "августа", "августе", "тамыз", "тамызда", "августта",
        "avgust", "ağustos", "août", "awgust"),
    9: ("september", "sep", "sept", "сентябрь", "сентября", "сентябре", "қыркүйек",
        "қыркүйекте", "сентябрда", "sentabr", "sentyabr", "eylül", "septembre", "sentýabr",
        "сентябр"),
    10: ("october", "oct", "октябрь", "октября", "октябре", "қазан", "қазанда", "октябрда",
         "oktabr", "oktyabr", "ekim", "oktober", "octobre", "oktýabr", "октябр"),
    11: ("november", "nov", "ноябрь", "ноября", "ноябре", "қараша", "қарашада", "ноябрда",
         "noyabr", "kasım", "novembre", "noýabr", "ноябр"),
    12: ("december", "dec", "декабрь", "декабря", "декабре", "желтоқсан", "желтоқсанда",
         "декабрда", "dekabr", "aralık", "dezember", "décembre", "dekabr", "декабр"),
}
"""Month number -> its names (lower case) in en, ru, kk, ky, uz (both scripts), tr, de,
fr, tk; Kyrgyz and Uzbek Cyrillic use the Russian stems."""

MONTH_OF: dict[str, int] = {name: number for number, names in MONTHS.items() for name in names}

WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі",
    "dushanba", "seshanba", "chorshanba", "payshanba", "juma", "shanba", "yakshanba",
    "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
})
"""Weekday names (lower case): capitalised in some languages, never a name."""
