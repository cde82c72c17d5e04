// The clinician and EHR API. A dose change passes, in order: mutual TLS (server.ts), authentication of the
// client certificate, per-client rate limiting, the route's role check, strict schema validation, the drug
// library's hard limits in the infusion service, and finally the pump's own check of the frame's HMAC and
// sequence number. No single layer is trusted to catch everything.
// @implements SR-1
import express, { type ErrorRequestHandler, type Express, type NextFunction, type Request, type Response } from 'express';
import { authenticate, identityOf, requireRole, type Identify } from './auth/auth';
import { CommandRejected, type InfusionService } from './infusions/service';
import type { Logger } from './logging/logger';
import { rateLimit, type RateLimitOptions } from './middleware/rateLimit';
import { changeRateSchema, startInfusionSchema, validateBody, validateInfusionId, type ChangeRate, type StartInfusion } from './validation/schemas';

export class Metrics {
  private readonly counters = new Map<string, number>();

  count(name: string): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + 1);
  }

  render(): string {
    return [...this.counters].map(([name, value]) => `pump_gateway_${name} ${value}`).join('\n') + '\n';
  }
}

export interface AppDependencies {
  readonly service: InfusionService;
  readonly identify: Identify;
  readonly rateLimit: RateLimitOptions;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

type Handler = (req: Request, res: Response) => Promise<void> | void;

/** Express 4 does not catch rejected promises: hand them to the error handler. */
const route = (handler: Handler) => (req: Request, res: Response, next: NextFunction) => {
  Promise.resolve(handler(req, res)).catch(next);
};

export function createApp(deps: AppDependencies): Express {
  const { service, metrics } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.on('finish', () => metrics.count(`responses_${res.statusCode}_total`));
    next();
  });
  app.use(express.json({ limit: '4kb', strict: true }));
  app.use(authenticate(deps.identify));
  app.use(rateLimit(deps.rateLimit));

  // @exposure external
  // @implications a forged or malformed start runs the wrong drug or dose on a patient
  // @assets AST-1 infusion parameters, AST-2 patient identity
  // @trust-boundary hospital network -> gateway
  // @threats THR-2, THR-3, THR-5
  // @implements IF-1
  app.post('/infusions', requireRole('clinician', 'ehr'), validateBody(startInfusionSchema), route(async (_req, res) => {
    const infusion = await service.start(identityOf(res), res.locals.body as StartInfusion);
    res.status(201).json(infusion);
  }));

  // @exposure external
  // @implications a forged stop interrupts therapy; a stop that cannot get through keeps a wrong infusion running
  // @assets AST-1 infusion parameters
  // @trust-boundary hospital network -> gateway
  // @threats THR-2, THR-5
  // @implements IF-1
  app.post('/infusions/:id/stop', requireRole('clinician', 'ehr'), validateInfusionId, route(async (req, res) => {
    res.json(await service.stop(identityOf(res), req.params.id));
  }));

  // @exposure external
  // @implications forged or replayed commands change a running infusion
  // @assets AST-1 infusion parameters
  // @trust-boundary hospital network -> gateway
  // @threats THR-1, THR-2, THR-3
  // @implements IF-1
  app.put('/infusions/:id/rate', requireRole('clinician'), validateInfusionId, validateBody(changeRateSchema), route(async (req, res) => {
    res.json(await service.changeRate(identityOf(res), req.params.id, res.locals.body as ChangeRate));
  }));

  // @exposure external
  // @implications discloses which patient receives which drug
  // @assets AST-2 patient identity, AST-1 infusion parameters
  // @trust-boundary hospital network -> gateway
  // @threats THR-2, THR-8
  // @implements IF-2
  app.get('/infusions/:id', requireRole('clinician', 'ehr', 'viewer'), validateInfusionId, (req, res) => {
    const view = service.status(req.params.id);
    if (view) res.json(view);
    else res.status(404).json({ error: 'unknown infusion' });
  });

  // Counters for the ward's monitoring system to scrape.
  app.get('/metrics', (_req, res) => {
    res.type('text/plain').send(metrics.render());
  });

  app.use(errorHandler(deps.logger));
  return app;
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (error instanceof CommandRejected) {
      res.status(error.status).json({ error: error.message });
      return;
    }
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      res.status(413).json({ error: 'request body too large' });
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: 'request body is not valid JSON' });
      return;
    }
    // Never echo the request or the error to the client; the log gets the error without the body.
    logger.error('request failed', { method: req.method, path: req.path, error });
    res.status(500).json({ error: 'internal error' });
  };
}
