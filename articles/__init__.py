"""Bytes in -> Article; summaries out as plain text, digest and zip."""
