import { renderPage } from '@koppel/http';
import type { ApiDocument } from './document';

/**
 * The page's style, inline: the CSP of /docs allows inline styles only (no stylesheet
 * from 'self', no third-party assets). It goes in as a text child, which hono escapes:
 * it holds no character escaping would change (<, >, &, quotes), so it arrives whole.
 */
export const DOCS_CSS = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1b1b1b}
pre{background:#f4f4f4;padding:.75rem;overflow:auto}section{border-top:1px solid #ddd;padding:.5rem 0}
.m{display:inline-block;min-width:4rem;text-align:center;color:#fff;border-radius:3px;padding:0 .3rem;background:#555}
.m.get{background:#1d6fb8}.m.post{background:#1a7f37}.m.put{background:#9a6700}`;

type Operation = ApiDocument['paths'][string][string];

/** One operation: method and path, summary, parameters, an example body and the responses. */
function OperationSection(props: { path: string; method: string; op: Operation }) {
  const { path, method, op } = props;
  const params = op.parameters ?? [];
  const content = op.requestBody?.content ?? {};
  // JSON bodies first; a route taking files (the offer import) shows its first example as text.
  const example = content['application/json']?.example ?? Object.values(content).find((c) => c.example !== undefined)?.example;
  return (
    <section id={op.operationId}>
      <h3>
        <span class={`m ${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p>
        {op.summary}
        {op.security && op.security.length === 0 ? (
          <>
            {' '}
            <i>(no token needed)</i>
          </>
        ) : null}
      </p>
      {params.length ? (
        <>
          <h4>Parameters</h4>
          <ul>
            {params.map((p) => (
              <li>
                <code>{p.name}</code> ({p.in}){p.description ? ` — ${p.description}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {example ? (
        <>
          <h4>Example body</h4>
          <pre>{typeof example === 'string' ? example : JSON.stringify(example, null, 2)}</pre>
        </>
      ) : null}
      <h4>Responses</h4>
      <ul>
        {Object.entries(op.responses).map(([code, r]) => (
          <li>
            <b>{code}</b> {r.description}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A readable page of the OpenAPI document, rendered on the server with no
 * script and no third-party assets (the CSP allows inline styles only).
 */
export function DocsPage(props: { document: ApiDocument }) {
  const { document } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{document.info.title}</title>
        <style>{DOCS_CSS}</style>
      </head>
      <body>
        <h1>{document.info.title}</h1>
        <p>{document.info.description}</p>
        <p>
          Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI {document.openapi}).
        </p>
        {Object.entries(document.paths).flatMap(([path, operations]) =>
          Object.entries(operations).map(([method, op]) => <OperationSection path={path} method={method} op={op} />),
        )}
      </body>
    </html>
  );
}

/** The page as text, rendered once when the app starts. */
export function docsPage(document: ApiDocument): string {
  return renderPage(<DocsPage document={document} />);
}
