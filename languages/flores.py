"""ISO 639-1 codes <-> the language tokens of multilingual models (NLLB-200, M2M-100).

The project names languages by ISO 639-1 code, as Argos packs do. NLLB-200 names them by
FLORES-200 code (language + script, e.g. `kaz_Cyrl`), M2M-100 by a token around the ISO code
(`__kk__`). Where a language has several FLORES variants, the one its press mostly writes is
chosen: Mongolian is Khalkha in Cyrillic (`khk_Cyrl`), Uzbek is Northern Uzbek in Latin
(`uzn_Latn`), Chinese is simplified (`zho_Hans`; `zt`, Argos's traditional Chinese, is
`zho_Hant`).

A model's language token also names a script: Uzbek text in Cyrillic or Kazakh in Latin is
transliterated before a model that knows the other script reads it (languages.transliteration;
translator.engine decides). `uzs_Arab` (Southern Uzbek, Afghanistan) is never used for the
Uzbek of Uzbekistan.
"""
from __future__ import annotations

import re

ISO_TO_FLORES: dict[str, str] = {
    "af": "afr_Latn", "am": "amh_Ethi", "ar": "arb_Arab", "az": "azj_Latn", "ba": "bak_Cyrl",
    "be": "bel_Cyrl", "bg": "bul_Cyrl", "bn": "ben_Beng", "bs": "bos_Latn", "ca": "cat_Latn",
    "cs": "ces_Latn", "cy": "cym_Latn", "da": "dan_Latn", "de": "deu_Latn", "el": "ell_Grek",
    "en": "eng_Latn", "eo": "epo_Latn", "es": "spa_Latn", "et": "est_Latn", "eu": "eus_Latn",
    "fa": "pes_Arab", "fi": "fin_Latn", "fr": "fra_Latn", "ga": "gle_Latn", "gl": "glg_Latn",
    "gu": "guj_Gujr", "he": "heb_Hebr", "hi": "hin_Deva", "hr": "hrv_Latn", "hu": "hun_Latn",
    "hy": "hye_Armn", "id": "ind_Latn", "is": "isl_Latn", "it": "ita_Latn", "ja": "jpn_Jpan",
    "ka": "kat_Geor", "kk": "kaz_Cyrl", "km": "khm_Khmr", "kn": "kan_Knda", "ko": "kor_Hang",
    "ky": "kir_Cyrl", "lt": "lit_Latn", "lv": "lvs_Latn", "mk": "mkd_Cyrl", "ml": "mal_Mlym",
    "mn": "khk_Cyrl", "mr": "mar_Deva", "ms": "zsm_Latn", "my": "mya_Mymr", "nb": "nob_Latn",
    "ne": "npi_Deva", "nl": "nld_Latn", "pa": "pan_Guru", "pl": "pol_Latn", "ps": "pbt_Arab",
    "pt": "por_Latn", "ro": "ron_Latn", "ru": "rus_Cyrl", "si": "sin_Sinh", "sk": "slk_Latn",
    "sl": "slv_Latn", "so": "som_Latn", "sq": "als_Latn", "sr": "srp_Cyrl", "sv": "swe_Latn",
    "sw": "swh_Latn", "ta": "tam_Taml", "te": "tel_Telu", "tg": "tgk_Cyrl", "th": "tha_Thai",
    "tk": "tuk_Latn", "tl": "tgl_Latn", "tr": "tur_Latn", "tt": "tat_Cyrl", "ug": "uig_Arab",
    "uk": "ukr_Cyrl", "ur": "urd_Arab", "uz": "uzn_Latn", "vi": "vie_Latn", "zh": "zho_Hans",
    "zt": "zho_Hant",
}
"""One FLORES-200 code per ISO 639-1 code the project may meet."""

M2M100_LANGUAGES: frozenset[str] = frozenset(
    "af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en es et fa ff fi fr fy ga gd gl gu "
    "ha he hi hr ht hu hy id ig ilo is it ja jv ka kk km kn ko lb lg ln lo lt lv mg mk ml mn mr "
    "ms my ne nl no ns oc or pa pl ps pt ro ru sd si sk sl so sq sr ss su sv sw ta th tl tn tr uk "
    "ur uz vi wo xh yi yo zh zu".split()
)
"""The 100 languages of M2M-100 (its model card's list; tokens `__kk__`). Not among them:
Kyrgyz, Turkmen, Uyghur, Tatar, Tajik. An installed model's own vocabulary is what routes
use (translator.multilingual.language_tokens); this list is for advice before any is installed."""

M2M100_SCRIPTS: dict[str, str] = {"uz": "Latn", "kk": "Cyrl", "mn": "Cyrl", "az": "Latn",
                                  "sr": "Cyrl", "zh": "Hans"}
"""The script M2M-100's token of a language stands for, where the language has several."""

FLORES_ALIASES: dict[str, str] = {"no": "nob_Latn"}
"""ISO codes that share another code's FLORES variant (Norwegian is written Bokmål)."""

FLORES_TO_ISO: dict[str, str] = {flores: iso for iso, flores in ISO_TO_FLORES.items()}

FLORES_CODE = re.compile(r"^[a-z]{3}_[A-Z][a-z]{3}$")
M2M_TOKEN = re.compile(r"^__([a-z]{2,3})__$")


def to_flores(code: str) -> str | None:
    """The FLORES-200 code for an ISO 639-1 code ("kk" -> "kaz_Cyrl"), or None."""
    code = (code or "").strip().lower()
    return ISO_TO_FLORES.get(code) or FLORES_ALIASES.get(code)


def from_flores(flores: str) -> str | None:
    """The ISO 639-1 code for a FLORES-200 code ("khk_Cyrl" -> "mn"), or None if not mapped."""
    return FLORES_TO_ISO.get(flores)


def m2m_covers(code: str) -> bool:
    """Whether M2M-100 has a token for an ISO 639-1 code ("ky" -> False)."""
    return (code or "").strip().lower() in M2M100_LANGUAGES


def default_script(code: str) -> str:
    """The ISO 15924 script the project's FLORES variant of a language is written in
    ("uz" -> "Latn", "kk" -> "Cyrl"), "" for a code not in the table."""
    flores = to_flores(code)
    return flores.split("_")[1] if flores else ""


def token_script(token: str, code: str) -> str:
    """The script a model's language token expects: the FLORES code's own ("uzn_Latn" ->
    "Latn"); for an M2M-100 token (`__uz__`), the script its training text was in."""
    if FLORES_CODE.match(token or ""):
        return token.split("_")[1]
    code = (code or "").strip().lower()
    return M2M100_SCRIPTS.get(code) or default_script(code)


def to_m2m(code: str) -> str:
    """M2M-100's language token for an ISO 639-1 code ("kk" -> "__kk__")."""
    return f"__{(code or '').strip().lower()}__"


def from_m2m(token: str) -> str | None:
    """The ISO code inside an M2M-100 language token ("__kk__" -> "kk"), or None."""
    match = M2M_TOKEN.match(token)
    return match.group(1) if match else None
