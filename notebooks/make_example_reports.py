#!/usr/bin/env python3
"""Write example report directories for the notebooks, as the nightly job would.

    python3 notebooks/make_example_reports.py --out /tmp/example-reports
    python3 notebooks/make_example_reports.py --out /tmp/sparse-reports --sparse

Writes two nights, <out>/2026-10-12/ and <out>/2026-10-19/, with the files and columns of
docs/reports.md: rankings.csv, top_influencers.csv, communities.csv, explanations.csv,
manifest.json and changes.csv (the first night's has every actor new: there is no previous run).

The cast is the one of sample-data/README.md (the parties, media, journalists, blogs, the
sockpuppet ring and the link farm), but the interactions are drawn here at random, far fewer than
in the sample, and the scores are computed on them by this script (weighted PageRank, HITS,
k-core, harmonic closeness, bubble reach): use `bin/relais demo` for the real figures. Betweenness
and personalised PageRank are left empty, as a run that does not compute them leaves them.

--sparse writes what an older or partial run gives: the optional measures (followers, reposts
and mentions received, HITS, k-core, closeness, communities, bubble reach, Relais score) are
empty, communities.csv and changes.csv are missing, and explanations.csv has its header only (as
from a graph analysed on Spark).

Standard library only; the same --seed gives the same files.
"""

import argparse
import csv
import json
import math
import random
from decimal import Decimal
from pathlib import Path

NIGHTS = ["2026-10-12", "2026-10-19"]
WEIGHTS = {"follow": 1.0, "repost": 1.0, "quote": 1.0, "reply": 0.5, "mention": 0.5, "share": 1.0,
           "blog_link": 1.0}
DAMPING = 0.85

PARTIES = [  # key, leader, party account, blog, activists, officials, hashtag, site
    ("ULC", "ArmandDelcourt", "UnionLiberale", "le-hussard-liberal.example", 52, 7, "#UnionLibérale",
     "union-liberale.example"),
    ("CS", "EtienneBeaulieu", "ConvSociale", None, 50, 7, "#ConvergenceSociale", "convergence-sociale.example"),
    ("SN", "GaetanMorvan", "SursautNational", "terroirs-et-nation.blogspot.com", 48, 6, "#SursautNational",
     "sursaut-national.example"),
    ("ADC", "SoleneMarchetti", "AllianceCommuns", "carnetsdelagauche.blogspot.com", 22, 5, "#AllianceDesCommuns",
     "alliance-des-communs.example"),
    ("TC", "MaelleQuere", "TerreCommune_fr", "ecologie-et-cite.blogspot.com", 18, 4, "#TerreCommune",
     "terre-commune.example"),
    ("ED", "BLaforge", "ElanDemocrate", "bloc-notes-centriste.blogspot.com", 15, 4, "#ÉlanDémocrate",
     "elan-democrate.example"),
]
MEDIA = ["CourrierRep", "EchoCitoyen", "RadioAgora_info", "CanalHexagone"]
MEDIA_SITES = ["courrier-republicain.example", "echo-citoyen.example", "radio-agora.example",
               "canal-hexagone.example"]
JOURNALISTS = ["ClaireVasseur", "JMercadier", "JeanneLacombe", "PaulRenaudin", "NathCordier", "KarimBelkadi",
               "AudeVernier", "HeleneMarquis"]
INDEPENDENT_BLOGS = ["chroniques-republicaines.blogspot.com", "lavigiecitoyenne.wordpress.com",
                     "blogs.echo-citoyen.example/jeanne-lacombe", "blogs.echo-citoyen.example/paul-renaudin",
                     "lettres-de-province.example"]
FARM = ["la-sentinelle-libre.blogspot.com", "actu-politique-du-jour.blogspot.com",
        "revue-de-presse-express.blogspot.com", "le-fil-info-citoyen.blogspot.com"]
FIXED_IDS = {"CourrierRep": "99528101", "ArmandDelcourt": "80284011", "EtienneBeaulieu": "316565488",
             "GaetanMorvan": "64674234", "ClaireVasseur": "803405022985869096"}
FIRST = ["Lea", "Chloe", "Zoe", "Manon", "Ines", "Anais", "Celine", "Julie", "Theo", "Clement", "Loic", "Gael",
         "Hugo", "Louis", "Karim", "Samir", "Yannick", "Erwan", "Nadia", "Rose"]
