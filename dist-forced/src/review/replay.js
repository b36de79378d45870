"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.replayOn = replayOn;
const load_1 = require("../../generator/load");
const bfs_1 = require("../engine/bfs");
const step_1 = require("../runtime/step");
const leaves_1 = require("./leaves");
function replayOn(model, trace) {
    const m = (0, load_1.generateChecker)(model).checker;
    const forms = (0, bfs_1.stateForms)(m);
    const agrees = (json, want) => Object.keys(want).every((k) => !(k in json) || JSON.stringify(json[k]) === JSON.stringify(want[k]));
    let current;
    m.init((n) => {
        const f = forms(n);
        if (!current && agrees(f.json, trace[0].state))
            current = f.s;
    });
    if (!current)
        return { step: 0, action: trace[0].action, why: 'no initial state of the patched spec agrees with the counterexample\'s' };
    for (let i = 1; i < trace.length; i++) {
        const want = trace[i];
        let next;
        let same;
        m.successors(current, (a, c, n) => {
            if (next || (0, step_1.stepText)(m.stepOf(a, c)) !== want.action)
                return;
            const f = forms(n);
            if (agrees(f.json, want.state))
                next = f.s;
            else
                same ??= f.json;
        });
        if (next) {
            current = next;
            continue;
        }
        if (!same)
            return { step: i, action: want.action, why: 'with the patch this step is not enabled here' };
        // what the patched step does differently: its state against the counterexample's
        const differs = (0, leaves_1.differingLeaves)(want.state, same);
        const shown = differs.slice(0, 3).map((d) => `${d.path} becomes ${d.after}, not ${d.before}`).join('; ');
        return { step: i, action: want.action, why: `with the patch this step leads elsewhere: ${shown}${differs.length > 3 ? `; and ${differs.length - 3} more` : ''}` };
    }
    return undefined;
}
//# sourceMappingURL=replay.js.map