"""Build hook: ship the seed texts inside the package as ``kommunetekst/sample/*.txt``.

The report commands run on this sample corpus when they are given no input
(``kommunetekst cases --plot-ascii`` right after ``pip install``). The texts are
copied from ``seeds/`` at build time, so git keeps one copy only. Everything
else about the package is declared in pyproject.toml.

An editable install (``pip install -e .``) does not get the copy; it finds
``seeds/`` next to ``src/`` instead (see ``kommunetekst/cli/_report_input.py``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SEEDS = Path(__file__).resolve().parent / "seeds"


class BuildPyWithSample(build_py):  # type: ignore[misc]
    """``build_py`` that also copies ``seeds/*.txt`` into ``kommunetekst/sample/``."""

    def run(self) -> None:
        super().run()
        seeds = sorted(SEEDS.glob("*.txt"))
        if not seeds:
            raise SystemExit(
                f"setup.py: no sample texts in {SEEDS}; the package needs them (see MANIFEST.in)."
            )
        target = Path(self.build_lib) / "kommunetekst" / "sample"
        target.mkdir(parents=True, exist_ok=True)
        for stale in target.glob("*.txt"):
            stale.unlink()
        for path in seeds:
            shutil.copyfile(path, target / path.name)


setup(cmdclass={"build_py": BuildPyWithSample})
