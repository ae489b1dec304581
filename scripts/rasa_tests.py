"""Rasa's own tests: test stories (no prediction errors allowed) and the NLU floor.

Run by `make test-rasa`. Exits non-zero when a story is mispredicted or when
macro F1 on the held-out utterances (tests/nlu/held_out.yml, never trained on)
drops below the floor.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).parent / "rasa")
F1_FLOOR = 0.90


def run(args: list[str]) -> None:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    subprocess.run([RASA, *args], cwd=REPO, env=env, check=True)


def test_stories() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for story in sorted((REPO / "tests").glob("test_*.yml")):
            shutil.copy(story, tmp)
        run(["test", "core", "--stories", tmp, "--fail-on-prediction-errors", "--out", "results/core"])
    print("test stories: no prediction errors")


def test_nlu() -> float:
    run(["test", "nlu", "--nlu", "tests/nlu/held_out.yml", "--out", "results/nlu"])
    report = json.loads((REPO / "results/nlu/intent_report.json").read_text())
    f1 = float(report["macro avg"]["f1-score"])
    print(f"held-out NLU: macro F1 {f1:.3f}, accuracy {report['accuracy']:.3f} (floor {F1_FLOOR})")
    for name, scores in sorted(report.items()):
        if isinstance(scores, dict) and "f1-score" in scores and name not in ("macro avg", "weighted avg", "micro avg"):
            if scores["f1-score"] < 0.9:
                print(f"  weak intent {name}: F1 {scores['f1-score']:.2f} (n={scores['support']})")
    return f1


def main() -> int:
    test_stories()
    f1 = test_nlu()
    if f1 < F1_FLOOR:
        print(f"FAIL: held-out macro F1 {f1:.3f} is below {F1_FLOOR}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
