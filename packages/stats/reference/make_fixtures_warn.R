#!/usr/bin/env Rscript
# Golden fixtures for synthetic-control weights and the Poisson CUSUM ARL (EVALUATION.md §6.1).
#
# Run by hand, never in CI:
#   apt-get install -y r-base-core r-cran-quadprog r-cran-surveillance r-cran-jsonlite
#   Rscript packages/stats/reference/make_fixtures_warn.R
#
# Writes packages/stats/test/fixtures/{scm-weights-fixed-v,cusum-arl-poisson}.json as
# {name, generator, conventions, tolerance, inputs, outputs}.
suppressMessages({
  library(quadprog)
  library(surveillance)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = FALSE)
script_path <- sub("^--file=", "", args[grepl("^--file=", args)])
here <- if (length(script_path) == 1) dirname(normalizePath(script_path)) else "packages/stats/reference"
out_dir <- file.path(here, "..", "test", "fixtures")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

generator <- list(
  program = "R",
  version = paste(R.version$major, R.version$minor, sep = "."),
  packages = list(
    quadprog = as.character(packageVersion("quadprog")),
    surveillance = as.character(packageVersion("surveillance")),
    jsonlite = as.character(packageVersion("jsonlite"))
  ),
  script = "packages/stats/reference/make_fixtures_warn.R"
)

write_fixture <- function(name, conventions, tolerance, inputs, outputs) {
  doc <- list(name = name, generator = generator, conventions = conventions,
              tolerance = tolerance, inputs = inputs, outputs = outputs)
  writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, null = "null"),
             file.path(out_dir, paste0(name, ".json")))
}

# ------------------------------------------------------------------ SCM weights, V = I
# Predictors: rows = predictors, columns = units (treated first). Each row is scaled by its SD
# across all units (treated and donors); then w* = argmin ½ wᵀQw + cᵀw, w ≥ 0, Σw = 1 with
# Q = 2 X0ᵀ X0 + εI, ε = 1e-10 · max diag(2 X0ᵀ X0), c = −2 X0ᵀ X1.
scm_weights <- function(X) {
  Xs <- X / apply(X, 1, sd)
  X1 <- Xs[, 1]
  X0 <- Xs[, -1, drop = FALSE]
  J <- ncol(X0)
  Q0 <- 2 * crossprod(X0)
  eps <- 1e-10 * max(diag(Q0))
  Q <- Q0 + eps * diag(J)
  cvec <- -2 * crossprod(X0, X1)
  sol <- solve.QP(Dmat = Q, dvec = -cvec, Amat = cbind(rep(1, J), diag(J)),
                  bvec = c(1, rep(0, J)), meq = 1)
  w <- pmax(sol$solution, 0)
  w <- w / sum(w)
  list(weights = w, objective = sol$value, ridge = eps)
}

make_case <- function(seed, k, J, shift) {
  set.seed(seed)
  base <- matrix(rgamma(k * (J + 1), shape = 4, rate = 1), nrow = k)
  # Smooth level differences across units make the predictor rows correlated, as yearly means are.
  level <- rgamma(J + 1, shape = 6, rate = 2)
  X <- sweep(base, 2, level, "+")
  X[, 1] <- X[, 1] + shift
  res <- scm_weights(X)
  list(inputs = list(X = unname(lapply(seq_len(nrow(X)), function(i) X[i, ]))),
       outputs = list(weights = res$weights, objective = res$objective, ridge = res$ridge))
}

cases <- list(
  make_case(101, k = 8, J = 20, shift = 0.8),
  make_case(202, k = 10, J = 6, shift = 0.0),
  make_case(303, k = 5, J = 40, shift = 1.5)
)
write_fixture(
  "scm-weights-fixed-v",
  list(
    predictors = "X: k rows (predictors) x units (column 1 = treated, then donors); seeded synthetic gamma data",
    scaling = "each row divided by its sample SD across all units (the n-1 vs n choice cannot change the weights)",
    qp = "min 1/2 w'Qw + c'w, w >= 0, sum w = 1; Q = 2 X0'X0 + eps I, eps = 1e-10 max diag(2 X0'X0); c = -2 X0'X1; V = I",
    solver = "quadprog::solve.QP (Goldfarb-Idnani), meq = 1; tiny negative round-off clipped to 0 and renormalised",
    seeds = "set.seed(101), (202), (303)"
  ),
  list(weights = list(abs = 1e-6)),
  list(cases = lapply(cases, `[[`, "inputs")),
  list(cases = lapply(cases, `[[`, "outputs"))
)

# ------------------------------------------------------------------ Poisson CUSUM ARL
# surveillance::arlCusum works on S' = max(0, S' + x - k) with k on a 1/denrat lattice and
# alarms when S' >= h (its in-control states are 0 .. h - 1/denrat). Entente's statistic is
# S = ln(rho) S' with k = (rho - 1) mu0 / ln(rho) and alarms when S > h_entente. Both agree on
# the lattice when h_entente = ln(rho) (h - 1/(2 denrat)), which the fixture records.
arl_case <- function(k, rho, h) {
  mu0 <- k * log(rho) / (rho - 1)
  denrat <- surveillance:::commonDenom(h, k, digits = 1)
  arl <- arlCusum(h = h, k = k, theta = mu0, distr = "poisson", digits = 1)
  list(inputs = list(mu0 = mu0, rho = rho, k = k, h = h, denrat = denrat,
                     hEntente = log(rho) * (h - 1 / (2 * denrat))),
       outputs = list(arl = arl$ARL))
}
arl_cases <- list(arl_case(3.5, 2, 4.5), arl_case(2.5, 1.5, 6), arl_case(1.2, 3, 2.5))
write_fixture(
  "cusum-arl-poisson",
  list(
    reference = "surveillance::arlCusum (Brook-Evans Markov chain), Poisson, constant in-control mean theta = mu0, digits = 1",
    statistic = "S' = max(0, S' + y - k), alarm when S' >= h; Entente S = ln(rho) S', alarm when S > hEntente",
    threshold = "hEntente = ln(rho) * (h - 1/(2 denrat)) puts Entente's strict threshold half a lattice step below h",
    runLength = "ARL counts months up to and including the alarm, starting from S = 0 (zero-state ARL)"
  ),
  list(arl = list(rel = 0.05, mcSe = 3)),
  list(cases = lapply(arl_cases, `[[`, "inputs")),
  list(cases = lapply(arl_cases, `[[`, "outputs"))
)
# ------------------------------------------------------------------ type-7 quantiles (synthesis)
set.seed(77)
q_inputs <- list(sample(1:5, 23, replace = TRUE), c(2.5, -1, 7.25, 3, 3, 0.125), round(rnorm(40), 6))
probs <- c(0, 0.025, 0.25, 0.5, 0.75, 0.975, 1)
write_fixture(
  "quantile-type7-synthesis",
  list(reference = "stats::quantile(x, probs, type = 7, names = FALSE)", data = "set.seed(77): Likert draws, a hand vector, normal draws"),
  list(quantile = list(abs = 1e-12)),
  list(cases = lapply(q_inputs, function(x) list(x = x)), probs = probs),
  list(cases = lapply(q_inputs, function(x) list(q = quantile(x, probs, type = 7, names = FALSE))))
)
cat("fixtures written to", normalizePath(out_dir), "\n")
