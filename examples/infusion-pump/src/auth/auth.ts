// Who is calling. The TLS server (server.ts) only completes handshakes with clients whose certificate chains
// to the hospital's client CA. Here the verified certificate becomes an identity: the common name names the
// person or system, the organisational unit decides the role. Every route then states the roles it admits.
// @implements MIT-1, SR-2
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { PeerCertificate, TLSSocket } from 'node:tls';

export type Role = 'clinician' | 'ehr' | 'viewer';

/** Organisational units issued by the hospital CA, and the role each one maps to. Anything else gets no role. */
const ROLE_BY_UNIT: Readonly<Record<string, Role>> = {
  'Infusion Clinicians': 'clinician',
  'EHR Integration': 'ehr',
  'Ward Monitoring': 'viewer',
};

export interface Identity {
  readonly subject: string;
  readonly role: Role;
  /** SHA-256 fingerprint of the client certificate: the key for rate limiting and the audit trail. */
  readonly fingerprint: string;
}

export function identityFromCertificate(certificate: PeerCertificate | undefined): Identity | undefined {
  // getPeerCertificate() returns an empty object when the client sent none.
  if (!certificate?.subject || !certificate.fingerprint256) return undefined;
  const subject = single(certificate.subject.CN);
  const unit = single(certificate.subject.OU);
  if (!subject || !unit || !Object.hasOwn(ROLE_BY_UNIT, unit)) return undefined;
  return { subject, role: ROLE_BY_UNIT[unit], fingerprint: certificate.fingerprint256 };
}

/** A certificate with several CNs or OUs is ambiguous and gets no identity. */
function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value || undefined;
}

export type Identify = (req: Request) => Identity | undefined;

export const identifyByClientCertificate: Identify = (req) => {
  const socket = req.socket as TLSSocket;
  if (!socket.authorized) return undefined;
  return identityFromCertificate(socket.getPeerCertificate());
};

export function authenticate(identify: Identify): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const identity = identify(req);
    if (!identity) {
      res.status(401).json({ error: 'a valid client certificate is required' });
      return;
    }
    res.locals.identity = identity;
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const identity = res.locals.identity as Identity | undefined;
    if (!identity || !roles.includes(identity.role)) {
      res.status(403).json({ error: 'not permitted for this role' });
      return;
    }
    next();
  };
}

export function identityOf(res: Response): Identity {
  const identity = res.locals.identity as Identity | undefined;
  if (!identity) throw new Error('route reached without authentication');
  return identity;
}
