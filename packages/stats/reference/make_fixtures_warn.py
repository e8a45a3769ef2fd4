#!/usr/bin/python3
"""Golden fixtures for BOCPD and Krippendorff's alpha (EVALUATION.md §6.1).

Run by hand, never in CI, with Debian's interpreter (not a pyenv one):
    apt-get install -y python3-scipy python3-numpy
    /usr/bin/python3 packages/stats/reference/make_fixtures_warn.py

Writes packages/stats/test/fixtures/{bocpd-poisson-gamma,krippendorff-worked-example,
krippendorff-bruteforce}.json as {name, generator, conventions, tolerance, inputs, outputs}.

The references are written independently of the TypeScript code paths they check:
- BOCPD keeps every run length (no pruning, no maximum) and works on the joint log masses,
  normalising only when reporting, with scipy's gammaln.
- Krippendorff's alpha is computed by brute force over all ordered pairs of pairable values
  (no coincidence matrix), which is the definition the coincidence matrix condenses.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy.special import gammaln, logsumexp

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "test", "fixtures")
SCRIPT = "packages/stats/reference/make_fixtures_warn.py"


def generator():
    return {
        "program": "python3",
        "version": sys.version.split()[0],
        "packages": {"numpy": np.__version__, "scipy": scipy.__version__},
        "script": SCRIPT,
    }


def write(name, conventions, tolerance, inputs, outputs):
    doc = {
        "name": name,
        "generator": generator(),
        "conventions": conventions,
        "tolerance": tolerance,
        "inputs": inputs,
        "outputs": outputs,
    }
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")


# ---------------------------------------------------------------- BOCPD


def log_nb(y, a, b, e):
    """log NB(y; size a, prob b/(b+e)): the Poisson-Gamma predictive with exposure e."""
    return gammaln(y + a) - gammaln(a) - gammaln(y + 1) + a * np.log(b / (b + e)) + y * np.log(e / (b + e))


def bocpd_untruncated(y, e, ybar, n0, H):
    a0, b0 = n0 * ybar, float(n0)
    # Joint log masses log P(r_t = r, y_1:t) for r = 0..t, with sufficient statistics.
    logjoint = np.array([0.0])
    a = np.array([a0])
    b = np.array([b0])
    posts, change, maprl = [], [], []
    for t, (yt, et) in enumerate(zip(y, e)):
        pred = log_nb(yt, a, b, et)
        growth = logjoint + pred + math.log(1 - H)
        cp = logsumexp(logjoint + pred) + math.log(H)
        logjoint = np.concatenate([[cp], growth])
        a = np.concatenate([[a0], a + yt])
        b = np.concatenate([[b0], b + et])
        post = np.exp(logjoint - logsumexp(logjoint))
        posts.append(post.tolist())
        change.append(float(post[:3].sum()))
        maprl.append(int(np.argmax(post)))
    return posts, change, maprl


def make_bocpd():
    rng = np.random.default_rng(20261129)
    T = 150
    months = np.arange(T)
    season = 1 + 0.35 * np.sin(2 * np.pi * months / 12)
    season = season / season.mean()
    lam = np.where(months < 90, 3.0, 7.5)
    y = rng.poisson(lam * season)
    ybar = 3.0
    posts, change, maprl = bocpd_untruncated(y.tolist(), season.tolist(), ybar, 6, 1 / 36)
    write(
        "bocpd-poisson-gamma",
        {
            "model": "Adams & MacKay BOCPD, Poisson-Gamma with exposure; prior Gamma(n0*ybar, n0); hazard H constant",
            "predictive": "NB(y; size a_r, prob b_r/(b_r + e_t)); a <- a + y, b <- b + e",
            "changepoint": "P(r_t=0, y_1:t) = sum_r P(r_{t-1}=r, y_1:t-1) pi_r(y_t) H (original A&M form)",
            "truncation": "none: every run length 0..t kept (the TS code prunes < 1e-10 and caps at 240)",
            "changeProb": "sum_{r<3} P(r_t = r | y_1:t)",
            "data": "seeded synthetic Poisson series, numpy default_rng(20261129), rate 3 then 7.5 from month 90, seasonal exposure",
        },
        {"posterior": {"abs": 1e-9}, "changeProb": {"abs": 1e-9}},
        {"y": y.tolist(), "exposure": season.tolist(), "baselineMean": ybar, "n0": 6, "hazard": 1 / 36, "window": 3},
        {"posterior": posts, "changeProb": change, "mapRunLength": maprl},
    )


# ---------------------------------------------------------------- Krippendorff


def delta2(c, k, metric, marg):
    if metric == "nominal":
        return 0.0 if c == k else 1.0
    if metric == "interval":
        return float((c - k) ** 2)
    if metric == "ordinal":
        lo, hi = min(c, k), max(c, k)
        s = sum(n for g, n in marg.items() if lo <= g <= hi)
        return float((s - (marg[c] + marg[k]) / 2) ** 2)
    raise ValueError(metric)


def alpha_bruteforce(units, metric):
    """units: list of lists of values (missing already removed). Pairs are ordered pairs of distinct raters."""
    pairable = [u for u in units if len(u) >= 2]
    values = [v for u in pairable for v in u]
    n = len(values)
    marg = {}
    for v in values:
        marg[v] = marg.get(v, 0) + 1
    do = 0.0
    for u in pairable:
        m = len(u)
        s = 0.0
        for i in range(m):
            for j in range(m):
                if i != j:
                    s += delta2(u[i], u[j], metric, marg)
        do += s / (m - 1)
    do /= n
    de = 0.0
    for i in range(n):
        for j in range(n):
            if i != j:
                de += delta2(values[i], values[j], metric, marg)
    de /= n * (n - 1)
    return 1 - do / de, do, de


def units_from_matrix(raters):
    """raters: list of rows (one per rater) with None for missing; returns per-unit value lists."""
    nunits = len(raters[0])
    return [[row[u] for row in raters if row[u] is not None] for u in range(nunits)]


def make_krippendorff():
    # Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", section C (4 observers, 12 units,
    # values 1-5, missing data). Published: nominal 0.743, ordinal 0.815, interval 0.849.
    N = None
    raters = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ]
    units = units_from_matrix(raters)
    out = {}
    for metric in ("nominal", "ordinal", "interval"):
        a, do, de = alpha_bruteforce(units, metric)
        out[metric] = {"alpha": a, "Do": do, "De": de}
    write(
        "krippendorff-worked-example",
        {
            "source": "K. Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, Annenberg School for Communication, section C (example with missing data)",
            "layout": "raters: one row per observer, null = missing; units = columns",
            "reference": "brute force over ordered pairs of pairable values; ordinal delta uses the marginals n_g of pairable values",
            "published": {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849},
        },
        {"alpha": {"abs": 1e-9}, "published": {"abs": 5e-4}},
        {"raters": raters},
        out,
    )

    # Seeded synthetic rubric data: 5 raters x 30 units on 1-4, about 15 % missing, raters agree imperfectly.
    rng = np.random.default_rng(4242)
    truth = rng.integers(1, 5, size=30)
    cases = []
    for case in range(3):
        raters = []
        for r in range(5):
            noise = rng.integers(-1, 2, size=30) * (rng.random(30) < 0.3 + 0.15 * case)
            row = np.clip(truth + noise, 1, 4).tolist()
            row = [None if rng.random() < 0.15 else int(v) for v in row]
            raters.append(row)
        units = units_from_matrix(raters)
        res = {}
        for metric in ("nominal", "ordinal", "interval"):
            a, do, de = alpha_bruteforce(units, metric)
            res[metric] = {"alpha": a, "Do": do, "De": de}
        cases.append({"raters": raters, "expected": res})
    write(
        "krippendorff-bruteforce",
        {
            "reference": "brute force over ordered pairs of pairable values (units with >= 2 values)",
            "data": "seeded synthetic ratings, numpy default_rng(4242): 5 raters x 30 units, scale 1-4, ~15 % missing",
        },
        {"alpha": {"abs": 1e-9}},
        {"cases": [c["raters"] for c in cases]},
        {"cases": [c["expected"] for c in cases]},
    )


# ---------------------------------------------------------------- real series: HoA box, Crime at Sea


def in_hoa_box(lon, lat):
    """EVALUATION.md §2: lat -12..22, lon 40..70, minus lat > 15.5 and lon < 43.5 (central/northern Red Sea)."""
    if not (-12 <= lat <= 22 and 40 <= lon <= 70):
        return False
    return not (lat > 15.5 and lon < 43.5)


def make_hoa_counts():
    import csv

    path = os.path.join(HERE, "..", "..", "..", "..", "shared", "testdata", "piracy", "crime-at-sea", "pirate_attacks.csv")
    if not os.path.exists(path):
        print("skipping HoA counts:", os.path.normpath(path), "not found")
        return
    attacks = {"Hijacked", "Boarded", "Boarding", "Fired Upon", "Attempted"}
    months = [f"{y}-{m:02d}" for y in range(2002, 2010) for m in range(1, 13)]
    counts = {m: 0 for m in months}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if r["attack_type"] not in attacks or r["longitude"] == "NA" or r["latitude"] == "NA":
                continue
            month = r["date"][:7]
            if month in counts and in_hoa_box(float(r["longitude"]), float(r["latitude"])):
                counts[month] += 1
    write(
        "warn-hoa-crime-at-sea",
        {
            "source": "Benden, Feng, Howell & Dalla Riva (2021), Crime at Sea: A Global Database of Maritime Pirate Attacks (1993-2020), Journal of Open Humanities Data 7:19, https://doi.org/10.5334/johd.39. CC BY 4.0 (upstream README: BY-SA 4.0). Aggregated monthly counts only.",
            "file": "../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv, read in place",
            "measure": "all attacks: attack_type in Hijacked, Boarded, Boarding, Fired Upon, Attempted",
            "area": "HoA box of EVALUATION.md section 2 (lat -12..22, lon 40..70, minus lat > 15.5 and lon < 43.5); rows with NA positions dropped",
            "window": "2002-01 .. 2009-12 (36-month baseline before the 2005-2009 monitoring window)",
            "note": "Counts are reported incidents, not all incidents",
        },
        {"counts": "exact"},
        {"months": months},
        {"counts": [counts[m] for m in months]},
    )


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    make_bocpd()
    make_krippendorff()
    make_hoa_counts()
    print("fixtures written to", os.path.normpath(OUT))
