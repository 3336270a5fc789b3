#!/usr/bin/env node
// The `metabase-embed-emulator` command. This file exists before the build, so npm links it
// into node_modules/.bin on install (`npm ci` builds dist/ only after linking); the command
// itself is dist/http/cli.js.
import '../dist/http/cli.js';
