import type { Child } from 'hono/jsx';

/**
 * A page as text: the doctype and the rendered element. hono's JSX runtime escapes
 * every string child and attribute value; markup goes in unescaped only through
 * `raw()` from 'hono/html' (grep for it: each use says why it is safe).
 */
export function renderPage(page: Child): string {
  return `<!doctype html>\n${renderFragment(page)}`;
}

/** An element (or a mail's HTML part) as text, without a doctype. */
export function renderFragment(element: Child): string {
  const text = element?.toString() ?? '';
  if (typeof text !== 'string' || text === '[object Promise]') throw new Error('koppel renders pages synchronously: no async components');
  return text;
}