LAST = ["Dubois", "Moreau", "Girard", "Bonnet", "Lambert", "Fontaine", "Mercier", "Garnier", "Roy", "Colin",
        "Caron", "Picard", "Renard", "Aubert", "Hamel", "Huet", "Tessier", "Payet", "Kervella", "Maillard"]

RANKING_COLUMNS = ["rank", "actor_id", "platform", "name", "pagerank", "relais_score", "personalized_pagerank",
                   "in_degree", "out_degree", "in_strength", "out_strength", "followers", "reposts_received",
                   "mentions_received", "hits_hub", "hits_authority", "k_core", "betweenness", "harmonic_closeness",
                   "community", "community_rank", "bubble_reach"]
OPTIONAL_MEASURES = ["relais_score", "followers", "reposts_received", "mentions_received", "hits_hub",
                     "hits_authority", "k_core", "harmonic_closeness", "community", "community_rank", "bubble_reach"]


class Cast:
    """Every actor with its id, name, platform and camp (the community it was drawn in)."""

    def __init__(self, rng):
        self.rng = rng
        self.actors = {}      # id -> dict(name, platform, camp, role)
        self.by_name = {}
        used = set(FIXED_IDS.values())

        def account(name, camp, role):
            number = FIXED_IDS.get(name)
            while number is None or (number in used and name not in FIXED_IDS):
                number = str(rng.randrange(10**7, 10**10))
            used.add(number)
            return self._add("twitter:" + number, name, "twitter", camp, role)

        for m in MEDIA:
            account(m, "press", "media")
        for j in JOURNALISTS:
            account(j, "press", "journalist")
        for blog in INDEPENDENT_BLOGS:
            self._add("blog:" + blog, blog, "blog", "press", "blog")
        for site in MEDIA_SITES:
            self._add("blog:" + site, site, "blog", "press", "site")
        account("ChroniquesRep", "press", "blogger")
        for key, leader, party, blog, activists, officials, _, site in PARTIES:
            account(leader, key, "leader")
            account(party, key, "party")
            self._add("blog:" + site, site, "blog", key, "site")
            if blog:
                self._add("blog:" + blog, blog, "blog", key, "blog")
            for _ in range(officials):
                account(self._person(), key, "official")
            for _ in range(activists):
                account(self._person(), key, "activist")
        for _ in range(50):
            account(self._person(), "citizens", "citizen")
        account("VictorLesage27", "ring", "promoted")
        for _ in range(20):
            account(rng.choice(FIRST) + str(rng.randrange(10**7, 10**8)), "ring", "ring")
        for blog in FARM:
            self._add("blog:" + blog, blog, "blog", "farm", "farm")
        account("SentinelleLibre", "farm", "blogger")

    def _add(self, actor_id, name, platform, camp, role):
        self.actors[actor_id] = dict(name=name, platform=platform, camp=camp, role=role)
        self.by_name[name] = actor_id
        return actor_id

    def _person(self):
        while True:
            name = self.rng.choice(FIRST) + self.rng.choice(LAST) + str(self.rng.randrange(10, 100))
            if name not in self.by_name:
                return name

    def ids(self, camp=None, role=None):
        return [a for a, v in self.actors.items()
                if (camp is None or v["camp"] == camp) and (role is None or v["role"] == role)]


