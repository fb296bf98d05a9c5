#!/usr/bin/env python3
"""Reference figures for the community tests, computed with networkx on polblogs.

Reads ../shared/datasets/polblogs/polblogs.gml (or the path given as the first argument) and
writes analytics/src/test/resources/polblogs/community_networkx_reference.csv (or the second
argument). Run from the repository root:

    python3 analytics/src/test/python/community_reference.py

The undirected graph is the one Relais scores communities on: variant W of REFERENCE.md
(self-loops dropped, parallel records summed into weights), then each unordered pair {u, v}
gets the weight w(u, v) + w(v, u). This is NOT networkx's G.to_undirected(), which keeps the
attributes of one direction only; the sum is built by hand below. All 1490 vertices are kept,
isolated ones included (they do not change modularity).

Rows: kind,name,value
  graph        vertices / edges / total_weight of the undirected graph
  split        modularity of the liberal/conservative split (GML value 0/1) at several resolutions
  louvain      per seed: modularity and community count of nx.community.louvain_communities
               (weight='weight', resolution=1, threshold=1e-7, seed=s); a community of one
               isolated vertex counts as a community
  louvain_lcc  per seed: share of the largest connected component's vertices whose community's
               majority side is their own side
  summary      mean / min / max of the Louvain modularity over the seeds
"""

import statistics
import sys
from pathlib import Path

import networkx as nx

SEEDS = range(10)
RESOLUTIONS = (0.5, 1.0, 2.0)


def undirected_w(path):
    g = nx.read_gml(path, label="id")
    und = nx.Graph()
    und.add_nodes_from(g.nodes(data=True))
    for u, v in g.edges():
        if u == v:
            continue
        if und.has_edge(u, v):
            und[u][v]["weight"] += 1
        else:
            und.add_edge(u, v, weight=1)
    return und


def majority_agreement(g, communities, nodes):
    side = nx.get_node_attributes(g, "value")
    agree = 0
    for c in communities:
        members = [v for v in c if v in nodes]
        if not members:
            continue
        ones = sum(side[v] for v in members)
        zeros = len(members) - ones
        # Ties go to side 0, as in the Java test.
        majority = 1 if ones > zeros else 0
        agree += sum(1 for v in members if side[v] == majority)
    return agree / len(nodes)


def main():
    root = Path(__file__).resolve().parents[4]
    gml = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/datasets/polblogs/polblogs.gml"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else \
        root / "analytics/src/test/resources/polblogs/community_networkx_reference.csv"
    g = undirected_w(gml)
    lcc = set(max(nx.connected_components(g), key=len))
    side = nx.get_node_attributes(g, "value")
    split = [{v for v in g if side[v] == 0}, {v for v in g if side[v] == 1}]

    rows = [
        ("graph", "vertices", g.number_of_nodes()),
        ("graph", "edges", g.number_of_edges()),
        ("graph", "total_weight", g.size(weight="weight")),
        ("graph", "lcc_vertices", len(lcc)),
    ]
    for gamma in RESOLUTIONS:
        rows.append(("split", f"modularity_resolution_{gamma}",
                     repr(nx.community.modularity(g, split, weight="weight", resolution=gamma))))
    values = []
    for seed in SEEDS:
        parts = nx.community.louvain_communities(g, weight="weight", resolution=1, threshold=1e-7, seed=seed)
        q = nx.community.modularity(g, parts, weight="weight", resolution=1)
        values.append(q)
        rows.append(("louvain", f"seed_{seed}_modularity", repr(q)))
        rows.append(("louvain", f"seed_{seed}_communities", len(parts)))
        rows.append(("louvain_lcc", f"seed_{seed}_majority_agreement", repr(majority_agreement(g, parts, lcc))))
    rows.append(("summary", "louvain_modularity_mean", repr(statistics.mean(values))))
    rows.append(("summary", "louvain_modularity_min", repr(min(values))))
    rows.append(("summary", "louvain_modularity_max", repr(max(values))))

    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# networkx {nx.__version__}, Python {sys.version.split()[0]}; "
                f"written by analytics/src/test/python/community_reference.py\n")
        f.write("kind,name,value\n")
        for kind, name, value in rows:
            f.write(f"{kind},{name},{value}\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
