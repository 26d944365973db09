import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AgentError } from '../../agents/sdk';
import { fakeAgentContext } from '../support/fake-agent-context';
import { fakeFiles, fetched, removeScratchDirs, runTask, scratchDir, tarGzOf, tarGzWithEntry, withAuditEnv, writeTree, zipOf } from './ai-readiness-fixtures';

afterAll(removeScratchDirs);

async function auditFailure(options: Parameters<typeof fakeAgentContext>[0], source: unknown): Promise<AgentError> {
  const error = await runTask('ai_readiness.full_audit', fakeAgentContext(options), { source }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AgentError);
  return error as AgentError;
}

const uploaded = (name: string, content: Buffer) => fakeFiles([{ id: 'file_1', name, content }]);

describe('ai_readiness.full_audit refuses unsafe archives', () => {
  // The agent's temporary directories go here, so what it leaves behind (or writes beside them) can be seen.
  let tmpDir: string;
  beforeAll(() => {
    tmpDir = scratchDir('tmp');
    jest.spyOn(os, 'tmpdir').mockReturnValue(tmpDir);
  });
  afterAll(() => {
    jest.restoreAllMocks();
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  // Extraction happens in <TMPDIR>/taskwright-evidence-…/evidence/evil/: three levels up is TMPDIR.
  it.each([
    ['a ../ entry (zip slip)', 'aa/bb/cc/evil.txt', '../../../evil.txt'],
    ['a ..\\ entry', 'aa/bb/cc/evil.txt', '..\\..\\..\\evil.txt'],
    ['an absolute path', 'xtmp/ai-readiness-evil.txt', '/tmp/ai-readiness-evil.txt'],
  ])('a zip with %s: archive_unsafe, nothing written outside', async (_case, name, rename) => {
    const archive = await zipOf([{ name: 'README.md', content: '# fine\n' }, { name, rename, content: 'pwned' }]);
    const error = await auditFailure({ files: uploaded('evil.zip', archive) }, 'file_1');
    expect(error.code).toBe('archive_unsafe');
    expect(error.message).toMatch(/^evil\.zip: entry ".*evil\.txt" .*; the archive was refused$/);
    expect(fs.existsSync(path.join(tmpDir, 'evil.txt'))).toBe(false);
    expect(fs.existsSync('/tmp/ai-readiness-evil.txt')).toBe(false);
  });

  it('a tar.gz with a ../ entry: archive_unsafe', async () => {
    const error = await auditFailure({ files: uploaded('evil.tar.gz', tarGzWithEntry('../../evil.txt', 'pwned')) }, 'file_1');
    expect(error.code).toBe('archive_unsafe');
    expect(error.message).toContain('climbs out of the extraction directory');
  });

  it('a zip whose entry inflates past AUDIT_MAX_EXTRACTED_BYTES (a compression bomb): archive_too_large', async () => {
    const bomb = await zipOf([{ name: 'zeros.txt', content: Buffer.alloc(8 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await withAuditEnv({ AUDIT_MAX_EXTRACTED_BYTES: String(1024 * 1024) }, () => auditFailure({ files: uploaded('bomb.zip', bomb) }, 'file_1'));
    expect(error.code).toBe('archive_too_large');
    expect(error.message).toBe('bomb.zip: the evidence unpacks to more than 1048576 bytes (AUDIT_MAX_EXTRACTED_BYTES)');
  });

  it('a tar.gz whose entry inflates past the cap: archive_too_large', async () => {
    const dir = scratchDir('tar-bomb');
    writeTree(dir, { 'zeros.txt': Buffer.alloc(4 * 1024 * 1024) });
    const bomb = await tarGzOf(dir);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await withAuditEnv({ AUDIT_MAX_EXTRACTED_BYTES: String(1024 * 1024) }, () => auditFailure({ files: uploaded('bomb.tgz', bomb) }, 'file_1'));
    expect(error.code).toBe('archive_too_large');
    expect(error.message).toContain('bomb.tgz: the evidence unpacks to more than 1048576 bytes');
  });

  it('a zip with more entries than AUDIT_MAX_FILES: archive_too_large', async () => {
    const many = await zipOf(Array.from({ length: 60 }, (_, index) => ({ name: `notes/${index}.txt`, content: 'x' })));
    const error = await withAuditEnv({ AUDIT_MAX_FILES: '50' }, () => auditFailure({ files: uploaded('many.zip', many) }, 'file_1'));
    expect(error.code).toBe('archive_too_large');
    expect(error.message).toBe('many.zip: more than 50 files in the evidence (AUDIT_MAX_FILES)');
  });

  it('a zip of empty directories past AUDIT_MAX_FILES: archive_too_large', async () => {
    const dirs = await zipOf(Array.from({ length: 60 }, (_, index) => ({ name: `empty-${index}/`, content: '' })));
    const error = await withAuditEnv({ AUDIT_MAX_FILES: '50' }, () => auditFailure({ files: uploaded('dirs.zip', dirs) }, 'file_1'));
    expect(error.code).toBe('archive_too_large');
  });

  it('a corrupt archive: archive_invalid', async () => {
    const archive = await zipOf([{ name: 'README.md', content: '# fine\n'.repeat(100) }]);
    const error = await auditFailure({ files: uploaded('broken.zip', archive.subarray(0, archive.length - 30)) }, 'file_1');
    expect(error.code).toBe('archive_invalid');
  });

  it('skips symbolic links inside a zip instead of creating them', async () => {
    const archive = await zipOf([
      { name: 'README.md', content: '# fine\n' },
      { name: 'SECURITY.md', content: '/etc/passwd', mode: 0o120777 },
    ]);
    const context = fakeAgentContext({ files: uploaded('links.zip', archive) });
    await runTask('ai_readiness.full_audit', context, { source: 'file_1' });
    const report = context.emitted[0]!.data as { files_scanned: number; domains: Record<string, number> };
    expect(report.files_scanned).toBe(1);
    expect(report.domains.security).toBe(0);
  });
});

describe('ai_readiness.full_audit with a server directory', () => {
  it('refuses a path when AUDIT_ALLOWED_DIRS is empty', async () => {
    const dir = scratchDir('anywhere');
    const error = await withAuditEnv({ AUDIT_ALLOWED_DIRS: '' }, () => auditFailure({}, { path: dir }));
    expect(error.code).toBe('source_not_allowed');
    expect(error.message).toContain('AUDIT_ALLOWED_DIRS is empty');
  });

  it('refuses a path outside AUDIT_ALLOWED_DIRS, also one that climbs out or links out', async () => {
    const allowed = scratchDir('allowed');
    const other = scratchDir('other');
    fs.symlinkSync(other, path.join(allowed, 'elsewhere'));
    await withAuditEnv({ AUDIT_ALLOWED_DIRS: `/nonexistent,${allowed}` }, async () => {
      for (const requested of [other, `${allowed}/../${path.basename(other)}`, path.join(allowed, 'elsewhere'), 'relative/dir']) {
        const error = await auditFailure({}, { path: requested });
        expect(error.code).toBe('source_not_allowed');
      }
      expect((await auditFailure({}, { path: path.join(allowed, 'missing') })).code).toBe('source_not_found');
    });
  });

  it('walks ~20,000 files in bounded memory, reporting progress and heartbeating', async () => {
    const dir = scratchDir('large');
    for (let folder = 0; folder < 200; folder++) {
      const folderPath = path.join(dir, 'notes', `folder-${folder}`);
      fs.mkdirSync(folderPath, { recursive: true });
      for (let file = 0; file < 100; file++) fs.writeFileSync(path.join(folderPath, `note-${file}.md`), `Meeting note ${folder}-${file}: nothing to report.\n`);
    }
    writeTree(dir, { 'SECURITY.md': 'Report vulnerabilities to security@example.com.\n', 'docs/models/model.md': 'Intended use: internal search.\n' });
    const context = fakeAgentContext();
    let heartbeats = 0;
    context.heartbeat = () => void (heartbeats += 1);
    await withAuditEnv({ AUDIT_ALLOWED_DIRS: dir }, () => runTask('ai_readiness.full_audit', context, { source: { path: dir } }));
    const report = context.emitted[0]!.data as { files_scanned: number; domains: Record<string, number> };
    expect(report.files_scanned).toBe(20_002);
    expect(report.domains).toMatchObject({ transparency: 40, security: 25, risk_classification: 20 });
    expect(heartbeats).toBeGreaterThan(100);
    expect(context.progressReports.length).toBeGreaterThan(10);
  });

  it('refuses a directory with more files than AUDIT_MAX_FILES', async () => {
    const dir = scratchDir('too-many');
    writeTree(dir, Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`f${index}.txt`, 'x'])));
    const error = await withAuditEnv({ AUDIT_ALLOWED_DIRS: dir, AUDIT_MAX_FILES: '20' }, () => auditFailure({}, { path: dir }));
    expect(error.code).toBe('source_too_large');
  });

  it('stops when the task is cancelled', async () => {
    const dir = scratchDir('cancelled');
    writeTree(dir, Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`f${index}.md`, 'text'])));
    const controller = new AbortController();
    const context = fakeAgentContext({ signal: controller.signal });
    const progress = context.progress;
    context.progress = async (fraction, message) => {
      await progress(fraction, message);
      if (message?.startsWith('Scanning')) controller.abort(new Error('cancelled by the test'));
    };
    await expect(withAuditEnv({ AUDIT_ALLOWED_DIRS: dir }, () => runTask('ai_readiness.full_audit', context, { source: { path: dir } }))).rejects.toThrow('cancelled by the test');
    expect(context.emitted).toEqual([]);
  });
});

