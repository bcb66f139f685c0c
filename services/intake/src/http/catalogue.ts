import { Router } from 'express';
import { HttpProblem } from '@koppel/http';
import type { PublicCatalogue } from '../app/catalogue/public-catalogue';
import { searchCatalogue } from '../app/catalogue/search-catalogue';
import { pathId } from './parse';
import { refusalProblem } from './problems';

/** Searches change as offers do, but a minute-old page is good enough for everyone: shared caches may keep it briefly. */
const CACHEABLE = 'public, max-age=30, stale-while-revalidate=60';

/**
 * `/catalogue`: the public catalogue, without signing in (issue #13). A search answers
 * a page of result cards; an offer answers everything a teacher needs, without the
 * provider's contact address. Both carry an ETag (express's), so a repeated search
 * answers 304 when nothing changed.
 */
export function catalogueRoutes(catalogue: PublicCatalogue): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const found = searchCatalogue(catalogue, req.query as Record<string, unknown>);
    if (found.kind !== 'found') throw refusalProblem(found);
    res.setHeader('Cache-Control', CACHEABLE);
    res.json(found.result);
  });
  router.get('/offers/:id', (req, res) => {
    const id = pathId(req, 'offer');
    const offer = catalogue.offer(id);
    if (!offer) throw new HttpProblem(404, 'Not found', `No active offer with id '${id}' in the catalogue.`);
    res.setHeader('Cache-Control', CACHEABLE);
    res.json(offer);
  });
  return router;
}
