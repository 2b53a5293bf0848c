"""Where builds live in the data directory, and the atomic switch from one build to the next.

Each build is written into its own folder `indexes/<version>.partial`, renamed to
`indexes/<version>` once complete, and only then made current by replacing the one-line file
`CURRENT` (an atomic rename). A build that fails or is killed leaves only a `.partial` folder,
which the next build clears, and `CURRENT` still names the previous, complete index.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from indexing.errors import GuichetError

PARTIAL_SUFFIX = ".partial"
KEPT_BUILDS = 2


class IndexLayout:
    """The index folders of one data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.indexes_dir = data_dir / "indexes"
        self.current_file = data_dir / "CURRENT"

    def current_build(self) -> Path | None:
        """The folder of the index in service, or None if none was ever completed."""
        try:
            version = self.current_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        folder = self.indexes_dir / version
        return folder if version and folder.is_dir() else None

    def new_partial(self, version: str) -> Path:
        folder = self.indexes_dir / (version + PARTIAL_SUFFIX)
        folder.mkdir(parents=True)
        return folder

    def publish(self, partial: Path) -> Path:
        """Complete a build and make it the current index, atomically."""
        final = partial.with_name(partial.name.removesuffix(PARTIAL_SUFFIX))
        partial.rename(final)
        pointer = self.current_file.with_name("CURRENT.tmp")
        pointer.write_text(final.name + "\n", encoding="utf-8")
        with pointer.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(pointer, self.current_file)
        self._remove_old_builds(keep=final)
        return final

    def clear_partials(self) -> None:
        """Remove what interrupted builds left behind."""
        if self.indexes_dir.is_dir():
            for folder in self.indexes_dir.glob("*" + PARTIAL_SUFFIX):
                shutil.rmtree(folder, ignore_errors=True)

    def _remove_old_builds(self, keep: Path) -> None:
        # The previous build is kept too: a server started before the switch may still read it.
        builds = sorted((f for f in self.indexes_dir.iterdir()
                         if f.is_dir() and not f.name.endswith(PARTIAL_SUFFIX) and f != keep),
                        key=lambda f: f.stat().st_mtime, reverse=True)
        for folder in builds[KEPT_BUILDS - 1:]:
            shutil.rmtree(folder, ignore_errors=True)

    @contextmanager
    def build_lock(self) -> Iterator[None]:
        """One build at a time per data directory."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with (self.data_dir / "build.lock").open("w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise GuichetError(f"Another index build is running in {self.data_dir}; "
                                   "wait for it to finish, then try again.") from None
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
