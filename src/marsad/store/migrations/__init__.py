"""Alembic migrations of marsad's schema; run by ``Store.open`` and ``marsad db upgrade``."""