def interactions(cast, rng, week2):
    """(source, target, type) -> count. week2: the second night sees two weeks of conversation."""
    edges = {}
    scale = 1.0 if week2 else 0.55

    def add(src, dst, kind, count=1):
        if src != dst and count > 0:
            # a follow counts once per pair; interactions add up
            edges[(src, dst, kind)] = 1 if kind == "follow" else edges.get((src, dst, kind), 0) + count

    def some(n):
        return max(0, round(n * scale * rng.uniform(0.6, 1.4)))

    media = cast.ids(role="media")
    journalists = cast.ids(role="journalist")
    courrier, vasseur, marquis = (cast.by_name[n] for n in ("CourrierRep", "ClaireVasseur", "HeleneMarquis"))
    leaders = cast.ids(role="leader")
    everyone = [a for a in cast.actors if cast.actors[a]["platform"] == "twitter"]
    for key, leader_name, party_name, blog, *_ in PARTIES:
        leader, party = cast.by_name[leader_name], cast.by_name[party_name]
        members = cast.ids(camp=key, role="activist") + cast.ids(camp=key, role="official")
        for m in members:
            for target in (leader, party):
                add(m, target, "follow")
                add(m, target, "repost", some(4))
            add(m, courrier, "follow")
            add(m, rng.choice(media), "follow")
            if rng.random() < 0.3:
                add(m, vasseur, "follow")
            add(m, rng.choice(members), "mention", some(1))
            if rng.random() < 0.15:
                add(m, rng.choice(leaders), "reply", some(2))
            if blog and rng.random() < 0.3:
                add(m, "blog:" + blog, "share", some(1))
        add(party, leader, "repost", some(20))
        for m in media:
            add(leader, m, "follow")
        add(leader, courrier, "repost", some(4))
        add(leader, party, "repost", some(6))
        for j in [vasseur] + rng.sample(journalists[1:], 2):
            add(leader, j, "follow")
        for j in journalists:
            add(j, leader, "follow")
            add(j, leader, "mention", some(2))
    for j in journalists:
        add(j, courrier, "follow")
        add(j, vasseur, "follow")
        for m in media:
            add(j, m, "follow")
    for m in media:
        add(m, vasseur, "repost", some(2))
        for leader in leaders:
            add(m, leader, "mention", some(3))
    for c in cast.ids(role="citizen"):
        for target in rng.sample(media + journalists + leaders, 6):
            add(c, target, "follow")
        add(c, courrier, "follow")
        add(c, rng.choice(leaders), "repost", some(2))
        if rng.random() < 0.4:
            add(c, "blog:" + rng.choice(INDEPENDENT_BLOGS[:2]), "share", some(1))
    # the #AffaireDesBlogs story breaks on 13 October: only the second night sees it
    for a in rng.sample(everyone, 60 if week2 else 5):
        add(a, marquis, "repost", 1)
        if week2 and rng.random() < 0.5:
            add(a, marquis, "follow")
    if week2:
        for m in media:
            add(m, marquis, "repost", 3)
    # blogs cite the independent blogs, most of all the top one
    blogs = [a for a in cast.actors if cast.actors[a]["role"] == "blog"]
    for b in blogs:
        for target, n in zip(INDEPENDENT_BLOGS, (12, 8, 6, 2, 3)):
            add(b, "blog:" + target, "blog_link", some(n))
    add(cast.by_name["ChroniquesRep"], "blog:" + INDEPENDENT_BLOGS[0], "share", some(10))
    # the sockpuppet ring retweets Victor Lesage 13-19 times each (about 320 in all), and looks ordinary
    victor = cast.by_name["VictorLesage27"]
    ring = cast.ids(role="ring")
    for r in ring:
        add(r, victor, "follow")
        add(r, victor, "repost", round(rng.randint(13, 19) * (1 if week2 else 0.6)))
        for other in rng.sample(ring, 14):
            add(r, other, "follow")
            add(r, other, "repost", some(2))
        for target in rng.sample(leaders + media, 4):
            add(r, target, "follow")
            add(r, target, "repost", 1)
    for target in media + journalists + leaders:
        add(victor, target, "follow")
    for outsider in rng.sample(cast.ids(role="citizen"), 3):
        add(outsider, victor, "follow")
    # the link farm: satellites and the promoted blog link one another
    sentinelle, *satellites = ("blog:" + b for b in FARM)
    for s in satellites:
        add(s, sentinelle, "blog_link", some(110))
        add(sentinelle, s, "blog_link", some(5))
        add(s, rng.choice(satellites), "blog_link", some(10))
        add(s, "blog:" + INDEPENDENT_BLOGS[0], "blog_link", some(4))
    for site in MEDIA_SITES[:2]:
        add(sentinelle, "blog:" + site, "blog_link", some(6))
    add("blog:" + INDEPENDENT_BLOGS[4], sentinelle, "blog_link", 7 if week2 else 3)
    add(cast.by_name["SentinelleLibre"], sentinelle, "share", some(10))
    return edges


