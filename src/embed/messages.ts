// Messages Metabase's embed page posts to its parent (the emulator's page posts the same:
// emulator/src/page/client/frame.ts). The caller checks the
// sender (this element's iframe window and the embed's origin); this module checks the shape.
import {isPlainObject as isRecord} from './plain-object.js';
import type {EmbedLocation} from './types.js';

export type MetabaseMessage = {type: 'location'; location: EmbedLocation} | {type: 'frame'; height: number};

function readLocation(value: unknown): EmbedLocation | undefined {
  if (!isRecord(value) || typeof value.search !== 'string') return undefined;
  const location = {} as EmbedLocation;
  for (const name of ['href', 'origin', 'pathname', 'search', 'hash'] as const) {
    const text = value[name] ?? '';
    if (typeof text !== 'string') return undefined;
    location[name] = text;
  }
  return location;
}

/** A well-formed `{metabase: {type: "location" | "frame", ...}}` message, else undefined. */
export function parseMetabaseMessage(data: unknown): MetabaseMessage | undefined {
  if (!isRecord(data) || !isRecord(data.metabase)) return undefined;
  const message = data.metabase;
  if (message.type === 'location') {
    const location = readLocation(message.location);
    return location && {type: 'location', location};
  }
  if (message.type === 'frame' && isRecord(message.frame)) {
    const {height} = message.frame;
    if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return undefined;
    return {type: 'frame', height};
  }
  return undefined;
}
