"""What a 权责清单 row's 备注 says of the item being exercised by the townships (乡镇赋权): `entrusted` (委托乡镇（街道）
实施: still the department's power, the township acting in its name) or `devolved` (已下放乡镇（街道）, 已赋权乡镇: the
township's own now, the department keeping 业务指导和监督); None when the remark says neither."""

from __future__ import annotations

import re

# 乡镇（街道）, 各乡镇, 属地乡镇人民政府, 镇（街道）, 乡（镇）: a township, however the list writes it.
_TOWNSHIP = r"(?:各|属地|所在地)?(?:乡镇|街道|镇（街道）|乡（镇）|乡、镇)"
# 委托 alone is not the townships': a county department 受市局委托实施 exercises a city's power itself.
_ENTRUSTED = re.compile(rf"委托[^，,。；;]*?{_TOWNSHIP}|{_TOWNSHIP}[^，,。；;]*?受委托")
# A bare 已下放 in a county department's list means to its townships: nothing lies between them.
_DEVOLVED = re.compile(rf"(?:下放|赋予|赋权)[^，,。；;]*?{_TOWNSHIP}|^\s*已?下放\s*$")

ENTRUSTED, DEVOLVED = "entrusted", "devolved"


def township_devolution(remark: str) -> str | None:
    """`entrusted`, `devolved` or None, as the 备注 says (委托 first: 委托下放 is 委托, the power stays the department's)."""
    if _ENTRUSTED.search(remark):
        return ENTRUSTED
    if _DEVOLVED.search(remark):
        return DEVOLVED
    return None
