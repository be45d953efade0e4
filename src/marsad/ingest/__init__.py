"""Ingest: files, folders, archives and stdin in, ``Article`` objects (or input errors) out."""

from marsad.ingest.records import IngestOptions, article_id, make_article
from marsad.ingest.sources import read_inputs

__all__ = ["IngestOptions", "article_id", "make_article", "read_inputs"]
