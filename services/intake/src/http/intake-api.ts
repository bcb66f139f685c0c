import type { Express } from 'express';
import type { OrganisationStanding } from '@koppel/auth';
import { OfferInputSchema, type Offer, type OfferInput, type Request, type RequestInput, RequestInputSchema } from '@koppel/contracts';
import { API_POLICY, authenticate, bodyParsers, contentSecurityPolicy, corsFor } from '@koppel/http';
import type { Logger } from '@koppel/logging';
import type { PublicCatalogue } from '../app/catalogue/public-catalogue';
import type { ListingDeps } from '../app/listings/kinds';
import type { OrganisationDeps } from '../app/organisations/deps';
import type { SignUpDeps } from '../app/sign-ups/deps';
import type { IntakeConfig } from '../config';
import { catalogueRoutes } from './catalogue';
import { MAX_INPUT_DEPTH, MAX_INPUT_VALUES, rejectDangerousInput } from './input-guard';
import { listingRoutes } from './listings';
import { noStore } from './no-store';
import { offerImportRoutes } from './offer-imports';
import { docsPage } from './openapi/docs-page';
import { openApiDocument } from './openapi/document';
import { organisationRoutes } from './organisations';
import { rateLimit } from './rate-limit';
import { type SignInUseCases, signInRoutes } from './sign-in';
import { signUpRoutes } from './sign-ups';
import { databaseUnavailableHandler } from './unavailable';

/** What the intake API calls. */
export interface IntakeApiDeps {
  config: IntakeConfig;
  logger: Logger;
  offers: ListingDeps<Offer, OfferInput>;
  requests: ListingDeps<Request, RequestInput>;
  organisations: OrganisationDeps;
  signIn: SignInUseCases;
  /** Organisations signing up themselves (issue #13). */
  signUps: SignUpDeps;
  /** The public catalogue of active offers (issue #13). */
  catalogue: PublicCatalogue;
  /** Whether a token's organisation may still act (a withdrawal revokes its tokens). */
  standing: OrganisationStanding;
}

/** Express's `trust proxy` from INTAKE_TRUST_PROXY: a number of hops, true, false, or a named range. */
function trustProxyOf(setting: string): number | boolean | string {
  if (/^\d+$/.test(setting)) return Number(setting);
  if (setting === 'true') return true;
  if (setting === 'false') return false;
  return setting;
}

/**
 * Mounts the intake API: the public API description, sign-in exchange and catalogue, the
 * token-guarded offers, requests and organisations, and the 503 for a database
 * that is away (before the app's own 404 and error handlers).
 */
export function mountIntakeApi(app: Express, deps: IntakeApiDeps): void {
  const { config } = deps;
  // Behind a reverse proxy the client's address (per-address rate limits) comes from X-Forwarded-For, if told so.
  app.set('trust proxy', trustProxyOf(config.INTAKE_TRUST_PROXY));
  // Bodies are read only where a route takes one, after the token (or the sign-in rate limit)
  // admitted the client: an anonymous attacker's body is never parsed (issue #11).
  const readBody = [
    ...bodyParsers({ bodyLimit: config.INTAKE_BODY_LIMIT, jsonLimits: { depth: MAX_INPUT_DEPTH, values: MAX_INPUT_VALUES } }),
    rejectDangerousInput,
  ];

  // Public: the API description and the sign-in exchange (rate-limited per client address).
  const document = openApiDocument();
  const page = docsPage(document);
  app.get('/openapi.json', noStore, (_req, res) => void res.json(document));
  // The API reference page carries its styles inline.
  app.get(
    '/docs',
    contentSecurityPolicy({ ...API_POLICY, 'style-src': ["'unsafe-inline'"] }),
    (_req, res) => void res.type('html').send(page),
  );
  const perAddress = rateLimit(Math.max(10, Math.floor(config.INTAKE_RATE_LIMIT_PER_MINUTE / 10)), (req) => `ip:${req.ip}`);
  // The console's sign-in pages post here from the broker's browser (docs/security.md).
  const signInCors = corsFor({ origins: config.INTAKE_CORS_ORIGINS, methods: ['POST'], headers: ['content-type'] });
  app.use('/auth', signInCors, noStore, perAddress, ...readBody, signInRoutes(deps.signIn));
  // Sign-up: the portal's pages post here from the browser; the same per-address limit as sign-in.
  const signUpCors = corsFor({ origins: config.INTAKE_CORS_ORIGINS, methods: ['POST'], headers: ['content-type'] });
  app.use('/sign-ups', signUpCors, noStore, perAddress, ...readBody, signUpRoutes(deps.signUps));
  // The public catalogue: no token, no body; the portal's pages search it from the browser (issue #13).
  const perSearcher = rateLimit(config.INTAKE_RATE_LIMIT_PER_MINUTE, (req) => `catalogue:${req.ip}`);
  const catalogueCors = corsFor({ origins: config.INTAKE_CORS_ORIGINS, methods: ['GET'], headers: [] });
  app.use('/catalogue', catalogueCors, perSearcher, catalogueRoutes(deps.catalogue));

  // Everything else needs a bearer token, and is rate-limited per token.
  const perToken = rateLimit(config.INTAKE_RATE_LIMIT_PER_MINUTE, (req) => `token:${req.principal?.jti ?? req.ip}`);
  const guarded = [noStore, authenticate({ secret: config.AUTH_TOKEN_SECRET, standing: deps.standing }), perToken, ...readBody];
  // The portal's pages call these from a school's or provider's browser with a bearer token.
  app.use(
    ['/offers', '/requests'],
    corsFor({
      origins: config.INTAKE_CORS_ORIGINS,
      methods: ['GET', 'POST', 'PUT'],
      headers: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
      exposeHeaders: ['ETag', 'Location', 'Idempotent-Replayed'],
    }),
  );
  // The portal lets a provider choose its mail preference from its browser.
  app.use(
    '/organisations',
    corsFor({ origins: config.INTAKE_CORS_ORIGINS, methods: ['GET', 'PUT'], headers: ['authorization', 'content-type'] }),
  );
  // Bulk import (issue #13): its template and column guide are public, the import takes the token like POST /offers.
  app.use('/offers/imports', offerImportRoutes(deps.offers, guarded));
  app.use('/offers', ...guarded, listingRoutes(deps.offers, OfferInputSchema));
  app.use('/requests', ...guarded, listingRoutes(deps.requests, RequestInputSchema));
  app.use('/organisations', ...guarded, organisationRoutes(deps.organisations));
  app.use(databaseUnavailableHandler(deps.logger));
}
