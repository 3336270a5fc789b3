// The custom-elements manifest (built by `cem analyze`) and scripts/readme-api.mjs, typed for
// the Node tests that keep docs and code in step.
import {existsSync, readFileSync} from 'node:fs';

interface Described {
  name: string;
  description?: string;
}

export interface ManifestMember extends Described {
  kind: 'field' | 'method';
  type?: {text: string};
  attribute?: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  default?: string;
}

export interface ManifestAttribute extends Described {
  fieldName?: string;
  type?: {text: string};
  default?: string;
}

export interface ManifestElement extends Described {
  tagName?: string;
  summary?: string;
  customElement?: boolean;
  members?: ManifestMember[];
  attributes?: ManifestAttribute[];
  events?: Array<Described & {type?: {text: string}}>;
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Array<Described & {default?: string}>;
}

export interface Manifest {
  modules: Array<{path: string; declarations?: ManifestElement[]}>;
}

export interface ReadmeApi {
  startMarker: string;
  endMarker: string;
  apiPage: string;
  splitUnion(text: string): string[];
  isPublicMember(member: ManifestMember): boolean;
  uniqueEvents(events: NonNullable<ManifestElement['events']>): NonNullable<ManifestElement['events']>;
  elementDeclaration(manifest: Manifest): ManifestElement;
  renderApiBlock(manifest: Manifest): string;
  replaceApiBlock(page: string, block: string): string;
}

export const manifestFile = 'custom-elements.json';

export function readManifest(): Manifest {
  if (!existsSync(manifestFile))
    throw new Error(`${manifestFile} is missing: run \`npm run build\` (it runs cem analyze)`);
  return JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
}

// A plain .mjs script, imported by a computed path so TypeScript takes the types above.
const readmeScript = '../../scripts/readme-api.mjs';
export const loadReadmeApi = async () => (await import(readmeScript)) as ReadmeApi;
