"""The architecture holds: the import contracts of pyproject.toml (also run by `make lint`),
the contract type that finds module cycles, and the size of the application's files."""

import importlib
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

from tests.import_contracts import strongly_connected_components

ROOT = Path(__file__).resolve().parent.parent
APPLICATION = ["metropolregion", "projects", "news", "events", "galleries", "testimonials"]
MAX_LINES = 400


def graph_of(imports):
    graph = grimp.ImportGraph()
    for importer, imported in imports:
        graph.add_import(importer=importer, imported=imported)
    return graph


def test_cycle_finder_finds_a_cycle_and_only_its_members():
    graph = graph_of(
        [
            ("app.models", "app.listing"),
            ("app.listing", "app.queries"),
            ("app.queries", "app.models"),  # closes the cycle
            ("app.views", "app.models"),  # above it, not in it
            ("app.queries", "core.clock"),  # below it
        ]
    )
    modules = {"app.models", "app.listing", "app.queries", "app.views", "core.clock"}
    assert strongly_connected_components(graph, modules) == [
        ["app.listing", "app.models", "app.queries"]
    ]


def test_cycle_finder_is_quiet_on_layers():
    graph = graph_of([("top", "middle"), ("middle", "bottom"), ("top", "bottom")])
    assert strongly_connected_components(graph, {"top", "middle", "bottom"}) == []


def test_cycle_finder_handles_a_long_chain_without_recursion():
    chain = [(f"m{n}", f"m{n + 1}") for n in range(3000)] + [("m3000", "m0")]
    cycles = strongly_connected_components(graph_of(chain), {f"m{n}" for n in range(3001)})
    assert len(cycles) == 1 and len(cycles[0]) == 3001


def test_import_contracts_are_kept():
    """The layers (core below the apps below the home page composition), the apps'
    independence and the absence of module cycles: `lint-imports` as `make lint` runs it."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(  # noqa: S603 - our own venv's tool, fixed arguments
        [str(lint_imports), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_no_stylesheet_template_or_script_over_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): lines
        for folder in ("static", "templates")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".css", ".js", ".html"}
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


@pytest.mark.parametrize("package", APPLICATION)
def test_no_application_file_over_400_lines(package):
    """Past ~400 lines a module becomes a package (STYLE.md); migrations and data files
    are not code anyone reads top to bottom."""
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


def modules_of(package):
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts or parts[:2] == ("metropolregion", "settings"):
            continue
        yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("package", [*APPLICATION, "demo"])
def test_every_module_imports(package):
    """A module no test reaches (a management command, the bench) still imports: a name
    moved elsewhere fails here, not on someone's `make bench`."""
    broken = {}
    for module in modules_of(package):
        if module in OWN_PROCESS:
            continue
        try:
            importlib.import_module(module)
        except Exception as error:
            broken[module] = repr(error)
    assert broken == {}


# Modules that run only in a process of their own: the rush's locustfile (locust patches the
# standard library with gevent on import, which must not happen inside the test process).
OWN_PROCESS = {"demo.bench.locustfile"}


@pytest.mark.parametrize("module", sorted(OWN_PROCESS))
def test_modules_of_their_own_process_import_there(module):
    import subprocess
    import sys

    result = subprocess.run(  # noqa: S603 - our own interpreter and module name
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