describe('ai_readiness.full_audit downloads', () => {
  it('passes a refused archive_url on as source_unreachable', async () => {
    const fetch = async (url: string) => {
      throw new AgentError('source_unreachable', `${url} is refused by the outbound URL policy`);
    };
    const error = await auditFailure({ fetch }, { archive_url: 'https://169.254.169.254/latest.zip' });
    expect(error.code).toBe('source_unreachable');
  });

  it('audits a single uploaded document', async () => {
    const context = fakeAgentContext({ files: uploaded('SECURITY.md', Buffer.from('Report vulnerabilities to security@example.com.\n')) });
    await runTask('ai_readiness.full_audit', context, { source: { file_ids: ['file_1'] } });
    const report = context.emitted[0]!.data as { files_scanned: number; domains: Record<string, number> };
    expect(report.files_scanned).toBe(1);
    expect(report.domains.security).toBe(25);
  });

  it('audits an archive whatever its name, even that of a skipped folder', async () => {
    const archive = await zipOf([{ name: 'SECURITY.md', content: 'Report vulnerabilities to security@example.com.\n' }]);
    const context = fakeAgentContext({ files: uploaded('dist.zip', archive) });
    await runTask('ai_readiness.full_audit', context, { source: 'file_1' });
    const report = context.emitted[0]!.data as { domain_details: { security: { checks: { evidence_files: string[] }[] } } };
    expect(report.domain_details.security.checks[0]!.evidence_files).toEqual(['dist.zip/SECURITY.md']);
  });

  it('refuses a download larger than the evidence may be', async () => {
    const fetch = async () => fetched('huge.zip', 'application/zip', Buffer.alloc(2048));
    const error = await withAuditEnv({ AUDIT_MAX_EXTRACTED_BYTES: '1024' }, () => auditFailure({ fetch }, { archive_url: 'https://evidence.example/huge.zip' }));
    expect(error.code).toBe('source_too_large');
  });
});
