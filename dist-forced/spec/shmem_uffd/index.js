"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SPEC_NAME = exports.SPEC_PATH = void 0;
exports.specFile = specFile;
exports.shmemSpec = shmemSpec;
// The shmem + uffd application: where its spec is and the spec itself, loaded
// once per process.
const api_1 = require("../../src/api");
const package_root_1 = require("../../src/util/package-root");
/** The spec file, relative to the package (as docs and generated files name it). */
exports.SPEC_PATH = 'spec/shmem_uffd/shmem_uffd.spec.ts';
exports.SPEC_NAME = 'ShmemUffd';
function specFile() {
    return (0, package_root_1.inPackage)(exports.SPEC_PATH);
}
let loaded;
/** The spec, read from its file (statically, as the command line reads it). */
function shmemSpec() {
    return (loaded ??= (0, api_1.loadSpecFile)(specFile(), exports.SPEC_NAME));
}
//# sourceMappingURL=index.js.map