"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_MAPPINGS = exports.VmArea = exports.Kernel = exports.DONE = exports.makeVariant = exports.variantOf = exports.SimError = exports.Sim = void 0;
// Public API of the simulator: an operational model of shmem + userfaultfd written the
// way the kernel is, with named yield points and a deterministic scheduler.
var sim_1 = require("./sim");
Object.defineProperty(exports, "Sim", { enumerable: true, get: function () { return sim_1.Sim; } });
Object.defineProperty(exports, "SimError", { enumerable: true, get: function () { return sim_1.SimError; } });
Object.defineProperty(exports, "variantOf", { enumerable: true, get: function () { return sim_1.variantOf; } });
Object.defineProperty(exports, "makeVariant", { enumerable: true, get: function () { return sim_1.makeVariant; } });
var labels_1 = require("./labels");
Object.defineProperty(exports, "DONE", { enumerable: true, get: function () { return labels_1.DONE; } });
var kernel_1 = require("./kernel");
Object.defineProperty(exports, "Kernel", { enumerable: true, get: function () { return kernel_1.Kernel; } });
Object.defineProperty(exports, "VmArea", { enumerable: true, get: function () { return kernel_1.VmArea; } });
Object.defineProperty(exports, "MAX_MAPPINGS", { enumerable: true, get: function () { return kernel_1.MAX_MAPPINGS; } });
//# sourceMappingURL=index.js.map