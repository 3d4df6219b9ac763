// Renders the job summary of the aws-fleet example run (the render tests' fixture:
// one failure, one policy block, a waiver) to docs/images/job-summary.png with the
// real mermaid in headless chromium, for the README. Run after scripts/install-browser.sh:
//   node bench/job-summary-screenshot.mjs [out.png]
// The TypeScript sources are transpiled to a temp folder first (no build needed).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = process.argv[2] ?? join(root, 'docs', 'images', 'job-summary.png')

function transpileTree(from, to) {
  for (const name of readdirSync(from)) {
    const path = join(from, name)
    if (statSync(path).isDirectory()) transpileTree(path, join(to, name))
    else if (name.endsWith('.ts')) {
      mkdirSync(to, { recursive: true })
      const js = ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
      writeFileSync(join(to, name.replace(/\.ts$/, '.js')), js)
    }
  }
}

/** Just enough Markdown for the job summary: headings, tables, fences, details, inline marks. */
function toHtml(md) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const inline = (s) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>').replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>').replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1<i>$2</i>').replace(/&lt;br&gt;/g, '<br>')
  const lines = md.split('\n')
  const html = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const fence = /^(`{3,})(\w*)$/.exec(line)
    if (fence) {
      const body = []
      while (++i < lines.length && lines[i] !== fence[1]) body.push(lines[i])
      html.push(fence[2] === 'mermaid' ? `<pre class="mermaid">${esc(body.join('\n'))}</pre>` : `<pre>${esc(body.join('\n'))}</pre>`)
    } else if (line.startsWith('|')) {
      const rows = []
      for (; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i].slice(2, -2).split(/ (?<!\\)\| /))
      i--
      const [head, , ...body] = rows
      html.push(`<table><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr>${body.map((r) => `<tr>${r.map((c) => `<td>${inline(c.replace(/\\\|/g, '|'))}</td>`).join('')}</tr>`).join('')}</table>`)
    } else if (/^#{1,4} /.test(line)) {
      const level = line.indexOf(' ')
      html.push(`<h${level}>${inline(line.slice(level + 1))}</h${level}>`)
    } else if (line.startsWith('<details') || line.startsWith('</details')) html.push(line)
    else if (line.startsWith('- ')) html.push(`<li>${inline(line.slice(2))}</li>`)
    else if (line.startsWith('> ')) html.push(`<blockquote>${inline(line.slice(2))}</blockquote>`)
    else if (line.trim() !== '') html.push(`<p>${inline(line)}</p>`)
  }
  return html.join('\n')
}

const tmp = mkdtempSync(join(tmpdir(), 'job-summary-'))
try {
  transpileTree(join(root, 'src'), join(tmp, 'src'))
  transpileTree(join(root, '__tests__', 'render'), join(tmp, '__tests__', 'render'))
  const load = (path) => import(pathToFileURL(join(tmp, path)).href)
  const { awsFleetRun } = await load('__tests__/render/fleet-fixture.js')
  const { renderJobSummary } = await load('src/render/job-summary.js')
  const { renderPage, screenshot } = await load('__tests__/render/mermaid-browser.js')
  const { summary, graph } = awsFleetRun()
  const { markdown } = renderJobSummary({ summary, dependencies: graph.dependencies, workingDir: 'examples/aws-fleet' })
  const style = '<style>body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;font-size:14px;color:#1f2328;margin:24px;max-width:1230px}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d1d9e0;padding:4px 10px;text-align:left}code{background:#eff1f3;padding:1px 4px;border-radius:4px;font-size:12px}#result,#scratch{display:none}.diagram svg{max-width:100%}</style>'
  const html = renderPage([], style + toHtml(markdown))
  mkdirSync(dirname(out), { recursive: true })
  await screenshot(html, out, '1280,3110')
  console.log(`wrote ${relative(process.cwd(), out)}`)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
