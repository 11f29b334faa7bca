"""Between the job and the store: keep a processed article, bring it back, delete it."""
from __future__ import annotations

from digest.job import ArticleResult, Upload, read_upload
from digest.library.store import Deletion, Library, StoredArticle
from digest.steps import PLAIN, Steps
from languages.codes import UNDETERMINED


def keep(library: Library, result: ArticleResult, since: int | None = None) -> int | None:
    """Store a read article (once per content); its id, or None for a file that could not
    be read (nothing of it is kept). `since`: the deletion generation the result was read
    under (Library.add); DeletedMeanwhile when something was deleted after it."""
    if not result.ok or result.article is None:
        return None
    detected = result.detection.main.code if result.detection else UNDETERMINED
    article_id = library.add(
        result.upload.name,
        result.upload.data,
        result.article.text,
        encoding=result.article.encoding,
        title=result.article.title,
        detected=detected,
        language=result.language,
        since=since,
    )
    stored = library.get(article_id)
    if stored is None:
        return article_id
    if result.overridden:
        if stored.language != result.language:
            library.set_language(article_id, result.language)
    elif (stored.detected, stored.language) != (detected, detected) and detected != UNDETERMINED:
        # This reading's detection is the language in use: no earlier reading's (or older
        # detector's) answer may pass for the reader's choice.
        library.set_language(article_id, detected, detected=detected)
    return article_id


def upload_of(library: Library, article: StoredArticle) -> Upload | None:
    """The file as the reader gave it, to run the job on again."""
    original = library.original(article.id)
    return Upload(original[0], original[1]) if original else None


def sentences_of(library: Library, article: StoredArticle, steps: Steps = PLAIN) -> list[str]:
    """The article's sentences as the job split them (the translation memory's keys): read
    again from the original bytes by the job itself, in the article's language."""
    upload = upload_of(library, article)
    if upload is None:
        return []
    texts: dict[str, None] = {}
    # As the dashboard read it (each paragraph in its detected language), and as a CLI
    # given the language reads it: a sentence split either way may have been translated.
    # And with every encoding it was read with ("Read as" gives other sentences).
    encodings = [None, *(e for e in library.readings(article.id) if e)]
    results = (
        read_upload(upload, article.language, steps=steps, detect=detect, encoding=encoding)
        for encoding in encodings
        for detect in (True, False)
    )
    for result in results:
        if result.article is None:
            continue
        if result.article.title:
            texts[result.article.title] = None
        texts.update((sentence.text, None) for sentence in result.article.sentences)
    return list(texts)


def delete_for_good(library: Library, article_id: int, steps: Steps = PLAIN) -> Deletion:
    """Delete the article and the translations of its sentences from every file."""
    article = library.get(article_id)
    if article is None:
        return Deletion(0)
    return library.delete(article_id, sentences_of(library, article, steps))
