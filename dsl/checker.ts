// Compatibility: src/api.ts (on main) imports ConstOverrides from here. The
// front end's passes are driven by dsl/analyze.ts; delete this file once that
// import reads `from '../dsl/analyze'` (or '../dsl').
export type { ConstOverrides } from './analyze';
