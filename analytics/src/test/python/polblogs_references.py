#!/usr/bin/env python3
"""Reference centralities of the political-blogs network, computed with networkx.

Writes analytics/src/test/resources/polblogs/polblogs_centrality.csv, which the agreement tests
of org.relais.analytics.algo.{hits,kcore,betweenness,closeness} read. Run from the repository root:

    python3 analytics/src/test/python/polblogs_references.py [../shared/datasets/polblogs/polblogs.gml]

Versions used for the committed file: Python 3.11.7, networkx 3.6.1, numpy 2.4.6, scipy 1.17.1.
The script checks the networkx version and refuses another major.minor, since defaults (HITS by
SVD since 3.0, for one) have changed between versions.

Graphs, as in ../shared/datasets/polblogs/REFERENCE.md section 1: read_gml(path, label="id"), a
directed multigraph keyed by GML id; all 1490 nodes; the 3 self-loop records dropped.
  U: nx.DiGraph, one edge per distinct (source, target) pair (19022 edges).
  W: the same pairs with weight = number of parallel records (1 or 2), and distance = 1 / weight.

Calls, one column each:
  hits_hub_unweighted, hits_authority_unweighted    nx.hits(U, max_iter=10000, tol=1e-12, normalized=True)
  hits_hub_weighted, hits_authority_weighted        nx.hits(W, ...) (same; the weights enter the matrix)
  core_number                                       nx.core_number(U.to_undirected())
                                                    (an edge in either direction is one undirected edge)
  betweenness_unweighted                            nx.betweenness_centrality(U, normalized=True)
  betweenness_weighted                              nx.betweenness_centrality(W, normalized=True, weight="distance")
  harmonic_unweighted                               nx.harmonic_centrality(U)   (incoming distances, not normalised)

Output: UTF-8, "\n" line ends, a header row, one row per node in GML file order, columns
id,label,<the columns above>; floats written with repr (shortest exact round trip), integers as
integers. No label contains a comma or a quote (checked), so no field is quoted; one label keeps a
trailing space. It takes about 20 seconds.
"""

import csv
import os
import sys

import networkx as nx

EXPECTED_NETWORKX = "3.6"


def load(path):
    multi = nx.read_gml(path, label="id")
    u = nx.DiGraph()
    w = nx.DiGraph()
    u.add_nodes_from(multi.nodes(data=True))
    w.add_nodes_from(multi.nodes(data=True))
    for a, b in multi.edges():
        if a == b:
            continue
        u.add_edge(a, b)
        if w.has_edge(a, b):
            w[a][b]["weight"] += 1
        else:
            w.add_edge(a, b, weight=1)
    for a, b, data in w.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    assert u.number_of_nodes() == 1490 and u.number_of_edges() == 19022, "not the REFERENCE.md graph"
    assert sum(d["weight"] for _, _, d in w.edges(data=True)) == 19087
    return u, w


def main():
    if not nx.__version__.startswith(EXPECTED_NETWORKX + "."):
        sys.exit(f"networkx {nx.__version__} found, but the reference values were made with {EXPECTED_NETWORKX}.x")
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, "..", "..", "..", ".."))
    gml = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "datasets", "polblogs", "polblogs.gml")
    out = os.path.join(root, "analytics", "src", "test", "resources", "polblogs", "polblogs_centrality.csv")
    u, w = load(gml)

    columns = {}
    hubs, authorities = nx.hits(u, max_iter=10000, tol=1e-12, normalized=True)
    columns["hits_hub_unweighted"], columns["hits_authority_unweighted"] = hubs, authorities
    hubs, authorities = nx.hits(w, max_iter=10000, tol=1e-12, normalized=True)
    columns["hits_hub_weighted"], columns["hits_authority_weighted"] = hubs, authorities
    columns["core_number"] = nx.core_number(u.to_undirected())
    columns["betweenness_unweighted"] = nx.betweenness_centrality(u, normalized=True)
    columns["betweenness_weighted"] = nx.betweenness_centrality(w, normalized=True, weight="distance")
    columns["harmonic_unweighted"] = nx.harmonic_centrality(u)

    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar=None)
        writer.writerow(["id", "label"] + list(columns))
        for node, data in u.nodes(data=True):
            label = data["label"]
            assert "," not in label and '"' not in label, label
            writer.writerow([node, label] + [repr(columns[c][node]) for c in columns])
    print(f"wrote {out}: {u.number_of_nodes()} rows, columns {', '.join(columns)}")


if __name__ == "__main__":
    main()
