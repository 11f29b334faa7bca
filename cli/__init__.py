"""Every command line of the project (`news-digest`), on top beside app.py.

    from cli.main import main      # main(["summarize", "article.txt"]) -> exit status

`cli` may import digest and everything below it, never ui. Modules: `main` (the entry
point), `contract` (messages, exit status, input reading, argparse types), `options`
(options shared by commands), and one module per command group: `summarize`
(summarize, split), `translate` (detect, translate), `packages`, `library`, `batch`.
"""
