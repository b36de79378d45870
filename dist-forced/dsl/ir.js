"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=ir.js.map