import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, finishApp } from '@koppel/http';
import { createLogger } from '@koppel/logging';
import { publicCatalogue } from '../src/app/catalogue/public-catalogue';
import { offerKind, requestKind } from '../src/app/listings/kinds';
import type { Publication } from '../src/app/publication';
import type { SignInDeps } from '../src/app/sign-in/deps';
import { signInLinkRequests } from '../src/app/sign-in/request-sign-in-link';
import { startSession } from '../src/app/sign-in/start-session';
import type { IntakeConfig } from '../src/config';
import { mountIntakeApi } from '../src/http/intake-api';
import type { memoryStores } from './fakes';

/**
 * Intake's whole HTTP API on the in-memory stores (fakes.ts), listening on a free port:
 * what the HTTP tests call. Returns its address and how to close it.
 */
export async function startTestApi(
  stores: ReturnType<typeof memoryStores>,
  publication: Publication,
  config: IntakeConfig,
): Promise<{ url: string; close(): Promise<void> }> {
  const logger = createLogger('intake-test', { level: 'error' });
  const listings = { offers: stores.offers.store, requests: stores.requests.store };
  const signIn: SignInDeps = { store: stores.organisations.store, publication, logger, settings: config };
  const app = createApp({ logger, parseBodies: 'routes', health: () => ({}) });
  mountIntakeApi(app, {
    config,
    logger,
    offers: { kind: offerKind, store: listings.offers, organisations: stores.active, publication },
    requests: { kind: requestKind, store: listings.requests, organisations: stores.active, publication },
    organisations: { store: stores.organisations.store, active: stores.active, publication, listings },
    signIn: { requestLink: signInLinkRequests(signIn), startSession: (token) => startSession(signIn, token) },
    catalogue: publicCatalogue(),
    signUps: { store: stores.organisations.store, active: stores.active, publication, logger, settings: config, listings },
    standing: async (id) => (await stores.active.get(id)) !== undefined,
  });
  finishApp(app, logger);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
