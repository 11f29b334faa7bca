"""ISO 639-1 codes <-> the language tokens of multilingual models (NLLB-200, M2M-100).

The project names languages by ISO 639-1 code, as Argos packs do. NLLB-200 names them by
FLORES-200 code (language + script, e.g. `kaz_Cyrl`), M2M-100 by a token around the ISO code
(`__kk__`). Where a language has several FLORES variants, the one its press mostly writes is
chosen: Mongolian is Khalkha in Cyrillic (`khk_Cyrl`), Uzbek is Northern Uzbek in Latin
(`uzn_Latn`), Chinese is simplified (`zho_Hans`; `zt`, Argos's traditional Chinese, is
`zho_Hant`).
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


def to_m2m(code: str) -> str:
    """M2M-100's language token for an ISO 639-1 code ("kk" -> "__kk__")."""
    return f"__{(code or '').strip().lower()}__"


def from_m2m(token: str) -> str | None:
    """The ISO code inside an M2M-100 language token ("__kk__" -> "kk"), or None."""
    match = M2M_TOKEN.match(token)
    return match.group(1) if match else None
