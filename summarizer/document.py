"""Article -> sumy's document model, with our segmentation instead of punkt's."""
from __future__ import annotations

from itertools import groupby

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

from articles.model import Article
from summarizer.tokenizer import ForeignWordTokenizer, WordTokenizer


def article_document(article: Article, with_title: bool = False) -> ObjectDocumentModel:
    """One sumy Paragraph per article paragraph, one sumy Sentence per article sentence.

    document.sentences is then exactly article.sentences, in order, so a chosen
    sentence's position is its index in the Article. With `with_title`, the
    title becomes a sumy heading: Edmundson reads headings, and sumy never
    returns a heading as a summary sentence. A paragraph in another language
    than the article's gets that language's stop words and stemmer.
    """
    tokenizer = WordTokenizer(article.language)
    tokenizers = {
        code: ForeignWordTokenizer(code)
        for code in set(article.paragraph_languages) - {article.language}
    }
    paragraphs = []
    for number, (index, group) in enumerate(
        groupby(article.sentences, key=lambda s: s.paragraph)
    ):
        own = tokenizers.get(article.paragraph_language(index), tokenizer)
        sentences = [Sentence(sentence.text, own) for sentence in group]
        if number == 0 and with_title and article.title:
            sentences.insert(0, Sentence(article.title, tokenizer, is_heading=True))
        paragraphs.append(Paragraph(sentences))
    if not paragraphs and with_title and article.title:
        paragraphs.append(Paragraph([Sentence(article.title, tokenizer, is_heading=True)]))
    return ObjectDocumentModel(paragraphs)
