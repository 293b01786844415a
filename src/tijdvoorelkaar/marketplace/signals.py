"""Database plumbing only: keep the full-text index present after migrations."""

from django.db import connections


def ensure_index_after_migrate(sender, using="default", **kwargs):
    from .search import ensure_search_index

    ensure_search_index(connections[using])
