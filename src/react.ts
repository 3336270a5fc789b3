'use client';
// `metabase-embed/react`: <MetabaseEmbed> for React 18 and 19, in the browser and on the
// server (a client module: Next.js server components may render it). It renders every prop
// that has an attribute as that attribute (objects as JSON), so server-rendered HTML and the
// hydrated element carry the filters before the element asks for a token; in the browser it
// also sets each property to the value given (objects, fetchToken) and adds the
// `onMetabaseEmbed*` props as listeners, which React 19 does not do while it hydrates a
// custom element (facebook/react#35446) and React 18 never does. Importing it registers
// <metabase-embed>. React is an optional peer dependency.
import * as React from 'react';
import {tagName} from './define.js';
import type {EmbedParams, MetabaseEmbedEventMap} from './embed/embed-types.js';
import {MetabaseEmbedElement} from './metabase-embed.js';

const events = {
  onMetabaseEmbedToken: 'metabase-embed-token',
  onMetabaseEmbedLoad: 'metabase-embed-load',
  onMetabaseEmbedResize: 'metabase-embed-resize',
  onMetabaseEmbedLocation: 'metabase-embed-location',
  onMetabaseEmbedError: 'metabase-embed-error',
} as const satisfies Record<string, keyof MetabaseEmbedEventMap>;

type EventProps = {
  [P in keyof typeof events]?: ((event: MetabaseEmbedEventMap[(typeof events)[P]]) => void) | undefined;
};

/** The element's settable properties (its state, expiresAt, frameParams and reload are read-only). */
type ElementProps = Partial<
  Omit<MetabaseEmbedElement, keyof HTMLElement | 'state' | 'expiresAt' | 'frameParams' | 'reload'>
>;

/**
 * The props of `<MetabaseEmbed>`: the element's properties, its event props and React's own;
 * also the attributes `embedAttributes` (metabase-embed/server) returns, spread as they are.
 */
export type MetabaseEmbedProps = Omit<ElementProps, 'params' | 'initialParams'> & {
  /** Filter values signed into the token: an object, or its JSON. */
  params?: EmbedParams | string | undefined;
  /** Initial values of editable filters: an object, or its JSON. */
  initialParams?: EmbedParams | string | undefined;
  'site-url'?: string | undefined;
} & EventProps &
  Omit<React.HTMLAttributes<MetabaseEmbedElement>, keyof ElementProps | keyof EventProps> & {
    [filter: `param-${string}`]: string | undefined;
  } & React.RefAttributes<MetabaseEmbedElement>;

/** Declared property → its attribute name (null: none), from the element's own declarations (Lit's). */
function declaredProperties(): ReadonlyMap<string, string | null> {
  void MetabaseEmbedElement.observedAttributes; // finalizes the class: elementProperties is filled in
  const names = new Map<string, string | null>();
  for (const [name, {attribute}] of MetabaseEmbedElement.elementProperties) {
    if (typeof name !== 'string') continue;
    names.set(name, attribute === false ? null : typeof attribute === 'string' ? attribute : name.toLowerCase());
  }
  return names;
}

let attributesOf: ReadonlyMap<string, string | null> | undefined;

// Effects run only in the browser; on the server React 18 would warn about useLayoutEffect.
const useBrowserLayoutEffect = typeof document === 'undefined' ? React.useEffect : React.useLayoutEffect;

/** A value as attribute text, or undefined when it has none (a function, null, undefined). */
function attributeText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return undefined;
}

const eventOf = new Map<string, keyof MetabaseEmbedEventMap>(Object.entries(events));

export const MetabaseEmbed = React.forwardRef<MetabaseEmbedElement, Omit<MetabaseEmbedProps, 'ref'>>(
  function MetabaseEmbed(props, ref) {
    attributesOf ??= declaredProperties();
    const element = React.useRef<MetabaseEmbedElement | null>(null);
    const rendered: Record<string, unknown> = {suppressHydrationWarning: true};
    const properties: Record<string, unknown> = {};
    const listeners: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(props)) {
      const event = eventOf.get(name);
      const attribute = attributesOf.get(name);
      if (event) listeners[event] = value;
      else if (name === 'className') rendered['class'] = value;
      else if (attribute !== undefined) {
        properties[name] = value;
        const text = attribute === null ? undefined : attributeText(value);
        if (text !== undefined) rendered[attribute!] = text;
      } else rendered[name] = value;
    }

    // After React has written the attributes: the values as given win over their text (React
    // 19 may have set a property to that text). Text given goes through the attribute, so the
    // element's converters read it: `params` may be the JSON that embedAttributes writes.
    const previous = React.useRef<Record<string, unknown>>({});
    useBrowserLayoutEffect(() => {
      const node = element.current as unknown as (MetabaseEmbedElement & Record<string, unknown>) | null;
      if (!node) return;
      for (const name of Object.keys(previous.current)) if (!(name in properties)) node[name] = undefined;
      for (const [name, value] of Object.entries(properties)) {
        const attribute = attributesOf!.get(name);
        if (typeof value === 'string' && attribute) node.setAttribute(attribute, value);
        else node[name] = value;
      }
      previous.current = properties;
    });

    // One listener per event, calling the latest prop.
    const handlers = React.useRef(listeners);
    handlers.current = listeners;
    useBrowserLayoutEffect(() => {
      const node = element.current;
      if (!node) return;
      const forward = (event: Event) => (handlers.current[event.type] as ((event: Event) => void) | undefined)?.(event);
      for (const type of Object.values(events)) node.addEventListener(type, forward);
      return () => {
        for (const type of Object.values(events)) node.removeEventListener(type, forward);
      };
    }, []);

    const setRef = React.useCallback(
      (node: MetabaseEmbedElement | null) => {
        element.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      },
      [ref],
    );
    return React.createElement(tagName, {...rendered, ref: setRef});
  },
);
MetabaseEmbed.displayName = 'MetabaseEmbed';
