"""Environment defaults every process of the project's venv starts with.

`endpoints.yml` says `${ACTION_ENDPOINT_URL}`, which Rasa refuses to read when the
variable is unset. So that the standard Rasa commands (`rasa run`, `rasa shell`)
keep working from the repo root, `make setup` writes the line printed by
`python -m bot.envdefaults` into a `.pth` file of the venv: Python runs it at
start-up and it sets each variable below only when it is unset. `make run`
(bot/run.py) and the tests pass the deployment's value explicitly.
"""

from __future__ import annotations

DEFAULTS = {"ACTION_ENDPOINT_URL": "http://127.0.0.1:5055/webhook"}


def pth_line() -> str:
    """One line of Python for a `.pth` file: set each default that is still unset."""
    calls = "; ".join(f"os.environ.setdefault({key!r}, {value!r})" for key, value in DEFAULTS.items())
    return f"import os; {calls}"


if __name__ == "__main__":
    print(pth_line())
