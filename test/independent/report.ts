// Prints the independently derived figures of every example case as the
// markdown table of docs/examples.md. Reproduce with:
//   npx tsc --outDir /tmp/independent --target es2022 --module commonjs --strict test/independent/report.ts && node /tmp/independent/report.js
import { CASES, expected } from './models';

function main() {
  const rows = [
    '| case | constants | deadlock check | distinct states | depth | states generated | verdict | counterexample (states) |',
    '| --- | --- | --- | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const c of CASES) {
    const e = expected(c);
    const consts = Object.entries(c.constants).map(([k, v]) => `${k}=${v}`).join(', ') || '(defaults)';
    rows.push(
      `| ${c.spec} | ${consts} | ${c.deadlock ? 'on' : 'off'} | ${e.distinctStates} | ${e.depth} | ${e.statesGenerated} | ${e.verdict}${e.property ? ` (${e.property})` : ''} | ${e.cex ?? '-'} |`,
    );
  }
  console.log(rows.join('\n'));
}

if (require.main === module) main();
