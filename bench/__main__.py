"""`python -m bench [name ...]`: run the registered benchmarks (all by default) on a throwaway database."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys


def main(argv: list[str] | None = None) -> int:
    from bench import BENCHMARKS

    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "names",
        nargs="*",
        metavar="name",
        help=f"benchmarks to run (default: all of {', '.join(BENCHMARKS)})",
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(BENCHMARKS))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False  # no query log kept in memory while timing
    logging.disable(logging.INFO)  # login and loader messages would interleave with the table

    from bench.runner import Bench, print_table, throwaway_database

    figures = []
    with throwaway_database() as database:
        for name in args.names or BENCHMARKS:
            module = importlib.import_module(f"bench.{name}")
            bench = Bench(group=name)
            print(f"… {module.TITLE}", file=sys.stderr)
            module.run(bench)
            figures.extend(bench.figures)
    print_table(figures, database)
    return 0


if __name__ == "__main__":
    sys.exit(main())
