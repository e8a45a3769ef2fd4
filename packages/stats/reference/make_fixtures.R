#!/usr/bin/env Rscript
# Golden fixtures for packages/stats (EVALUATION.md §6.1), reference side R.
# Run from the repository root:  Rscript packages/stats/reference/make_fixtures.R
# Needs: apt-get install -y r-base-core r-cran-mass r-cran-sandwich r-cran-jsonlite
# Every input is seeded synthetic data written into the fixture (design matrix included), so the
# TypeScript tests never need R. Regenerating is a deliberate, reviewed change.
suppressPackageStartupMessages({ library(MASS); library(sandwich); library(jsonlite) })

out_dir <- file.path("packages", "stats", "test", "fixtures")
script <- "packages/stats/reference/make_fixtures.R"
generator <- list(
  program = "R", version = R.version.string,
  packages = list(MASS = as.character(packageVersion("MASS")),
                  sandwich = as.character(packageVersion("sandwich")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  script = script)

write_fixture <- function(name, conventions, tolerance, inputs, outputs) {
  obj <- list(name = name, generator = generator, conventions = conventions,
              tolerance = tolerance, inputs = inputs, outputs = outputs)
  path <- file.path(out_dir, paste0(name, ".json"))
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, pretty = TRUE, matrix = "rowmajor"), path)
  cat("wrote", path, "\n")
}

# ITS-like design of §4.3: trend from T0, level step, slope change, one Fourier pair.
its_design <- function(n, t0) {
  t <- seq_len(n) - t0
  D <- as.numeric(t >= 0)
  m <- ((seq_len(n) - 1) %% 12) + 1
  X <- cbind(intercept = 1, t = t, level = D, slope = t * D,
             sin1 = sin(2 * pi * m / 12), cos1 = cos(2 * pi * m / 12))
  X
}

ctl <- glm.control(epsilon = 1e-12, maxit = 100)
comparison <- paste(
  "relative tolerances; a coefficient is compared on the scale max(|beta|, se_fisher(beta)) so that",
  "near-zero coefficients are not judged by meaningless relative digits; a covariance entry on the",
  "scale sqrt(V_ii V_jj) (relative on the diagonal, correlation units off it); HAC by its standard errors")
covs <- function(fit, cluster, lag) list(
  # dispersion = 1: summary.glm would otherwise estimate it for negative.binomial(θ) families.
  fisher = unname(vcov(fit, dispersion = 1)),
  HC0 = unname(vcovHC(fit, type = "HC0")),
  HC1 = unname(vcovHC(fit, type = "HC1")),
  CR1 = unname(vcovCL(fit, cluster = cluster, type = "HC1", cadjust = TRUE)),
  HAC = unname(NeweyWest(fit, lag = lag, prewhite = FALSE, adjust = FALSE)))

# 1. Poisson with offset and prior weights -------------------------------------------------
set.seed(20261129)
n <- 120
X <- its_design(n, 61)
E <- round(runif(n, 0.5, 2), 3)
off <- log(E)
mu <- exp(drop(X %*% c(1.5, 0.005, -0.4, -0.01, 0.3, -0.2)) + off)
y <- rpois(n, mu)
w <- sample(c(0.5, 1, 1.5, 2), n, replace = TRUE)
cl <- (seq_len(n) - 1) %/% 12
fit <- glm(y ~ 0 + X, offset = off, weights = w, family = poisson, control = ctl)
stopifnot(fit$converged)
write_fixture("glm_poisson_offset_weights",
  conventions = list(
    fit = "glm(y ~ 0 + X, offset = log(E), weights = w, family = poisson, control = glm.control(epsilon = 1e-12, maxit = 100))",
    covariance = "vcov; sandwich::vcovHC HC0/HC1; vcovCL(cluster, type='HC1', cadjust=TRUE); NeweyWest(lag, prewhite=FALSE, adjust=FALSE)",
    logLik = "sum(w * dpois(y, mu, log = TRUE)); aic = -2 logLik + 2p", comparison = comparison),
  tolerance = list(coefficients = 1e-6, deviance = 1e-8, logLik = 1e-8, pearsonChi2 = 1e-8,
                   fisher = 1e-6, HC0 = 1e-6, HC1 = 1e-6, CR1 = 1e-6, HAC_se = 1e-3),
  inputs = list(X = unname(X), names = colnames(X), y = y, offset = off, weights = w,
                cluster = cl, hacLag = 4),
  outputs = c(list(coefficients = unname(coef(fit)), deviance = fit$deviance,
                   logLik = as.numeric(logLik(fit)), aic = fit$aic,
                   pearsonChi2 = sum(residuals(fit, "pearson")^2), iterations = fit$iter,
                   mu = unname(fitted(fit))),
              covs(fit, cl, 4)))

