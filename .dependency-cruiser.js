/**
 * The one-way import rule (docs/architecture.md). Layers, lowest first; a
 * module may import its own layer and the layers below it, never one above.
 * The generic toolkit is layers 0-6: it never imports the shmem application.
 * test/architecture.test.ts runs this in `npm test`; `npm run depcruise`
 * prints the same report.
 */
const LAYERS = [
  { name: 'runtime', path: '^src/(runtime|util)/' },
  { name: 'front end', path: '^dsl/' },
  { name: 'engine', path: '^src/engine/' },
  { name: 'generator', path: '^generator/' },
  { name: 'reference interpreter', path: '^src/reference/' },
  { name: 'api', path: '^src/api\\.ts$' },
  { name: 'review', path: '^src/review/' },
  { name: 'export', path: '^src/export/' },
  { name: 'specs, the variant table and the uapi words', path: '^(spec/(.*\\.spec\\.ts|shmem_uffd/variants\\.ts)|src/sim/uapi\\.ts)$' },
  { name: 'trace format', path: '^conformance/trace\\.ts$' },
  { name: 'simulator', path: '^src/sim/(?!uapi\\.ts$)' },
  { name: 'conformance', path: '^conformance/(?!trace\\.ts$)' },
  { name: 'shmem application', path: '^spec/shmem_uffd/(?!variants\\.ts$).*(?<!\\.spec\\.ts)$' },
  { name: 'verdicts', path: '^src/verdicts/' },
  { name: 'trace viewer', path: '^src/view/' },
  { name: 'command line', path: '^src/cli/' },
  { name: 'bench', path: '^bench/' },
];

const above = (i) => LAYERS.slice(i + 1).map((l) => `(${l.path})`).join('|');

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'an import cycle: the modules cannot be read (or tested) one at a time',
      from: {},
      to: { circular: true },
    },
    ...LAYERS.slice(0, -1).map((l, i) => ({
      name: `layer-${l.name.replace(/ /g, '-')}`,
      severity: 'error',
      comment: `${l.name} imports only from its own layer and below (docs/architecture.md)`,
      from: { path: l.path },
      to: { path: above(i) },
    })),
    {
      name: 'no-unlayered',
      severity: 'error',
      comment: 'every source file belongs to a layer: add new folders to LAYERS in .dependency-cruiser.js',
      from: { pathNot: LAYERS.map((l) => `(${l.path})`).join('|') + '|^test/|^node_modules/' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|build|node_modules)/|^conformance/generated/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
