"""Would the test stories pass without TED? (a check for docs/speed.md, not a test)

Runs `rasa test core --stories <tests/test_*.yml> --fail-on-prediction-errors`
on the trained model in this process, with TEDPolicy's every prediction replaced
by "no prediction" (all zeros), as if TED were not in config.yml: the actions
then come from RulePolicy, MemoizationPolicy and the forms alone. Exit status 0:
every test story is still predicted without an error; the failed stories are
written to the output folder otherwise.

Usage: .venv/bin/python bench/without_ted.py [--out results/core-without-ted]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


SILENCED = [0]  # how many times TED was asked (and answered nothing)


def silence_ted() -> None:
    from rasa.core.policies.ted_policy import TEDPolicy

    def no_prediction(self: Any, tracker: Any, domain: Any, **_: Any) -> Any:
        SILENCED[0] += 1
        return self._prediction(self._default_predictions(domain))

    TEDPolicy.predict_action_probabilities = no_prediction  # type: ignore[method-assign]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(REPO / "results" / "core-without-ted"))
    args = parser.parse_args()
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    os.chdir(REPO)
    silence_ted()
    from rasa.__main__ import main as rasa_main

    with tempfile.TemporaryDirectory() as tmp:
        for story in sorted((REPO / "tests").glob("test_*.yml")):
            shutil.copy(story, tmp)
        sys.argv = [
            "rasa",
            "test",
            "core",
            "--stories",
            tmp,
            "--fail-on-prediction-errors",
            "--out",
            args.out,
        ]
        try:
            rasa_main()
        except SystemExit as stop:
            code = int(stop.code or 0)
        else:
            code = 0
    print(f"TED silenced: asked {SILENCED[0]} times, answered nothing; exit status {code}")
    return code


if __name__ == "__main__":
    sys.exit(main())