def pagerank(nodes, out_edges, tol=1e-13, max_iterations=1000):
    """Weighted PageRank, networkx's convention: dangling actors spread their score uniformly."""
    n = len(nodes)
    out_weight = {u: sum(out_edges.get(u, {}).values()) for u in nodes}
    pr = {u: 1.0 / n for u in nodes}
    for iteration in range(1, max_iterations + 1):
        dangling = sum(pr[u] for u in nodes if out_weight[u] == 0)
        nxt = {u: (1 - DAMPING) / n + DAMPING * dangling / n for u in nodes}
        for u, targets in out_edges.items():
            for v, w in targets.items():
                nxt[v] += DAMPING * pr[u] * w / out_weight[u]
        change = sum(abs(nxt[u] - pr[u]) for u in nodes)
        pr = nxt
        if change < n * tol:
            return pr, iteration, True, change
    return pr, max_iterations, False, change


def hits(nodes, out_edges, iterations=100):
    hub = {u: 1.0 for u in nodes}
    authority = {u: 1.0 for u in nodes}
    for _ in range(iterations):
        authority = {u: 0.0 for u in nodes}
        for u, targets in out_edges.items():
            for v, w in targets.items():
                authority[v] += hub[u] * w
        total = sum(authority.values()) or 1.0
        authority = {u: a / total for u, a in authority.items()}
        hub = {u: sum(w * authority[v] for v, w in out_edges.get(u, {}).items()) for u in nodes}
        total = sum(hub.values()) or 1.0
        hub = {u: h / total for u, h in hub.items()}
    return hub, authority


def k_core(nodes, neighbours):
    degree = {u: len(neighbours[u]) for u in nodes}
    core, removed, k = {}, set(), 0
    while len(removed) < len(nodes):
        k = max(k, min(degree[u] for u in nodes if u not in removed))
        stack = [u for u in nodes if u not in removed and degree[u] <= k]
        while stack:
            u = stack.pop()
            if u in removed:
                continue
            removed.add(u)
            core[u] = k
            for v in neighbours[u]:
                if v not in removed:
                    degree[v] -= 1
                    if degree[v] <= k:
                        stack.append(v)
    return core


def harmonic_closeness(nodes, in_edges):
    """Sum of 1/d(v, u) over the actors v that reach u (networkx's harmonic_centrality)."""
    result = {}
    for u in nodes:
        seen, frontier, total, depth = {u}, [u], 0.0, 0
        while frontier:
            depth += 1
            nxt = []
            for x in frontier:
                for v in in_edges.get(x, {}):
                    if v not in seen:
                        seen.add(v)
                        nxt.append(v)
            total += len(nxt) / depth
            frontier = nxt
        result[u] = total
    return result


def score(cast, rng, week2, absent):
    """One night's scores: rows of rankings.csv, plus what the other files need.

    absent: actors not in this night's data; their interactions are left out.
    """
    counts = {e: c for e, c in interactions(cast, rng, week2).items() if e[0] not in absent and e[1] not in absent}
    received_by_type = {}
    for (_, v, kind), c in counts.items():
        received_by_type.setdefault(v, {})[kind] = received_by_type.setdefault(v, {}).get(kind, 0) + c
    out_edges, in_edges = {}, {}
    for (u, v, kind), c in counts.items():
        w = WEIGHTS[kind] * c
        out_edges.setdefault(u, {})[v] = out_edges.get(u, {}).get(v, 0) + w
        in_edges.setdefault(v, {})[u] = in_edges.get(v, {}).get(u, 0) + w
    nodes = sorted({u for u, _, _ in counts} | {v for _, v, _ in counts})
    pr, iterations, converged, change = pagerank(nodes, out_edges)
    hub, authority = hits(nodes, out_edges)
    neighbours = {u: set(out_edges.get(u, {})) | set(in_edges.get(u, {})) for u in nodes}
    core = k_core(nodes, neighbours)
    closeness = harmonic_closeness(nodes, in_edges)

    camp_sizes = {}
    for u in nodes:
        camp_sizes[cast.actors[u]["camp"]] = camp_sizes.get(cast.actors[u]["camp"], 0) + 1
    community_of_camp = {camp: i for i, camp in enumerate(sorted(camp_sizes, key=lambda c: (-camp_sizes[c], c)))}
    community = {u: community_of_camp[cast.actors[u]["camp"]] for u in nodes}

    out_weight = {u: sum(out_edges.get(u, {}).values()) for u in nodes}
    received = {}   # mass passed on by each in-neighbour
    for v in nodes:
        received[v] = {u: DAMPING * pr[u] * w / out_weight[u] for u, w in in_edges.get(v, {}).items()}
    bubble = {}
    for v in nodes:
        total = sum(received[v].values())
        outside = sum(m for u, m in received[v].items() if community[u] != community[v])
        bubble[v] = outside / total if total else 0.0

    order = sorted(nodes, key=lambda u: (-pr[u], u))
    low, high = math.log10(pr[order[-1]]), math.log10(pr[order[0]])
    in_rank = {}
    rows = []
    for i, u in enumerate(order, 1):
        c = community[u]
        in_rank[c] = in_rank.get(c, 0) + 1
        by_type = received_by_type.get(u, {})
        rows.append(dict(
            rank=i, actor_id=u, platform=cast.actors[u]["platform"], name=cast.actors[u]["name"], pagerank=pr[u],
            relais_score=100 * (math.log10(pr[u]) - low) / (high - low), personalized_pagerank=None,
            in_degree=len(in_edges.get(u, {})), out_degree=len(out_edges.get(u, {})),
            in_strength=sum(in_edges.get(u, {}).values()), out_strength=out_weight[u],
            followers=by_type.get("follow", 0), reposts_received=by_type.get("repost", 0),
            mentions_received=by_type.get("mention", 0), hits_hub=hub[u], hits_authority=authority[u],
            k_core=core[u], betweenness=None, harmonic_closeness=closeness[u], community=c,
            community_rank=in_rank[c], bubble_reach=bubble[u]))
    night = dict(rows=rows, counts=counts, received=received, community=community, pr=pr, nodes=nodes,
                 iterations=iterations, converged=converged, change=change, out_edges=out_edges,
                 community_of_camp=community_of_camp)
    return night