# 2. NB2 by maximum likelihood (MASS::glm.nb), offset, no weights -------------------------
set.seed(20261130)
n <- 144
X <- its_design(n, 73)
E <- round(runif(n, 0.8, 1.5), 3)
off <- log(E)
mu <- exp(drop(X %*% c(2.2, 0.004, -0.5, -0.015, 0.25, 0.1)) + off)
y <- rnbinom(n, size = 1 / 0.35, mu = mu)
cl <- (seq_len(n) - 1) %/% 12
fit <- glm.nb(y ~ 0 + X + offset(off), control = ctl)
# Polish θ beyond theta.ml's default tolerance (eps^0.25) so the fixture is not the weak link.
for (k in 1:5) {
  th <- theta.ml(y, fitted(fit), limit = 100, eps = 1e-10)
  fit <- glm.nb(y ~ 0 + X + offset(off), init.theta = as.numeric(th), control = ctl)
}
write_fixture("glm_nb2_ml",
  conventions = list(
    fit = "MASS::glm.nb(y ~ 0 + X + offset(log(E)), control = glm.control(epsilon = 1e-12, maxit = 100)), theta polished with theta.ml(eps = 1e-10); alpha = 1/theta",
    covariance = "sandwich on the glm.nb object (dispersion 1, alpha treated as known): vcovHC HC0/HC1; vcovCL(type='HC1', cadjust=TRUE); NeweyWest(lag, prewhite=FALSE, adjust=FALSE)",
    logLik = "logLik(glm.nb); aic = -2 logLik + 2(p + 1)", comparison = comparison),
  tolerance = list(alpha = 1e-4, coefficients = 1e-5, deviance = 1e-6, logLik = 1e-8, pearsonChi2 = 1e-5,
                   fisher = 1e-5, HC0 = 1e-5, HC1 = 1e-5, CR1 = 1e-5, HAC_se = 1e-3),
  inputs = list(X = unname(X), names = colnames(X), y = y, offset = off, cluster = cl, hacLag = 5),
  outputs = c(list(theta = fit$theta, alpha = 1 / fit$theta, coefficients = unname(coef(fit)),
                   deviance = fit$deviance, logLik = as.numeric(logLik(fit)), aic = fit$aic,
                   pearsonChi2 = sum(residuals(fit, "pearson")^2), mu = unname(fitted(fit))),
              covs(fit, cl, 5)))

# 3. NB2 with alpha fixed, sparse counts (many zeros) and prior weights ---------------------
set.seed(20261201)
n <- 96
X <- its_design(n, 49)
off <- rep(0, n)
mu <- exp(drop(X %*% c(-0.6, 0.01, -0.8, -0.02, 0.4, 0.2)))
y <- rnbinom(n, size = 2, mu = mu)
w <- sample(c(1, 2), n, replace = TRUE)
cl <- (seq_len(n) - 1) %/% 12
fit <- glm(y ~ 0 + X, weights = w, family = negative.binomial(theta = 2), control = ctl)
# IRLS is Fisher scoring, linear for the non-canonical NB2 log link: at the 1e-12 deviance rule R's
# own β is ~1e-7 from the optimum and vcov ~3e-6. Polish so the reference is the optimum itself.
fit <- glm(y ~ 0 + X, weights = w, family = negative.binomial(theta = 2), start = coef(fit),
           control = glm.control(epsilon = 1e-16, maxit = 200))
