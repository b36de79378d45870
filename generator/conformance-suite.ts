// The generated conformance suite: which spec variants get a transition
// tour, at which sizes, and where the traces are written. One bundle file
// per variant under conformance/generated/, plus an index with the tour
// statistics (coverage) that `uffdspec conform` reports.
import * as fs from 'fs';
import * as path from 'path';
import { loadSpecFile } from '../src/api';
import { generateChecker } from './load';
import { SpecSystem } from '../conformance/spec-target';
import { shmemBinding } from '../conformance/shmem-binding';
import { generateTour, TourStats } from './tour';
import type { Trace } from '../conformance/trace';

/** Sizes of the tours: one thread (a trace is one sequence of user operations), one mapping. */
export const TOUR_SIZES = { PAGES: 2, MAPPINGS: 1, THREADS: 1, ACCESSES: 2, PUNCHES: 1, WP_ROUNDS: 1, DONTNEEDS: 1, PWRITES: 1 };

const MODERN = { FAULT_AROUND: 'SkipIfWpOrMinor', PTE_MARKERS: true, TRUNCATE_UNMAPS_MAPPED: true, TRUNCATE_DROPS_MARKERS: true, WRITENOTIFY: true };
const KERNEL_2020 = { FAULT_AROUND: 'Always', PTE_MARKERS: false, TRUNCATE_UNMAPS_MAPPED: true, TRUNCATE_DROPS_MARKERS: false, WRITENOTIFY: false };

/** name → constants: the modern kernel in every registration mode, and the 2020 kernel (spec and simulator only). */
export const TOUR_VARIANTS: Record<string, Record<string, string | number | boolean>> = {
  'modern-wp': { ...MODERN, UFFD_MODE: 'Wp' },
  'modern-missing-wp': { ...MODERN, UFFD_MODE: 'MissingWp' },
  'modern-missing': { ...MODERN, UFFD_MODE: 'Missing' },
  'modern-minor': { ...MODERN, UFFD_MODE: 'Minor' },
  'modern-none': { ...MODERN, UFFD_MODE: 'None' },
  'kernel-2020-missing': { ...KERNEL_2020, UFFD_MODE: 'Missing' },
  'kernel-2020-wp': { ...KERNEL_2020, UFFD_MODE: 'Wp' },
};

export interface Bundle {
  format: 'uffdspec-traces/1';
  variant: string;
  generatedFrom: string;
  stats: TourStats;
  traces: Trace[];
}

export function specFile(): string {
  return path.resolve(__dirname, ...(__dirname.includes(`${path.sep}dist${path.sep}`) ? ['..', '..'] : ['..']), 'spec', 'shmem_uffd', 'shmem_uffd.spec.ts');
}

export function generatedDir(): string {
  return path.resolve(path.dirname(specFile()), '..', '..', 'conformance', 'generated');
}

export function buildBundle(variant: string): Bundle {
  const spec = loadSpecFile(specFile());
  const model = spec.model({ ...TOUR_SIZES, ...TOUR_VARIANTS[variant] });
  const { checker } = generateChecker(model);
  const sys = new SpecSystem(checker, shmemBinding(checker.META.constants));
  const constants = checker.META.constants as Record<string, string | number | boolean>;
  const { traces, stats } = generateTour(sys, { name: variant, spec: model.name, constants, pages: TOUR_SIZES.PAGES, threads: TOUR_SIZES.THREADS });
  return { format: 'uffdspec-traces/1', variant, generatedFrom: 'spec/shmem_uffd/shmem_uffd.spec.ts (transition tour)', stats, traces };
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
