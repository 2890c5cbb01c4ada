"""Why the operating system refused a file or a folder, in Chinese: one table for the files ingest reads, the files the
command line writes and the embedded store's folder. It lives in `graph`, the package the others build on."""

from __future__ import annotations

import errno

# The operating system's reasons in Chinese: its own text (`Is a directory`) is English inside the Chinese line.
# EPERM is no matter of permission bits: an immutable file or folder (chattr +i) refuses even root.
_OS_REASONS_ZH = {errno.ENOENT: "文件不存在", errno.EISDIR: "这是一个文件夹", errno.ENOTDIR: "路径中有一段不是文件夹",
                  errno.EACCES: "没有权限", errno.EPERM: "不允许该操作", errno.ENOSPC: "磁盘已满",
                  errno.EROFS: "文件系统只读", errno.ENAMETOOLONG: "文件名过长"}


def os_reason_zh(exc: OSError) -> str:
    """Why the operating system refused a file, in Chinese; its own words for a reason not listed here."""
    return _OS_REASONS_ZH.get(exc.errno or 0, exc.strerror or str(exc))
