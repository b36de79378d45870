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
exports.main = main;
exports.run = run;
// The command-line entry: finds the command in the table (commands.ts),
// parses its options, runs its module, and renders every user error in one
// place (one located line, a caret, exit code 2).
const fs = __importStar(require("fs"));
const diagnostics_1 = require("../../dsl/diagnostics");
const commands_1 = require("./commands");
const options_1 = require("./options");
const output_1 = require("./output");
const version_1 = require("./version");
/**
 * The module of each command, loaded on use so that `uffdspec check` does not
 * load the conformance runner. (The table in commands.ts is data only, so
 * that the command modules can read it without an import cycle.)
 */
const HANDLERS = {
    check: () => require('./check').runCheck,
    conform: () => require('./conform').runConform,
    'gen-traces': () => require('./gen-traces').runGenTraces,
    verdicts: () => require('./verdicts').runVerdicts,
    stress: () => require('./stress').runStressCommand,
    review: () => require('./review').runReview,
    repro: () => require('./repro').runRepro,
    export: () => require('./export-select').runExport,
    view: () => require('./view').runView,
    help: () => require('./help').runHelp,
};
async function main(argv) {
    const out = output_1.stdoutLine;
    const err = output_1.stderrLine;
    try {
        const [name, ...rest] = argv;
        if (name === '--version' || name === '-V') {
            out(`uffdspec ${(0, version_1.packageVersion)()}`);
            return commands_1.EXIT.ok;
        }
        if (!name || name === '--help' || name === '-h') {
            (name ? out : err)((0, options_1.renderOverview)(commands_1.COMMANDS, (0, version_1.packageVersion)()));
            return name ? commands_1.EXIT.ok : commands_1.EXIT.usage;
        }
        const c = (0, commands_1.findCommand)(name);
        if (!c) {
            err(`uffdspec: unknown command '${name}' (commands: ${commands_1.COMMANDS.map((x) => x.name).join(', ')}; uffdspec --help)`);
            return commands_1.EXIT.usage;
        }
        if (rest.includes('--help') || rest.includes('-h')) {
            out((0, options_1.renderHelp)(c, commands_1.ENVIRONMENT));
            return commands_1.EXIT.ok;
        }
        const parsed = (0, options_1.parseOptions)(rest, { name: c.name, options: c.options.filter((o) => o !== options_1.HELP_OPTION) });
        const handler = HANDLERS[c.name];
        if (!handler)
            throw new Error(`command ${c.name} has no module in main.ts`);
        return await handler()(parsed, out, err);
    }
    catch (e) {
        if (e instanceof output_1.ClosedStdout)
            return commands_1.EXIT.closedStdout;
        if (e instanceof diagnostics_1.SpecError) {
            for (const d of e.diagnostics)
                err((0, diagnostics_1.render)(d));
            return commands_1.EXIT.usage;
        }
        if (e instanceof options_1.UsageError) {
            err(e.message);
            return commands_1.EXIT.usage;
        }
        // not a user error: say so in one line; the stack only on request
        err(`uffdspec: internal error: ${e?.message ?? String(e)}`);
        if (process.env.UFFDSPEC_DEBUG)
            err(e?.stack ?? '');
        return commands_1.EXIT.internal;
    }
}
/** Run as a program: the exit code once stdout is flushed. */
function run(argv) {
    main(argv).then((code) => {
        process.exitCode = code;
    }, (e) => {
        try {
            fs.writeSync(2, `uffdspec: internal error: ${String(e)}\n`);
        }
        catch {
            // stderr closed too: nothing left to say it on
        }
        process.exitCode = commands_1.EXIT.internal;
    });
}
if (require.main === module)
    run(process.argv.slice(2));
//# sourceMappingURL=main.js.map