"""Rasa's own tests: test stories (no prediction errors allowed) and the NLU floor.

Run by `make test-rasa`. Exits non-zero when a story is mispredicted, when
macro F1 on the held-out utterances (tests/nlu/held_out.yml, never trained on)
drops below the floor, or when macro F1 on the blind Welsh set
(tests/blind/welsh_nlu/, written before any Welsh training data) drops below
the Welsh floor.
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
sys.path.insert(0, str(REPO / "scripts"))
RASA = str(Path(sys.executable).parent / "rasa")
F1_FLOOR = 0.90
WELSH_F1_FLOOR = 0.85


def run(args: list[str]) -> None:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    subprocess.run([RASA, *args], cwd=REPO, env=env, check=True)


def test_stories() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for story in sorted((REPO / "tests").glob("test_*.yml")):
            shutil.copy(story, tmp)
        run(["test", "core", "--stories", tmp, "--fail-on-prediction-errors", "--out", "results/core"])
    print("test stories: no prediction errors")


def test_nlu(
    path: str = "tests/nlu/held_out.yml",
    out: str = "results/nlu",
    floor: float = F1_FLOOR,
    label: str = "held-out NLU",
) -> float:
    run(["test", "nlu", "--nlu", path, "--out", out])
    report = json.loads((REPO / out / "intent_report.json").read_text())
    f1 = float(report["macro avg"]["f1-score"])
    print(f"{label}: macro F1 {f1:.3f}, accuracy {report['accuracy']:.3f} (floor {floor})")
    for name, scores in sorted(report.items()):
        if (
            isinstance(scores, dict)
            and "f1-score" in scores
            and name not in ("macro avg", "weighted avg", "micro avg")
            and scores["f1-score"] < 0.9
        ):
            print(f"  weak intent {name}: F1 {scores['f1-score']:.2f} (n={scores['support']})")
    return f1


def test_welsh_nlu() -> float:
    """The blind Welsh set, written as {text, intent} lines, in Rasa's NLU format.

    Lines whose text is also in the training data are left out (see scripts/seen_in_training.py).
    """
    import yaml
    from seen_in_training import normalise, training_texts

    examples = yaml.safe_load((REPO / "tests/blind/welsh_nlu/examples.yml").read_text(encoding="utf-8"))[
        "examples"
    ]
    seen = training_texts()
    unseen = [e for e in examples if normalise(e["text"]) not in seen]
    print(
        f"blind Welsh NLU: {len(examples) - len(unseen)} of {len(examples)} lines left out (the same text "
        f"is in the training data); measured on the other {len(unseen)}"
    )
    by_intent: dict[str, list[str]] = {}
    for e in unseen:
        by_intent.setdefault(e["intent"], []).append(str(e["text"]))
    nlu = [
        {"intent": k, "examples": "".join(f"- {json.dumps(t, ensure_ascii=False)[1:-1]}\n" for t in v)}
        for k, v in by_intent.items()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "welsh_nlu.yml"
        path.write_text(yaml.safe_dump({"version": "3.1", "nlu": nlu}, allow_unicode=True), encoding="utf-8")
        return test_nlu(str(path), "results/nlu_cy", WELSH_F1_FLOOR, "blind Welsh NLU")


def main() -> int:
    test_stories()
    failed = False
    f1 = test_nlu()
    if f1 < F1_FLOOR:
        print(f"FAIL: held-out macro F1 {f1:.3f} is below {F1_FLOOR}")
        failed = True
    cy = test_welsh_nlu()
    if cy < WELSH_F1_FLOOR:
        print(f"FAIL: blind Welsh macro F1 {cy:.3f} is below {WELSH_F1_FLOOR}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
