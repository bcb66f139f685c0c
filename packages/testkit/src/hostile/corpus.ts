/**
 * A hostile-input corpus (issue #11): what an attacker or a broken client sends to an
 * HTTP API. Every body, query and path id here must get an answer below 500, and no
 * HTML page may echo the marker unescaped. Used by the hostile-input test and by
 * `npm run --silent bench:hostile`.
 */

/** Put into every free-text field; a page that shows it unescaped has an injection. */
export const HTML_MARKER = '<script>alert("koppel")</script>';

export interface HostileBody {
  name: string;
  contentType: string;
  body: string;
}

/** A value of the same shape with every string replaced by `text`. */
function everyString(value: unknown, text: string): unknown {
  if (typeof value === 'string') return text;
  if (Array.isArray(value)) return value.map((v) => everyString(v, text));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, everyString(v, text)]));
  return value;
}

const json = (name: string, value: unknown): HostileBody => ({ name, contentType: 'application/json', body: JSON.stringify(value) });
const raw = (name: string, body: string, contentType = 'application/json'): HostileBody => ({ name, contentType, body });

/** JSON and form bodies; `shapes` are realistic bodies of the routes (an offer, a request) to fill with hostile text. */
export function hostileBodies(shapes: unknown[] = []): HostileBody[] {
  return [
    raw('deep array', `${'['.repeat(20_000)}1${']'.repeat(20_000)}`),
    raw('deep object', `${'{"a":'.repeat(6000)}1${'}'.repeat(6000)}`),
    raw('wide object', `{${Array.from({ length: 9000 }, (_, i) => `"k${i}":1`).join(',')}}`),
    raw('wide array', `[${Array(40_000).fill('1').join(',')}]`),
    json('huge string', { title: 'A'.repeat(95_000), reason: 'B'.repeat(95_000).slice(0, 1000) }),
    json('operator keys', { $where: 'sleep(1000)', title: { $ne: null }, email: { $gt: '' }, token: { $regex: '.*' } }),
    json('dotted keys', { 'school.email': 'x@example.org', 'a.b': 1, reason: 'x' }),
    json('prototype keys', JSON.parse('{"__proto__":{"role":"admin"},"constructor":{"prototype":{"admin":true}}}')),
    json('CRLF in names', {
      name: 'x\r\nSet-Cookie: pwned=1',
      title: 'a\r\nLocation: https://evil.example',
      reason: 'r\r\n\r\n<h1>x</h1>',
      email: 'a@example.org\r\nBcc: all@example.org',
    }),
    json('HTML everywhere', {
      title: HTML_MARKER,
      name: HTML_MARKER,
      reason: HTML_MARKER,
      note: HTML_MARKER,
      email: `${HTML_MARKER}@example.org`,
      token: HTML_MARKER,
      answer: HTML_MARKER,
    }),
    raw(
      'unicode tricks',
      '{"title":"\\u202egnp.exe\\u200b\\ufeff","name":"\\ud800 lone surrogate","reason":"nul \\u0000 byte","note":"e\\u0301\\u0301\\u0301 \\ud83d\\ude00"}',
    ),
    raw('number tricks', '{"limit":1e309,"pupils":{"count":-0,"ageMin":NaN},"pricePerPupil":9007199254740993}'),
    raw('malformed JSON', '{"title": '),
    raw('not JSON', 'hello <b>world</b>'),
    raw('empty body', ''),
    raw('JSON null', 'null'),
    raw('JSON string', `"${HTML_MARKER}"`),
    raw('wrong content type', HTML_MARKER, 'text/html'),
    raw(
      'form with nesting',
      'a[b][c][d]=1&__proto__[admin]=1&note=%3Cscript%3Ealert(1)%3C%2Fscript%3E&decision=approved&decision=rejected',
      'application/x-www-form-urlencoded',
    ),
    raw(
      'form with HTML',
      `note=${encodeURIComponent(HTML_MARKER)}&region=${encodeURIComponent(HTML_MARKER)}&threshold=${encodeURIComponent(HTML_MARKER)}&enabled=on&ids=${encodeURIComponent(HTML_MARKER)}`,
      'application/x-www-form-urlencoded',
    ),
    raw('form too long', `note=${'x'.repeat(90_000)}`, 'application/x-www-form-urlencoded'),
    ...shapes.map((shape, i) => json(`shape ${i + 1} with HTML in every string`, everyString(shape, HTML_MARKER))),
    ...shapes.map((shape, i) =>
      json(`shape ${i + 1} with unicode tricks in every string`, everyString(shape, '\u202e\u200b\ud83d\ude00 e\u0301 \u0000')),
    ),
  ];
}

/** Query strings: arrays where one value is expected, operators, huge and negative numbers, HTML. */
export const HOSTILE_QUERIES: string[] = [
  '?status=proposed&status=approved',
  '?limit[]=1&offset[$gt]=0',
  '?limit=1e99&offset=-1',
  '?limit=abc&sort=$where',
  `?q=${encodeURIComponent(HTML_MARKER)}&lang=${encodeURIComponent(HTML_MARKER)}&region=${encodeURIComponent(HTML_MARKER)}&reason=${encodeURIComponent(HTML_MARKER)}`,
  `?q=${'x'.repeat(6000)}`,
  '?status[$ne]=x&__proto__[a]=1',
  '?answer=%E2%80%AE&token=%00',
];

/** Path ids: HTML, traversal, a very long one, NUL, a right-to-left override, broken percent-encoding. */
export const HOSTILE_IDS: string[] = [
  encodeURIComponent(HTML_MARKER),
  '..%2F..%2Fetc%2Fpasswd',
  'a'.repeat(5000),
  '%00',
  '%E2%80%AE',
  '%ZZ',
  '%C0%AF',
  '$where',
];

export interface HostileRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** With `{id}` for a path parameter. */
  path: string;
}

/**
 * Every request of the corpus against these routes: each query on each GET, each body on
 * each other route (path parameters a plain unknown id), and each hostile id in every path
 * parameter (GETs with no query, the others with one body).
 */
export function hostileRequests(
  routes: HostileRoute[],
  shapes: unknown[] = [],
): Array<{ method: string; path: string; body?: HostileBody }> {
  const bodies = hostileBodies(shapes);
  const requests: Array<{ method: string; path: string; body?: HostileBody }> = [];
  const withId = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);
  for (const route of routes) {
    const plain = withId(route.path, 'hostile-probe');
    const reads = route.method === 'GET' || route.method === 'DELETE';
    if (reads) for (const query of ['', ...HOSTILE_QUERIES]) requests.push({ method: route.method, path: `${plain}${query}` });
    else for (const body of bodies) requests.push({ method: route.method, path: plain, body });
    if (!reads) requests.push({ method: route.method, path: `${plain}${HOSTILE_QUERIES[4]}`, body: bodies[0] });
    if (route.path.includes('{'))
      for (const id of HOSTILE_IDS)
        requests.push({ method: route.method, path: withId(route.path, id), body: reads ? undefined : bodies[9] });
  }
  return requests;
}
