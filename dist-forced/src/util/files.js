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
exports.mkdirs = mkdirs;
exports.unwritableDir = unwritableDir;
exports.writeAtomic = writeAtomic;
exports.keepInCache = keepInCache;
// File-system helpers shared by the generator and the command line.
const crypto = __importStar(require("crypto"));
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
/**
 * mkdir -p, one level at a time: Node 20's `mkdirSync(dir, { recursive: true })`
 * never returns for a path under /proc (it retries ENOENT for ever).
 */
function mkdirs(dir) {
    const missing = [];
    let d = path.resolve(dir);
    while (!fs.existsSync(d)) {
        missing.unshift(d);
        const up = path.dirname(d);
        if (up === d)
            break;
        d = up;
    }
    for (const m of missing) {
        try {
            fs.mkdirSync(m);
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
        }
    }
}
/** Why `dir` cannot be created and written (an errno code), or null when it can. */
function unwritableDir(dir) {
    try {
        mkdirs(dir);
        fs.accessSync(dir, fs.constants.W_OK);
        return null;
    }
    catch (e) {
        return e.code ?? String(e);
    }
}
/**
 * Write `text` to `file` so that no reader ever sees half of it: into a
 * temporary file of this process, then renamed into place (concurrent writers
 * of the same content: the last rename wins). Creates the folder.
 */
function writeAtomic(file, text) {
    mkdirs(path.dirname(file));
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
}
/** writeAtomic for a cache: a folder that cannot be written only means the work is redone next time. */
function keepInCache(file, text) {
    try {
        writeAtomic(file, text);
    }
    catch {
        // a read-only package: nothing to keep
    }
}
//# sourceMappingURL=files.js.map