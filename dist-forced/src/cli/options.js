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
exports.HELP_OPTION = exports.UsageError = void 0;
exports.parseOptions = parseOptions;
exports.intFlag = intFlag;
exports.constFlags = constFlags;
exports.checkWritable = checkWritable;
exports.checkWritableDir = checkWritableDir;
exports.usageLine = usageLine;
exports.renderHelp = renderHelp;
exports.renderOverview = renderOverview;
exports.renderCliDoc = renderCliDoc;
// The command line described as data: every command with its arguments,
// options (one line of meaning and the default each), environment variables
// and exit codes. Parsing, `--help` and docs/cli.md are all generated from
// these tables, so they cannot disagree.
const fs = __importStar(require("fs"));
const path = __importStar(require("path"));
const files_1 = require("../util/files");
/** A user error on the command line: one line (or a line and the usage), exit 2. */
class UsageError extends Error {
}
exports.UsageError = UsageError;
/** Parse argv against a command's options; an unknown or malformed option is a UsageError. */
function parseOptions(argv, def) {
    const byName = new Map(def.options.map((o) => [o.name, o]));
    const positional = [];
    const flags = new Map();
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--') {
            positional.push(...argv.slice(i + 1));
            break;
        }
        const short = /^-([A-Za-z])$/.exec(a);
        const shortOf = short ? def.options.find((o) => o.short === short[1]) : undefined;
        if (short && !shortOf)
            throw new UsageError(`${def.name}: unknown option ${a} (options: ${def.options.map((x) => `--${x.name}`).join(', ')}; see uffdspec ${def.name} --help)`);
        if ((!a.startsWith('--') || a === '-') && !shortOf) {
            positional.push(a);
            continue;
        }
        let name = shortOf ? shortOf.name : a.slice(2);
        let value;
        const eq = name.indexOf('=');
        if (eq >= 0) {
            value = name.slice(eq + 1);
            name = name.slice(0, eq);
        }
        const o = byName.get(name);
        if (!o)
            throw new UsageError(`${def.name}: unknown option --${name} (options: ${def.options.map((x) => `--${x.name}`).join(', ')}; see uffdspec ${def.name} --help)`);
        if (!o.arg && value !== undefined)
            throw new UsageError(`${def.name}: --${name} takes no value`);
        if (o.arg && value === undefined) {
            if (i + 1 >= argv.length)
                throw new UsageError(`${def.name}: --${name} needs a value (${o.arg})`);
            value = argv[++i];
        }
        const list = flags.get(name) ?? [];
        if (list.length && !o.repeat)
            throw new UsageError(`${def.name}: --${name} is given twice`);
        list.push(value ?? 'true');
        flags.set(name, list);
    }
    return { positional, flags };
}
function intFlag(p, name, command) {
    const v = p.flags.get(name)?.[0];
    if (v === undefined)
        return undefined;
    if (!/^\d+$/.test(v) || Number(v) <= 0 || !Number.isSafeInteger(Number(v)))
        throw new UsageError(`${command}: --${name} expects a positive integer, got '${v}'`);
    return Number(v);
}
/** --const NAME=VALUE, repeated */
function constFlags(p, command) {
    const out = {};
    for (const c of p.flags.get('const') ?? []) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(c);
        if (!m)
            throw new UsageError(`${command}: --const expects NAME=VALUE, got '${c}'`);
        if (m[1] in out)
            throw new UsageError(`${command}: --const ${m[1]} is given twice`);
        out[m[1]] = m[2];
    }
    return out;
}
/** A file the command will write later: fail now, as a usage error, if it cannot be. */
function checkWritable(file, what) {
    const dir = path.dirname(path.resolve(file));
    try {
        if (fs.existsSync(file)) {
            if (fs.statSync(file).isDirectory())
                throw Object.assign(new Error(), { code: 'EISDIR' });
            fs.accessSync(file, fs.constants.W_OK);
        }
        else
            fs.accessSync(dir, fs.constants.W_OK);
    }
    catch (e) {
        const code = e.code ?? String(e);
        throw new UsageError(`${what} ${file}: cannot be written (${code === 'ENOENT' ? `no directory ${dir}` : code})`);
    }
}
/** A directory the command will write into: create it now, and fail now if that cannot be done. */
function checkWritableDir(dir, what) {
    const why = (0, files_1.unwritableDir)(dir);
    if (why)
        throw new UsageError(`${what} ${dir}: cannot be written (${why})`);
}
/** The one-line usage of a command, every option in brackets. */
function usageLine(def) {
    const opts = def.options.map((o) => `[--${o.name}${o.arg ? ` ${o.arg}` : ''}]${o.repeat ? '...' : ''}`);
    return ['uffdspec', def.name, ...(def.args ? [def.args] : []), ...opts].join(' ');
}
function optionHead(o) {
    return `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.arg ? ` ${o.arg}` : ''}`;
}
function optionText(o) {
    const extra = [o.repeat ? 'repeatable' : '', o.default !== undefined ? `default: ${o.default}` : ''].filter(Boolean);
    return `${o.help}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}
/** `uffdspec COMMAND --help` */
function renderHelp(def, env) {
    const l = [`usage: uffdspec ${def.name}${def.args ? ` ${def.args}` : ''} [options]`, '', ...def.description, '', 'Options:'];
    const w = Math.max(...def.options.map((o) => optionHead(o).length), 6) + 2;
    for (const o of [...def.options, exports.HELP_OPTION])
        l.push(`  ${optionHead(o).padEnd(w)}${optionText(o)}`);
    const envs = def.env.map((n) => env.find((e) => e.name === n)).filter((e) => !!e);
    if (envs.length) {
        l.push('', 'Environment:');
        const we = Math.max(...envs.map((e) => e.name.length)) + 2;
        for (const e of envs)
            l.push(`  ${e.name.padEnd(we)}${e.help}${e.default ? ` (default: ${e.default})` : ''}`);
    }
    l.push('', 'Exit status:');
    for (const x of def.exits)
        l.push(`  ${String(x.code).padEnd(4)}${x.meaning}`);
    if (def.examples.length)
        l.push('', 'Examples:', ...def.examples.map((e) => `  ${e}`));
    l.push('', 'Every command, option and exit code: docs/cli.md');
    return l.join('\n');
}
exports.HELP_OPTION = { name: 'help', help: 'print this help and exit' };
/** `uffdspec --help`: the command list. */
function renderOverview(commands, version) {
    const w = Math.max(...commands.map((c) => c.name.length)) + 2;
    return [
        `uffdspec ${version}: a specification toolkit for the Linux shmem + userfaultfd protocol`,
        '',
        'usage: uffdspec COMMAND [options]      (uffdspec COMMAND --help for its options)',
        '       uffdspec --version',
        '',
        'Commands:',
        ...commands.map((c) => `  ${c.name.padEnd(w)}${c.summary}`),
        '',
        'Every command, option, environment variable and exit code: docs/cli.md',
    ].join('\n');
}
const md = (s) => s.replace(/\|/g, '\\|');
/** docs/cli.md, whole. */
function renderCliDoc(commands, env, scripts, exits) {
    const l = [
        '# The command line',
        '',
        '<!-- Generated from src/cli/commands.ts by `uffdspec help --markdown > docs/cli.md`; test/cli-doc.test.ts keeps them equal. -->',
        '',
        '`uffdspec` is installed by `npm ci` (`npx uffdspec ...`, or `node bin/uffdspec ...`).',
        '`uffdspec --version` prints the version, `uffdspec --help` the commands,',
        '`uffdspec COMMAND --help` one command with its options.',
        '',
        '| command | what it does |',
        '| --- | --- |',
        ...commands.map((c) => `| [\`${c.name}\`](#uffdspec-${c.name}) | ${md(c.summary)} |`),
        '',
    ];
    for (const c of commands) {
        l.push(`## uffdspec ${c.name}`, '', '```', `uffdspec ${c.name}${c.args ? ` ${c.args}` : ''} [options]`, '```', '', ...c.description, '');
        l.push('| option | meaning | default |', '| --- | --- | --- |');
        for (const o of [...c.options, exports.HELP_OPTION])
            l.push(`| \`${optionHead(o)}\`${o.repeat ? ' (repeatable)' : ''} | ${md(o.help)} | ${o.default !== undefined ? md(o.default) : ''} |`);
        if (c.env.length)
            l.push('', `Environment: ${c.env.map((e) => `\`${e}\``).join(', ')}.`);
        l.push('', '| exit | meaning |', '| --- | --- |', ...c.exits.map((x) => `| ${x.code} | ${md(x.meaning)} |`));
        if (c.examples.length)
            l.push('', '```sh', ...c.examples, '```');
        l.push('');
    }
    l.push('## npm scripts', '', 'The jobs of the project, each a script of package.json:', '', '| script | runs | what it does |', '| --- | --- | --- |');
    for (const s of scripts)
        l.push(`| \`npm run ${s.name}\` | \`${md(s.command)}\` | ${md(s.help)} |`);
    l.push('', '## Environment variables', '', '| variable | meaning | default |', '| --- | --- | --- |');
    for (const e of env)
        l.push(`| \`${e.name}\` | ${md(e.help)} | ${e.default ? md(e.default) : ''} |`);
    l.push('', '## Exit codes', '', 'Shared by every command (each command above lists the ones it uses):', '', '| exit | meaning |', '| --- | --- |');
    for (const x of exits)
        l.push(`| ${x.code} | ${md(x.meaning)} |`);
    l.push('');
    return l.join('\n');
}
//# sourceMappingURL=options.js.map