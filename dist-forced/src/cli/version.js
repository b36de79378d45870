"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.packageVersion = packageVersion;
// The version printed by `uffdspec --version`: package.json's.
const package_root_1 = require("../util/package-root");
function packageVersion() {
    try {
        return (0, package_root_1.packageJson)().version;
    }
    catch {
        return 'unknown';
    }
}
//# sourceMappingURL=version.js.map