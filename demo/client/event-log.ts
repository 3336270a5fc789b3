// The live log of <metabase-embed> events on the dashboard and question pages, and the
// status line above it (the element's state and when its token expires).
import type {MetabaseEmbedEventMap} from '../../src/metabase-embed.js';

type EventName = keyof MetabaseEmbedEventMap;
type Detail<K extends EventName> = MetabaseEmbedEventMap[K]['detail'];

const MAX_ENTRIES = 60;

const clock = (time: number) =>
  new Date(time).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', second: '2-digit'});

/** One short line per event, the way a person reads it. */
const DESCRIBE: {[K in EventName]: (detail: Detail<K>) => string} = {
  'metabase-embed-token': ({reason, expiresAt}) =>
    `new token (${reason})${expiresAt === null ? '' : `, expires ${clock(expiresAt)}`}`,
  // The token is a credential: the log shows where the embed points, not the token itself.
  'metabase-embed-load': ({url}) => `loaded ${url.replace(/\/embed\/(dashboard|question)\/[^?#]+/, '/embed/$1/…')}`,
  'metabase-embed-resize': ({height}) => `height ${height} px`,
  'metabase-embed-location': ({params}) => `filters inside the embed: ${JSON.stringify(params)}`,
  'metabase-embed-error': ({reason, message, status, willRetry}) =>
    `${reason}${status === undefined ? '' : ` ${status}`}: ${message}${willRetry ? ' (retrying)' : ''}`,
};

function updateStatus(status: HTMLElement, embed: HTMLElementTagNameMap['metabase-embed']) {
  const name = embed.id || embed.localName;
  const expires = embed.expiresAt === null ? '' : ` · token expires ${clock(embed.expiresAt)}`;
  status.textContent = `${name}: ${embed.state}${expires}`;
}

function addEntry(list: HTMLOListElement, type: EventName, text: string) {
  const entry = document.createElement('li');
  entry.className = type.replace('metabase-embed-', 'event-');
  const time = document.createElement('time');
  time.textContent = clock(Date.now());
  const name = document.createElement('span');
  name.className = 'event-name';
  name.textContent = type.replace('metabase-embed-', '');
  entry.append(time, name, document.createTextNode(text));
  list.prepend(entry);
  while (list.children.length > MAX_ENTRIES) list.lastElementChild?.remove();
}

function listen<K extends EventName>(type: K, list: HTMLOListElement, status: HTMLElement | null) {
  document.addEventListener(type, (event) => {
    addEntry(list, type, DESCRIBE[type](event.detail));
    const embed = event.target as HTMLElementTagNameMap['metabase-embed'];
    // Events bubble before the element's own state settles; read it once they are done.
    if (status) queueMicrotask(() => updateStatus(status, embed));
  });
}

export function attachEventLog() {
  const list = document.querySelector<HTMLOListElement>('[data-event-log]');
  const status = document.querySelector<HTMLElement>('[data-embed-status]');
  if (!list) return;
  for (const type of Object.keys(DESCRIBE) as EventName[]) listen(type, list, status);
}
