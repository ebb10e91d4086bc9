"""The hosted CI workflow: valid YAML that runs `.ci/run` with CI=true, within a time limit."""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
PYPROJECT = ROOT / "pyproject.toml"
CALLS_CI_RUN = re.compile(r"(^|[\s;&|])(bash\s+)?(\./)?\.ci/run(\s|$)", re.MULTILINE)


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps_running_ci(job: dict) -> list[dict]:
    return [step for step in job.get("steps", []) if CALLS_CI_RUN.search(step.get("run", ""))]


def _jobs_running_ci(workflow: dict) -> dict[str, dict]:
    return {name: job for name, job in workflow["jobs"].items() if _steps_running_ci(job)}


def test_workflow_is_valid_yaml_with_triggers_and_jobs():
    """ci.yml parses as YAML into a workflow with a name, triggers and at least one job."""
    workflow = _workflow()
    assert isinstance(workflow, dict) and workflow.get("name")
    # YAML 1.1 reads the bare key `on` as true.
    triggers = workflow.get("on", workflow.get(True))
    assert triggers and {"push", "pull_request"} <= set(triggers)
    assert isinstance(workflow.get("jobs"), dict) and workflow["jobs"]


def test_a_job_checks_out_the_course_and_calls_ci_run_with_ci_true():
    """Some job checks the course out, then runs .ci/run with CI=true, as every CI run does."""
    jobs = _jobs_running_ci(_workflow())
    assert jobs, "no step of .github/workflows/ci.yml runs .ci/run"
    workflow = _workflow()
    for name, job in jobs.items():
        steps = job["steps"]
        checkout = [
            i for i, step in enumerate(steps)
            if str(step.get("uses", "")).startswith("actions/checkout@")
        ]
        runs = [i for i, step in enumerate(steps) if CALLS_CI_RUN.search(step.get("run", ""))]
        assert checkout and checkout[0] < runs[0], f"job {name} runs .ci/run before checking out"
        for index in runs:
            env = {**workflow.get("env", {}), **job.get("env", {}), **steps[index].get("env", {})}
            assert str(env.get("CI", "")).lower() == "true", f"job {name}: CI is not 'true'"


def test_the_ci_job_has_a_time_limit_runs_on_ubuntu_and_covers_the_oldest_python():
    """The job stops after a set time, runs on Ubuntu, and tests the oldest Python that
    pyproject.toml's requires-python allows."""
    oldest = re.search(r'requires-python = ">=(3\.\d+)"', PYPROJECT.read_text("utf-8")).group(1)
    for name, job in _jobs_running_ci(_workflow()).items():
        assert 0 < int(job["timeout-minutes"]) <= 90, f"job {name} has no sensible timeout"
        assert str(job["runs-on"]).startswith("ubuntu"), f"job {name} does not run on Ubuntu"
        pythons = [str(p) for p in job.get("strategy", {}).get("matrix", {}).get("python", [])]
        assert oldest in pythons, f"job {name} does not test Python {oldest}"


def test_the_pattern_tells_a_call_of_ci_run_from_a_mention():
    """The check counts a command that runs .ci/run, not a comment or another script's name."""
    assert CALLS_CI_RUN.search("bash .ci/run")
    assert CALLS_CI_RUN.search("./.ci/run")
    assert CALLS_CI_RUN.search("set -e\n.ci/run\n")
    assert not CALLS_CI_RUN.search("make test")
    assert not CALLS_CI_RUN.search("bash .ci/run-lint")


def test_ci_run_is_an_executable_script():
    """.ci/run, which the workflow calls, exists and may be executed."""
    script = ROOT / ".ci" / "run"
    assert script.is_file() and os.access(script, os.X_OK)
    assert script.read_text(encoding="utf-8").startswith("#!")


def test_the_readme_badge_shows_this_workflow():
    """The README's CI badge points at this workflow file, so the badge shows its result."""
    badge = f"actions/workflows/{WORKFLOW.name}/badge.svg"
    assert badge in (ROOT / "README.md").read_text(encoding="utf-8")
