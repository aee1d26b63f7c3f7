"""Synthetic data at scale for benchmarks (``manage.py generate_bulk``); see ``bulk.generate``."""
