"""Measurement tools kept beside the product (not shipped): gold-label alignment, layout variation."""
