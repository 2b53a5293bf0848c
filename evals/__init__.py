"""Measures Guichet: question sets, metrics, benchmarks."""
