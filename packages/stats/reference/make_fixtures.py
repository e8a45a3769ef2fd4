#!/usr/bin/python3
"""Golden fixtures for packages/stats (EVALUATION.md §6.1), reference side Python.

Run from the repository root with Debian's interpreter (not a pyenv one):
    /usr/bin/python3 packages/stats/reference/make_fixtures.py
Needs: apt-get install -y python3-statsmodels python3-scipy   (Debian 12: statsmodels 0.13.5)
Inputs are seeded synthetic series written into each fixture (design matrix included).
"""
import json
import os
import sys

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
import statsmodels.api as sm
from statsmodels.discrete.discrete_model import NegativeBinomial
from statsmodels.stats.diagnostic import acorr_ljungbox

OUT = os.path.join("packages", "stats", "test", "fixtures")
SCRIPT = "packages/stats/reference/make_fixtures.py"
GENERATOR = {
    "program": "python3",
    "version": sys.version.split()[0],
    "packages": {"statsmodels": statsmodels.__version__, "scipy": scipy.__version__, "numpy": np.__version__},
    "script": SCRIPT,
}


def write(name, conventions, tolerance, inputs, outputs):
    obj = {"name": name, "generator": GENERATOR, "conventions": conventions, "tolerance": tolerance,
           "inputs": inputs, "outputs": outputs}
    path = os.path.join(OUT, name + ".json")
    with open(path, "w") as f:
        json.dump(obj, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote", path)


def its_design(n, t0):
    """The §4.3 ITS design: trend from T0, level step, slope change, Fourier K=1."""
    t = np.arange(1, n + 1) - t0
    D = (t >= 0).astype(float)
    m = (np.arange(n) % 12) + 1
    X = np.column_stack([np.ones(n), t, D, t * D, np.sin(2 * np.pi * m / 12), np.cos(2 * np.pi * m / 12)])
    return X, ["intercept", "t", "level", "slope", "sin1", "cos1"]


def covs(model, lag, groups):
    """Fisher, HC0, HC1 (GLM: n/(n-p) by hand, statsmodels has no HC1 for GLM), cluster, HAC."""
    out = {}
    fit = model.fit(tol=1e-12, maxiter=100)
    out["fisher"] = fit.cov_params().tolist()
    hc0 = model.fit(tol=1e-12, maxiter=100, cov_type="HC0")
    out["HC0"] = hc0.cov_params().tolist()
    cl = model.fit(tol=1e-12, maxiter=100, cov_type="cluster", cov_kwds={"groups": groups, "use_correction": True})
    out["CR1"] = cl.cov_params().tolist()
    hac = model.fit(tol=1e-12, maxiter=100, cov_type="HAC", cov_kwds={"maxlags": lag, "use_correction": False})
    out["HAC"] = hac.cov_params().tolist()
    return fit, out


def glm_poisson():
    rng = np.random.default_rng(20261129)
    n = 150
    X, names = its_design(n, 76)
    E = np.round(rng.uniform(0.5, 2.0, n), 3)
    off = np.log(E)
    mu = np.exp(X @ np.array([1.2, 0.006, -0.35, -0.012, 0.2, 0.3]) + off)
    y = rng.poisson(mu)
    groups = np.arange(n) // 12
    model = sm.GLM(y, X, family=sm.families.Poisson(), offset=off)
    fit, cv = covs(model, 4, groups)
    write("glm_poisson_statsmodels",
          {"fit": "sm.GLM(y, X, family=Poisson(), offset=log(E)).fit(tol=1e-12, maxiter=100)",
           "covariance": "cov_type HC0; cluster (use_correction=True); HAC (maxlags=L, use_correction=False, Bartlett)",
           "comparison": "as glm_poisson_offset_weights (R); the log link is canonical for Poisson, so "
                         "statsmodels' observed-Hessian bread equals the expected (XᵀWX)⁻¹"},
          {"coefficients": 1e-6, "deviance": 1e-8, "logLik": 1e-8, "pearsonChi2": 1e-8, "fisher": 1e-6,
           "HC0": 1e-6, "CR1": 1e-6, "HAC_se": 1e-3},
          {"X": X.tolist(), "names": names, "y": y.tolist(), "offset": off.tolist(),
           "cluster": groups.tolist(), "hacLag": 4},
          dict({"coefficients": fit.params.tolist(), "deviance": fit.deviance, "logLik": fit.llf,
                "aic": fit.aic, "pearsonChi2": fit.pearson_chi2, "mu": fit.mu.tolist()}, **cv))


def nb2_ml():
    rng = np.random.default_rng(20261130)
    n = 132
    X, names = its_design(n, 61)
    E = np.round(rng.uniform(0.8, 1.5, n), 3)
    off = np.log(E)
    mu = np.exp(X @ np.array([1.9, 0.003, -0.45, -0.01, 0.3, -0.1]) + off)
    alpha = 0.25
    y = rng.negative_binomial(1 / alpha, 1 / (1 + alpha * mu))
    m = NegativeBinomial(y, X, loglike_method="nb2", offset=off)
    start = np.append(sm.GLM(y, X, family=sm.families.Poisson(), offset=off).fit().params, 0.1)
    res = m.fit(start_params=start, method="newton", maxiter=200, tol=1e-14, disp=0)
    res = m.fit(start_params=res.params, method="bfgs", maxiter=1000, gtol=1e-12, disp=0)
    a = float(res.params[-1])
    write("nb2_ml_statsmodels",
          {"fit": "statsmodels NegativeBinomial(y, X, loglike_method='nb2', offset=log(E)), full MLE "
                  "(newton then bfgs, gtol=1e-12); alpha is the last parameter",
           "comparison": "alpha 1e-4 relative; coefficients 1e-5 relative on the scale max(|beta|, se)"},
          {"alpha": 1e-4, "coefficients": 1e-5, "logLik": 1e-8},
          {"X": X.tolist(), "names": names, "y": y.tolist(), "offset": off.tolist()},
          {"alpha": a, "coefficients": res.params[:-1].tolist(), "se": res.bse[:-1].tolist(),
           "logLik": float(res.llf), "converged": bool(res.mle_retvals.get("converged", True))})


def dists():
    """NB2 and Poisson quantiles/cdf/pmf with SciPy's (n, p) = (1/alpha, 1/(1 + alpha mu))."""
    cases = []
    for mu in [0.2, 1.0, 3.7, 12.5, 48.0, 250.0]:
        for alpha in [0.0, 0.05, 0.4, 1.5]:
            if alpha == 0:
                d = st.poisson(mu)
            else:
                d = st.nbinom(1 / alpha, 1 / (1 + alpha * mu))
            ks = sorted({0, 1, int(mu), int(mu * 1.5) + 2, int(mu * 3) + 5})
            ps = [0.001, 0.025, 0.5, 0.9, 0.975, 0.995, 0.9999]
            cases.append({"mu": mu, "alpha": alpha, "k": ks,
                          "cdf": [float(d.cdf(k)) for k in ks], "pmf": [float(d.pmf(k)) for k in ks],
                          "p": ps, "quantile": [int(d.ppf(p)) for p in ps]})
    write("dists_nb_poisson_scipy",
          {"nb": "scipy.stats.nbinom(n=1/alpha, p=1/(1+alpha*mu)); alpha = 0 is scipy.stats.poisson(mu)"},
          {"quantile": 0, "cdf": 1e-10, "pmf": 1e-10},
          {"note": "cases are inside each output row"}, {"cases": cases})


def ljung_box():
    rng = np.random.default_rng(20261203)
    series = []
    white = rng.normal(size=60)
    ar = np.zeros(120)
    e = rng.normal(size=120)
    for t in range(1, 120):
        ar[t] = 0.45 * ar[t - 1] + e[t]
    counts = rng.poisson(4.0, 48).astype(float)
    for x in (white, ar, counts):
        r = acorr_ljungbox(x, lags=12, return_df=True)
        series.append({"x": x.tolist(), "q": r["lb_stat"].tolist(), "pValue": r["lb_pvalue"].tolist()})
    write("ljung_box_statsmodels",
          {"ljungBox": "statsmodels.stats.diagnostic.acorr_ljungbox(x, lags=12, return_df=True), model_df=0"},
          {"q": 1e-8, "pValue": 1e-8},
          {"lags": 12}, {"series": series})


if __name__ == "__main__":
    glm_poisson()
    nb2_ml()
    dists()
    ljung_box()
