// Runs axe-core (WCAG 2.1 A and AA) on HTML pages in the system Chromium,
// through puppeteer-core, at several widths, and checks reflow (the page
// never scrolls sideways). Prints one JSON object per page and width:
//   {"page", "width", "violations": [{"id", "impact", "help", "nodes": [...]}],
//    "overflow": scrollWidth - innerWidth,
//    "scrolling": [the names of the table regions that scroll sideways]}
// Usage: node axe.js CHROMIUM WIDTHS(comma-separated) PAGE...
// Needs NODE_PATH to hold axe-core and puppeteer-core (`.ci/run` installs
// them in target/ci-node). The pages' Content-Security-Policy forbids
// scripts, so CSP is bypassed for the check only.
const puppeteer = require('puppeteer-core');
const axePath = require.resolve('axe-core');

(async () => {
  const [chromium, widths, ...pages] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    for (const file of pages) {
      for (const width of widths.split(',').map(Number)) {
        const page = await browser.newPage();
        await page.setBypassCSP(true);
        await page.setViewport({ width, height: 900 });
        await page.goto('file://' + file, { waitUntil: 'load' });
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(async () => {
          const r = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return {
            violations: r.violations.map(v => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary),
            })),
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            scrolling: [...document.querySelectorAll('.scroll')]
              .filter(e => e.scrollWidth > e.clientWidth + 1)
              .map(e => e.getAttribute('aria-label')),
          };
        });
        console.log(JSON.stringify({ page: file, width, ...result }));
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });
