"""What a build hands its outputs: the checked dataset and its publication, through the settings
every Pelican generator receives (the way Pelican passes state to generators), not through
module globals an output would have to know about.

The application (app/plugin.py) puts a `BuildInputs` under `BUILD_SETTING` before Pelican makes
the generators; an output asks `inputs(settings)` and never imports the application.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from gongshi.model.dataset import Dataset
    from gongshi.publication import Publication

BUILD_SETTING = "GONGSHI_BUILD"


class BuildInputs(Protocol):
    """The one build's inputs, made lazily and once (app/plugin.py)."""

    @property
    def data_dir(self) -> str: ...

    def dataset(self) -> Dataset:
        """The validated dataset; raises when it has errors (nothing may be written)."""

    def publication(self) -> Publication:
        """The build's publication: one frozen public view per record, shared by every output."""

    def checked(self) -> Dataset:
        """The dataset once every check has run (waits for the checks): for the outputs that
        read findings (the compliance pages)."""


def inputs(settings: dict[str, Any]) -> BuildInputs:
    """The build inputs handed to the outputs in their settings."""
    found = settings.get(BUILD_SETTING)
    if found is None:
        raise LookupError(f"{BUILD_SETTING} is not set: gongshi's outputs run inside a gongshi build "
                          "(gongshi build, or Pelican with PLUGINS = ['gongshi'])")
    return found  # type: ignore[no-any-return]
