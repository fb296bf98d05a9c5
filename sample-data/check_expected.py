#!/usr/bin/env python3
"""Rebuild the actor graph from the sample files, rank it, and check the reference answer.

    python3 sample-data/check_expected.py [--data sample-data] [--no-assert]

Needs networkx (the generator does not). The graph follows the pipeline's rules exactly:

* actors: twitter:<user id> for accounts, blog:<blog id> for blogs and other sites, where a blog id
  is the lower-cased host without a leading "www.", plus the first path segment on the hosts that
  hold several blogs (PATH_PREFIXED_HOSTS);
* every distinct tweet (data and includes.tweets, counted once per id) gives edges from its author:
  repost 1.0 to the retweeted tweet's author; otherwise quote 1.0 to the quoted tweet's author,
  reply 0.5 to the replied-to user, mention 0.5 to each mentioned user. A retweet has no mentions of
  its own, and a tweet gives at most one edge per target account, of its strongest type
  (repost > quote > reply > mention);
* share 1.0 from the author to a known blog (one that is a source in blog_links.csv) for each tweet
  with an expanded URL on that blog (one per tweet and blog);
* follow 1.0 per distinct (follower, followee) pair;
* blog link 1.0 per distinct (source_url, target_url) row, from the source's blog to the target's
  blog id (known or not), links within one blog dropped;
* weights of all interactions of a pair are summed; self-loops are dropped;
* nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15): converged to 1e-12; uniform teleport, dangling mass spread uniformly.
"""

import argparse
import csv
import datetime as dt
import glob
import json
import os
import sys
import urllib.parse

import networkx as nx

PATH_PREFIXED_HOSTS = {"blogs.echo-citoyen.example"}

# The reference answer (seed 2027, scale 1). See README.md.
EXPECTED_TOP5 = ["@ArmandDelcourt", "@EtienneBeaulieu", "@GaetanMorvan", "@CourrierRep", "@ClaireVasseur"]
EXPECTED_TOP3_BLOGS = ["blog:chroniques-republicaines.blogspot.com", "blog:lavigiecitoyenne.wordpress.com",
                       "blog:blogs.echo-citoyen.example/jeanne-lacombe"]
NOT_IN_TOP10 = ["@VictorLesage27", "blog:la-sentinelle-libre.blogspot.com"]
MIN_MARGIN = 0.10   # the 5th score is at least 10% above the 6th; the 3rd blog 10% above the 4th

STRENGTH = {"repost": 4, "quote": 3, "reply": 2, "mention": 1}
WEIGHT = {"repost": 1.0, "quote": 1.0, "reply": 0.5, "mention": 0.5}


def blog_id(url):
    parts = urllib.parse.urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if host in PATH_PREFIXED_HOSTS:
        seg = [s for s in parts.path.split("/") if s]
        if seg:
            return host + "/" + seg[0]
    return host


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load(data):
    tweets, users = {}, {}
    for path in sorted(glob.glob(os.path.join(data, "twitter", "*.jsonl"))):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                page = json.loads(line)
                inc = page.get("includes", {})
                for tw in page.get("data", []) + inc.get("tweets", []):
                    tweets.setdefault(tw["id"], tw)
                for u in inc.get("users", []):
                    users.setdefault(u["id"], u)
    links = read_csv(os.path.join(data, "blogs", "blog_links.csv"))
    follows = read_csv(os.path.join(data, "follows", "follows.csv"))
    return tweets, users, links, follows


TWITTER_EPOCH_MS = 1288834974657


