"""Writing files so that a crash, a full disk or a second click never leaves half a file.

Every export goes through :func:`atomic_write_bytes`: the bytes go to a hidden
temporary file in the *same* folder (so the final rename never crosses a file
system), are flushed and fsynced, and only then renamed over the target.  A
reader therefore sees either the old file or the complete new one.

Every ``OSError`` becomes an :class:`ExportError` whose one-line message names
the path and says what the editor can do about it; the GUI shows it in a
dialog and the CLI prints it, neither needs a traceback.
"""
from __future__ import annotations

import datetime
import errno
import os
import secrets
from pathlib import Path

from .core.load import KexieError

__all__ = ["ExportError", "InputGuard", "atomic_write_bytes", "atomic_write_text", "describe_os_error",
           "temp_files_for"]

_TEMP_ATTEMPTS = 8  # random temp names collide only by bad luck; retry a few times


class ExportError(KexieError):
    """Writing an exported file failed; the message is meant for the editor.

    ``errno`` is the operating system's error number when an OSError caused it.
    """

    def __init__(self, message: str, errno_: int | None = None):
        super().__init__(message)
        self.errno = errno_


def temp_files_for(path: str | os.PathLike) -> list[Path]:
    """Temporary files an interrupted atomic write of ``path`` may have left beside it."""
    target = Path(path)
    try:
        return sorted(target.parent.glob(f".{target.name}.*.tmp"))
    except OSError:
        return []


def describe_os_error(path: Path, exc: OSError) -> str:
    """One line naming ``path`` and the cause of ``exc`` in words an editor can act on.

    >>> describe_os_error(Path("/x/a.docx"), OSError(errno.ENOSPC, "No space left"))
    '/x/a.docx: cannot write the file: the disk is full'
    """
    code = exc.errno
    if code == errno.ENOENT:
        what = f"the folder {path.parent} does not exist"
    elif code == errno.EEXIST:
        return f"{path}: the file already exists and was left as it is"
    elif code == errno.EROFS:
        what = "the disk or folder is read-only"
    elif code in (errno.EACCES, errno.EPERM):
        what = ("permission denied (the folder is read-only, or the file is open in "
                "another program such as Word)")
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        what = "the disk is full"
    elif code == errno.ENAMETOOLONG:
        what = "the file name is too long"
    elif code == errno.EISDIR:
        what = "a folder with that name is in the way"
    elif code == errno.ENOTDIR:
        what = f"{path.parent} is not a folder"
    else:
        what = exc.strerror or str(exc) or type(exc).__name__
    return f"{path}: cannot write the file: {' '.join(str(what).split())}"


class InputGuard:
    """The files being read; an output is never one of them, whatever the flags.

    ``kexie clean d -o d --format txt --force`` would write ``d/p.txt`` over
    the page ``d/p.txt``.  A target is refused when its resolved path is an
    input's, or when it is the same file reached another way (a hard link, a
    case-insensitive file system): same device and inode.
    """

    def __init__(self, inputs=()):
        self._paths: set[str] = set()
        self._ids: set[tuple[int, int]] = set()
        for path in inputs:
            self.add(path)

    def add(self, path: str | os.PathLike) -> None:
        self._paths.add(os.path.realpath(path))
        try:
            st = os.stat(path)
        except OSError:
            return
        if st.st_ino:  # 0 where the file system has no inode numbers: the path comparison must do
            self._ids.add((st.st_dev, st.st_ino))

    def is_input(self, target: str | os.PathLike) -> bool:
        if os.path.realpath(target) in self._paths:
            return True
        try:
            st = os.stat(target)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) in self._ids

    def check(self, target: str | os.PathLike) -> None:
        """Raise :class:`ExportError` when ``target`` is one of the inputs."""
        if self.is_input(target):
            raise ExportError(f"{target}: this is one of the pages being read; an output never replaces its "
                              f"input (choose another output folder or format)", errno.EEXIST)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; skipped where folders cannot be opened (Windows)."""
    flag = getattr(os, "O_DIRECTORY", None)
    if flag is None:
        return
    try:
        fd = os.open(folder, os.O_RDONLY | flag)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (network, FUSE) refuse fsync on a folder
    finally:
        os.close(fd)


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """Open a new hidden temp file next to the target.

    Mode 0o666 lets the umask decide the final permissions, as for any file
    the editor saves (``tempfile.mkstemp`` would leave a private 0o600 file).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for attempt in range(_TEMP_ATTEMPTS):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            if attempt == _TEMP_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _publish(tmp: Path, path: Path, force: bool) -> None:
    """Move the finished temp file to ``path``.

    Without ``force`` a hard link publishes the file only if the name is still
    free, so a file created meanwhile by someone else is never overwritten.
    File systems without hard links (FAT, exFAT, some network shares) fall
    back to check-then-rename.
    """
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
        os.replace(tmp, path)
        return
    _remove_quietly(tmp)


def atomic_write_bytes(path: str | os.PathLike, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace a file unless ``force``.

    Returns the path written.  Raises :class:`ExportError` (never ``OSError``);
    the temporary file is removed whatever goes wrong.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(describe_os_error(path, OSError(errno.ENOENT, "No such folder")), errno.ENOENT)
    if path.is_dir():
        raise ExportError(describe_os_error(path, OSError(errno.EISDIR, "Is a folder")), errno.EISDIR)
    if not force and os.path.lexists(path):
        raise ExportError(describe_os_error(path, OSError(errno.EEXIST, "File exists")), errno.EEXIST)
    old_mode = None
    if force:
        try:
            old_mode = path.stat().st_mode & 0o7777
        except OSError:
            pass
    tmp = None
    try:
        fd, tmp = _create_temp(folder, path.name)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if old_mode is not None:
            try:
                os.chmod(tmp, old_mode)  # overwriting keeps the file's permissions
            except OSError:
                pass
        _publish(tmp, path, force)
        tmp = None
    except OSError as exc:
        raise ExportError(describe_os_error(path, exc), exc.errno) from exc
    finally:
        if tmp is not None:
            _remove_quietly(tmp)
    _fsync_folder(folder)
    return path


def atomic_write_text(path: str | os.PathLike, text: str, *, force: bool = False,
                      encoding: str = "utf-8", newline: str = "\n") -> Path:
    """Encode ``text`` (``\\n`` line ends become ``newline``) and write it atomically."""
    if newline != "\n":
        text = text.replace("\n", newline)
    return atomic_write_bytes(path, text.encode(encoding), force=force)


def stamped_sibling(path: Path, tag: str) -> Path:
    """A free name beside ``path`` that says what it is and when: ``page.kexie.json.bak-20261201-031500``
    (``-2``, ``-3``… when that name is taken), for a copy kept aside, never over another."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.{tag}-{stamp}")
    n = 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}.{tag}-{stamp}-{n}")
        n += 1
    return candidate