stopifnot(fit$converged)
write_fixture("glm_nb2_fixed_alpha_sparse",
  conventions = list(
    fit = "glm(y ~ 0 + X, weights = w, family = MASS::negative.binomial(theta = 2), control = glm.control(epsilon = 1e-12, maxit = 100)), then restarted from its coefficients with epsilon = 1e-16; alpha = 0.5",
    covariance = "vcov (dispersion 1 for 'Negative Binomial' families); sandwich HC0/HC1/CL/NeweyWest as above",
    logLik = "sum(w * dnbinom(y, size = theta, mu = mu, log = TRUE))", comparison = comparison),
  # Pearson χ² is linear in the error of μ (the deviance is quadratic at the optimum), and IRLS
  # for NB2 (non-canonical link) converges linearly, so it gets the coefficient tolerance.
  # Covariances 1e-5: the mandated 1e-12 deviance rule itself leaves ~1e-6 in them for NB2.
  tolerance = list(coefficients = 1e-6, deviance = 1e-8, logLik = 1e-8, pearsonChi2 = 1e-6,
                   fisher = 1e-5, HC0 = 1e-5, HC1 = 1e-5, CR1 = 1e-5, HAC_se = 1e-3),
  inputs = list(X = unname(X), names = colnames(X), y = y, weights = w, alpha = 0.5,
                cluster = cl, hacLag = 3, zeroShare = mean(y == 0)),
  outputs = c(list(coefficients = unname(coef(fit)), deviance = fit$deviance,
                   logLik = sum(w * dnbinom(y, size = 2, mu = fitted(fit), log = TRUE)),
                   pearsonChi2 = sum(residuals(fit, "pearson")^2), mu = unname(fitted(fit))),
              covs(fit, cl, 3)))

# 4. Exact rates: poisson.test (two-sample, one-sample) and binom.test ---------------------
rr_cases <- list(c(12, 12, 30, 12), c(0, 6, 9, 6), c(7, 10, 0, 8), c(150, 24.5, 210, 30),
                 c(1, 1, 1, 1), c(3, 2.5, 17, 12), c(48, 36, 20, 36))
rr <- lapply(rr_cases, function(v) {
  r <- poisson.test(c(v[1], v[3]), c(v[2], v[4]))
  list(y1 = v[1], e1 = v[2], y0 = v[3], e0 = v[4], conf = 0.95,
       estimate = if (is.finite(r$estimate)) unname(r$estimate) else "Infinity",
       ci = lapply(as.numeric(r$conf.int), function(x) if (is.finite(x)) x else "Infinity"),
       pValue = r$p.value)
})
bt_cases <- list(c(0, 10, 0.5), c(10, 10, 0.3), c(3, 17, 0.25), c(55, 120, 0.4), c(1, 1, 0.5),
                 c(200, 1000, 0.2), c(12, 42, 0.5))