def number(x):
    """Numbers in full, never in exponent notation, as the report job writes them."""
    if x is None:
        return ""
    if isinstance(x, bool):
        return str(x).lower()
    if isinstance(x, int):
        return str(x)
    return format(Decimal(repr(float(x))), "f")


def safe_text(s):
    """The report job's neutralisation of text cells a spreadsheet could run as formulas."""
    return "'" + s if s and s[0] in "=+-@\t\r\n" else s


def write_csv(path, columns, rows, text_columns=("name", "actor_name", "item_name", "top_hashtags")):
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(columns)
        for row in rows:
            out.writerow([safe_text(row.get(c) or "") if c in text_columns else
                          number(row.get(c)) if not isinstance(row.get(c), str) else row.get(c)
                          for c in columns])


def write_night(directory, night, previous, cast, date, sparse):
    directory.mkdir(parents=True, exist_ok=True)
    rows = night["rows"]
    if sparse:
        rows = [{k: (None if k in OPTIONAL_MEASURES else v) for k, v in r.items()} for r in rows]
    write_csv(directory / "rankings.csv", RANKING_COLUMNS, rows)

    top = []
    for i, r in enumerate(rows[:20], 1):
        top.append(dict(r, list="overall", group="", position=i))
    for platform in ("twitter", "blog"):
        for i, r in enumerate([r for r in rows if r["platform"] == platform][:10], 1):
            top.append(dict(r, list="platform", group=platform, position=i))
    if not sparse:
        for c in sorted(set(night["community"].values())):
            for i, r in enumerate([r for r in rows if r["community"] == c][:5], 1):
                top.append(dict(r, list="community", group=str(c), position=i))
    write_csv(directory / "top_influencers.csv",
              ["list", "group", "position", "rank", "actor_id", "platform", "name", "pagerank", "relais_score",
               "community", "in_degree", "followers"], top)

    if not sparse:
        write_communities(directory, night, cast)
        write_explanations(directory, night, cast)
        write_changes(directory, night, previous)
    else:
        # What a graph analysed on Spark, or an empty one, gives: the header alone.
        write_csv(directory / "explanations.csv", EXPLANATION_COLUMNS, [])
    write_manifest(directory, night, cast, date)


CAMP_TAGS = {key: [tag, "#Présidentielle2027", "#Retraites"] for key, _, _, _, _, _, tag, _ in PARTIES}
CAMP_TAGS.update(press=["#Présidentielle2027", "#GrandOral2027", "#AffaireDesBlogs"],
                 citizens=["#Présidentielle2027", "#PouvoirDAchat", "#HôpitalPublic"],
                 ring=["#LesageAvecNous", "#Présidentielle2027"], farm=["#AffaireDesBlogs"])
