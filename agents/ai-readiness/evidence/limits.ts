import { AgentError } from '../../sdk';
import { loadConfig } from '../../../lib/config';

/** The operator's limits on evidence (see the README's configuration table). */
export interface EvidenceLimits {
  /** Server directories a `{path}` source may name. */
  allowedDirs: string[];
  /** Bytes all sources of one task may unpack to, together. */
  maxBytes: number;
  /** Files one task may unpack or walk. */
  maxFiles: number;
}

/** Read when a task runs, so the worker's current environment applies. */
export function evidenceLimits(): EvidenceLimits {
  const config = loadConfig();
  return { allowedDirs: config.AUDIT_ALLOWED_DIRS, maxBytes: config.AUDIT_MAX_EXTRACTED_BYTES, maxFiles: config.AUDIT_MAX_FILES };
}

/** What is left of the limits while sources are unpacked into one evidence tree. */
export class EvidenceBudget {
  private bytes = 0;
  private files = 0;

  constructor(readonly limits: EvidenceLimits) {}

  get bytesLeft(): number {
    return this.limits.maxBytes - this.bytes;
  }

  /** Counts one more file of `size` bytes from `source`; past a limit the task fails with `code`. */
  claim(size: number, source: string, code: 'archive_too_large' | 'source_too_large'): void {
    this.files += 1;
    this.bytes += size;
    if (this.files > this.limits.maxFiles) {
      throw new AgentError(code, `${source}: more than ${this.limits.maxFiles} files in the evidence (AUDIT_MAX_FILES)`);
    }
    if (this.bytes > this.limits.maxBytes) {
      throw new AgentError(code, `${source}: the evidence unpacks to more than ${this.limits.maxBytes} bytes (AUDIT_MAX_EXTRACTED_BYTES)`);
    }
  }
}