def check_format(data):
    """Checks that the files say what README.md says of them; returns a list of problems."""
    problems = []

    def bad(msg):
        if len(problems) < 20:
            problems.append(msg)
    known_blogs = {blog_id(r["source_url"]) for r in read_csv(os.path.join(data, "blogs", "blog_links.csv"))}
    users_all = {}
    for path in sorted(glob.glob(os.path.join(data, "twitter", "*.jsonl"))):
        with open(path, encoding="utf-8") as fh:
            for ln, line in enumerate(fh, 1):
                where = f"{os.path.basename(path)}:{ln}"
                page = json.loads(line)
                if sorted(page) != ["__twarc", "data", "includes", "meta"]:
                    bad(f"{where}: keys {sorted(page)}")
                if sorted(page["__twarc"]) != ["retrieved_at", "url", "version"]:
                    bad(f"{where}: __twarc keys {sorted(page['__twarc'])}")
                data_tw, inc = page["data"], page["includes"]
                if page["meta"]["result_count"] != len(data_tw) or len(data_tw) > 100:
                    bad(f"{where}: result_count {page['meta']['result_count']} for {len(data_tw)} tweets")
                ids = [int(t["id"]) for t in data_tw]
                if ids != sorted(ids, reverse=True) or page["meta"]["newest_id"] != str(max(ids)) \
                        or page["meta"]["oldest_id"] != str(min(ids)):
                    bad(f"{where}: data not newest first or meta ids wrong")
                users = {u["id"]: u for u in inc["users"]}
                users_all.update(users)
                inc_tw = {t["id"]: t for t in inc.get("tweets", [])}
                for tw in data_tw + inc.get("tweets", []):
                    tid, text = tw["id"], tw["text"]
                    ms = (int(tid) >> 22) + TWITTER_EPOCH_MS
                    stamp = dt.datetime.fromtimestamp(ms // 1000, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
                    if stamp != tw["created_at"]:
                        bad(f"{where}: tweet {tid} created_at {tw['created_at']} but its id says {stamp}")
                    if tw["author_id"] not in users:
                        bad(f"{where}: author of {tid} not in includes.users")
                    ents = tw.get("entities", {})
                    for m in ents.get("mentions", []):
                        if text[m["start"]:m["end"]] != "@" + m["username"] or m["id"] not in users \
                                or users[m["id"]]["username"] != m["username"]:
                            bad(f"{where}: mention {m} of {tid}")
                    for h in ents.get("hashtags", []):
                        if text[h["start"]:h["end"]] != "#" + h["tag"]:
                            bad(f"{where}: hashtag {h} of {tid}")
                    for u in ents.get("urls", []):
                        if text[u["start"]:u["end"]] != u["url"] or not u["url"].startswith("https://t.co/"):
                            bad(f"{where}: url {u} of {tid}")
                    refs = {r["type"]: r["id"] for r in tw.get("referenced_tweets", [])}
                    if tw in data_tw:
                        for rid in refs.values():
                            if rid not in inc_tw:
                                bad(f"{where}: referenced tweet {rid} of {tid} not in includes.tweets")
                            elif inc_tw[rid]["author_id"] not in users:
                                bad(f"{where}: author of referenced tweet {rid} not in includes.users")
                    if "retweeted" in refs and refs["retweeted"] in inc_tw:
                        orig = inc_tw[refs["retweeted"]]
                        h = users[orig["author_id"]]["username"]
                        if not text.startswith(f"RT @{h}: ") or ents["mentions"][0]["start"] != 3:
                            bad(f"{where}: retweet {tid} text {text[:40]!r}")
                        for u in ents.get("urls", []):
                            if blog_id(u["expanded_url"]) in known_blogs:
                                bad(f"{where}: retweet {tid} carries a blog link")
                    if "replied_to" in refs and refs["replied_to"] in inc_tw:
                        if tw.get("in_reply_to_user_id") != inc_tw[refs["replied_to"]]["author_id"]:
                            bad(f"{where}: reply {tid} in_reply_to_user_id")
                        if tw["conversation_id"] != inc_tw[refs["replied_to"]]["conversation_id"]:
                            bad(f"{where}: reply {tid} conversation_id")
    for r in read_csv(os.path.join(data, "follows", "follows.csv")):
        for side in ("follower", "followee"):
            u = users_all.get(r[side + "_id"])
            if u is not None and u["username"] != r[side + "_handle"]:
                bad(f"follows.csv: {side} {r[side + '_id']} is @{u['username']}, not @{r[side + '_handle']}")
    for r in read_csv(os.path.join(data, "identities", "identities.csv")):
        u = users_all.get(r["account_id"])
        if u is None or u["username"] != r["handle"]:
            bad(f"identities.csv: unknown account {r['account_id']} @{r['handle']}")
        elif blog_id(u["entities"]["url"]["urls"][0]["expanded_url"]) != blog_id(r["blog_url"]):
            bad(f"identities.csv: @{r['handle']} does not link to {r['blog_url']}")
        if blog_id(r["blog_url"]) not in known_blogs:
            bad(f"identities.csv: {r['blog_url']} is not a blog of blog_links.csv")
    return problems


def build_graph(tweets, links, follows):
    known_blogs = {blog_id(r["source_url"]) for r in links}
    weights = {}
    counts = {}

    def add(u, v, kind, w):
        if u == v:
            return
        weights[(u, v)] = weights.get((u, v), 0.0) + w
        counts[kind] = counts.get(kind, 0) + 1

    nodes = set()
    for tid in sorted(tweets):
        tw = tweets[tid]
        src = "twitter:" + tw["author_id"]
        nodes.add(src)
        refs = {r["type"]: r["id"] for r in tw.get("referenced_tweets", [])}
        best = {}

        def offer(target, kind):
            if target not in best or STRENGTH[kind] > STRENGTH[best[target]]:
                best[target] = kind
        if "retweeted" in refs:
            offer("twitter:" + tweets[refs["retweeted"]]["author_id"], "repost")
        else:
            if "quoted" in refs:
                offer("twitter:" + tweets[refs["quoted"]]["author_id"], "quote")
            if "replied_to" in refs and tw.get("in_reply_to_user_id"):
                offer("twitter:" + tw["in_reply_to_user_id"], "reply")
            for m in tw.get("entities", {}).get("mentions", []):
                offer("twitter:" + m["id"], "mention")
        for target in sorted(best):
            add(src, target, best[target], WEIGHT[best[target]])
        shared = set()
        for u in tw.get("entities", {}).get("urls", []):
            b = blog_id(u.get("expanded_url") or "")
            if b in known_blogs:
                shared.add(b)
        for b in sorted(shared):
            add(src, "blog:" + b, "share", 1.0)
    for a, b in sorted({(r["follower_id"], r["followee_id"]) for r in follows if r["platform"] == "twitter"}):
        add("twitter:" + a, "twitter:" + b, "follow", 1.0)
    for s, t in sorted({(r["source_url"], r["target_url"]) for r in links}):
        add("blog:" + blog_id(s), "blog:" + blog_id(t), "link", 1.0)
    nodes |= {"blog:" + b for b in known_blogs}
    G = nx.DiGraph()
    G.add_nodes_from(sorted(nodes))
    for (u, v), w in sorted(weights.items()):
        G.add_edge(u, v, weight=w)
    return G, counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--no-assert", action="store_true", help="print the ranking without checking it")
    args = ap.parse_args()

    problems = check_format(args.data)
    print("format checks: " + ("OK" if not problems else "FAILED\n  " + "\n  ".join(problems)))
    tweets, users, links, follows = load(args.data)
    handle = {u["id"]: u["username"] for u in users.values()}
    for r in follows:
        handle.setdefault(r["follower_id"], r["follower_handle"])
        handle.setdefault(r["followee_id"], r["followee_handle"])
    by_handle = {"@" + h: "twitter:" + i for i, h in handle.items()}

    def label(node):
        if node.startswith("twitter:"):
            return "@" + handle.get(node[8:], node[8:])
        return node

    def node_of(name):
        return by_handle[name] if name.startswith("@") else name

    G, counts = build_graph(tweets, links, follows)
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=10000)
    ranking = sorted(pr.items(), key=lambda kv: (-kv[1], kv[0]))
    rank_of = {n: i + 1 for i, (n, _) in enumerate(ranking)}
    blogs = [(n, s) for n, s in ranking if n.startswith("blog:")]

    print(f"actors {G.number_of_nodes()}, weighted edges {G.number_of_edges()}, distinct tweets {len(tweets)}")
    print("interactions by type: " + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
    print(f"\ntop {args.top}:")
    for i, (n, s) in enumerate(ranking[:args.top]):
        print(f"{i + 1:3d}  {s:.6f}  {label(n)}  ({n})")
    print("\nblogs and sites:")
    for n, s in blogs[:8]:
        print(f"{rank_of[n]:3d}  {s:.6f}  {n}")
    # what raw volume would say
    rt_in, link_in = {}, {}
    for tw in tweets.values():
        for r in tw.get("referenced_tweets", []):
            if r["type"] == "retweeted":
                a = "twitter:" + tweets[r["id"]]["author_id"]
                rt_in[a] = rt_in.get(a, 0) + 1
    for s, t in {(r["source_url"], r["target_url"]) for r in links}:
        if blog_id(s) != blog_id(t):
            link_in["blog:" + blog_id(t)] = link_in.get("blog:" + blog_id(t), 0) + 1
    print("\nby raw volume instead:")
    top_rt = sorted(rt_in.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    top_li = sorted(link_in.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print("  most retweeted: " + ", ".join(f"{label(n)} {c}" for n, c in top_rt))
    print("  most linked-to: " + ", ".join(f"{n} {c}" for n, c in top_li))
    strength = sorted(G.in_degree(weight="weight"), key=lambda kv: (-kv[1], kv[0]))
    strength_rank = {n: i + 1 for i, (n, _) in enumerate(strength)}
    print("  highest weighted in-degree: " + ", ".join(f"{label(n)} {w:g}" for n, w in strength[:6]))
    for name in NOT_IN_TOP10:
        n = node_of(name)
        print(f"  {name}: weighted in-degree rank {strength_rank[n]}, PageRank rank {rank_of[n]} ({pr[n]:.6f})")

    if args.no_assert:
        return 0
    failures = ["format checks failed"] if problems else []
    top5 = [label(n) if n.startswith("twitter:") else n for n, _ in ranking[:5]]
    if sorted(top5) != sorted(EXPECTED_TOP5):
        failures.append(f"top 5 was {top5}, expected {EXPECTED_TOP5} in any order")
    m5 = ranking[4][1] / ranking[5][1] - 1
    if m5 < MIN_MARGIN:
        failures.append(f"5th/6th margin was {m5:.1%}, expected at least {MIN_MARGIN:.0%}")
    top3b = [n for n, _ in blogs[:3]]
    if top3b != EXPECTED_TOP3_BLOGS:
        failures.append(f"top 3 blogs were {top3b}, expected {EXPECTED_TOP3_BLOGS}")
    mb = blogs[2][1] / blogs[3][1] - 1
    if mb < MIN_MARGIN:
        failures.append(f"3rd/4th blog margin was {mb:.1%}, expected at least {MIN_MARGIN:.0%}")
    for name in NOT_IN_TOP10:
        if rank_of[node_of(name)] <= 10:
            failures.append(f"{name} is ranked {rank_of[node_of(name)]}, expected below the top 10")
    print(f"\nmargins: 5th/6th {m5:.1%}, 3rd/4th blog {mb:.1%}, "
          f"10th/{NOT_IN_TOP10[0]} {ranking[9][1] / pr[node_of(NOT_IN_TOP10[0])] - 1:.1%}, "
          f"10th/{NOT_IN_TOP10[1]} {ranking[9][1] / pr[node_of(NOT_IN_TOP10[1])] - 1:.1%}")
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures))
        return 1
    print("OK: the ranking matches the reference answer in README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