CAMP_DOMAINS = {key: [site, "courrier-republicain.example"] for key, _, _, _, _, _, _, site in PARTIES}
CAMP_DOMAINS.update(press=["courrier-republicain.example", "echo-citoyen.example", "canal-hexagone.example"],
                    citizens=["courrier-republicain.example", "chroniques-republicaines.blogspot.com"],
                    ring=[], farm=["la-sentinelle-libre.blogspot.com", "actu-politique-du-jour.blogspot.com"])


def write_communities(directory, night, cast):
    community, pr, out_edges = night["community"], night["pr"], night["out_edges"]
    camp_of = {c: camp for camp, c in night["community_of_camp"].items()}
    strength = {u: 0.0 for u in night["nodes"]}
    internal = {}
    total = 0.0
    for u, targets in out_edges.items():
        for v, w in targets.items():
            strength[u] += w
            strength[v] += w
            total += w
            if community[u] == community[v]:
                internal[community[u]] = internal.get(community[u], 0) + w
    rows = []
    for c in sorted(camp_of):
        members = sorted((u for u in night["nodes"] if community[u] == c), key=lambda u: (-pr[u], u))
        degree = sum(strength[u] for u in members)
        rows.append(dict(
            community=c, size=len(members),
            modularity_share=internal.get(c, 0) / total - (degree / (2 * total)) ** 2,
            pagerank_mass=sum(pr[u] for u in members), top_members=";".join(members[:5]),
            top_hashtags=";".join(CAMP_TAGS[camp_of[c]]), top_domains=";".join(CAMP_DOMAINS[camp_of[c]])))
    write_csv(directory / "communities.csv", ["community", "size", "modularity_share", "pagerank_mass",
                                              "top_members", "top_hashtags", "top_domains"], rows)


def write_explanations(directory, night, cast, top=10, contributors=5):
    """For the top actors: the baseline, the largest contributors and the part of each edge type."""
    pr, received, counts, out_edges = night["pr"], night["received"], night["counts"], night["out_edges"]
    n = len(night["nodes"])
    kinds = {}   # (source, target) -> {type: weight}
    for (s, t, k), c in counts.items():
        kinds.setdefault((s, t), {})[k] = WEIGHTS[k] * c
    dangling = sum(pr[u] for u in night["nodes"] if not out_edges.get(u))
    rows = []
    for r in night["rows"][:top]:
        v = r["actor_id"]
        base = (1 - DAMPING) / n + DAMPING * dangling / n
        common = dict(actor_rank=r["rank"], actor_id=v, actor_name=r["name"])
        rows.append(dict(common, kind="baseline", position=1, item="random_jump", item_name="", mass=base,
                         share=base / pr[v]))
        best = sorted(received[v].items(), key=lambda e: (-e[1], e[0]))[:contributors]
        for i, (u, mass) in enumerate(best, 1):
            rows.append(dict(common, kind="contributor", position=i, item=u, item_name=cast.actors[u]["name"],
                             mass=mass, share=mass / pr[v]))
        by_type = {}
        for u, mass in received[v].items():
            parts = kinds[(u, v)]
            weight = sum(parts.values())
            for kind, w in parts.items():
                by_type[kind] = by_type.get(kind, 0) + mass * w / weight
        for i, (kind, mass) in enumerate(sorted(by_type.items(), key=lambda e: (-e[1], e[0])), 1):
            rows.append(dict(common, kind="edge_type", position=i, item=kind, item_name="", mass=mass,
                             share=mass / pr[v]))
    write_csv(directory / "explanations.csv", EXPLANATION_COLUMNS, rows)


EXPLANATION_COLUMNS = ["actor_rank", "actor_id", "actor_name", "kind", "position", "item", "item_name", "mass",
                       "share"]


