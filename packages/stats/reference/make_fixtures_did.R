#!/usr/bin/env Rscript
# Golden fixtures for packages/stats/src/did (EVALUATION.md §4.4, §6.1), reference side R.
# Run from the repository root:  Rscript packages/stats/reference/make_fixtures_did.R
# Needs (Debian 12):  apt-get install -y r-base-core r-cran-sandwich r-cran-jsonlite
# The reference is the dummy-variable fit: glm(y ~ X + factor(unit) + factor(period), poisson,
# offset = log(E), epsilon = 1e-12) with sandwich::vcovCL(cluster = ~unit, type = "HC1",
# cadjust = TRUE). The TypeScript side absorbs the fixed effects (PPML-HDFE) and must agree to 1e-6.
# Inputs are seeded synthetic panels written into the fixture; a few cells are missing (null).
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })

out_dir <- file.path("packages", "stats", "test", "fixtures")
generator <- list(
  program = "R", version = R.version.string,
  packages = list(stats = as.character(packageVersion("stats")),
                  sandwich = as.character(packageVersion("sandwich")),
                  jsonlite = as.character(packageVersion("jsonlite"))),
  script = "packages/stats/reference/make_fixtures_did.R")
write_fixture <- function(name, conventions, tolerance, inputs, outputs) {
  obj <- list(name = name, generator = generator, conventions = conventions,
              tolerance = tolerance, inputs = inputs, outputs = outputs)
  path <- file.path(out_dir, paste0(name, ".json"))
  writeLines(toJSON(obj, auto_unbox = TRUE, digits = NA, pretty = TRUE, matrix = "rowmajor", na = "null"), path)
  cat("wrote", path, "\n")
}
ctl <- glm.control(epsilon = 1e-12, maxit = 100)

# A seeded panel: U units × Tn periods, NB2 counts (over-dispersed: PPML is still consistent),
# exposure, adoption G (NA = never treated), a multiplicative effect and some missing cells.
make_panel <- function(U, Tn, G, effect, seed, missing = 4) {
  set.seed(seed)
  a <- rnorm(U, 1.2, 0.5); l <- cumsum(rnorm(Tn, 0, 0.15)) + 0.4 * sin(2 * pi * seq_len(Tn) / 12)
  E <- matrix(round(runif(U * Tn, 0.5, 2), 3), U, Tn)
  Y <- matrix(NA_real_, U, Tn)
  for (u in seq_len(U)) for (t in seq_len(Tn)) {
    d <- if (!is.na(G[u]) && t - 1 >= G[u]) effect(t - 1 - G[u]) else 0
    Y[u, t] <- rnbinom(1, size = 3, mu = E[u, t] * exp(a[u] + l[t] + d))
  }
  miss <- sample(U * Tn, missing)
  Y[miss] <- NA
  list(Y = Y, E = E, G = G)
}
long <- function(P) {
  U <- nrow(P$Y); Tn <- ncol(P$Y)
  d <- data.frame(unit = rep(seq_len(U) - 1, times = Tn), period = rep(seq_len(Tn) - 1, each = U),
                  y = as.vector(P$Y), E = as.vector(P$E))
  d$G <- P$G[d$unit + 1]
  d[!is.na(d$y), ]
}
fit_dummy <- function(d, X) {
  f <- glm(d$y ~ 0 + X + factor(d$unit) + factor(d$period), offset = log(d$E), family = poisson, control = ctl)
  stopifnot(f$converged)
  k <- ncol(X)
  V <- vcovCL(f, cluster = d$unit, type = "HC1", cadjust = TRUE)[seq_len(k), seq_len(k), drop = FALSE]
  list(beta = unname(coef(f)[seq_len(k)]), V = unname(V), deviance = f$deviance,
       n = nrow(d), rank = f$rank)
}
panel_inputs <- function(P) list(y = P$Y, exposure = P$E, adoption = P$G)

