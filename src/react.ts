// `metabase-embed/react`: <MetabaseEmbed>, a React component made with @lit/react, for
// React 18 (which sets every prop on a custom element as an attribute): it sets the
// element's properties as properties and adds the `onMetabaseEmbed*` props as listeners.
// Importing it registers <metabase-embed>. React is an optional peer dependency.
import * as React from 'react';
import {createComponent, type EventName} from '@lit/react';
import {tagName} from './define.js';
import type {MetabaseEmbedEventMap} from './embed/types.js';
import {MetabaseEmbedElement} from './metabase-embed.js';

const event = <K extends keyof MetabaseEmbedEventMap>(name: K) => name as EventName<MetabaseEmbedEventMap[K]>;

export const MetabaseEmbed = createComponent({
  react: React,
  tagName,
  elementClass: MetabaseEmbedElement,
  events: {
    onMetabaseEmbedToken: event('metabase-embed-token'),
    onMetabaseEmbedLoad: event('metabase-embed-load'),
    onMetabaseEmbedResize: event('metabase-embed-resize'),
    onMetabaseEmbedLocation: event('metabase-embed-location'),
    onMetabaseEmbedError: event('metabase-embed-error'),
  },
  displayName: 'MetabaseEmbed',
});

/** The props of `<MetabaseEmbed>`: the element's properties, its event props and React's own. */
export type MetabaseEmbedProps = React.ComponentProps<typeof MetabaseEmbed>;
