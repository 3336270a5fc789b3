// Shape checks shared by the validators. Values come from JSON or from host code, so
// "object" means a plain object: arrays, class instances and null are refused.
export {isPlainObject} from '../embed/plain-object.js';

/** A short, safe rendering of a refused value for an error message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'an object';
  return typeof value;
}
