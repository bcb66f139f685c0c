import type { z } from 'zod';

/** One environment variable of a service, as its config schema says. */
export interface EnvVariable {
  name: string;
  /** The default as the variable would be written, or undefined. */
  fallback?: string;
  /** Must be set: no default and not optional. */
  required: boolean;
  description: string;
}

type Def = { type: string; in?: z.ZodType; innerType?: z.ZodType; defaultValue?: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The default of a field: looked for through transforms (`pipe`) and wrappers. */
function fallbackOf(schema: z.ZodType): string | undefined {
  for (let at: z.ZodType | undefined = schema, depth = 0; at && depth < 8; depth++) {
    const def = defOf(at);
    if (def.type === 'default') return String(def.defaultValue);
    at = def.type === 'pipe' ? def.in : def.innerType;
  }
  return undefined;
}

/**
 * The variables an env schema reads, in its order, with their defaults, whether they must be
 * set, and a description (from `descriptions`: the doc comments of the schema's source).
 */
export function describeEnv(schema: z.ZodObject, descriptions: Record<string, string>): EnvVariable[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const fallback = fallbackOf(field as z.ZodType);
    return {
      name,
      fallback,
      required: fallback === undefined && !(field as z.ZodType).safeParse(undefined).success,
      description: descriptions[name] ?? '',
    };
  });
}

/** The doc comment (`/** … *\/`) right before each `NAME:` of a schema's source, as one line of text. */
export function docCommentsOf(source: string): Record<string, string> {
  const comments: Record<string, string> = {};
  for (const match of source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n\s*([A-Z][A-Z0-9_]*)\s*:/g)) {
    comments[match[2]] = match[1]
      .split('\n')
      .map((line) => line.replace(/^\s*\*\s?/, '').trim())
      .filter(Boolean)
      .join(' ');
  }
  return comments;
}

/** A markdown table of variables; `|` in descriptions escaped. */
export function envTable(variables: EnvVariable[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const rows = variables.map(
    (v) =>
      `| \`${v.name}\` | ${v.required ? '**required**' : v.fallback === undefined ? '(unset)' : `\`${cell(v.fallback)}\``} | ${cell(v.description)} |`,
  );
  return ['| variable | default | what it is |', '|---|---|---|', ...rows].join('\n');
}
