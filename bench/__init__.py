"""Benchmarks: `python -m bench [name ...]` runs them on a throwaway database and prints a table of figures.

Each benchmark is a module in this package with a `TITLE` and a `run(bench: Bench) -> None` that records
figures with `bench.measure(...)`. Add a module name to BENCHMARKS to register it.
"""

BENCHMARKS: tuple[str, ...] = ("geography", "planning", "operations")
