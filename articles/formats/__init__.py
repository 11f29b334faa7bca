"""One reader per file format; each turns bytes into a Document or raises ArticleError."""
