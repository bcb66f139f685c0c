import { openSealed } from '@koppel/auth';
import type { Organisation } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import type { SignInDeps } from '../src/app/sign-in/deps';
import { signInLinkBaseFor, signInLinkRequests } from '../src/app/sign-in/request-sign-in-link';
import { startSession } from '../src/app/sign-in/start-session';
import { memoryStores, recordingPublication } from './fakes';

const broker = {
  id: 'org-broker',
  type: 'broker',
  role: 'broker',
  name: 'Cultuurloket',
  contacts: [{ name: 'Bo', email: 'Bo@Example.org', language: 'nl' }],
  regions: [{ name: 'West', country: 'BE', postcodeFrom: 8000, postcodeTo: 8999 }],
} as Organisation;
const settings: SignInDeps['settings'] = {
  SIGNIN_LINK_BASE: 'http://console.example/sign-in',
  SIGNIN_PORTAL_LINK_BASE: 'http://portal.example/aanmelden',
  SIGNIN_LINK_TTL_MINUTES: 15,
  SIGNIN_LINK_KEY: 'k'.repeat(48),
  SIGNIN_LINKS_PER_ADDRESS_PER_HOUR: 2,
  AUTH_TOKEN_SECRET: 's'.repeat(48),
  SESSION_TTL_HOURS: 12,
};

function world() {
  const stores = memoryStores();
  stores.organisations.add(broker);
  const publication = recordingPublication();
  const deps: SignInDeps = { store: stores.organisations.store, publication, logger: createLogger('test', { level: 'error' }), settings };
  return { ...stores, publication, deps };
}

/** Lets the queued link requests run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('sign-in', () => {
  it('sends schools and providers to the portal, brokers and admins to the console', () => {
    expect(signInLinkBaseFor('provider', settings)).toBe(settings.SIGNIN_PORTAL_LINK_BASE);
    expect(signInLinkBaseFor('broker', settings)).toBe(settings.SIGNIN_LINK_BASE);
    expect(signInLinkBaseFor('requester', { ...settings, SIGNIN_PORTAL_LINK_BASE: undefined })).toBe(settings.SIGNIN_LINK_BASE);
  });

  it('stores a link for a known contact with its sealed event, and exchanges it once for a session', async () => {
    const { deps, organisations, publication } = world();
    const requestLink = signInLinkRequests(deps);
    requestLink('bo@example.org');
    requestLink('nobody@example.org');
    await settle();
    const [event] = organisations.eventsOf('org-broker');
    expect(event).toMatchObject({ type: 'signin.link-requested', payload: { language: 'nl' } });
    expect(JSON.stringify(event)).not.toMatch(/bo@example/i);
    expect(publication.calls).toEqual(['afterWrite', 'publishSoon Organisation org-broker']);
    const link = new URL(openSealed((event.payload as { sealedLink: string }).sealedLink, settings.SIGNIN_LINK_KEY));
    expect(link.origin + link.pathname).toBe(settings.SIGNIN_LINK_BASE);
    const token = link.searchParams.get('token')!;

    const session = await startSession(deps, token);
    expect(session).toMatchObject({ kind: 'started', role: 'broker', organisationId: 'org-broker' });
    expect(await startSession(deps, token)).toEqual({ kind: 'refused' });
    expect(await startSession(deps, 'x'.repeat(43))).toEqual({ kind: 'refused' });
  });

  it('makes no more links for an address than the hourly limit', async () => {
    const { deps, organisations } = world();
    const requestLink = signInLinkRequests(deps);
    for (let i = 0; i < 4; i++) requestLink('bo@example.org');
    await settle();
    expect(organisations.eventsOf('org-broker')).toHaveLength(2);
    expect(organisations.docs.get('org-broker')?.signInLinks).toHaveLength(2);
  });

  it('asks to try again when the link kept changing while it was used', async () => {
    const { deps, organisations } = world();
    signInLinkRequests(deps)('bo@example.org');
    await settle();
    const token = new URL(
      openSealed((organisations.eventsOf('org-broker')[0].payload as { sealedLink: string }).sealedLink, settings.SIGNIN_LINK_KEY),
    ).searchParams.get('token')!;
    organisations.missNext = 3;
    expect(await startSession(deps, token)).toEqual({ kind: 'changed-meanwhile' });
  });
});
