"""Where builds live in the data directory, and the atomic switch from one build to the next.

Each build is written into its own folder `indexes/<version>.partial`, renamed to
`indexes/<version>` once complete, and only then made current by replacing the one-line file
`CURRENT` (an atomic rename). A build that fails or is killed leaves only a `.partial` folder,
which the next build clears when it starts, and `CURRENT` still names the previous index.

A process that serves a build holds a lease on it: a shared lock on the build's `in-use` file.
Old builds are removed only when nobody holds one, so a server keeps answering from the build it
opened until it has switched to the new one and its last request on the old one has finished. The
kernel drops the locks of a process that dies, so a crash never pins a build forever.
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
LEASE_FILE = "in-use"


class BuildLease:
    """A shared hold on one build folder; `release()` lets it be removed once unused."""

    def __init__(self, build: Path) -> None:
        self.build = build
        self._handle = (build / LEASE_FILE).open("a")
        fcntl.flock(self._handle, fcntl.LOCK_SH)

    def release(self) -> None:
        if not self._handle.closed:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()


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
        self.remove_unused_builds()
        return final

    def clear_partials(self) -> None:
        """Remove what interrupted builds left behind."""
        if self.indexes_dir.is_dir():
            for folder in self.indexes_dir.glob("*" + PARTIAL_SUFFIX):
                shutil.rmtree(folder, ignore_errors=True)

    def lease(self, build: Path) -> BuildLease:
        return BuildLease(build)

    def remove_unused_builds(self) -> list[Path]:
        """Remove every complete build but the current one that no process holds a lease on."""
        current = self.current_build()
        removed = []
        if not self.indexes_dir.is_dir():
            return removed
        for folder in self.indexes_dir.iterdir():
            if folder == current or not folder.is_dir() or folder.name.endswith(PARTIAL_SUFFIX):
                continue
            if _unleased(folder):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        return removed

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


def _unleased(build: Path) -> bool:
    """True when no process holds a lease (taking the lock exclusively succeeds)."""
    with (build / LEASE_FILE).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True
