"""The query catalog of DESIGN.md by name: each analysis, its question, its typed parameters and the
function that answers it (Cypher files read the graph; Python and networkx do the rest)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.store import Store
from ingest.similarity import DEFAULT_THRESHOLD
from ingest.terms import tokenizer
from queries.ambiguities import host_assist_ambiguities
from queries.catalog import Param, QueryError, bind_params
from queries.counterpart_duties import counterpart_duties
from queries.in_force import duties_in_force
from queries.network import coordination_network
from queries.notice_evidence import handling_index
from queries.orphans import orphan_supervision_items
from queries.overlaps import overlaps
from queries.overlaps import warm as overlaps_warm
from queries.power_split import power_split, split_city
from queries.profile import department_profile
from queries.staffing import staffing_load
from queries.transfers import SHOWN as TRANSFER_COLUMNS
from queries.transfers import transferred_still_held
from queries.undecomposed import undecomposed_duties
from queries.who_handles import MAX_CANDIDATES, who_handles


def _param(name: str, kind: str, default: Any, doc: str, optional: bool = False,
           bounds: tuple[float, float] | None = None) -> Param:
    return Param(name, kind, optional, default, doc, bounds)


_REGION = _param("region", "string", None, "区划路径，如 示例市 或 示例市/青山县", optional=True)


@dataclass(frozen=True)
class Analysis:
    name: str
    question: str
    params: tuple[Param, ...]
    run: Callable[..., Any]
    # The columns a table for people shows, in order, where the rows carry more (uids, codes) for programs.
    shown: tuple[str, ...] = ()
    # The fields a table or file for people leaves out, where another field says them in words: the rows keep them.
    json_only: tuple[str, ...] = ()

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        bound = bind_params(self.name, self.params, given)
        missing = [param.name for param in self.params if bound[param.name] in (None, "") and not param.optional]
        if missing:
            raise QueryError(f"query {self.name} needs {', '.join(missing)}",
                             f"查询 {self.name} 缺少参数 {'、'.join(missing)}")
        return bound


ANALYSES: dict[str, Analysis] = {a.name: a for a in (
    Analysis("overlaps", "职责交叉（多头管）：不同部门描述同一工作的职责聚类",
             (_param("threshold", "float", DEFAULT_THRESHOLD, "相似度阈值", bounds=(0.0, 1.0)),
              _param("scope", "string", "departments",
                     "departments 同级部门 | offices 内设机构 | levels 上下级"), _REGION,
              _param("department", "string", None, "部门名称：只看含该部门（或其内设机构）职责的聚类", optional=True)),
             lambda store, threshold, scope, region, department: overlaps(
                 store, threshold=threshold, scope=scope, region=region, department=department)),
    Analysis("orphan_supervision_items", "无部门认领的监管事项（三不管）及最可能的责任部门", (_REGION,),
             lambda store, region: orphan_supervision_items(store, region)),
    Analysis("host_assist_ambiguities", "主办/协办不清的共同事项", (_REGION,),
             lambda store, region: host_assist_ambiguities(store, region),
             json_only=("host",)),  # host_label says 主办部门 for every matter; `host` only where several lead
    Analysis("undecomposed_duties", "未分解到内设机构的职责、无职责的内设机构、已取消或下放仍在承担的职责",
             (_param("department", "string", None, "部门名称", optional=True), _REGION,
              _param("threshold", "float", DEFAULT_THRESHOLD, "相似度阈值：承继的职责与本部门职责相似到此即为重述",
                     bounds=(0.0, 1.0))),
             lambda store, department, region, threshold: undecomposed_duties(store, department, region, threshold)),
    Analysis("power_split", "市县事权划分：领域×划分方式的事项数与冲突",
             (_param("city", "string", None, "市级区划，如 示例市；只给 region 时为其所在的市", optional=True),
              _param("region", "string", None, "本市或其下的县（区）：只看该区划持有的事项", optional=True)),
             lambda store, city, region: power_split(store, city or split_city(store, region), region)),
    Analysis("staffing_load", "编制与职责负荷（稳健 z 分数识别异常）", (_REGION,),
             lambda store, region: staffing_load(store, region)),
    Analysis("who_handles", "谁来管：诉求文本 → 责任部门（附依据）",
             (_param("text", "string", "", "诉求或事项文本"),
              _param("limit", "int", 5, "返回部门数", bounds=(1, MAX_CANDIDATES)), _REGION),
             lambda store, text, limit, region: who_handles(store, text, limit=limit, region=region)),
    Analysis("department_profile", "一个部门的全部情况", (_param("name", "department", "", "部门名称、别名或简称"),),
             lambda store, name: department_profile(store, name)),
    Analysis("coordination_network", "因共同事项联系的部门网络、中心度与上下对口", (_REGION,),
             lambda store, region: coordination_network(store, region)),
    Analysis("counterpart_duties",
             "上下对口职责对照：县（区）部门每条职责与市级对口部门最相近的职责，及县级未列的市级职责",
             (_param("department", "string", None, "部门名称：县（区）部门，或市级部门（对照其各县（区）对口部门）"),
              _param("threshold", "float", DEFAULT_THRESHOLD, "相似度阈值", bounds=(0.0, 1.0))),
             lambda store, department, threshold: counterpart_duties(store, department, threshold=threshold)),
    Analysis("duties_in_force", "某日施行的三定所定的部门及其内设机构职责（问责调查：事发当日谁负责）",
             (_param("department", "string", None, "部门名称、别名或简称"),
              _param("date", "date", "", "日期，如 2021-06-30 或 2021年6月30日")),
             lambda store, department, date: duties_in_force(store, department, date)),
    Analysis("transferred_still_held",
             "职责划转后仍在承担：划出部门权责清单仍列、三定仍写有划出的工作，接收部门未列（如行政许可划入行政审批服务局）",
             (_REGION,), lambda store, region: transferred_still_held(store, region), shown=TRANSFER_COLUMNS),
)}


def warm_caches(store: Store) -> None:
    """Build what the analyses derive from the whole graph once per version (the term model of overlaps, the
    evidence index of who_handles and of orphan suggestions, the counterpart pairs and lead matters), so that
    a server's first requests do not pay for it. Also jieba's dictionary, loaded once per process (0.7 s):
    indexes built from stored terms do not load it, and the first analysis that segments a text would."""
    tokenizer()
    overlaps_warm(store)
    handling_index(store)


def run_analysis(store: Store, name: str, params: dict[str, Any]) -> Any:
    analysis = ANALYSES.get(name)
    if analysis is None:
        raise QueryError(f"no analysis {name!r}; known: {', '.join(ANALYSES)}",
                         f"没有名为 {name} 的分析；可用：{'、'.join(ANALYSES)}")
    return analysis.run(store, **analysis.bind(params))
