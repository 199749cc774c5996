#!/usr/bin/env node
'use strict';
// The compiled CLI; `npm run build -w cli` (tsc -b) produces it.
require('../dist/index.js').main(process.argv);
