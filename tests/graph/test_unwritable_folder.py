"""An embedded store in a folder this user may not write: said as such, naming the folder, the user, its owner and
mode, in English and Chinese, with a non-zero exit (ops user test: a read-only folder read "cannot create the data
directory", and a file in it the user could not remove ended in a traceback)."""

from __future__ import annotations

import errno
import os
import pwd
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import embedded
from graph.embedded import EmbeddedServer, not_writable
from graph.store import StoreError

REPO = Path(__file__).resolve().parents[2]
USER = pwd.getpwuid(os.geteuid()).pw_name


def _said(path: str, kind: str, why: str, why_zh: str, creating: str = "") -> tuple[str, str]:
    lead, lead_zh = (f"cannot create {creating}: ", f"无法创建 {creating}：") if creating else ("", "")
    return (f"{lead}the {kind[0]} {path} is not writable by user {USER} ({why}): the embedded store writes in its "
            f"folder, even to read; let {USER} write there (chown -R, chmod) or run as a user who can",
            f"{lead_zh}{kind[1]} {path} 不可写：用户 {USER} 无法写入（{why_zh}）。嵌入式图数据库即使只读查询也要在其"
            f"文件夹中写入：请让 {USER} 可以写入（chown -R、chmod），或换用有写入权限的用户运行")


FOLDER, FILE = ("folder", "文件夹"), ("file", "文件")


def test_the_message_names_the_folder_the_user_its_owner_and_mode(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        said = not_writable(folder, PermissionError(errno.EACCES, "Permission denied", str(folder)))
        assert (str(said), said.zh) == _said(str(folder), FOLDER, f"Permission denied; owner {USER}; mode 555",
                                             f"没有权限；所有者 {USER}；权限 555")
        creating = folder / "new" / "graph"
        said = not_writable(folder, PermissionError(errno.EPERM, "Operation not permitted"), creating=creating)
        assert (str(said), said.zh) == _said(str(folder), FOLDER, f"Operation not permitted; owner {USER}; mode 555",
                                             f"不允许该操作；所有者 {USER}；权限 555", creating=str(creating))
    finally:
        folder.chmod(0o755)
    lock = folder / ".lock"
    lock.write_text("")
    lock.chmod(0o444)
    said = not_writable(lock, OSError(errno.EROFS, "Read-only file system"))
    assert (str(said), said.zh) == _said(str(lock), FILE, f"Read-only file system; owner {USER}; mode 444",
                                         f"文件系统只读；所有者 {USER}；权限 444")


def test_a_refused_write_is_reported_before_any_server_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The refusal as the server's folder gives it, whoever runs the test (root writes through a mode of 555)."""
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(embedded.tempfile, "TemporaryFile", refused)
    folder = tmp_path / "store"
    folder.mkdir(mode=0o555)
    folder.chmod(0o555)  # mkdir's mode is filtered by the umask
    try:
        with pytest.raises(StoreError) as caught:
            EmbeddedServer(folder).acquire()
    finally:
        folder.chmod(0o755)
    assert (str(caught.value), caught.value.zh) == _said(str(folder), FOLDER,
                                                         f"Permission denied; owner {USER}; mode 555",
                                                         f"没有权限；所有者 {USER}；权限 555")
    assert sorted(path.name for path in folder.iterdir()) == []  # no server, no lock file, nothing written


def test_a_folder_that_cannot_be_made_for_another_reason_says_it_in_chinese(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk is no matter of permissions: the store says so in the ingest's and the command line's words
    (graph.os_reasons, one table; the Chinese line carried the system's English)."""
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(embedded.tempfile, "TemporaryFile", full)
    with pytest.raises(StoreError) as caught:
        EmbeddedServer(tmp_path / "store").acquire()
    assert (str(caught.value), caught.value.zh) == (
        f"cannot create the data directory {tmp_path / 'store'}: No space left on device",
        f"无法创建数据文件夹 {tmp_path / 'store'}（磁盘已满）")


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[tuple[Path, str, str]]:
    """An empty folder this process cannot write in, and why (in English and Chinese): its mode 555 for a user, and
    for root, whom no mode stops, the immutable attribute (chattr +i), where the system lets root set it."""
    folder = tmp_path / "store"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder, f"Permission denied; owner {USER}; mode 555", f"没有权限；所有者 {USER}；权限 555"
        folder.chmod(0o755)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("running as root, which writes through any mode, and chattr +i is not available here")
    try:
        yield folder, f"Operation not permitted; owner {USER}; mode 755", f"不允许该操作；所有者 {USER}；权限 755"
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=120)


def test_the_cli_says_the_store_folder_is_not_writable(read_only: tuple[Path, str, str], tmp_path: Path) -> None:
    folder, why, why_zh = read_only
    english, chinese = _said(str(folder), FOLDER, why, why_zh)
    result = _cli("report", "--store", f"embedded:{folder}")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"error: {english}\n       {chinese}\n"
    # A folder to create inside it: the folder that refused is named, and the one that was to be made.
    source = tmp_path / "empty.txt"
    source.write_text("", encoding="utf-8")
    new = folder / "new"
    english, chinese = _said(str(folder), FOLDER, why, why_zh, creating=str(new))
    result = _cli("ingest", str(source), "--store", f"embedded:{new}")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"error: {english}\n       {chinese}\n"
    assert not new.exists()
