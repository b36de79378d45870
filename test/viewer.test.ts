// The trace viewer (`uffdspec view`, src/view/) in a real browser: Debian's
// chromium driven by playwright-core. The page is opened from a file:// URL,
// stepped through with the keyboard and by clicks, and what it shows is read
// back: the selected step, the marked breaking step, the highlighted changed
// cells, the state panel. scripts/ensure-chromium.sh installs chromium where
// it is missing (as root, with apt-get); where no browser can be had the
// browser tests are skipped with the reason.
// UFFDSPEC_VIEWER_SCREENSHOTS=docs writes the screenshots of docs/viewer.md.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, runCli } from './helpers/cli';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'uffdspec-viewer-'));
const BUNDLE = path.join(ROOT, 'conformance/generated/counterexamples.json');
const TRACE = path.join(ROOT, 'conformance/traces/handwritten/wp-marker-after-punch.json');
const SHOTS = process.env.UFFDSPEC_VIEWER_SCREENSHOTS;

const ensure = spawnSync('sh', [path.join(ROOT, 'scripts/ensure-chromium.sh')], { encoding: 'utf8', timeout: 1_200_000 });
const browser = ensure.status === 0 ? ensure.stdout.trim() : null;
if (!browser) process.stderr.write(`viewer browser tests skipped: ${(ensure.stderr || String(ensure.error ?? '')).trim()}\n`);
const describeBrowser = browser ? describe : describe.skip;

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe('the command', () => {
  test('a schedule of the committed bundle: one page, the same bytes each time, nothing from the network', async () => {
    const a = path.join(TMP, 'a.html');
    const b = path.join(TMP, 'b.html');
    const r1 = await runCli(['view', BUNDLE, '--row', 'A-wp-1', '--property', 'WpNotLost', '-o', a]);
    const r2 = await runCli(['view', BUNDLE, '--row', 'A-wp-1', '--property', 'WpNotLost', '--out', b]);
    expect([r1.code, r1.stdout.trim()]).toEqual([0, `wrote ${a}: A-wp-1/WpNotLost: WpNotLost violated after 7 steps (7 steps, 3 lanes: Thread[0], Punch, monitor)`]);
    expect(r2.code).toBe(0);
    const html = fs.readFileSync(a, 'utf8');
    expect(fs.readFileSync(b, 'utf8')).toBe(html);
    // self-contained: no URL, no external script, style, image or font
    expect(html).not.toMatch(/https?:|\bsrc=|\bhref=|@import|url\(/);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'/);
  });

  test.each([
    [['view', '--row', 'D-wp-1'], 'view: -o FILE.html is required (where to write the page)'],
    [['view', '-o', 'x.html'], 'view: give a schedule file or --row ROW (uffdspec view --help)'],
    [['view', '--row', 'Z-9', '-o', 'x.html'], /^view: --row Z-9: no such row \(rows: A-wp-1, /],
    [['view', BUNDLE, '--row', 'A-wp-1', '-o', 'x.html'], /^view: .*counterexamples\.json holds 2 matching schedules: pick one with --row and --property/],
    [['view', BUNDLE, '--row', 'D-wp-keepmarker', '-o', 'x.html'], /^view: .*counterexamples\.json: no schedule of row D-wp-keepmarker \(schedules: /],
    [['view', 'package.json', '-o', 'x.html'], /^view: package\.json: format: expected "uffdspec-schedule\/1", "uffdspec-schedules\/1" or "uffdspec-trace\/1"$/],
    [['view', TRACE, '--row', 'D-wp-1', '-o', 'x.html'], /^view: .*wp-marker-after-punch\.json is a conformance trace: --row and --property pick a counterexample, a trace has none$/],
    [['view', '--row', 'nouffd-E-1', '--property', 'NoSilentWrite', '-o', path.join(TMP, 'x.html')], 'view: row nouffd-E-1: NoSilentWrite holds; violated: PteCoherent'],
    [['view', '--row', 'nouffd-A-1', '-o', path.join(TMP, 'x.html')], 'view: row nouffd-A-1: every property holds, there is no counterexample to show'],
    [['view', '--row', 'A-wp-1', '-x'], /^view: unknown option -x /],
  ])('%j: one line, exit 2', async (args, message) => {
    const r = await runCli(args as string[], { UFFDSPEC_PROGRESS_MS: '0' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describeBrowser('in headless chromium', () => {
  let ctx: BrowserContext;
  const dwp1 = path.join(TMP, 'D-wp-1.html');
  const awp1 = path.join(TMP, 'A-wp-1.html');
  const trace = path.join(TMP, 'trace.html');

  beforeAll(async () => {
    const [r, s, t] = await Promise.all([
      runCli(['view', '--row', 'D-wp-1', '--property', 'NoSilentWrite', '-o', dwp1]),
      runCli(['view', BUNDLE, '--row', 'A-wp-1', '--property', 'WpNotLost', '-o', awp1]),
      runCli(['view', TRACE, '-o', trace]),
    ]);
    expect([r.code, r.stderr.includes('internal'), s.code, t.code]).toEqual([0, false, 0, 0]);
    const { chromium } = await import('playwright-core');
    ctx = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(TMP, 'profile-')), {
      executablePath: browser!,
      headless: true,
      timeout: 30000,
      viewport: { width: 1400, height: 900 },
      // the machine's network is closed: no background traffic, no sandbox (root)
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120000);
  afterAll(async () => ctx?.close());

  /** the page, with every request and script error it makes */
  async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await ctx.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (q) => requests.push(q.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('file://' + file);
    return { page, requests, errors };
  }
  const selected = (page: Page) => page.getAttribute('#lanes tr.selected', 'data-step');
  const current = (page: Page) => page.textContent('#current');
  /** the cells of the grids marked changed: "grid/row/column = text" */
  const changedCells = (page: Page) =>
    page.$$eval('#grids td.changed', (tds) => tds.map((td) => `${td.closest('table')!.getAttribute('data-grid')}/${td.parentElement!.getAttribute('data-row')}/${td.getAttribute('data-col')} = ${td.textContent}`));
  const changedVars = (page: Page) => page.$$eval('#vars li.changed', (lis) => lis.map((li) => li.textContent));
  const cell = (page: Page, grid: string, row: string, col: string) => page.$eval(`table[data-grid="${grid}"] tr[data-row="${row}"] td[data-col="${col}"]`, (td) => ({ text: td.textContent, cls: td.className }));

  test('D-wp-1 / NoSilentWrite: lanes, the breaking step marked, keyboard and clicks, changed cells and the whole state', async () => {
    const { page, requests, errors } = await open(dwp1);
    // lanes: the two threads, the puncher, the monitor; the kernel function of each step in its lane
    expect(await page.$$eval('#lanes tr:first-child th', (ths) => ths.map((th) => th.firstChild?.textContent))).toEqual(['step', 'Thread[0]', 'Thread[1]', 'Punch', 'monitor', undefined]);
    expect(await page.$$eval('#lanes tr.step td.act', (tds) => tds.map((td) => td.textContent))).toEqual([
      'access', 'access', 'write_lands', 'write_lands', 'shmem_fault', 'shmem_fault', 'shmem_get_folio', 'punch_begin', 'unmap_mapping_range',
      'finish_fault', 'mwriteprotect_range(0, true)', 'truncate_inode_folio', 'shmem_get_folio', 'finish_fault', 'write_lands',
    ]);
    // the breaking step, marked
    expect(await page.$$eval('#lanes tr.breaking', (trs) => trs.map((tr) => [tr.getAttribute('data-step'), tr.querySelector('td.mark')!.textContent]))).toEqual([['15', '\u25c0 NoSilentWrite violated here']]);
    // it opens on the initial state
    expect([await selected(page), await current(page), await changedCells(page)]).toEqual(['0', 'Initial state', []]);
    expect(await page.$$eval('#vars li', (lis) => lis.length)).toBeGreaterThan(50);

    // j and the down arrow: the puncher's first step sets i_private
    for (let i = 0; i < 7; i++) await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    expect([await selected(page), await current(page)]).toEqual(['8', 'After step 8: Punch:punch_begin']);
    expect(await changedCells(page)).toEqual(['file/i_private (punch)/value = punching [0, 1)']);
    // the monitor write-protects page 0: the pte, the wp bit, its protection and armed change
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await current(page)).toBe('After step 11: mwriteprotect_range(0, true)');
    expect(await changedCells(page)).toEqual([
      'pages/mapping 0 pte/page 0 = present g0 ro',
      'pages/mapping 0 uffd-wp/page 0 = wp',
      'pages/monitor protected/page 0 = yes',
      'pages/armed/page 0 = armed',
    ]);
    expect(await changedVars(page)).toEqual(['pte[0][0] = Present { folio: 0, writable: false, wp: true }', 'mon_prot[0] = true', 'wp_left = 0', 'armed[0] = true']);
    // k goes back
    await page.keyboard.press('k');
    expect(await current(page)).toBe('After step 10: Thread[0]:finish_fault');
    // the truncation drops the folio and the pte, with its uffd-wp bit (ZAP_FLAG_DROP_MARKER): no marker is left
    await page.click('#lanes tr[data-step="12"]');
    expect(await changedCells(page)).toEqual([
      'pages/page cache/page 0 = hole',
      'pages/mapping 0 pte/page 0 = none',
      'pages/mapping 0 uffd-wp/page 0 = -',
    ]);
    expect(await cell(page, 'pages', 'armed', 'page 0')).toEqual({ text: 'armed', cls: '' });
    // a click on the breaking step: the silent store, in red
    await page.click('#lanes tr[data-step="15"] td.act');
    expect([await selected(page), await current(page)]).toEqual(['15', 'After step 15: Thread[0]:write_lands  \u2014 NoSilentWrite violated here']);
    expect(await cell(page, 'file', 'silent write', 'value')).toEqual({ text: 'yes', cls: 'changed bad' });
    expect(await changedVars(page)).toContain('silent_write = true');
    expect(await page.$eval('#vars', (ul) => ul.textContent)).toContain('armed[0] = true');
    if (SHOTS) await page.screenshot({ path: path.join(ROOT, SHOTS, 'viewer-D-wp-1.png'), fullPage: true });
    // Home and End, g and G, b
    await page.keyboard.press('Home');
    expect(await selected(page)).toBe('0');
    await page.keyboard.press('G');
    expect(await selected(page)).toBe('15');
    await page.keyboard.press('g');
    await page.keyboard.press('b');
    expect(await selected(page)).toBe('15');
    // past the end stays at the end
    await page.keyboard.press('j');
    expect(await selected(page)).toBe('15');
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    await page.close();
  });

  test('a schedule (A-wp-1 / WpNotLost, variant A): its projected state, the fault-around mapping both pages', async () => {
    const { page, errors } = await open(awp1);
    expect(await page.textContent('#title')).toBe('A-wp-1/WpNotLost: WpNotLost violated after 7 steps');
    expect(await page.textContent('header')).toContain('A schedule records the state projected onto what the simulator compares');
    await page.keyboard.press('End');
    expect(await page.$eval('#lanes tr.selected td.mark', (td) => td.textContent)).toBe('\u25c0 WpNotLost violated here');
    await page.click('#lanes tr[data-step="4"]');
    expect(await current(page)).toBe('After step 4: Thread[0]:filemap_map_pages');
    // fault-around maps page 1 as well as page 0
    expect(await changedCells(page)).toEqual(['pages/mapping 0 pte/page 0 = present rw', 'pages/mapping 0 pte/page 1 = present rw', 'threads/state/Thread[0] = idle']);
    if (SHOTS) await page.screenshot({ path: path.join(ROOT, SHOTS, 'viewer-A-wp-1-schedule.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a conformance trace: each op in its lane, the state it expects, nothing marked as broken', async () => {
    const { page, errors } = await open(trace);
    expect(await page.$$eval('#lanes tr.step td.act', (tds) => tds.map((td) => td.textContent))).toEqual([
      'register(modes=WP)', 'read(page=1)', 'writeprotect(lo=1, hi=1, wp=true)', 'punch(lo=1, hi=1)', 'pread(page=1)', 'read(page=1)', 'write(page=1, value=7)',
    ]);
    expect(await page.$$eval('#lanes tr.breaking', (trs) => trs.length)).toBe(0);
    for (let i = 0; i < 4; i++) await page.keyboard.press('j');
    // the punch leaves a marker where the protected pte was
    expect(await current(page)).toBe('After step 4: punch(lo=1, hi=1)');
    expect(await changedCells(page)).toEqual(['pages/page cache/page 1 = hole', 'pages/first byte/page 1 = 0', 'pages/mapping 0 pte/page 1 = marker', 'pages/mapping 0 uffd-wp/page 1 = wp (marker)']);
    // b has no breaking step to go to
    await page.keyboard.press('b');
    expect(await selected(page)).toBe('4');
    expect(errors).toEqual([]);
    await page.close();
  });
});
