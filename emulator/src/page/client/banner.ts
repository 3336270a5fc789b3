// Open-source Metabase's "Powered by Metabase" banner at the foot of every static embed:
// a link to metabase.com with its campaign parameters, opened in a new tab that gets
// neither this page (noopener) nor its token-bearing URL (noreferrer).
import {h} from './dom.js';
import type {Translate} from './ui-text.js';

const POWERED_BY_URL = 'https://www.metabase.com/powered-by-metabase';
const BRAND = 'Metabase'; // a name: never translated

/** The banner's link; `referrer` (the host page, if the browser tells) names the embedding site, as Metabase's does. */
export function poweredByHref(referrer: string): string {
  let host = '';
  try {
    host = referrer ? new URL(referrer).hostname : '';
  } catch {
    // no usable referrer
  }
  const url = new URL(POWERED_BY_URL);
  url.search = new URLSearchParams({
    utm_medium: 'referral',
    utm_source: 'product',
    utm_campaign: 'powered_by_metabase',
    utm_content: `embedded_banner_${host}`,
  }).toString();
  return url.href;
}

/** The banner, in the page's language: `Powered by {brand}` with the brand set apart. */
export function poweredByBanner(t: Translate, referrer: string): HTMLElement {
  const [before = '', after = ''] = t('poweredBy').split('{brand}');
  return h(
    'footer',
    {class: 'mb-footer'},
    h(
      'a',
      {class: 'mb-powered-by', href: poweredByHref(referrer), target: '_blank', rel: 'noopener noreferrer'},
      before,
      h('strong', {class: 'mb-brand'}, BRAND),
      after,
    ),
  );
}