bt <- lapply(bt_cases, function(v) {
  r <- binom.test(v[1], v[2], v[3])
  list(x = v[1], n = v[2], p0 = v[3], conf = 0.95, ci = unname(as.numeric(r$conf.int)), pValue = r$p.value)
})
gw_cases <- list(c(0, 1, 1), c(1, 12, 0.5), c(27, 12, 2), c(400, 36, 10), c(5, 0.25, 30))
gw <- lapply(gw_cases, function(v) {
  r <- poisson.test(v[1], v[2], v[3])
  list(y = v[1], exposure = v[2], r0 = v[3], conf = 0.95, ci = unname(as.numeric(r$conf.int)),
       pValue = r$p.value)
})
# Over-dispersed Wald RR (§4.2): phi from the pre-window months, with and without exposure.
set.seed(20261205)
wald_cases <- lapply(1:3, function(k) {
  pre <- rnbinom(12, size = c(1.5, 4, 50)[k], mu = 9)
  E <- if (k == 2) round(runif(12, 0.7, 1.4), 3) else rep(1, 12)
  m <- sum(pre) * E / sum(E)
  phi <- max(1, sum((pre - m)^2 / m) / (length(pre) - 1))
  y0 <- sum(pre); e0 <- sum(E); y1 <- c(60, 131, 97)[k]; e1 <- 12
  rr <- (y1 / e1) / (y0 / e0)
  half <- qnorm(0.975) * sqrt(phi) * sqrt(1 / y0 + 1 / y1)
  list(pre = pre, exposure = E, useExposure = k == 2, y1 = y1, e1 = e1, y0 = y0, e0 = e0,
       phi = phi, estimate = rr, ci = rr * exp(c(-1, 1) * half))
})
# Before/after (§4.2) on a monthly series: equal windows adjacent to T0 after a transition gap.
set.seed(20261207)
ba_y <- rnbinom(40, size = 2, mu = rep(c(14, 9), each = 20))
ba_E <- round(runif(40, 0.8, 1.2), 3)
ba_t0 <- 20; ba_gap <- 2; ba_len <- 12
ba_pre <- (ba_t0 - ba_len + 1):ba_t0; ba_post <- (ba_t0 + ba_gap + 1):(ba_t0 + ba_gap + ba_len)
ba_test <- poisson.test(c(sum(ba_y[ba_post]), sum(ba_y[ba_pre])), c(sum(ba_E[ba_post]), sum(ba_E[ba_pre])))
ba_m <- sum(ba_y[ba_pre]) * ba_E[ba_pre] / sum(ba_E[ba_pre])
ba_phi <- max(1, sum((ba_y[ba_pre] - ba_m)^2 / ba_m) / (ba_len - 1))
ba_half <- qnorm(0.975) * sqrt(ba_phi) * sqrt(1 / sum(ba_y[ba_pre]) + 1 / sum(ba_y[ba_post]))
before_after <- list(y = ba_y, exposure = ba_E, t0Index = ba_t0, transitionMonths = ba_gap,
  windowMonths = ba_len, y0 = sum(ba_y[ba_pre]), y1 = sum(ba_y[ba_post]),
  rateRatio = unname(ba_test$estimate), exactCi = as.numeric(ba_test$conf.int),
  pValue = ba_test$p.value, phi = ba_phi,
  waldCi = unname(ba_test$estimate) * exp(c(-1, 1) * ba_half))
write_fixture("rates_exact",
  conventions = list(rateRatio = "poisson.test(c(y1, y0), c(e1, e0)); the string Infinity encodes an infinite estimate or bound",
                     clopperPearson = "binom.test(x, n, p0)", garwood = "poisson.test(y, exposure, r0)",
                     wald = "exp(log RR -/+ qnorm(0.975) sqrt(phi) sqrt(1/y0 + 1/y1)), phi = max(1, sum((y - m)^2/m)/(n - 1)), m = pooled rate x exposure"),
  tolerance = list(ci = 1e-6, pValue = 1e-6, estimate = 1e-12),
  inputs = list(note = "cases are inside each output row"),
  outputs = list(rateRatio = rr, binomial = bt, garwood = gw, wald = wald_cases,
                 beforeAfter = before_after))

# 5. Type-7 quantiles ---------------------------------------------------------------------
set.seed(20261202)
samples <- list(c(42), c(3, 1), c(1, 2, 3, 4), c(5, 5, 5, 1, 9, 9, 2),
                round(rnorm(17, 10, 4), 4), rpois(31, 2.5), -rexp(50, 0.3))
probs <- c(0, 0.01, 0.1, 0.25, 0.333, 0.5, 0.75, 0.9, 0.99, 1)
write_fixture("type7_quantiles",
  conventions = list(quantile = "quantile(x, probs, type = 7, names = FALSE)"),
  tolerance = list(quantile = 1e-12),
  inputs = list(samples = lapply(samples, I), probs = probs),
  outputs = list(quantiles = lapply(samples, function(x) quantile(x, probs, type = 7, names = FALSE))))

