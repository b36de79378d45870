"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cliDoc = cliDoc;
exports.runHelp = runHelp;
// `uffdspec help [COMMAND] [--markdown]`.
const commands_1 = require("./commands");
const options_1 = require("./options");
const version_1 = require("./version");
const package_root_1 = require("../util/package-root");
/** docs/cli.md as generated from the tables (the npm scripts' command lines from package.json). */
function cliDoc(packageJson) {
    const scripts = commands_1.SCRIPTS.map((s) => ({ ...s, command: packageJson.scripts[s.name] ?? '(missing from package.json)' }));
    return (0, options_1.renderCliDoc)(commands_1.COMMANDS, commands_1.ENVIRONMENT, scripts, commands_1.EXIT_CODES);
}
function runHelp(p, out) {
    if (p.flags.has('markdown')) {
        if (p.positional.length)
            throw new options_1.UsageError('help: --markdown prints the whole document; give no command');
        out(cliDoc((0, package_root_1.packageJson)()).replace(/\n$/, ''));
        return commands_1.EXIT.ok;
    }
    if (p.positional.length > 1)
        throw new options_1.UsageError('help: give at most one command');
    if (!p.positional.length) {
        out((0, options_1.renderOverview)(commands_1.COMMANDS, (0, version_1.packageVersion)()));
        return commands_1.EXIT.ok;
    }
    const c = (0, commands_1.findCommand)(p.positional[0]);
    if (!c)
        throw new options_1.UsageError(`help: unknown command '${p.positional[0]}' (commands: ${commands_1.COMMANDS.map((x) => x.name).join(', ')})`);
    out((0, options_1.renderHelp)(c, commands_1.ENVIRONMENT));
    return commands_1.EXIT.ok;
}
//# sourceMappingURL=help.js.map