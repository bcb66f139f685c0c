import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Server } from 'node:http';
import { ZodError, type z } from 'zod';
import helmet from 'helmet';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';
import { randomUUID } from 'node:crypto';
import { createLogger, runWithTrace, type Logger, type Trace } from '@koppel/logging';
import { jsonShapeProblem, type JsonShapeLimits } from './json-shape';
import { HttpProblem, sendProblem, validationProblem } from './problem';

/**
 * An express app with what every koppel service needs: a JSON body limit,
 * a health endpoint, an access log line per request and security headers (helmet,
 * with the service's Content-Security-Policy).
 * Routes are added by the caller; `finishApp` adds the 404 and error handlers last.
 */
/** A readiness check (see @koppel/messaging's readiness.ts): ok, plus details for an operator. */
export type ReadyCheck = () => Promise<{ ok: boolean; [detail: string]: unknown }>;

export interface AppOptions {
  logger: Logger;
  /** Details for `/healthz`, which answers 200 as long as the process serves HTTP (alive). */
  health: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Checks for `/readyz`, which answers 200 only when every one is ok (database, broker, consumers), else 503 naming which is not. */
  ready?: Record<string, ReadyCheck>;
  bodyLimit?: string;
  /** How deep and large a JSON body may be, checked on its bytes before it is parsed (default: 32 levels, 20,000 values). */
  jsonLimits?: JsonShapeLimits;
  /** The Content-Security-Policy of every answer (default `API_POLICY`); a route may narrow or widen it with `contentSecurityPolicy`. */
  contentSecurityPolicy?: PolicyDirectives;
  /**
   * 'routes': the caller mounts `bodyParsers` on its routes itself, after authentication,
   * so an anonymous client's body is never read into memory or parsed. Default: every route.
   */
  parseBodies?: 'everywhere' | 'routes';
}

const DEFAULT_JSON_LIMITS: JsonShapeLimits = { depth: 32, values: 20_000 };

/** Content-Security-Policy directives, e.g. `{ 'default-src': ["'none'"] }`. */
export type PolicyDirectives = Record<string, string[]>;

/** For JSON: nothing may load or frame anything (costs an API nothing, covers a page served by mistake). */
export const API_POLICY: PolicyDirectives = { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] };

/** A Content-Security-Policy for some routes only (it replaces the app's for them). */
export function contentSecurityPolicy(directives: PolicyDirectives): RequestHandler {
  return helmet.contentSecurityPolicy({ useDefaults: false, directives });
}

/** JSON and form body parsers with the size limit, and a check of a JSON body's shape on its bytes before it is parsed. */
export function bodyParsers(options: Pick<AppOptions, 'bodyLimit' | 'jsonLimits'>): RequestHandler[] {
  const jsonLimits = options.jsonLimits ?? DEFAULT_JSON_LIMITS;
  return [
    express.json({
      limit: options.bodyLimit ?? '100kb',
      type: ['application/json', 'application/*+json'],
      // Before the parse: a hostile shape costs one scan of its bytes (body-parser answers with our 400).
      verify: (_req, _res, bytes, encoding) => {
        const problem = encoding === 'utf-8' || encoding === 'utf8' ? jsonShapeProblem(bytes, jsonLimits) : undefined;
        if (problem)
          throw new HttpProblem(400, 'Validation failed', 'The request body has 1 invalid field(s).', {
            errors: [{ path: '(body)', message: problem }],
          });
      },
    }),
    express.urlencoded({ extended: false, limit: options.bodyLimit ?? '100kb' }),
    // The parsers call on from the socket's callbacks, outside the request's trace: back into it.
    (_req, res, next) => (res.locals.trace ? runWithTrace(res.locals.trace as Trace, next) : next()),
  ];
}

/** HTTP answer times by method, route pattern (never the raw path: ids and tokens stay out) and status. */
function httpDuration(): Histogram {
  const name = 'koppel_http_request_duration_seconds';
  return (
    (register.getSingleMetric(name) as Histogram | undefined) ??
    new Histogram({
      name,
      help: 'Time to answer an HTTP request',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    })
  );
}

/** The route pattern that answered (`/offers/:id`), or `unmatched`: a bounded set of label values. */
function routeOf(req: Request): string {
  const route: unknown = req.route?.path;
  return typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched';
}