# 6. ITS end to end (§4.3): design builder, NB2 by ML, HAC, effects, counterfactual, placebos --
# The design is rebuilt here from its definition, independently of the TypeScript builder.
its_full_design <- function(n, start_month, t0_index, K, switches) {
  i <- seq_len(n) - 1
  t <- i - t0_index
  D <- as.numeric(t >= 0)
  m <- ((start_month - 1 + i) %% 12) + 1
  X <- cbind(intercept = 1, t = t, level = D, slope = t * D)
  for (k in seq_len(K)) {
    X <- cbind(X, sin(2 * pi * k * m / 12), cos(2 * pi * k * m / 12))
    colnames(X)[ncol(X) - 1:0] <- c(paste0("sin", k), paste0("cos", k))
  }
  for (s in switches) {
    X <- cbind(X, as.numeric(i >= s))
    colnames(X)[ncol(X)] <- paste0("switch@", s)
  }
  X
}
nw_lag <- function(T) max(1, floor(4 * (T / 100)^(2 / 9)))
wald <- function(fit, V, j) {
  b <- coef(fit)[j]; se <- sqrt(V[j, j]); z <- b / se
  list(coefficient = unname(b), se = se, z = unname(z), pValue = unname(2 * pnorm(-abs(z))),
       irr = unname(exp(b)), ci = unname(exp(b + c(-1, 1) * qnorm(0.975) * se)))
}
set.seed(20261204)
n <- 120; start_month <- 7; t0 <- 60; sw <- 90
E <- round(runif(n, 0.8, 1.3), 3)
X <- its_full_design(n, start_month, t0, 2, sw)
mu <- exp(drop(X %*% c(2.0, 0.004, -0.35, -0.008, 0.25, -0.15, 0.05, 0.08, 0.3)) + log(E))
y <- rnbinom(n, size = 1 / 0.2, mu = mu)
fit <- glm.nb(y ~ 0 + X + offset(log(E)), control = ctl)
for (k in 1:5) {
  th <- theta.ml(y, fitted(fit), limit = 100, eps = 1e-10)
  fit <- glm.nb(y ~ 0 + X + offset(log(E)), init.theta = as.numeric(th), control = ctl)
}
L <- nw_lag(n)
V <- NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)
b <- coef(fit)
cf_cols <- setdiff(seq_len(ncol(X)), c(3, 4))
mu0 <- exp(drop(X[, cf_cols] %*% b[cf_cols]) + log(E))
muhat <- unname(fitted(fit))
post <- (seq_len(n) - 1) >= t0
pear <- residuals(fit, "pearson")
lb <- Box.test(pear, lag = 12, type = "Ljung-Box")
# Placebo breaks on the pre-period only, every T0' with >= 12 months on each side.
pre <- seq_len(t0)
zl <- c(); zs <- c()
for (tp in 12:(t0 - 12)) {
  Xp <- its_full_design(t0, start_month, tp, 2, integer(0))
  fp <- suppressWarnings(glm.nb(y[pre] ~ 0 + Xp + offset(log(E[pre])), control = ctl))
  Vp <- NeweyWest(fp, lag = nw_lag(t0), prewhite = FALSE, adjust = FALSE)
  zl <- c(zl, coef(fp)[3] / sqrt(Vp[3, 3])); zs <- c(zs, coef(fp)[4] / sqrt(Vp[4, 4]))
}
wl <- wald(fit, V, 3); ws <- wald(fit, V, 4)
write_fixture("its_nb2",
  conventions = list(
    design = "t = row - T0; D = 1[t >= 0]; m = calendar month from startMonth; K = 2 Fourier pairs; a step at each source switch inside the window",
    fit = "MASS::glm.nb(y ~ 0 + X + offset(log(E))) with theta polished by theta.ml(eps = 1e-10)",
    covariance = "sandwich::NeweyWest(fit, lag = max(1, floor(4 (T/100)^(2/9))), prewhite = FALSE, adjust = FALSE)",
    effects = "IRR = exp(b), CI exp(b -/+ qnorm(0.975) se), p = 2 pnorm(-|z|)",
    counterfactual = "mu0 = exp(eta without level and slope terms); averted = sum over t >= 0 of (mu0 - muhat)",
    placebo = "pre-period rows only, every T0' in 12..(T0 - 12), same design rules, HAC lag by the pre length; p = (1 + #{|z'| >= |z|})/(1 + P)",
    ljungBox = "Box.test(pearson residuals, lag = 12, type = 'Ljung-Box')",
    comparison = comparison),
  tolerance = list(design = 1e-12, alpha = 1e-4, coefficients = 1e-5, HAC_se = 1e-3,
                   irr = 1e-5, ci = 1e-3, pValue = 1e-3, mu = 1e-5, averted = 1e-4, placeboZ = 1e-3,
                   ljungBox = 1e-5),
  inputs = list(y = y, months = n, startMonth = start_month, t0Index = t0, exposure = E,
                sourceSwitches = I(sw), X = unname(X), names = colnames(X)),
  outputs = list(alpha = 1 / fit$theta, coefficients = unname(b), hacLag = L,
                 hacSe = sqrt(diag(V)), fisherSe = sqrt(diag(vcov(fit))),
                 level = wl, slope = ws, preTrend = wald(fit, V, 2),
                 fitted = muhat, counterfactual = unname(mu0), averted = sum((mu0 - muhat)[post]),
                 placebo = list(zLevel = unname(zl), zSlope = unname(zs),
                                pLevel = (1 + sum(abs(zl) >= abs(wl$z))) / (1 + length(zl)),
                                pSlope = (1 + sum(abs(zs) >= abs(ws$z))) / (1 + length(zs))),
                 ljungBox = list(q = unname(lb$statistic), pValue = lb$p.value)))

