/**
 * `./koppel demo`: starts the infrastructure and all five services on their
 * default ports, loads the demo offers and requests (and their schools and
 * providers as organisations), prints where everything
 * is, and runs until Ctrl-C, then stops everything it started.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signToken } from '@koppel/auth';
import { startInfra } from '@koppel/infra';
import { startServices } from '@koppel/launcher';
import type { Offer, Request } from '@koppel/contracts';
import { bearer, localStackAuth } from '@koppel/testkit';
import { demoOrganisations } from './demo-organisations';

const ROOT = resolve(__dirname, '..');
const log = (line: string) => process.stdout.write(`${line}\n`);

function localStackAuthWith(secret: string): string {
  return signToken(secret, { sub: 'demo-admin', role: 'admin', ttlSeconds: 7 * 24 * 3600 }).token;
}

function readJsonl(file: string): Record<string, unknown>[] {
  return readFileSync(join(ROOT, 'scripts/demo-data', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

async function post(url: string, body: unknown, token: string): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(token) },
    body: JSON.stringify(body),
  });
  if (res.status !== 201 && res.status !== 409) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
  return res.status;
}

/** The demo's broker (all of Belgium and the Netherlands): sign in to the console with this address. */
const DEMO_BROKER_EMAIL = 'bemiddelaar@koppel.example';

async function main(): Promise<void> {
  log('koppel demo: infrastructuur starten (de eerste keer worden Kafka en FerretDB gedownload en gebouwd; dat duurt enkele minuten)');
  const infra = await startInfra({ ports: 'default', mailCatcher: true, runDir: join(ROOT, '.run/demo/infra'), log: (l) => log(`  ${l}`) });
  let stopping = false;
  // A secret for this demo run only (or the one in the environment), and an admin token to load the data with.
  const auth = localStackAuth('demo-admin');
  const secret = process.env.AUTH_TOKEN_SECRET ?? auth.secret;
  const adminToken = process.env.AUTH_TOKEN_SECRET ? localStackAuthWith(secret) : auth.adminToken;
  const services = await startServices({
    infra: infra.endpoints,
    ports: 'default',
    logDir: join(ROOT, '.run/demo/services'),
    env: { AUTH_TOKEN_SECRET: secret },
    log: (l) => log(`  ${l}`),
  }).catch(async (error) => {
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
  const offers = readJsonl('offers.jsonl') as unknown as Offer[];
  const requests = readJsonl('requests.jsonl') as unknown as Request[];
  let loaded = 0;
  for (const offer of offers) loaded += (await post(`${intake}/offers`, offer, adminToken)) === 201 ? 1 : 0;
  for (const request of requests) loaded += (await post(`${intake}/requests`, request, adminToken)) === 201 ? 1 : 0;
  // Every demo school and provider as an organisation, so each can sign in to the portal.
  for (const organisation of demoOrganisations(offers, requests))
    loaded += (await post(`${intake}/organisations`, organisation, adminToken)) === 201 ? 1 : 0;
  log(`Demodata geladen: ${loaded} nieuw (de rest stond er al).`);
  // A broker for the console's sign-in: the link arrives in the mailbox below (201 the first time, 409 after).
  const broker = {
    id: 'org-demo-bemiddelaar',
    type: 'broker',
    name: 'Demobemiddelaar',
    contacts: [{ name: 'Demobemiddelaar', email: DEMO_BROKER_EMAIL }],
    regions: [
      { country: 'BE', postcodeFrom: 1000, postcodeTo: 9999, name: 'België' },
      { country: 'NL', postcodeFrom: 1000, postcodeTo: 9999, name: 'Nederland' },
    ],
  };
  await post(`${intake}/organisations`, broker, adminToken);

  log(`
koppel draait. Open:
  Bemiddelingsconsole (review):  ${services.services.review.url}/console
  Scholen en aanbieders (portal): ${services.services.portal.url}/school  en  ${services.services.portal.url}/aanbieder
  Aanbod (zonder aanmelden):     ${services.services.portal.url}/aanbod
  Organisatie registreren:       ${services.services.portal.url}/registreren
  Intake-API:                    ${intake}/offers  en  ${intake}/requests
  Review-API:                    ${services.services.review.url}/proposals
  Mailbox (verstuurde mails):    ${infra.endpoints.mailInboxUrl}
  Kafka:                         ${infra.endpoints.kafkaBrokers.join(',')}
  MongoDB-protocol (FerretDB):   ${infra.endpoints.mongoUri}
  Logs:                          ${join(ROOT, '.run/demo')}
  API-documentatie:              ${intake}/docs
  Admin-token (geldig 7 dagen):  ${adminToken}

Meld je in de console aan met ${DEMO_BROKER_EMAIL}: de aanmeldlink verschijnt in de mailbox.
Keur een voorstel goed in de console; de mails verschijnen in de mailbox.
In het portaal meld je je aan als school met ${requests[0].school.email}
of als aanbieder met ${offers[0].provider.email} (elke school en aanbieder uit de demodata kan het).
Stoppen: Ctrl-C.`);
  await new Promise(() => undefined);
}

main().catch((error) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
