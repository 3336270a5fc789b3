// Test-runner plugins that start the extra loopback servers browser tests need
// (a second origin for the embedded page, the emulator, the demo's token endpoint, the
// token endpoints in other languages, token endpoints on another origin).
// Each one exposes its origin to tests as a virtual module.
import type {Plugin} from '@web/dev-server-core';
import {attemptsPlugin} from './attempts-plugin.js';
import {embedPagePlugin} from './embed-page-plugin.js';
import {backendsPlugin} from './backends-plugin.js';
import {checkedEndpointPlugin} from './checked-endpoint-plugin.js';
import {corsPlugin} from './cors-plugin.js';
import {demoPlugin} from './demo-plugin.js';
import {destinationsPlugin} from './destinations-plugin.js';
import {emulatorPlugin} from './emulator-plugin.js';
import {hardeningPlugin} from './hardening-plugin.js';

export const testServerPlugins: Plugin[] = [
  embedPagePlugin(),
  demoPlugin(),
  emulatorPlugin(),
  backendsPlugin(),
  hardeningPlugin(),
  checkedEndpointPlugin(),
  corsPlugin(),
  destinationsPlugin(),
  attemptsPlugin(),
];