# 1. TWFE and event study, one adoption date, 3 treated and 6 never-treated units --------------
P <- make_panel(9, 36, c(18, 18, 18, NA, NA, NA, NA, NA, NA), function(e) -0.35, 20261129)
d <- long(P)
D <- as.numeric(!is.na(d$G) & d$period >= d$G)
twfe <- fit_dummy(d, cbind(D = D))
bw <- 3; leads <- 4; lags <- 3
k <- ifelse(is.na(d$G), NA, pmin(lags, pmax(-leads, floor((d$period - d$G) / bw))))
bins <- sort(setdiff(unique(k[!is.na(k)]), -1))
K <- sapply(bins, function(b) as.numeric(!is.na(k) & k == b)); colnames(K) <- paste0("k=", bins)
es <- fit_dummy(d, K)
pre <- which(bins <= -2)
th <- es$beta[pre]; W <- drop(t(th) %*% solve(es$V[pre, pre]) %*% th)
# 2×2 with φ pooled over the four group × window cells (period totals about exposure-shared means).
cell <- function(treated, post) {
  s <- d[(!is.na(d$G)) == treated & ((d$period >= 18) == post), ]
  yt <- tapply(s$y, s$period, sum); et <- tapply(s$E, s$period, sum)
  list(y = sum(yt), e = sum(et), chi2 = sum((yt - sum(yt) * et / sum(et))^2 / (sum(yt) * et / sum(et))),
       df = length(yt) - 1)
}
cs <- list(cell(TRUE, FALSE), cell(TRUE, TRUE), cell(FALSE, FALSE), cell(FALSE, TRUE))
phi <- max(1, sum(sapply(cs, `[[`, "chi2")) / sum(sapply(cs, `[[`, "df")))
ln_irr <- log(cs[[2]]$y / cs[[2]]$e / (cs[[1]]$y / cs[[1]]$e)) - log(cs[[4]]$y / cs[[4]]$e / (cs[[3]]$y / cs[[3]]$e))
se22 <- sqrt(phi) * sqrt(sum(1 / sapply(cs, `[[`, "y")))
write_fixture("did_hdfe_twfe",
  list(model = "glm(y ~ 0 + X + factor(unit) + factor(period), poisson, offset = log(E), epsilon = 1e-12)",
       covariance = "sandwich::vcovCL(cluster = ~unit, type = 'HC1', cadjust = TRUE): G/(G-1)(n-1)/(n-k), k counts the dummies",
       eventStudy = "bin k = floor((t - G)/3) clipped to [-4, 3]; k = -1 omitted; Wald over k <= -2 with solve(V_pre)",
       twoByTwo = "phi = max(1, pooled Pearson chi2/df of period totals about exposure-shared cell means); SE = sqrt(phi) sqrt(sum 1/y)",
       missing = "null cells are dropped, never zero"),
  list(coefficients = 1e-6, cr1 = 1e-6, wald = 1e-6, twoByTwo = 1e-10),
  c(panel_inputs(P), list(binWidth = bw, leads = leads, lags = lags)),
  list(twfe = list(tau = I(twfe$beta), cr1 = twfe$V, deviance = twfe$deviance, n = twfe$n, rank = twfe$rank),
       eventStudy = list(bins = bins, theta = es$beta, cr1 = es$V, wald = W, waldDf = length(pre),
                         waldP = 1 - pchisq(W, length(pre))),
       twoByTwo = list(lnIrr = ln_irr, se = se22, phi = phi)))

# 2. Staggered adoption: cohorts at 12, 18 and 24 (2 units each) and 4 never-treated units --------
P <- make_panel(10, 36, c(12, 12, 18, 18, 24, 24, NA, NA, NA, NA), function(e) -0.2 - 0.02 * e, 7)
d <- long(P)
bw <- 6
e <- ifelse(!is.na(d$G) & d$period >= d$G, floor((d$period - d$G) / bw), NA)
cells <- unique(data.frame(g = d$G, e = e)[!is.na(e), ]); cells <- cells[order(cells$g, cells$e), ]
X <- sapply(seq_len(nrow(cells)), function(j) as.numeric(!is.na(e) & d$G == cells$g[j] & e == cells$e[j]))
X[is.na(X)] <- 0
colnames(X) <- paste0("g=", cells$g, ",e=", cells$e)
st <- fit_dummy(d, X)
size <- table(P$G[!is.na(P$G)])
agg <- function(a) { a <- a / sum(a); c(est = sum(a * st$beta), se = sqrt(drop(t(a) %*% st$V %*% a))) }
by_e <- lapply(sort(unique(cells$e)), function(ee) {
  a <- ifelse(cells$e == ee, as.numeric(size[as.character(cells$g)]), 0); c(e = ee, agg(a)) })
overall <- agg(colSums(X))
# Cohort-specific leads and lags (k = floor((t - g)/6), k = -1 omitted per cohort) against the
# never-treated units; Wald over every cohort lead (k <= -2).
kk <- ifelse(is.na(d$G), NA, floor((d$period - d$G) / bw))
ev <- unique(data.frame(g = d$G, k = kk)[!is.na(kk) & kk != -1, ]); ev <- ev[order(ev$g, ev$k), ]
XE <- sapply(seq_len(nrow(ev)), function(j) as.numeric(!is.na(kk) & d$G == ev$g[j] & kk == ev$k[j]))
XE[is.na(XE)] <- 0
sa <- fit_dummy(d, XE)
lead <- which(ev$k <= -2)
Wl <- drop(t(sa$beta[lead]) %*% solve(sa$V[lead, lead]) %*% sa$beta[lead])
write_fixture("did_staggered_wooldridge",
  list(model = "extended Poisson TWFE: columns 1[G=g] 1[floor((t-g)/6)=e], e >= 0; never- and not-yet-treated are controls",
       covariance = "sandwich::vcovCL(cluster = ~unit, type = 'HC1', cadjust = TRUE)",
       aggregation = "tau(e) weights cohorts by their unit counts; overall ATT weights cells by treated unit-periods; delta method"),
  list(coefficients = 1e-6, cr1 = 1e-6),
  c(panel_inputs(P), list(binWidth = bw)),
  list(cells = cells, tau = st$beta, cr1 = st$V,
       byEventTime = do.call(rbind, by_e), overall = as.list(overall),
       leads = list(g = ev$g[lead], k = ev$k[lead], theta = sa$beta[lead], wald = Wl, df = length(lead))))

