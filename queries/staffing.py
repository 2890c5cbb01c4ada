"""staffing_load: posts against work per department, with outliers by a robust score.

duties_per_post = current substantive duties / 行政编制. The robust score is the modified z-score
0.6745 · (x − median) / MAD of log(duties_per_post) over the departments compared (a ratio: twice and half
as many duties per post are equally far from the norm); |z| > 3.5 marks an outlier (Iglewicz and Hoaglin),
so one extreme department does not hide another the way a mean and standard deviation would.

The score needs MIN_COMPARED departments in a region: with one the spread is zero, and with two each lies exactly
one spread from their median, so z = ±0.67 whatever their ratio (five times as many duties per post included) and
nothing could ever be flagged. Such a region's rows say `too_few` and carry no score rather than one that looks
like a finding of "normal"."""

from __future__ import annotations

import math
from collections import defaultdict
from statistics import median

from graph.store import Row, Store
from queries import catalog

OUTLIER_Z = 3.5
MIN_COMPARED = 3


def staffing_load(store: Store, region: str | None = None) -> list[Row]:
    """Departments are compared with the others of their own region: a county bureau with a city one is
    no comparison (different levels staff differently)."""
    rows = catalog.run(store, "department_load", {"region": region})
    groups: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        if row["staff_quota"] and row["duties"]:
            groups[row["region"]].append(math.log(row["duties"] / row["staff_quota"]))
    centres = {name: median(values) for name, values in groups.items()}
    spreads = {name: median(abs(v - centres[name]) for v in values) for name, values in groups.items()}
    out = []
    for row in rows:
        ratio = row["duties"] / row["staff_quota"] if row["staff_quota"] else None
        too_few = len(groups.get(row["region"], [])) < MIN_COMPARED
        mad = None if too_few else spreads.get(row["region"])
        z = 0.6745 * (math.log(ratio) - centres[row["region"]]) / mad if ratio and mad else None
        out.append({**row, "duties_per_post": round(ratio, 3) if ratio is not None else None,
                    "robust_z": round(z, 2) if z is not None else None,
                    "outlier": "understaffed" if z is not None and z > OUTLIER_Z
                    else "overstaffed" if z is not None and z < -OUTLIER_Z else "",
                    "too_few": too_few})
    return out


def too_few_regions(rows: list[Row]) -> list[str]:
    """The regions of staffing_load rows whose departments are too few to be compared."""
    return sorted({row["region"] for row in rows if row["too_few"]})
