"""numpy_rng.py: numpy's side of lesson 09's benchmark.

bench-09-concentration runs this script (with Debian's /usr/bin/python3,
which has python3-numpy) once to learn what it runs, then once for each
timed run:

  numpy_rng.py version
      prints "numpy <version> (Python <version>), default_rng(): <bit
      generator>", or "unavailable: <why>" when numpy cannot be imported;
  numpy_rng.py uniform|normal size rounds seed
      fills a preallocated buffer of size doubles rounds times with
      default_rng(seed).random(out=buffer) or .standard_normal(out=buffer),
      after one untimed fill, and prints the seconds the rounds took and
      the values a second, measured here with time.perf_counter, so that
      neither the interpreter's start nor the import is counted.

The generator is numpy's default: PCG64 under a Generator, whose random()
takes the top 53 bits of a 64-bit output (as mc_unit does) and whose
standard_normal() is a ziggurat, both written in C, one value at a time.
"""
import platform
import sys
import time


def main(argv):
    try:
        import numpy as np
    except ImportError as error:
        print(f"unavailable: {error}")
        return 0
    if argv[1:] == ["version"]:
        rng = np.random.default_rng()
        print(f"numpy {np.__version__} (Python {platform.python_version()}), "
              f"default_rng(): {type(rng.bit_generator).__name__}")
        return 0
    fill_name, size, rounds, seed = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    rng = np.random.default_rng(seed)
    fill = {"uniform": rng.random, "normal": rng.standard_normal}[fill_name]
    buffer = np.empty(size, dtype=np.float64)
    fill(out=buffer)
    start = time.perf_counter()
    for _ in range(rounds):
        fill(out=buffer)
    seconds = time.perf_counter() - start
    print(f"{seconds!r} {size * rounds / seconds:.6g}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
