import type { Logger } from '../lib/logger';
import type { Principal } from './middleware/auth';

declare global {
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
      /** Set by `authenticate`; every route behind it may rely on it. */
      principal?: Principal;
      /** The tenant a relay's verified signature names (inbound channel messages). */
      relayTenantId?: string;
    }
  }
}
