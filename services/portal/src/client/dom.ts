/// <reference lib="dom" />
/**
 * The two DOM helpers every part of the script uses. Text goes in as text nodes
 * (`append` of strings), never as markup, so nothing an API returns can become HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Writes a sentence into a status line (role=status, read out by screen readers). */
export function announce(id: string, text: string): void {
  const status = document.getElementById(id);
  if (status) status.textContent = text;
}
