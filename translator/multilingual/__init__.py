"""Multilingual models (NLLB-200, M2M-100): the installed folders and their languages (models),
installing one (install), downloading one (download) and loading it for a pair (loading)."""
