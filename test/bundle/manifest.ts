// The custom-elements manifest (built by `cem analyze`), typed by scripts/readme-api.ts, for
// the Node tests that keep docs and code in step.
import {existsSync, readFileSync} from 'node:fs';

import type {Manifest} from '../../scripts/readme-api.js';

export type {Manifest, ManifestAttribute, ManifestElement, ManifestMember} from '../../scripts/readme-api.js';

export const manifestFile = 'custom-elements.json';

export function readManifest(): Manifest {
  if (!existsSync(manifestFile))
    throw new Error(`${manifestFile} is missing: run \`npm run build\` (it runs cem analyze)`);
  return JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
}
