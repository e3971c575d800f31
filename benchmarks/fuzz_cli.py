"""The long run of the command-line fuzz test (tests/cli/test_cli_fuzz.py).

CI runs that property with a fixed seed and 250 examples. This runs it with
random seeds and many more examples (default 5,000), the way a hostile tester
would hammer the command line: never a traceback, exit 0 or 2 with a message,
the database unchanged on 2. Prints the examples run and the time taken;
exits with pytest's status (a counterexample is printed by hypothesis).

    PYTHONPATH=. python benchmarks/fuzz_cli.py [--examples N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    args = parser.parse_args()
    env = {**os.environ, "BOOTHPOS_FUZZ_EXAMPLES": str(args.examples)}
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
            str(ROOT / "tests/cli/test_cli_fuzz.py"), "-k", "no_input",
        ],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    verdict = "PASS" if result.returncode == 0 else "FAILED"
    print(f"fuzz_cli: {args.examples} random examples in {elapsed:.0f} s: {verdict}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