/** The caller's `X-Request-Id` when it is a plain id (a proxy's or a client's), else a new one. */
function requestIdOf(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(given) ? given : randomUUID();
}

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // nosniff, no referrer, no framing, HSTS, cross-origin isolation of windows, and the CSP.
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: options.contentSecurityPolicy ?? API_POLICY },
      xFrameOptions: { action: 'deny' },
    }),
  );
  const duration = httpDuration();
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      duration.observe({ method: req.method, route: routeOf(req), status: String(res.statusCode) }, ms / 1000);
      options.logger.info('http request', {
        requestId,
        method: req.method,
        path: redactPath(req.baseUrl + req.path),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      });
    });
    // The request is the cause and the start of everything it leads to: log lines and events carry its id.
    res.locals.trace = { correlationId: requestId, causationId: requestId } satisfies Trace;
    runWithTrace(res.locals.trace, next);
  });
  if (options.parseBodies !== 'routes') app.use(bodyParsers(options));
  app.get('/healthz', async (_req, res) => {
    try {
      res.json({ status: 'ok', ...(await options.health()) });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', error: (error as Error).message });
    }
  });
  // Prometheus: process metrics and what the service's consumers and outbox report (@koppel/messaging's metrics.ts).
  collectDefaultMetricsOnce();
  app.get('/metrics', async (_req, res) => {
    res.type(register.contentType).send(await register.metrics());
  });
  app.get('/readyz', async (_req, res) => {
    const names = Object.keys(options.ready ?? {});
    const results = await Promise.all(
      names.map((name) => options.ready![name]().catch((error: Error) => ({ ok: false, error: error.message }))),
    );
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const ready = results.every((r) => r.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  return app;
}

/**
 * A request path fit for a log line: path segments that are secrets (answer-link
 * and sign-in tokens: two base64url parts joined by a dot, or a base64url run of 40
 * characters or more) become `:token`; ids (with `-`, `:` or `%`) stay readable. Logs are read by more
 * people than the secrets are meant for (decision 0009).
 */
export function redactPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/.test(segment) || /^[A-Za-z0-9_-]{40,}$/.test(segment) ? ':token' : segment))
    .join('/');
}

let defaultMetrics = false;
function collectDefaultMetricsOnce(): void {
  if (defaultMetrics) return;
  defaultMetrics = true;
  collectDefaultMetrics();
}

export function finishApp(app: Express, logger: Logger): void {
  app.use((req: Request, res: Response) =>
    sendProblem(res, new HttpProblem(404, 'Not found', `No route for ${req.method} ${req.path}`), req.path),
  );
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof HttpProblem) return sendProblem(res, error, req.path);
    const status = (error as { status?: number; type?: string }).status;
    if (status === 413)
      return sendProblem(res, new HttpProblem(413, 'Payload too large', 'The request body is larger than allowed.'), req.path);
    if (status === 400 && (error as { type?: string }).type === 'entity.parse.failed') {
      return sendProblem(
        res,
        new HttpProblem(400, 'Malformed JSON', 'The request body is not valid JSON.', {
          errors: [{ path: '(body)', message: 'not valid JSON' }],
        }),
        req.path,
      );
    }
    // A path parameter that is not valid percent-encoding (`/offers/%ZZ`): the router cannot decode it.
    if (error instanceof URIError)
      return sendProblem(
        res,
        new HttpProblem(400, 'Malformed path', 'The address holds a character sequence that is not valid percent-encoding.'),
        req.path,
      );
    // Input a route parsed with a throwing schema: the client's mistake, said field by field (issue #11: 500s before).
    if (error instanceof ZodError) return sendProblem(res, validationProblem(error), req.path);
    // Other client errors raised by express or its parsers (an unsupported charset, too many parameters, …).
    if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: boolean }).expose) {
      return sendProblem(res, new HttpProblem(status, 'Bad request', (error as Error).message), req.path);
    }
    logger.error('unhandled error', { path: redactPath(req.baseUrl + req.path), error: error as Error });
    sendProblem(res, new HttpProblem(500, 'Internal error', 'Something went wrong on our side.'), req.path);
  });
}

/** Parses `value` with `schema` or throws a 400 problem naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationProblem(result.error, what);
  return result.data;
}

/** Starts listening and resolves with the server once the port is bound. */
export function listen(app: Express, port: number, host = '127.0.0.1'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    // Keep idle connections open longer than clients and proxies do (Node's fetch: 4 s,
    // load balancers: 60 s), so the client closes first. With Node's default of 5 s a
    // request sent on a connection the server is closing at that moment fails with
    // "other side closed" (seen in the test suite after a few idle seconds).
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    server.on('error', reject);
  });
}

/** The base URL a listening server answers on (the bound port, so port 0 gives the real one). */
export function serverUrl(server: Server, host: string): string {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error(`server on ${host} is not listening on a TCP port`);
  return `http://${host}:${address.port}`;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections?.();
  });
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits; a second signal forces the exit. */
export function onShutdownSignal(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info('shutting down', { signal });
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => handle('SIGTERM'));
  process.once('SIGINT', () => handle('SIGINT'));
}

/**
 * The whole `main` of a service: validate config (fail fast naming the
 * variable), start, and stop cleanly on SIGTERM/SIGINT.
 */
export function runService<C extends { LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' }>(
  name: string,
  loadConfig: () => C,
  start: (config: C, logger: Logger) => Promise<{ stop(): Promise<void> }>,
): void {
  (async () => {
    const config = loadConfig();
    const logger = createLogger(name, { level: config.LOG_LEVEL });
    const running = await start(config, logger);
    onShutdownSignal(logger, running.stop);
  })().catch((error) => {
    process.stderr.write(`${name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
