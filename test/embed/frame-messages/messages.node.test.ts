import {test} from 'node:test';
import assert from 'node:assert/strict';
import {framesCarryContentHeight, parseMetabaseMessage} from '../../../src/embed/frame-messages.js';

const location = {
  href: 'https://mb.example/embed/dashboard/t?a=1',
  origin: 'https://mb.example',
  pathname: '/embed/dashboard/t',
  search: '?a=1',
  hash: '',
};

const messages: Array<[string, unknown, unknown]> = [
  ['location', {metabase: {type: 'location', location}}, {type: 'location', location}],
  [
    'location with extra fields',
    {metabase: {type: 'location', location: {...location, host: 'mb.example'}}},
    {type: 'location', location},
  ],
  [
    'location with only search',
    {metabase: {type: 'location', location: {search: '?b=2'}}},
    {type: 'location', location: {href: '', origin: '', pathname: '', search: '?b=2', hash: ''}},
  ],
  ['location without search', {metabase: {type: 'location', location: {href: 'x'}}}, undefined],
  ['location with a numeric search', {metabase: {type: 'location', location: {search: 1}}}, undefined],
  ['location with a numeric href', {metabase: {type: 'location', location: {...location, href: 1}}}, undefined],
  // The element reads the height, and whether `mode` is "fit" (anything else is the page's height).
  [
    'frame',
    {metabase: {type: 'frame', frame: {mode: 'normal', height: 420}}},
    {type: 'frame', height: 420, fit: false},
  ],
  ['frame without mode', {metabase: {type: 'frame', frame: {height: 10}}}, {type: 'frame', height: 10, fit: false}],
  ['fit frame', {metabase: {type: 'frame', frame: {mode: 'fit', height: 90}}}, {type: 'frame', height: 90, fit: true}],
  ['frame with a string height', {metabase: {type: 'frame', frame: {height: '420'}}}, undefined],
  ['frame with a negative height', {metabase: {type: 'frame', frame: {height: -1}}}, undefined],
  ['frame with an infinite height', {metabase: {type: 'frame', frame: {height: Infinity}}}, undefined],
  ['frame without frame', {metabase: {type: 'frame'}}, undefined],
  ['unknown type', {metabase: {type: 'navigate'}}, undefined],
  ['iframe-resizer string', '[iFrameSizer]iFrameResizer0:300:800:init', undefined],
  ['null', null, undefined],
  ['metabase a string', {metabase: 'location'}, undefined],
];
for (const [name, data, expected] of messages) {
  test(`message: ${name}`, () => {
    assert.deepEqual(parseMetabaseMessage(data), expected);
  });
}

// Which embed URLs ask Metabase's page for frames with the content's height.
const urls: Array<[string, boolean]> = [
  ['https://mb.example/embed/dashboard/t#frame_sizing=content-height', true],
  ['https://mb.example/embed/dashboard/t?a=1#theme=night&frame_sizing=content-height', true],
  ['https://mb.example/embed/dashboard/t#frame_sizing=content-heights', false],
  ['https://mb.example/embed/dashboard/t?frame_sizing=content-height', false], // a filter, not the hash
  ['https://mb.example/embed/dashboard/t#frame-sizing=content-height', false],
  ['https://mb.example/embed/dashboard/t#xframe_sizing=content-height', false],
  ['https://mb.example/embed/dashboard/t#frame_sizing=content-height&theme=night', true],
  ['https://mb.example/embed/dashboard/t', false],
];
for (const [url, expected] of urls) {
  test(`frames carry the content height: ${url} → ${expected}`, () => {
    assert.equal(framesCarryContentHeight(url), expected);
  });
}
