import fs from 'node:fs';
import path from 'node:path';

// Code runs both from source (tests) and from dist/ (npm start), so files shipped beside the code
// (migrations, the Temporal CLI cache) are found from the project root, not from __dirname.
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'prisma', 'schema.prisma'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No project root (prisma/schema.prisma) above ${start}`);
  }
}

export const projectRoot = findProjectRoot(__dirname);
