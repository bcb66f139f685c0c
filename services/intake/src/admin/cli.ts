/**
 * Admin commands (`npm run admin -- <command>`). Tokens are signed locally with
 * AUTH_TOKEN_SECRET; nothing is sent anywhere. Prints the token on stdout and
 * nothing else, so it can be captured: TOKEN=$(npm run --silent admin -- issue-token ...).
 *
 *   issue-token --role admin --sub <who> [--ttl-days 90]
 *   issue-token --org <organisation id> [--sub <email>] [--ttl-days 90]   (reads role and regions from the intake database)
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { signToken } from '@koppel/auth';
import { commonEnvSchema, env, loadConfig } from '@koppel/config';
import { organisationToken } from '../app/sign-in/organisation-token';
import { readOrganisation } from '../store/admin-lookup';

const AdminEnvSchema = commonEnvSchema.extend({
  AUTH_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters'),
  INTAKE_DB: env.databaseName('koppel-intake'),
});

const IssueArgsSchema = z
  .object({
    role: z.literal('admin').optional(),
    org: z.string().min(1).optional(),
    sub: z.string().min(1).max(254).optional(),
    'ttl-days': z.coerce.number().int().min(1).max(3650).default(90),
  })
  .refine((a) => (a.role === 'admin') !== (a.org !== undefined), { message: 'give either --role admin --sub <who>, or --org <id>' })
  .refine((a) => a.org !== undefined || a.sub !== undefined, { message: '--sub is required with --role admin', path: ['sub'] });

async function issueToken(argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { role: { type: 'string' }, org: { type: 'string' }, sub: { type: 'string' }, 'ttl-days': { type: 'string' } },
    strict: true,
  });
  const parsed = IssueArgsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; '));
  const args = parsed.data;
  const config = loadConfig(AdminEnvSchema);
  const ttlSeconds = args['ttl-days'] * 24 * 3600;
  if (args.role === 'admin') return signToken(config.AUTH_TOKEN_SECRET, { sub: args.sub!, role: 'admin', ttlSeconds }).token;
  const org = await readOrganisation(
    { uri: config.MONGO_URI, dbName: config.INTAKE_DB, maxPoolSize: config.MONGO_MAX_POOL_SIZE },
    args.org!,
  );
  if (org?.status !== 'active') throw new Error(`no active organisation '${args.org}' in ${config.INTAKE_DB}`);
  return organisationToken(config.AUTH_TOKEN_SECRET, org, args.sub ?? org.data.contacts[0].email, ttlSeconds).token;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'issue-token') {
    process.stdout.write(`${await issueToken(rest)}\n`);
    return;
  }
  process.stderr.write(
    'usage: npm run admin -- issue-token --role admin --sub <who> [--ttl-days N]\n       npm run admin -- issue-token --org <id> [--sub <email>] [--ttl-days N]\n',
  );
  process.exit(64);
}

main().catch((error) => {
  process.stderr.write(`admin: ${(error as Error).message}\n`);
  process.exit(1);
});
