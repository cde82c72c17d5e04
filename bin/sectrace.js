#!/usr/bin/env node
// The `sectrace` command: the bundled CLI. Run `npm run build` once after cloning.
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('sectrace: the CLI is not built yet. Run `npm run build` first.\n');
  process.exit(2);
}
require(bundle).run();
