// Renders mermaid diagrams with mermaid's own browser bundle in Debian's headless
// chromium (scripts/install-browser.sh), the way GitHub renders them: parse, then
// lay out to SVG. Each diagram's outcome comes back as ok + its SVG text, or the error.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

export const CHROMIUM = '/usr/bin/chromium'
const MERMAID_JS = join(process.cwd(), 'node_modules', 'mermaid', 'dist', 'mermaid.min.js')

export interface Rendered {
  name: string
  ok: boolean
  error?: string
  /** The rendered SVG's text content (labels as a reader sees them). */
  text: string
  svgChars: number
}

/** An HTML page that renders `diagrams` with mermaid and writes base64 JSON results into #result. */
export function renderPage(diagrams: readonly { name: string; text: string }[], extraBody = ''): string {
  const data = JSON.stringify(diagrams).replace(/</g, '\\u003c')
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${extraBody}
<div id="scratch"></div><pre id="result">pending</pre>
<script src="${pathToFileURL(MERMAID_JS).href}"></script>
<script>
(async () => {
  const diagrams = ${data};
  const out = [];
  try {
    mermaid.initialize({ startOnLoad: false });
    for (const [i, d] of diagrams.entries()) {
      try {
        await mermaid.parse(d.text);
        const { svg } = await mermaid.render('diagram' + i, d.text);
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        holder.querySelectorAll('style').forEach((s) => s.remove());
        // Some failures (text over maxTextSize) come back as an error picture instead of an exception.
        const text = holder.textContent;
        const failed = holder.querySelector('[aria-roledescription="error"]') || /Maximum text size in diagram exceeded|Syntax error in text/.test(text);
        out.push(failed ? { name: d.name, ok: false, error: 'rendered as an error diagram: ' + text, text, svgChars: svg.length } : { name: d.name, ok: true, text, svgChars: svg.length });
      } catch (e) {
        out.push({ name: d.name, ok: false, error: String(e && e.message || e), text: '', svgChars: 0 });
      }
    }
    for (const el of document.querySelectorAll('pre.mermaid')) {
      const { svg } = await mermaid.render('page' + Math.random().toString(36).slice(2), el.textContent);
      el.outerHTML = '<div class="diagram">' + svg + '</div>';
    }
  } catch (e) {
    out.push({ name: 'page', ok: false, error: String(e && e.message || e), text: '', svgChars: 0 });
  }
  const json = JSON.stringify(out);
  document.getElementById('result').textContent = btoa(String.fromCharCode(...new TextEncoder().encode(json)));
})();
</script></body></html>`
}

function chromiumArgs(profile: string): string[] {
  return ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--virtual-time-budget=20000', '--allow-file-access-from-files']
}

/** Renders every diagram in one chromium run; throws when the page never reported. */
export async function renderInChromium(diagrams: readonly { name: string; text: string }[]): Promise<Rendered[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mermaid-render-'))
  try {
    const page = join(dir, 'page.html')
    writeFileSync(page, renderPage(diagrams))
    const { stdout } = await promisify(execFile)(CHROMIUM, [...chromiumArgs(join(dir, 'profile')), '--dump-dom', pathToFileURL(page).href], { maxBuffer: 256 * 1024 * 1024, timeout: 180_000 })
    const match = /<pre id="result">([A-Za-z0-9+/=]+)<\/pre>/.exec(stdout)
    if (!match) throw new Error(`the page did not report results: ${stdout.slice(0, 500)}`)
    return JSON.parse(Buffer.from(match[1] as string, 'base64').toString('utf8')) as Rendered[]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Screenshots an HTML page (its diagrams rendered) to a PNG file. */
export async function screenshot(html: string, png: string, size = '1280,2400'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mermaid-shot-'))
  try {
    const page = join(dir, 'page.html')
    writeFileSync(page, html)
    await promisify(execFile)(CHROMIUM, [...chromiumArgs(join(dir, 'profile')), '--hide-scrollbars', `--window-size=${size}`, `--screenshot=${png}`, pathToFileURL(page).href], { timeout: 180_000 })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
