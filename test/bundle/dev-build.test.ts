// The production and development forms of the CDN bundle (src/dev-mode.ts): only the
// development form warns about attribute values; errors read the same in both. Each bundle
// runs in a same-origin iframe of its own, so each registers <metabase-embed> in its own
// registry and its console is that window's.
import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import type {MetabaseEmbedErrorDetail} from '../../src/embed/embed-types.js';
import {bundleUrl} from './load-bundle.js';

const devBundleUrl = bundleUrl.replace(/\.iife\.js$/, '.dev.iife.js');

interface BundleWindow {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis;
  warnings: string[];
  errors: string[];
}

/** A blank same-origin iframe that has run `src` as a classic script, its console recorded. */
async function windowWithBundle(src: string): Promise<BundleWindow> {
  const frame = document.createElement('iframe');
  const loaded = oneEvent(frame, 'load');
  document.body.append(frame);
  await loaded; // about:blank
  const view = frame.contentWindow as Window & typeof globalThis;
  const warnings: string[] = [];
  const errors: string[] = [];
  view.console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  view.console.error = (...args: unknown[]) => void errors.push(args.join(' '));
  const script = view.document.createElement('script');
  script.src = new URL(src, location.href).href;
  const ran = oneEvent(script, 'load');
  view.document.head.append(script);
  await ran;
  return {frame, window: view, warnings, errors};
}

/** Attribute values the element ignores, each a warning in development; and one error. */
async function exercise({window: view}: BundleWindow): Promise<MetabaseEmbedErrorDetail> {
  const ignoring = view.document.createElement('metabase-embed') as HTMLElement & {fetchToken?: unknown};
  for (const [name, value] of Object.entries({dashboard: '12', theme: 'dark', refresh: 'often', 'min-height': '-1'}))
    ignoring.setAttribute(name, value);
  let asked = false;
  // Never answers: the request itself is the sign that the element read its attributes.
  ignoring.fetchToken = () => {
    asked = true;
    return new Promise(() => undefined);
  };
  view.document.body.append(ignoring);
  // The warnings come before the request, in the same task.
  await waitUntil(() => asked, 'the element never asked for a token');

  // No dashboard and no question: a configuration error, in both forms. It is reported two
  // tasks after the element read its attributes: a later sentinel for the warnings, too.
  const broken = view.document.createElement('metabase-embed');
  broken.setAttribute('endpoint', '/api/metabase/embed');
  const failed = oneEvent<CustomEvent<MetabaseEmbedErrorDetail>>(broken, 'metabase-embed-error');
  view.document.body.append(broken);
  const {detail} = await failed;
  await waitUntil(() => broken.shadowRoot?.querySelector('[part="error"]:not([hidden])'), 'no error box shown');
  expect(broken.shadowRoot!.querySelector('[part="error"] p')!.textContent).to.equal(detail.message);
  return detail;
}

describe('production and development forms of the classic bundle', () => {
  let production: BundleWindow;
  let development: BundleWindow;

  before(async () => {
    production = await windowWithBundle(bundleUrl);
    development = await windowWithBundle(devBundleUrl);
  });

  after(() => {
    production.frame.remove();
    development.frame.remove();
  });

  it('the development form warns about each ignored value, naming the attribute and what it allows', async () => {
    await exercise(development);
    expect(development.warnings).to.include.members([
      '<metabase-embed>: "theme" must be one of "light", "night", "transparent"; got "dark". It is ignored.',
      '<metabase-embed>: "refresh" must be a positive whole number of seconds; got "often". It is ignored.',
      '<metabase-embed>: "min-height" must be a non-negative number of CSS pixels (e.g. "400" or "400px"); got -1. It is ignored.',
    ]);
  });

  it('the production form ignores the same values without a word, and its errors read the same', async () => {
    const productionError = await exercise(production);
    const developmentError = await exercise(development);
    expect(production.warnings).to.deep.equal([]);
    expect(productionError).to.deep.equal(developmentError);
    expect(productionError.message).to.equal(
      'Set either the "dashboard" or the "question" attribute (a positive integer id or a 21-character entity id).',
    );
    expect(production.errors).to.deep.equal([`<metabase-embed>: ${productionError.message}`]);
    expect(development.errors).to.include(`<metabase-embed>: ${developmentError.message}`);
  });
});
