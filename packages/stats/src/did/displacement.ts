import { check } from '../errors.ts';
import type { DidEffect } from './effect.ts';
import { randomisationInference, type RandomisationResult } from './randomisation.ts';
import { poissonTwfe, twfeTau } from './twfe.ts';
import type { DidPanel } from './panel.ts';

/**
 * Displacement check (EVALUATION.md §4.4), run in every DiD and synthetic-control analysis with
 * neighbours. The neighbour ring is never a control; a second DiD treats the ring as treated (at
 * the treated units' adoption date) against the remaining controls. A ring IRR > 1 whose CI
 * excludes 1 (or with RI p < 0.10) is DISPLACEMENT_LIKELY, and the headline gains a net estimate
 * for treated ∪ ring against the same controls; a ring IRR < 1 on the same test is
 * DIFFUSION_OF_BENEFITS. Both happen: patrols pushed piracy out of the Gulf of Aden corridor into
 * the open ocean.
 */
export interface DisplacementInput {
  units: readonly string[];
  y: DidPanel['y'];
  exposure?: DidPanel['exposure'];
  role: readonly ('treated' | 'comparison' | 'neighbour')[];
  /** Adoption period of the treated units (the ring inherits the earliest). */
  adoption: readonly (number | null)[];
  excludedPeriods?: readonly number[];
  seed: string;
  /** Use randomisation inference when clusters < this (default 30). */
  fewClusters?: number;
  conf?: number;
}

export interface DisplacementResult {
  ring: DidEffect;
  ringRi: RandomisationResult | null;
  /** Treated ∪ ring vs the remaining controls; reported when displacement is likely. */
  net: DidEffect | null;
  netRi: RandomisationResult | null;
  verdict: 'DISPLACEMENT_LIKELY' | 'DIFFUSION_OF_BENEFITS' | 'none';
  ringUnits: number;
  controlUnits: number;
}

function subPanel(input: DisplacementInput, keep: number[], treatedSet: Set<number>, G: number): DidPanel {
  return {
    units: keep.map((u) => input.units[u]!),
    y: keep.map((u) => input.y[u]!),
    ...(input.exposure ? { exposure: keep.map((u) => input.exposure![u]!) } : {}),
    adoption: keep.map((u) => (treatedSet.has(u) ? G : null)),
    ...(input.excludedPeriods ? { excludedPeriods: input.excludedPeriods } : {}),
  };
}

export function displacementCheck(input: DisplacementInput): DisplacementResult {
  const idx = input.units.map((_, u) => u);
  const ring = idx.filter((u) => input.role[u] === 'neighbour');
  const treated = idx.filter((u) => input.role[u] === 'treated');
  const controls = idx.filter((u) => input.role[u] === 'comparison');
  check(
    ring.length > 0 && controls.length > 0 && treated.length > 0,
    'displacement: needs ring, treated and controls',
  );
  const G = Math.min(...treated.map((u) => input.adoption[u]).filter((g): g is number => g !== null));
  const few = input.fewClusters ?? 30;
  const conf = input.conf ?? 0.95;
  const run = (treatedUnits: number[]): { effect: DidEffect; ri: RandomisationResult | null } => {
    const keep = [...treatedUnits, ...controls];
    const panel = subPanel(input, keep, new Set(treatedUnits), G);
    const fit = poissonTwfe(panel, conf);
    const ri =
      fit.clusters < few
        ? randomisationInference(panel.adoption, (a) => twfeTau({ ...panel, adoption: a }), {
            seed: `${input.seed}:displacement:${treatedUnits.length}`,
          })
        : null;
    return { effect: fit.effect, ri };
  };
  const r = run(ring);
  const significant = r.effect.ci[0] > 1 || r.effect.ci[1] < 1 || (r.ri !== null && r.ri.pValue < 0.1);
  const verdict = !significant ? 'none' : r.effect.irr > 1 ? 'DISPLACEMENT_LIKELY' : 'DIFFUSION_OF_BENEFITS';
  const net = verdict === 'DISPLACEMENT_LIKELY' ? run([...treated, ...ring]) : null;
  return {
    ring: r.effect,
    ringRi: r.ri,
    net: net?.effect ?? null,
    netRi: net?.ri ?? null,
    verdict,
    ringUnits: ring.length,
    controlUnits: controls.length,
  };
}