def write_changes(directory, night, previous):
    """Against the previous night; the first night, without one, has every actor new."""
    now = {r["actor_id"]: r for r in night["rows"]}
    before = {} if previous is None else {r["actor_id"]: r for r in previous["rows"]}
    rows = []
    for actor in sorted(now.keys() | before.keys()):
        r, p = now.get(actor), before.get(actor)
        if r and p:
            status = "unchanged" if r["rank"] == p["rank"] else "moved"
        else:
            status = "new" if r else "dropped"
        rows.append(dict(
            actor_id=actor, name=(r or p)["name"], platform=(r or p)["platform"], status=status,
            rank=r and r["rank"], previous_rank=p and p["rank"],
            rank_change=p["rank"] - r["rank"] if r and p else None,
            pagerank=r and r["pagerank"], previous_pagerank=p and p["pagerank"],
            pagerank_change=r["pagerank"] - p["pagerank"] if r and p else None,
            relais_score_change=r["relais_score"] - p["relais_score"] if r and p else None))
    rows.sort(key=lambda x: (x["rank"] is None, x["rank"] or 0, x["previous_rank"] or 0))
    write_csv(directory / "changes.csv", ["actor_id", "name", "platform", "status", "rank", "previous_rank",
                                          "rank_change", "pagerank", "previous_pagerank", "pagerank_change",
                                          "relais_score_change"], rows)


def write_manifest(directory, night, cast, date):
    counts = night["counts"]
    by_type = {}
    for (_, _, kind), c in counts.items():
        by_type[kind] = by_type.get(kind, 0) + c
    posts = sum(c for (_, _, k), c in counts.items() if k not in ("follow", "blog_link"))
    follows = by_type.get("follow", 0)
    links = by_type.get("blog_link", 0)
    records = {"kafka_records": posts // 100 + follows + links,
               "by_format": {"twitter-v2": posts // 100, "follows-csv": follows, "blog-links-csv": links},
               "rows_added": {"posts": posts, "accounts": len(cast.actors), "follows": follows, "blog_links": links},
               "duplicates_dropped": {"posts": 52, "accounts": 0, "follows": follows // 12, "blog_links": links // 9},
               "lake_rows": {"posts": posts, "accounts": len(cast.actors), "follows": follows, "blog_links": links}}
    analyze = {"actors": len(night["nodes"]), "edges": sum(len(t) for t in night["out_edges"].values()),
               "interactions_by_type": by_type, "edge_weights": WEIGHTS,
               "pagerank": {"damping": DAMPING, "tolerance": 1e-15, "max_iterations": 1000,
                            "iterations": night["iterations"], "converged": night["converged"],
                            "l1_change": night["change"]}}
    stages = {}
    for stage, seconds, details in (("ingest", 41.2, {"records": records["kafka_records"], "lost_to_retention": {}}),
                                    ("analyze", 23.7, analyze), ("report", 3.1, {"actors": len(night["rows"])})):
        stages[stage] = {"stage": stage, "status": "succeeded", "started_at": f"{date}T02:00:00Z",
                         "finished_at": f"{date}T02:01:08Z", "seconds": seconds, "details": details}
    manifest = {
        "run_date": date, "status": "succeeded",
        "consumed": {"relais.posts/0": {"from": 0, "to": records["by_format"]["twitter-v2"]}},
        "records": records,
        "quarantined": {"total": 2, "by_reason": {"json_syntax": 2}},
        "durations_seconds": {s: v["seconds"] for s, v in stages.items()},
        "stages": stages,
        "parameters": {**{f"relais.graph.weights.{k.replace('_', '-')}": w for k, w in WEIGHTS.items()},
                       "relais.pagerank.damping": DAMPING, "relais.pagerank.tolerance": 1e-15,
                       "relais.kafka.topics": ["relais.posts", "relais.follows", "relais.blog-links"]},
        "versions": {"relais": "0.1.0-SNAPSHOT", "spark": "3.5.7", "scala": "2.12.18", "kafka_clients": "3.9.1",
                     "java": "17.0.15"},
        "example": "written by notebooks/make_example_reports.py, not by a run of Relais",
    }
    (directory / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="where the run directories go")
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--sparse", action="store_true", help="leave optional measures and files out")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cast = Cast(rng)
    # Eight citizens only join in the second week; two accounts were gone by then.
    late = rng.sample(cast.ids(role="citizen"), 8)
    gone = rng.sample([a for a in cast.ids(role="activist")], 2)
    previous = None
    for date in NIGHTS:
        week2 = date == NIGHTS[1]
        night = score(cast, rng, week2, set(gone if week2 else late))
        write_night(args.out / date, night, previous, cast, date, args.sparse)
        print(args.out / date)
        previous = night


if __name__ == "__main__":
    main()