# 7. ITS, short series: K = 1 (< 48 months), a 2-month transition excluded, an extra break -----
# Excluded months get prior weight 0 and stay in place, so HAC lags keep calendar spacing.
# sandwich scales its bread by the number of positive-weight rows k but divides the meat by all
# rows n; with zero weights that leaves a factor (k/n)^2 against §5.3, undone here.
set.seed(20261206)
n <- 44; start_month <- 3; t0 <- 20; trans <- 2; brk <- 32
i0 <- seq_len(n) - 1
X <- its_full_design(n, start_month, t0, 1, integer(0))
X <- cbind(X, "level@32" = as.numeric(i0 >= brk), "slope@32" = (i0 - brk) * as.numeric(i0 >= brk))
w <- as.numeric(!((i0 - t0) >= 0 & (i0 - t0) < trans))
mu <- exp(drop(X %*% c(2.3, 0.01, -0.5, 0.005, 0.2, -0.1, 0.3, -0.02)))
y <- rnbinom(n, size = 1 / 0.3, mu = mu)
fit <- glm.nb(y ~ 0 + X, weights = w, control = ctl)
for (k in 1:5) {
  th <- theta.ml(y[w > 0], fitted(fit)[w > 0], limit = 100, eps = 1e-10)
  fit <- glm.nb(y ~ 0 + X, weights = w, init.theta = as.numeric(th), control = ctl)
}
L <- nw_lag(n)
kpos <- sum(w > 0)
V <- NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE) * (n / kpos)^2
b <- coef(fit)
cf_cols <- setdiff(seq_len(ncol(X)), c(3, 4, 7, 8))
mu0 <- exp(drop(X[, cf_cols] %*% b[cf_cols]))
muhat <- exp(drop(X %*% b))
post <- (i0 - t0) >= 0
write_fixture("its_nb2_short_transition",
  conventions = list(
    design = "as its_nb2, K = 1 below 48 months; extra break b adds 1[row >= b] and (row - b) 1[row >= b]; transition months get prior weight 0",
    fit = "MASS::glm.nb(y ~ 0 + X, weights = w), theta polished by theta.ml on positive-weight rows",
    covariance = "NeweyWest(fit, lag, prewhite = FALSE, adjust = FALSE) * (n/k)^2, k = rows with positive weight (undoes sandwich's zero-weight scaling)",
    counterfactual = "mu0 without level, slope and the extra break's pair; averted over every row with t >= 0, transition included",
    comparison = comparison),
  tolerance = list(design = 1e-12, alpha = 1e-4, coefficients = 1e-5, HAC_se = 1e-3, mu = 1e-5, averted = 1e-4),
  inputs = list(y = y, months = n, startMonth = start_month, t0Index = t0, transitionMonths = trans,
                extraBreaks = I(brk), X = unname(X), names = colnames(X), weights = w),
  outputs = list(alpha = 1 / fit$theta, coefficients = unname(b), hacLag = L, hacSe = sqrt(diag(V)),
                 fisherSe = sqrt(diag(vcov(fit))), fitted = muhat, counterfactual = unname(mu0),
                 averted = sum((mu0 - muhat)[post])))

