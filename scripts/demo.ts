/**
 * `./koppel demo`: starts the infrastructure and all four services on their
 * default ports, loads the demo offers and requests, prints where everything
 * is, and runs until Ctrl-C, then stops everything it started.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startInfra } from '@koppel/infra';
import { startServices } from '@koppel/launcher';

const ROOT = resolve(__dirname, '..');
const log = (line: string) => process.stdout.write(`${line}\n`);

function readJsonl(file: string): Record<string, unknown>[] {
  return readFileSync(join(ROOT, 'scripts/demo-data', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

async function post(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201 && res.status !== 409) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
  return res.status;
}

async function main(): Promise<void> {
  log('koppel demo: infrastructuur starten (de eerste keer worden Kafka en FerretDB gedownload en gebouwd; dat duurt enkele minuten)');
  const infra = await startInfra({ ports: 'default', mailCatcher: true, runDir: join(ROOT, '.run/demo/infra'), log: (l) => log(`  ${l}`) });
  let stopping = false;
  const services = await startServices({ infra: infra.endpoints, ports: 'default', logDir: join(ROOT, '.run/demo/services'), log: (l) => log(`  ${l}`) }).catch(async (error) => {
    await infra.stop();
    throw error;
  });
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    log('\nAlles stoppen...');
    await services.stop();
    await infra.stop();
    log('Gestopt.');
    process.exit(0);
  };
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);

  const intake = services.services.intake.url;
  let loaded = 0;
  for (const offer of readJsonl('offers.jsonl')) loaded += (await post(`${intake}/offers`, offer)) === 201 ? 1 : 0;
  for (const request of readJsonl('requests.jsonl')) loaded += (await post(`${intake}/requests`, request)) === 201 ? 1 : 0;
  log(`Demodata geladen: ${loaded} nieuw (de rest stond er al).`);

  log(`
koppel draait. Open:
  Bemiddelingsconsole (review):  ${services.services.review.url}/console
  Intake-API:                    ${intake}/offers  en  ${intake}/requests
  Review-API:                    ${services.services.review.url}/proposals
  Mailbox (verstuurde mails):    ${infra.endpoints.mailInboxUrl}
  Kafka:                         ${infra.endpoints.kafkaBrokers.join(',')}
  MongoDB-protocol (FerretDB):   ${infra.endpoints.mongoUri}
  Logs:                          ${join(ROOT, '.run/demo')}

Keur een voorstel goed in de console; de mails verschijnen in de mailbox.
Stoppen: Ctrl-C.`);
  await new Promise(() => undefined);
}

main().catch((error) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
