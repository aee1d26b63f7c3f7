"""Benchmarks (``make bench``): page latency against a bare view, query counts across scales, PDF, sweep, load."""