# 8. Comparative ITS: treated and comparison series stacked, every term interacted with G;
# Driscoll–Kraay HAC = sandwich::vcovPL(cluster = series, order.by = period, adjust = FALSE).
set.seed(20261208)
n <- 72; start_month <- 1; t0 <- 36
X1 <- its_full_design(n, start_month, t0, 2, integer(0))
Z <- rbind(cbind(X1, X1 * 0), cbind(X1, X1))
colnames(Z) <- c(colnames(X1), paste0("G:", colnames(X1)))
shared <- rnorm(n, 0, 0.15)  # calendar shocks common to both series
eta <- drop(Z %*% c(2, 0.004, -0.1, 0, 0.2, 0.1, 0, 0.05, 0.25, 0.002, -0.45, -0.01, 0, 0, 0, 0)) + rep(shared, 2)
Ecmp <- round(runif(n, 0.9, 1.1), 3); Etr <- round(runif(n, 0.9, 1.1), 3)
E <- c(Ecmp, Etr)
y <- rnbinom(2 * n, size = 1 / 0.15, mu = exp(eta) * E)
series <- rep(0:1, each = n); period <- rep(seq_len(n), 2)
fit <- glm.nb(y ~ 0 + Z + offset(log(E)), control = ctl)
for (k in 1:5) {
  th <- theta.ml(y, fitted(fit), limit = 100, eps = 1e-10)
  fit <- glm.nb(y ~ 0 + Z + offset(log(E)), init.theta = as.numeric(th), control = ctl)
}
L <- nw_lag(n)
V <- vcovPL(fit, cluster = series, order.by = period, lag = L, adjust = FALSE)
p <- ncol(X1)
write_fixture("its_comparative_nb2",
  conventions = list(
    design = "rows 1..n comparison (G = 0), n+1..2n treated (G = 1); columns [X, G*X] with X the single-series ITS design",
    fit = "MASS::glm.nb(y ~ 0 + Z + offset(log(E))), one theta for both series, polished by theta.ml",
    covariance = "sandwich::vcovPL(fit, cluster = series, order.by = period, lag = L, adjust = FALSE): scores summed per period, Bartlett 1 - l/(L+1)",
    effects = "level = exp(b[G:level]), slope = exp(b[G:slope]); CI exp(b -/+ qnorm(0.975) se)",
    comparison = comparison),
  tolerance = list(design = 1e-12, alpha = 1e-4, coefficients = 1e-5, HAC_se = 1e-3, irr = 1e-5, ci = 1e-3),
  inputs = list(yTreated = y[series == 1], yComparison = y[series == 0], exposureTreated = Etr,
                exposureComparison = Ecmp, months = n, startMonth = start_month, t0Index = t0,
                Z = unname(Z), names = colnames(Z)),
  outputs = list(alpha = 1 / fit$theta, coefficients = unname(coef(fit)), hacLag = L,
                 hacSe = sqrt(diag(V)), fisherSe = sqrt(diag(vcov(fit))),
                 level = wald(fit, V, p + 3), slope = wald(fit, V, p + 4)))
