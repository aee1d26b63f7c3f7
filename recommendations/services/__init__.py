"""Recommendations' services by capability: ``changes`` (every write), ``reads`` (read models for pages),
``charts`` (the scorecard) and ``exports`` (CSV)."""
