// Part of `npm run build`: the console's page and style sheet go beside its compiled modules
// (tsc emits only the modules).
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const target = path.join(root, 'dist', 'console');
fs.mkdirSync(target, { recursive: true });
for (const file of ['index.html', 'console.css']) fs.copyFileSync(path.join(root, 'console', file), path.join(target, file));