# 3. HoA box vs Gulf of Guinea box around Operation Atalanta (real data, §6.2) ---------------------
# Crime at Sea: Benden, Feng, Howell & Dalla Riva (2021), "Crime at Sea: A Global Database of
# Maritime Pirate Attacks (1993–2020)", Journal of Open Humanities Data 7:19,
# https://doi.org/10.5334/johd.39 (CC BY 4.0; upstream README: BY-SA 4.0). Counts are reported
# incidents, not all incidents. Only monthly aggregates are written; the test reads the CSV in place.
pa <- read.csv(file.path("..", "shared", "testdata", "piracy", "crime-at-sea", "pirate_attacks.csv"),
               stringsAsFactors = FALSE)
months <- format(seq(as.Date("2000-01-01"), as.Date("2014-12-01"), by = "month"), "%Y-%m")
lat <- suppressWarnings(as.numeric(pa$latitude)); lon <- suppressWarnings(as.numeric(pa$longitude))
ok <- !is.na(lat) & !is.na(lon)
hoa_in <- ok & lat >= -12 & lat <= 22 & lon >= 40 & lon <= 70 & !(lat > 15.5 & lon < 43.5)
gog_in <- ok & lat >= -5 & lat <= 8 & lon >= -5 & lon <= 12
mon <- substr(pa$date, 1, 7)
hoa <- as.numeric(table(factor(mon[hoa_in], levels = months)))
gog <- as.numeric(table(factor(mon[gog_in], levels = months)))
t0 <- which(months == "2008-12") - 1
d <- data.frame(unit = rep(0:1, each = length(months)), period = rep(seq_along(months) - 1, 2), y = c(hoa, gog))
d$D <- as.numeric(d$unit == 0 & d$period >= t0)
# Months without a single attack in either box have λ_t = −∞ (PPML separation); like ppmlhdfe, the
# TypeScript side drops them, so they are dropped here too (otherwise they only inflate df.residual).
separated_months <- sum(tapply(d$y, d$period, sum) == 0)
d <- d[ave(d$y, d$period, FUN = sum) > 0, ]
f <- glm(y ~ D + factor(unit) + factor(period), family = quasipoisson, data = d, control = ctl)
k <- ifelse(d$unit == 0, floor((d$period - t0) / 12), NA)
bins <- sort(setdiff(unique(k[!is.na(k)]), -1))
K <- sapply(bins, function(b) as.numeric(!is.na(k) & k == b))
fe <- glm(d$y ~ 0 + K + factor(d$unit) + factor(d$period), family = quasipoisson, control = ctl)
disp_es <- max(1, summary(fe)$dispersion)
write_fixture("did_hoa_crime_at_sea",
  list(panel = "HoA box (lat -12..22, lon 40..70 minus lat > 15.5 & lon < 43.5) vs Gulf of Guinea box (lat -5..8, lon -5..12), 2000-01..2014-12, T0 = 2008-12",
       model = "glm(y ~ D + factor(unit) + factor(period), quasipoisson); two areas, so CR1 is degenerate and the quasi-Poisson SE (phi = Pearson chi2/df.residual, floored at 1) is reported",
       eventStudy = "yearly bins k = floor((t - T0)/12), k = -1 omitted, no pooling",
       attribution = "Benden, Feng, Howell & Dalla Riva (2021), Crime at Sea, JOHD 7:19, https://doi.org/10.5334/johd.39, CC BY 4.0"),
  list(coefficients = 1e-6, se = 1e-6),
  list(months = months, hoa = hoa, gog = gog),
  list(separatedMonths = separated_months, tau = unname(coef(f)["D"]), seQuasi = unname(sqrt(vcov(f)["D", "D"] * max(1, summary(f)$dispersion) / summary(f)$dispersion)),
       phi = max(1, summary(f)$dispersion),
       eventBins = bins, theta = unname(coef(fe)[seq_along(bins)]),
       thetaSeQuasi = unname(sqrt(diag(vcov(fe))[seq_along(bins)] * disp_es / summary(fe)$dispersion))))
