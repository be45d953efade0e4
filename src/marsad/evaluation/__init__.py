"""Evaluations of marsad's extractors against gold files (``marsad eval ...``)."""
