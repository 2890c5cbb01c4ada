"""coordination_network: departments tied by shared matters, with degree and betweenness (networkx), and
the 上下对口 counterparts between a city's and its counties' departments, flagging one-to-many ties."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from graph.store import Row, Store
from queries import catalog

if TYPE_CHECKING:
    import networkx as nx


def coordination_graph(store: Store, region: str | None = None) -> nx.Graph:
    import networkx as nx  # here: a command that does not draw the network should not load networkx (0.2 s)

    graph = nx.Graph()
    for row in catalog.run(store, "shared_matter_pairs", {"region": region}):
        if graph.has_edge(row["a"], row["b"]):
            graph[row["a"]][row["b"]]["matters"].append(row["matter"])
        else:
            graph.add_edge(row["a"], row["b"], matters=[row["matter"]])
    return graph


def coordination_network(store: Store, region: str | None = None) -> dict[str, list[Row]]:
    import networkx as nx

    graph = coordination_graph(store, region)
    betweenness = nx.betweenness_centrality(graph, normalized=True) if graph.number_of_nodes() else {}
    nodes = [{"department": name, "degree": graph.degree(name), "betweenness": round(betweenness[name], 4),
              "matters": len({m for _a, _b, ms in graph.edges(name, data="matters") for m in ms})}
             for name in graph.nodes]
    nodes.sort(key=lambda n: (-n["degree"], -n["betweenness"], n["department"]))
    edges = [{"a": a, "b": b, "weight": len(ms), "matters": sorted(ms)} for a, b, ms in graph.edges(data="matters")]
    edges = [{**e, "a": min(e["a"], e["b"]), "b": max(e["a"], e["b"])} for e in edges]
    edges.sort(key=lambda e: (-e["weight"], e["a"], e["b"]))
    return {"nodes": nodes, "edges": edges, "counterparts": _counterparts(store, region)}


def _counterparts(store: Store, region: str | None) -> list[Row]:
    rows = catalog.run(store, "counterparts", {"region": region})
    per_city: dict[tuple[str, str], list[str]] = defaultdict(list)
    per_county: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        per_city[(row["city_department"], row["county"])].append(row["county_department"])
        per_county[row["county_department"]].append(row["city_department"])
    return [{**row, "one_to_many": len(per_city[(row["city_department"], row["county"])]) > 1
             or len(per_county[row["county_department"]]) > 1} for row in rows]
