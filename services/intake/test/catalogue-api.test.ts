import type { AddressInfo } from 'node:net';
import { request, type Server } from 'node:http';
import { createApp, finishApp } from '@koppel/http';
import { createLogger } from '@koppel/logging';
import { GENT, makeOffer } from '../../../packages/matching/test/fixtures';
import { publicCatalogue } from '../src/app/catalogue/public-catalogue';
import { catalogueRoutes } from '../src/http/catalogue';

describe('the public catalogue over HTTP (issue #13)', () => {
  const catalogue = publicCatalogue();
  let server: Server;
  let url: string;

  const pottery = makeOffer({
    id: 'off-klei',
    provider: { id: 'prov-klei', name: 'Atelier Klei', email: 'atelier@example.org' },
    title: 'Boetseren met klei',
    description: 'De kinderen boetseren dieren uit klei en bakken ze in de oven.',
  });
  const ghent = makeOffer({
    id: 'off-gent',
    provider: { id: 'prov-gent', name: 'Kunsthuis Gent' },
    title: 'Boetseren in Gent',
    description: 'Boetseren met klei, in het atelier in Gent.',
    location: { municipality: 'Gent', postcode: '9000', ...GENT },
  });

  beforeAll(async () => {
    catalogue.put(pottery);
    catalogue.put(ghent);
    const logger = createLogger('catalogue-test', { level: 'error' });
    const app = createApp({ logger, parseBodies: 'routes', health: () => ({}) });
    app.use('/catalogue', catalogueRoutes(catalogue));
    finishApp(app, logger);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, { headers });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };

  const statusOf = (path: string, headers: Record<string, string>) =>
    new Promise<number | undefined>((resolve, reject) => {
      request(`${url}${path}`, { headers }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });

  it('finds an offer by a Dutch word of its description near a postcode, with its distance, and lets caches keep the page', async () => {
    const res = await get('/catalogue?q=bakken&near=8500&km=20');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0].offer).toMatchObject({ id: 'off-klei', provider: { id: 'prov-klei', name: 'Atelier Klei' } });
    expect(res.body.items[0].offer.provider.email).toBeUndefined();
    expect(res.body.items[0].distanceKm).toBeLessThan(2);
    expect(res.headers.get('cache-control')).toContain('public');
    // node:http, not fetch: fetch turns a conditional request into `Cache-Control: no-cache`, which always revalidates.
    const again = await statusOf('/catalogue?q=bakken&near=8500&km=20', { 'if-none-match': res.headers.get('etag')! });
    expect(again).toBe(304);
  });

  it('takes a municipality as the place, and leaves out what lies beyond the distance', async () => {
    const near = await get('/catalogue?q=boetseren&near=Kortrijk&km=20');
    expect(near.body.items.map((i: { offer: { id: string } }) => i.offer.id)).toEqual(['off-klei']);
    const wide = await get('/catalogue?q=boetseren&near=Kortrijk&km=100&sort=distance');
    expect(wide.body.items.map((i: { offer: { id: string } }) => i.offer.id)).toEqual(['off-klei', 'off-gent']);
  });

  it('answers a bad search with a 400 naming every parameter and why', async () => {
    const res = await get('/catalogue?age=old&pageSize=500&discipline=music,knitting');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['age', 'discipline.1', 'pageSize']);
    const distance = await get('/catalogue?sort=distance');
    expect(distance.body.errors).toEqual([{ path: 'sort', message: 'sorting by distance needs lat and lon' }]);
    const nowhere = await get('/catalogue?near=Atlantis');
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors).toEqual([{ path: 'near', message: expect.stringContaining('no postcode or municipality') }]);
  });

  it('shows an active offer with everything but the contact address, and 404 for one that is not in it', async () => {
    const res = await get('/catalogue/offers/off-klei');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'off-klei', description: pottery.description, audience: pottery.audience });
    expect(res.body.provider).toEqual({ id: 'prov-klei', name: 'Atelier Klei' });
    expect((await get('/catalogue/offers/off-none')).status).toBe(404);
  });

  it('leaves out the offers of a withdrawn organisation, also those that arrive after its withdrawal', async () => {
    const local = publicCatalogue();
    local.put(pottery);
    local.withdrawOrganisation('prov-klei');
    local.put({ ...pottery, id: 'off-klei-2' });
    expect(local.size()).toBe(0);
    local.put(ghent);
    local.remove('off-gent');
    expect(local.offer('off-gent')).toBeUndefined();
    // An offer moved to another provider is listed under that one only.
    local.put(ghent);
    local.put({ ...ghent, provider: { ...ghent.provider, id: 'prov-other' } });
    local.withdrawOrganisation('prov-gent');
    expect(local.offer('off-gent')?.provider.id).toBe('prov-other');
  });
});
