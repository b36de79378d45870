"use strict";
// The abstract syntax tree produced by the parser (dsl/parser.ts) and read by
// the analysis passes (dsl/analyze.ts). Every node carries the span of its text in the
// spec source so diagnostics can point into the .spec.ts file.
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ast.js.map