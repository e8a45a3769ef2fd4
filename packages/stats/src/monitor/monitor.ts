import { check } from '../errors.ts';
import {
  bocpd,
  bocpdSignals,
  calibrateBocpdThreshold,
  calibrateCusumThreshold,
  nb2CountFitter,
  rollingBaseline,
  runCusum,
  shewhart,
  type CountFitter,
  type Episode,
  type WarnMessage,
} from '../warn/index.ts';

/**
 * One area's early-warning monitor (EVALUATION.md §4.8), chained for the API's monitors:
 * rolling NB2 baseline (trailing 36 months, trend + Fourier K = 1) → CUSUM threshold h calibrated
 * by seeded in-control simulation to the target ARL → CUSUM alarms, plus the Shewhart limit and
 * BOCPD P(change within 3 months) with its calibrated signal threshold. Alerts carry month dates.
 * Missing months (null) leave every statistic unchanged and never alarm.
 */
export interface MonitorInput {
  /** Consecutive months 'YYYY-MM'. */
  months: readonly string[];
  y: readonly (number | null)[];
  exposure?: readonly number[];
  /** First month that may alert (default: the first month with a baseline). */
  monitorFrom?: string;
  seed: string;
  /** CUSUM shift ρ (default 2; 1.5–3). */
  rho?: number;
  /** In-control ARL target in months (default 100; 60–120). */
  targetArl?: number;
  /** Simulated in-control paths for h (default 10,000). */
  paths?: number;
  /** BOCPD: calibrate the signal threshold by simulation (default true) or use `threshold`. */
  bocpd?: {
    calibrate?: boolean;
    threshold?: number;
    hazard?: number;
    n0?: number;
    warmup?: number;
    paths?: number;
  };
  /** Count model of the baseline; default the package's NB2 ML fit. */
  fitter?: CountFitter;
}

export interface MonitorAlert {
  detector: 'cusum' | 'shewhart' | 'bocpd';
  /** First and last month of the episode (consecutive alarm months are one episode). */
  start: string;
  end: string;
  months: number;
}

