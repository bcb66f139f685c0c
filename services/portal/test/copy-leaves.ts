import type { PortalCopy } from '../src/copy';

const GRADE_LEVELS = ['kindergarten', 'primary', 'secondary', 'netherlands'] as const;

/**
 * Every text of a copy as [path, text]: strings as they are, functions called
 * with sample arguments (grades once per level), so sentences built from
 * parameters are compared too.
 */
export function copyLeaves(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') {
    if (path === 'choices.grade')
      return GRADE_LEVELS.map((level) => [`${path}(${level})`, (node as PortalCopy['choices']['grade'])(level, 3)]);
    return [[`${path}()`, String((node as (...args: unknown[]) => unknown)('X', 2, 3, 'Y'))]];
  }
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => copyLeaves(value, path ? `${path}.${key}` : key));
}
