// book-check.js BOOK_DIR RESULTS SCREENSHOT: opens every page of the book in
// headless Chromium and checks what a reader would meet: no console error,
// every image loaded, no TeX left as text, every internal link and anchor
// resolving, a hint link for every failing test in RESULTS that has a hint.
// Saves SCREENSHOT: the stretch of a chapter with a figure, highlighted code
// and the most math. Talks to Chromium over --remote-debugging-pipe (DevTools
// protocol messages on fds 3 and 4), so it needs nothing but node and chromium.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [dir, resultsPath, screenshot] = process.argv.slice(2).map((p) => path.resolve(p));
const problems = [];
const problem = (page, what) => problems.push(`${page}: ${what}`);

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'book-check-'));
const args = ['--headless', '--disable-gpu', '--remote-debugging-pipe', `--user-data-dir=${profile}`,
  '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-extensions',
  '--hide-scrollbars', '--mute-audio', '--allow-file-access-from-files'];
// Chromium's sandbox refuses to run as root.
if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');
const chrome = spawn(process.env.CHROMIUM || 'chromium', args,
  { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let chromeLog = '';
chrome.stderr.on('data', (d) => { chromeLog += d; });

let lastId = 0;
const pending = new Map();
const handlers = new Set();
let buffer = '';
chrome.stdio[4].setEncoding('utf8');
chrome.stdio[4].on('data', (chunk) => {
  buffer += chunk;
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    const waiting = pending.get(message.id);
    if (waiting) {
      pending.delete(message.id);
      if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
      else waiting.resolve(message.result);
    } else {
      for (const handler of handlers) handler(message);
    }
  }
});
function send(method, params = {}, sessionId = undefined) {
  return new Promise((resolve, reject) => {
    const id = ++lastId;
    pending.set(id, { resolve, reject, method });
    chrome.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
  });
}
function timeout(ms, what) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref());
}

// Everything the checks need from a loaded page, computed in the page.
function inspect() {
  const outside = (node) => !node.parentElement.closest('pre, code, samp, script, style, annotation');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const tex = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const found = outside(node) && node.data.match(/\$[^$\s][^$]*\$|\$\$|\\[a-zA-Z]{2,}|\\[{}()[\]]|[_^]\{/);
    if (found) tex.push(node.data.slice(Math.max(0, found.index - 20), found.index + 40).replace(/\s+/g, " "));
  }
  const box = (e) => { const r = e.getBoundingClientRect(); return { top: r.top + scrollY, bottom: r.bottom + scrollY }; };
  return {
    images: [...document.images].map((i) => ({ src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0 })),
    tex,
    links: [...document.querySelectorAll('a[href]')].map((a) => ({ href: a.href, hint: a.classList.contains('hint') })),
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    hints: document.querySelectorAll('a.hint').length,
    maths: [...document.querySelectorAll('math')].map((m) => ({ ...box(m), display: m.getAttribute('display') === 'block' })),
    figures: [...document.querySelectorAll('img')].map(box),
    code: [...document.querySelectorAll('pre code.sourceCode.c')].map(box),
    width: document.documentElement.scrollWidth,
    // What sticks out of the window and is in no element that scrolls.
    widest: [...document.querySelectorAll('body *')].filter((e) => {
      if (e.getBoundingClientRect().right <= innerWidth + 0.5) return false;
      for (let p = e.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return false;
      return true;
    }).slice(0, 3).map((e) => `<${e.tagName.toLowerCase()}> ${e.textContent.slice(0, 40)}`),
  };
}

async function visit(file) {
  const page = path.basename(file);
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const on = (method, action) => {
    const handler = (m) => { if (m.sessionId === sessionId && m.method === method) action(m.params); };
    handlers.add(handler);
    return handler;
  };
  const watchers = [
    on('Runtime.exceptionThrown', (p) => {
      const e = p.exceptionDetails;
      problem(page, `exception: ${(e.exception && e.exception.description) || e.text}`);
    }),
    on('Runtime.consoleAPICalled', (p) => {
      if (p.type === 'error' || p.type === 'assert') problem(page, `console ${p.type}: ${p.args.map((a) => a.value).join(' ')}`);
    }),
    on('Log.entryAdded', (p) => { if (p.entry.level === 'error') problem(page, `console error: ${p.entry.text} ${p.entry.url || ''}`); }),
  ];
  let loaded;
  const load = new Promise((resolve) => { loaded = resolve; });
  watchers.push(on('Page.loadEventFired', () => loaded()));
  for (const domain of ['Page', 'Runtime', 'Log']) await send(`${domain}.enable`, {}, sessionId);
  await send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 1200, deviceScaleFactor: 1, mobile: false }, sessionId);
  await send('Page.navigate', { url: `file://${file}` }, sessionId);
  await Promise.race([load, timeout(15000, `loading ${page}`)]);
  const { result, exceptionDetails } = await send('Runtime.evaluate',
    { expression: `(${inspect})()`, returnByValue: true }, sessionId);
  if (exceptionDetails) throw new Error(`inspecting ${page}: ${exceptionDetails.text}`);
  // On a phone, nothing but a code block, a table or a formula may scroll sideways.
  await send('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 1, mobile: true }, sessionId);
  const phone = await send('Runtime.evaluate', { expression: `(${inspect})()`, returnByValue: true }, sessionId);
  await send('Emulation.setDeviceMetricsOverride', { width: 1000, height: 1200, deviceScaleFactor: 1, mobile: false }, sessionId);
  result.value.phone = phone.result.value;
  return { page, sessionId, targetId, watchers, facts: result.value };
}

