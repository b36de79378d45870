// The generated conformance suite: which spec variants get a transition
// tour, at which sizes, and where the traces are written. One bundle file
// per variant under conformance/generated/, plus an index with the tour
// statistics (coverage) that `uffdspec conform` reports.
import * as path from 'path';
import { inPackage } from '../../src/util/package-root';
import { VARIANTS, registrationSlug, type Variant } from './variants';
import { SPEC_PATH, shmemSpec } from '.';
import { generateChecker } from '../../generator/load';
import { SpecSystem } from '../../conformance/spec-target';
import { shmemBinding } from './binding';
import { generateTour, TourStats } from '../../conformance/tour';
import type { Trace } from '../../conformance/trace';

/** Sizes of the tours: one thread (a trace is one sequence of user operations), one mapping. */
export const TOUR_SIZES = { PAGES: 2, MAPPINGS: 1, THREADS: 1, ACCESSES: 2, PUNCHES: 1, WP_ROUNDS: 1, DONTNEEDS: 1, PWRITES: 1 };

/** bundle name → constants: every registration of each variant that declares a tour. */
export function tourVariants(variants: readonly Variant[] = VARIANTS): Record<string, Record<string, string | number | boolean>> {
  return Object.fromEntries(
    variants.flatMap((v) => (v.tour ? v.tour.registrations.map((r) => [`${v.tour!.name}-${registrationSlug(r)}`, { ...v.switches, UFFD_MODE: r }]) : [])),
  );
}

/** The tours of the variant table (variants.ts). */
export const TOUR_VARIANTS = tourVariants();

export interface Bundle {
  format: 'uffdspec-traces/1';
  variant: string;
  generatedFrom: string;
  stats: TourStats;
  traces: Trace[];
}

export function generatedDir(): string {
  return inPackage('conformance', 'generated');
}

/** The transition tour of one bundle (`given`: its constants, by default the table's). */
export function buildBundle(variant: string, given = TOUR_VARIANTS[variant]): Bundle {
  const model = shmemSpec().model({ ...TOUR_SIZES, ...given });
  const { checker } = generateChecker(model);
  const sys = new SpecSystem(checker, shmemBinding(checker.META.constants));
  const constants = checker.META.constants as Record<string, string | number | boolean>;
  const { traces, stats } = generateTour(sys, { name: variant, spec: model.name, constants, pages: TOUR_SIZES.PAGES, threads: TOUR_SIZES.THREADS });
  return { format: 'uffdspec-traces/1', variant, generatedFrom: `${SPEC_PATH} (transition tour)`, stats, traces };
}

/** The text of a bundle file: stable key order, one step per line, so diffs stay readable. */
export function bundleText(b: Bundle): string {
  const head = JSON.stringify({ format: b.format, variant: b.variant, generatedFrom: b.generatedFrom, stats: b.stats }, null, 2).replace(/\n}$/, '');
  const traces = b.traces.map((t) => {
    const { steps, ...rest } = t;
    const h = JSON.stringify(rest);
    return `    ${h.slice(0, -1)},\n      "steps": [\n${steps.map((s) => `        ${JSON.stringify(s)}`).join(',\n')}\n      ]}`;
  });
  return `${head},\n  "traces": [\n${traces.join(',\n')}\n  ]\n}\n`;
}

export function bundlePath(variant: string): string {
  return path.join(generatedDir(), `${variant}.json`);
}
