import type { Request, RequestHandler, Response } from 'express';
import type { ApiKeyLookup, Role } from '../../lib/auth/api-keys';
import { HttpProblem } from '../problem';

export interface Principal {
  tenantId: string;
  keyId: string;
  role: Role;
  /** The person using the key, if the key names one: owner of what it creates, `mine`, approver. */
  userEmail: string | null;
  /** Who the caller is, for audit records: the key's email, else `api-key:<name>`. */
  actor: string;
  /** Whether the key's tenant is the operator tenant (may create tenants). */
  operator: boolean;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

// What an approver key may do besides reading: decide approvals (of tasks and of gated artifacts),
// and open the event stream, which the seed also allows by POST.
const APPROVER_ACTIONS = /^\/(approvals\/[^/]+\/(approve|deny)|artifacts\/[^/]+\/(approve|reject)|events\/stream)\/?$/;

const unauthorized = (detail: string) =>
  new HttpProblem(401, 'unauthorized', detail, {}, { 'WWW-Authenticate': 'Bearer realm="taskwright"' });

/**
 * Resolves `Authorization: Bearer <key>` to the key's tenant; anything else is a 401 (a 429 once
 * the client's address has failed too often: `onFailure` throws it).
 */
export function authenticate(apiKeys: ApiKeyLookup, onFailure: (req: Request, res: Response) => Promise<void>): RequestHandler {
  const refuse = async (req: Request, res: Response, detail: string): Promise<never> => {
    await onFailure(req, res);
    throw unauthorized(detail);
  };
  // Named: the route-table test tells pass-through middleware from routes by name.
  const authenticateBearer: RequestHandler = async (req, res, next) => {
    const header = req.get('authorization');
    if (!header) return refuse(req, res, 'Missing Authorization header; send "Authorization: Bearer <api key>".');
    const key = BEARER.exec(header)?.[1];
    if (!key) return refuse(req, res, 'Malformed Authorization header; expected "Bearer <api key>".');
    const record = await apiKeys.find(key);
    if (!record) return refuse(req, res, 'Invalid API key.');
    if (record.revokedAt) return refuse(req, res, 'This API key has been revoked.');
    if (record.role === 'approver' && !['GET', 'HEAD'].includes(req.method) && !(req.method === 'POST' && APPROVER_ACTIONS.test(req.path))) {
      throw new HttpProblem(403, 'forbidden', 'This API key has the approver role: it may read, and decide approvals.');
    }
    req.principal = {
      tenantId: record.tenantId,
      keyId: record.id,
      role: record.role,
      userEmail: record.userEmail,
      actor: record.userEmail ?? `api-key:${record.name}`,
      operator: record.operator,
    };
    apiKeys.recordUse(record);
    next();
  };
  return authenticateBearer;
}

/** The authenticated caller; only for routes mounted behind `authenticate`. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new Error('principalOf() used on a route without authenticate()');
  return req.principal;
}

export function requireAdmin(req: Request): Principal {
  const principal = principalOf(req);
  if (principal.role !== 'admin') throw new HttpProblem(403, 'forbidden', 'This action needs an admin API key.');
  return principal;
}