export interface MonitorResult {
  alerts: MonitorAlert[];
  monitorFrom: string;
  baseline: { mu: (number | null)[]; alpha: (number | null)[] };
  cusum: {
    h: number;
    arl: number;
    arlSe: number;
    converged: boolean;
    rho: number;
    alpha: number;
    statistic: (number | null)[];
  } | null;
  shewhart: { limit: (number | null)[] };
  bocpd: { threshold: number; calibrated: boolean; changeProb: number[]; baselineMean: number } | null;
  warnings: WarnMessage[];
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function monitorSeries(input: MonitorInput): MonitorResult {
  const n = input.months.length;
  check(input.y.length === n, 'monitor: y and months differ in length');
  check(!input.exposure || input.exposure.length === n, 'monitor: exposure length differs');
  const rho = input.rho ?? 2;
  const startMonth = Number(input.months[0]!.slice(5, 7));
  const base = rollingBaseline(input.y, input.fitter ?? nb2CountFitter, {
    startMonth,
    ...(input.exposure ? { exposure: input.exposure } : {}),
  });
  const warnings: WarnMessage[] = [...base.warnings];
  const firstOk = base.points.findIndex((p) => p.status === 'ok');
  const requested = input.monitorFrom ? input.months.indexOf(input.monitorFrom) : -1;
  check(!input.monitorFrom || requested >= 0, `monitor: ${input.monitorFrom} is not in the months`);
  const start = Math.max(requested, firstOk);
  const mu = base.points.map((p, t) => (t >= start && firstOk >= 0 ? p.mu : null));
  const alphaSeries = base.points.map((p, t) => (t >= start ? p.alpha : null));
  const result: MonitorResult = {
    alerts: [],
    monitorFrom: input.months[Math.max(0, start)]!,
    baseline: { mu: base.points.map((p) => p.mu), alpha: base.points.map((p) => p.alpha) },
    cusum: null,
    shewhart: { limit: [] },
    bocpd: null,
    warnings,
  };
  if (firstOk < 0) {
    warnings.push({
      code: 'NO_ALERTS',
      severity: 'block',
      message: 'No month has a baseline: no alerts are issued.',
    });
    return result;
  }
  const alert = (detector: MonitorAlert['detector'], eps: readonly Episode[], offset = 0): void => {
    for (const e of eps)
      result.alerts.push({
        detector,
        start: input.months[e.start + offset]!,
        end: input.months[e.end + offset]!,
        months: e.end - e.start + 1,
      });
  };

  // CUSUM: h for the seasonal in-control pattern (the first 12 monitored baseline means) and the
  // median α̂, then the run with each month's own μ̂ and α̂.
  const mu0 = mu.slice(start, start + 12).filter((m): m is number => m !== null);
  const alphas = alphaSeries.filter((a): a is number => a !== null);
  const alpha = median(alphas);
  const h = calibrateCusumThreshold({
    mu0,
    alpha,
    rho,
    seed: input.seed,
    ...(input.paths !== undefined ? { paths: input.paths } : {}),
    ...(input.targetArl !== undefined ? { targetArl: input.targetArl } : {}),
  });
  if (!h.converged)
    warnings.push({
      code: 'ARL_NOT_CALIBRATED',
      severity: 'warn',
      message: `Simulated ARL ${h.arl.toFixed(1)} is not within 2 % of the target.`,
    });
  const cus = runCusum(input.y, mu, { rho, alpha, alphas: alphaSeries, h: h.h });
  result.cusum = {
    h: h.h,
    arl: h.arl,
    arlSe: h.se,
    converged: h.converged,
    rho,
    alpha,
    statistic: cus.statistic,
  };
  alert('cusum', cus.episodes);

  const sh = shewhart(
    input.y,
    base.points.map((p, t) => (t >= start ? p : { mu: null, alpha: null, status: 'insufficient' as const })),
  );
  result.shewhart = { limit: sh.limit };
  alert('shewhart', sh.episodes);

  // BOCPD from the monitoring start: prior mean ȳ = the mean observed count of the 36 months before
  // it (the baseline window), seasonal exposure e_t = μ̂_t / mean(μ̂) over the first monitored year.
  const window = input.y.slice(Math.max(0, start - 36), start).filter((v): v is number => v !== null);
  const ybar = window.length > 0 ? window.reduce((a, b) => a + b, 0) / window.length : 0;
  if (ybar > 0) {
    const meanMu0 = mu0.reduce((a, b) => a + b, 0) / mu0.length;
    const seasonal = Array.from({ length: n - start }, (_, t) => mu0[t % mu0.length]! / meanMu0);
    const o = input.bocpd ?? {};
    const common = {
      ...(o.hazard !== undefined ? { hazard: o.hazard } : {}),
      ...(o.n0 !== undefined ? { n0: o.n0 } : {}),
    };
    let threshold = o.threshold ?? 0.5;
    let calibrated = false;
    if (o.calibrate !== false) {
      const c = calibrateBocpdThreshold({
        ...common,
        mu0: mu0.map((m) => (m * ybar) / meanMu0),
        alpha,
        seed: input.seed,
        threshold,
        ...(o.warmup !== undefined ? { warmup: o.warmup } : {}),
        ...(o.paths !== undefined ? { paths: o.paths } : {}),
      });
      threshold = c.threshold;
      calibrated = c.met;
    }
    const b = bocpd(input.y.slice(start), { ...common, baselineMean: ybar, exposure: seasonal });
    const s = bocpdSignals(b.changeProb, threshold, o.warmup ?? 12);
    result.bocpd = { threshold, calibrated, changeProb: b.changeProb, baselineMean: ybar };
    alert('bocpd', s.episodes, start);
  } else {
    warnings.push({
      code: 'BOCPD_NO_PRIOR',
      severity: 'info',
      message: 'The baseline window has no events: BOCPD is not run.',
    });
  }
  result.alerts.sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.detector < b.detector ? -1 : 1,
  );
  return result;
}