// The stretch of 1200 px with a figure and a C code block that holds the most
// math, a display counting as five inline formulas: { top, maths }.
function stretch(facts) {
  let best = { top: null, maths: 0 };
  for (const figure of facts.figures) {
    for (let top = Math.max(0, figure.bottom - 1180); top <= figure.top - 20; top += 50) {
      const within = (b) => b.top >= top && b.bottom <= top + 1200;
      const maths = facts.maths.filter(within).reduce((n, m) => n + (m.display ? 5 : 1), 0);
      if (maths > best.maths && facts.code.some(within)) best = { top, maths };
    }
  }
  return best;
}

async function main() {
  const results = fs.existsSync(resultsPath) ? JSON.parse(fs.readFileSync(resultsPath, 'utf8')) : { tests: [] };
  const hintsExpected = {};
  for (const test of results.tests) {
    const lesson = test.name.split(':')[0];
    if (test.status !== 'passed' && /\nhint: /.test(test.output)) hintsExpected[lesson] = (hintsExpected[lesson] || 0) + 1;
  }
  const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  const seen = new Map();
  let images = 0, links = 0, hints = 0, shot = null, mostMaths = 0;
  for (const page of pages) {
    const visited = await visit(path.join(dir, page));
    const { facts } = visited;
    seen.set(page, new Set(facts.ids));
    for (const image of facts.images) {
      images++;
      if (!image.ok) problem(page, `image does not load: ${image.src}`);
    }
    for (const text of facts.tex) problem(page, `TeX left as text: ...${text}...`);
    if (facts.width > 1000) problem(page, `wider than the window: ${facts.width} px (${facts.widest.join(', ')})`);
    if (facts.phone.width > 390) problem(page, `wider than a phone: ${facts.phone.width} px (${facts.phone.widest.join(', ')})`);
    const lesson = page.replace(/\.html$/, '');
    if ((hintsExpected[lesson] || 0) !== facts.hints) {
      problem(page, `${facts.hints} hint links for ${hintsExpected[lesson] || 0} failing tests with a hint`);
    }
    hints += facts.hints;
    const { top, maths } = stretch(facts);
    if (top !== null && maths > mostMaths) {
      const { data } = await send('Page.captureScreenshot',
        { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: top, width: 1000, height: 1200, scale: 1 } },
        visited.sessionId);
      fs.writeFileSync(screenshot, Buffer.from(data, 'base64'));
      [shot, mostMaths] = [page, maths];
    }
    visited.links = facts.links;
    seen.set(page, { ids: new Set(facts.ids), links: facts.links });
    for (const w of visited.watchers) handlers.delete(w);
    await send('Target.closeTarget', { targetId: visited.targetId });
  }
  for (const [page, { links: pageLinks }] of seen) {
    for (const link of pageLinks) {
      const url = new URL(link.href);
      if (url.protocol !== 'file:') continue;
      links++;
      const target = decodeURIComponent(url.pathname);
      const name = path.basename(target);
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (path.dirname(target) !== dir || !fs.existsSync(target)) problem(page, `link to a missing file: ${link.href}`);
      else if (anchor && !(seen.get(name) && seen.get(name).ids.has(anchor))) problem(page, `link to a missing anchor: ${name}#${anchor}`);
    }
  }
  if (!shot) problem('book', 'no chapter has math, a figure and C code within one screen');
  return { pages: pages.length, images, links, hints, shot };
}

Promise.race([main(), timeout(50000, 'the whole check')])
  .then(({ pages, images, links, hints, shot }) => {
    console.log(`${pages} pages, ${images} images, ${links} internal links (${hints} hint links) checked`);
    if (shot) console.log(`screenshot of ${shot}: ${screenshot}`);
  })
  .catch((error) => {
    problems.push(error.message);
    if (chromeLog) problems.push(`chromium said: ${chromeLog.slice(-500)}`);
  })
  .finally(() => {
    for (const p of problems) console.log(`FAILED: ${p}`);
    process.exitCode = problems.length ? 1 : 0;
    chrome.on('exit', () => fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10 }));
    send('Browser.close').catch(() => chrome.kill());
    setTimeout(() => chrome.kill(), 5000).unref();
  });
