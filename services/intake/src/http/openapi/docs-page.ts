import { escapeHtml } from '@koppel/http';
import type { ApiDocument } from './document';

/**
 * A readable page of the OpenAPI document, rendered on the server with no
 * script and no third-party assets (the CSP allows inline styles only).
 */
export function docsPage(document: ApiDocument): string {
  const sections: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)})${p.description ? ` — ${escapeHtml(p.description)}` : ''}</li>`,
        )
        .join('');
      const example = op.requestBody?.content?.['application/json']?.example;
      const responses = Object.entries(op.responses)
        .map(([code, r]) => `<li><b>${escapeHtml(code)}</b> ${escapeHtml(r.description)}</li>`)
        .join('');
      sections.push(`<section id="${escapeHtml(op.operationId)}">
<h3><span class="m ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary)}${op.security && op.security.length === 0 ? ' <i>(no token needed)</i>' : ''}</p>
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}
${example ? `<h4>Example body</h4><pre>${escapeHtml(JSON.stringify(example, null, 2))}</pre>` : ''}
<h4>Responses</h4><ul>${responses}</ul></section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1b1b1b}
pre{background:#f4f4f4;padding:.75rem;overflow:auto}section{border-top:1px solid #ddd;padding:.5rem 0}
.m{display:inline-block;min-width:4rem;text-align:center;color:#fff;border-radius:3px;padding:0 .3rem;background:#555}
.m.get{background:#1d6fb8}.m.post{background:#1a7f37}.m.put{background:#9a6700}</style></head>
<body><h1>${escapeHtml(document.info.title)}</h1><p>${escapeHtml(document.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${escapeHtml(document.openapi)}).</p>
${sections.join('\n')}</body></html>`;
}
