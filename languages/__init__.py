"""Language codes and names, detection, scripts and transliteration.

    from languages import detect_text_language, language_name, normalize_code

`import languages` is cheap: each name below loads its module on first use (the
detectors, py3langid and CLD2, only with detection). The modules: `codes`, `names`,
`detection` (+ `detectors`, `alphabets`), `scripts`, `transliteration`, `flores`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from articles.lazy import lazy_exports

if TYPE_CHECKING:
    from languages.codes import AUTO, UNDETERMINED, is_determined, is_language_code, normalize_code
    from languages.detection import (
        KNOWN,
        ArticleLanguage,
        Detection,
        ParagraphLanguage,
        detect_article_language,
        detect_language,
        detect_text_language,
        preload,
    )
    from languages.flores import from_flores, to_flores
    from languages.names import LANGUAGE_NAMES, language_name
    from languages.scripts import dominant_script, script_name, script_subtag, with_script
    from languages.transliteration import can_transliterate, script_tag, transliterate

__all__ = [
    "AUTO", "KNOWN", "LANGUAGE_NAMES", "UNDETERMINED", "ArticleLanguage", "Detection",
    "ParagraphLanguage", "can_transliterate", "detect_article_language", "detect_language",
    "detect_text_language", "dominant_script", "from_flores", "is_determined",
    "is_language_code", "language_name", "normalize_code", "preload", "script_name",
    "script_subtag", "script_tag", "to_flores", "transliterate", "with_script",
]

__getattr__, __dir__ = lazy_exports(__name__, {
    "languages.codes": ("AUTO", "UNDETERMINED", "is_determined", "is_language_code",
                        "normalize_code"),
    "languages.detection": ("KNOWN", "ArticleLanguage", "Detection", "ParagraphLanguage",
                            "detect_article_language", "detect_language",
                            "detect_text_language", "preload"),
    "languages.flores": ("from_flores", "to_flores"),
    "languages.names": ("LANGUAGE_NAMES", "language_name"),
    "languages.scripts": ("dominant_script", "script_name", "script_subtag", "with_script"),
    "languages.transliteration": ("can_transliterate", "script_tag", "transliterate"),
})
