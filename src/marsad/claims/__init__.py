"""Claims: who says what in an article, and how surely (see docs/CLAIMS.md)."""

from marsad.claims.extract import ClaimExtractor, extract_claims
from marsad.claims.lookup import claim_at

__all__ = ["ClaimExtractor", "claim_at", "extract_claims"]
