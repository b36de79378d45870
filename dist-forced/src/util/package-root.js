"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.packageRoot = packageRoot;
exports.inPackage = inPackage;
exports.packageJson = packageJson;
// Where the package lives. Code runs both from the sources (ts-jest, ts-node)
// and from dist/, so a path next to a source file is not a path in the
// package; everything that names a file of the package goes through here.
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
let root;
/** The nearest directory above this module that holds package.json. */
function packageRoot() {
    if (root)
        return root;
    for (let dir = __dirname;; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, 'package.json')))
            return (root = dir);
        if (path.dirname(dir) === dir)
            throw new Error(`package.json not found above ${__dirname}`);
    }
}
/** A path inside the package, e.g. inPackage('conformance', 'generated'). */
function inPackage(...parts) {
    return path.join(packageRoot(), ...parts);
}
/** package.json of this package. */
function packageJson() {
    return JSON.parse(fs.readFileSync(inPackage('package.json'), 'utf8'));
}
//# sourceMappingURL=package-root.js.map