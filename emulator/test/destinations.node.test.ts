// Custom destinations (click behaviour of linkType "url"): what content may hold, what the
// dashboard JSON hands the page, and how the page fills a link template. Table tests.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ContentError, SAMPLE, sampleContent, startEmulator, type EmulatorContent} from '../src/index.js';
import {fillLinkTemplate, openableUrl, type TemplateValues} from '../src/page/client/link-template.js';
import {TEST_SECRET, TestEmulator, dashboardToken} from '../../support/emulator-node.js';

/** The sample content with the sales dashboard's first dashcard given these visualization_settings. */
function withSettings(settings: unknown): EmulatorContent {
  const content = sampleContent();
  const [first, ...rest] = content.dashboards[0]!.dashcards;
  content.dashboards[0]!.dashcards = [{...first!, visualization_settings: settings as never}, ...rest];
  return content;
}

async function refusal(content: EmulatorContent): Promise<string> {
  await assert.rejects(startEmulator({secretKey: TEST_SECRET, content}), ContentError);
  try {
    await startEmulator({secretKey: TEST_SECRET, content});
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('unreachable');
}

describe('click behaviour in content', () => {
  const at = 'dashboards[0].dashcards[0].visualization_settings';
  const refused: [string, unknown, RegExp][] = [
    [
      'a crossfilter',
      {click_behavior: {type: 'crossfilter', parameterMapping: {}}},
      /click_behavior\.type must be "link": static embeds follow only custom destinations of linkType "url" \(got "crossfilter"/,
    ],
    [
      'an action',
      {click_behavior: {type: 'action', actionType: 'insert'}},
      /click_behavior\.type must be "link".*\(got "action"/,
    ],
    [
      'a link to a dashboard',
      {click_behavior: {type: 'link', linkType: 'dashboard', targetId: 2}},
      /click_behavior\.linkType must be "url": static embeds open only external URLs \(got "dashboard"/,
    ],
    [
      'a link to a question',
      {click_behavior: {type: 'link', linkType: 'question', targetId: 301}},
      /click_behavior\.linkType must be "url".*\(got "question"/,
    ],
    [
      'a javascript: template',
      {click_behavior: {type: 'link', linkType: 'url', linkTemplate: 'javascript:alert(document.domain)'}},
      /click_behavior\.linkTemplate must be a string starting with http:\/\/ or https:\/\/ \(or a \{\{variable\}\}\).*\(got "javascript:alert/,
    ],
    [
      'a data: template',
      {click_behavior: {type: 'link', linkType: 'url', linkTemplate: 'data:text/html,<script>alert(1)</script>'}},
      /click_behavior\.linkTemplate must be a string starting with http:\/\/ or https:\/\//,
    ],
    [
      'a relative template',
      {click_behavior: {type: 'link', linkType: 'url', linkTemplate: '/dashboard/2'}},
      /click_behavior\.linkTemplate must be a string starting with http/,
    ],
    [
      'a missing template',
      {click_behavior: {type: 'link', linkType: 'url'}},
      /linkTemplate must be a string.*\(got nothing\)/,
    ],
    ['a string', {click_behavior: 'https://example.com'}, /click_behavior must be an object like \{"type": "link"/],
    [
      'a column the card does not have',
      {
        column_settings: {
          total: {click_behavior: {type: 'link', linkType: 'url', linkTemplate: 'https://example.com'}},
        },
      },
      /column_settings\.total must name a result column of the card \(sum\)/,
    ],
    [
      'a column click behaviour of another type',
      {column_settings: {'["name","sum"]': {click_behavior: {type: 'crossfilter'}}}},
      /column_settings\.\["name","sum"\]\.click_behavior\.type must be "link"/,
    ],
  ];
  for (const [what, settings, message] of refused) {
    test(`refuses ${what}, naming its path`, async () => {
      const text = await refusal(withSettings(settings));
      assert.match(text, message);
      assert.ok(text.includes(at), text);
    });
  }

  test('accepts a URL destination on the card and per column (plain or ["name", …] key)', async () => {
    const behavior = {type: 'link', linkType: 'url', linkTemplate: 'https://example.com/?x={{category}}'};
    for (const settings of [
      {click_behavior: behavior},
      {column_settings: {sum: {click_behavior: behavior}}},
      {column_settings: {'["name","sum"]': {click_behavior: behavior}}},
      {click_behavior: {...behavior, linkTemplate: '{{link}}'}},
    ]) {
      const emulator = await TestEmulator.start(withSettings(settings));
      await emulator.close();
    }
  });
});

describe('the dashboard JSON', () => {
  test("hands the page each dashcard's click behaviour, as Metabase's does", async (t) => {
    const emulator = await TestEmulator.start();
    t.after(() => emulator.close());
    const {body} = await emulator.json(`/api/embed/dashboard/${dashboardToken({params: {tenant: 'Acme'}})}`);
    const byId = (id: number) => body.dashcards.find((dc: {id: number}) => dc.id === id);
    assert.deepEqual(byId(SAMPLE.salesDashboard.destinationCard.dashcardId).visualization_settings, {
      click_behavior: {type: 'link', linkType: 'url', linkTemplate: SAMPLE.salesDashboard.destinationCard.linkTemplate},
    });
    assert.deepEqual(byId(SAMPLE.salesDashboard.tableCard.dashcardId).visualization_settings, {});
  });
});

describe('fillLinkTemplate', () => {
  const values: TemplateValues = {
    columns: {CATEGORY: 'Home & Garden', total: 12.5, link: 'https://shop.example/p?id=1', empty: null},
    filters: {category: 'Toys & Games', state: ['WA', 'OR'], cleared: null},
    filterNames: {category: 'Product category', state: 'State', tenant: 'Tenant'},
  };
  const cases: [string, string][] = [
    ['https://e.com/?c={{category}}', 'https://e.com/?c=Home%20%26%20Garden'], // a column of the row wins
    ['https://e.com/?c={{filter:category}}', 'https://e.com/?c=Toys%20%26%20Games'],
    ['https://e.com/?c={{Product Category}}', 'https://e.com/?c=Toys%20%26%20Games'], // a filter by name
    ['https://e.com/?c={{column:category}}', 'https://e.com/?c=Home%20%26%20Garden'],
    ['https://e.com/?s={{state}}', 'https://e.com/?s=WA%2COR'],
    ['https://e.com/?t={{tenant}}', 'https://e.com/?t='], // locked: never on the page
    ['https://e.com/?t={{filter:tenant}}', 'https://e.com/?t='],
    ['https://e.com/?x={{cleared}}&y={{empty}}&z={{nowhere}}', 'https://e.com/?x=&y=&z='],
    ['https://e.com/{{total}}', 'https://e.com/12.5'],
    ['{{link}}', 'https://shop.example/p?id=1'], // a URL column at the start stays a URL
    ['https://e.com/?u={{link}}', 'https://e.com/?u=https%3A%2F%2Fshop.example%2Fp%3Fid%3D1'],
    ['{{filter:category}}', 'Toys%20%26%20Games'], // a filter value is always encoded
  ];
  for (const [template, expected] of cases)
    test(template, () => assert.equal(fillLinkTemplate(template, values), expected));
});

describe('openableUrl', () => {
  const cases: [string, string | null][] = [
    ['https://example.com/orders?category=Gizmo', 'https://example.com/orders?category=Gizmo'],
    ['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080/x'],
    ['javascript:alert(document.domain)', null],
    ['JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['file:///etc/passwd', null],
    ['mailto:someone@example.com', null],
    ['/dashboard/2', null],
    ['Toys%20%26%20Games', null],
    ['', null],
  ];
  for (const [url, expected] of cases) test(JSON.stringify(url), () => assert.equal(openableUrl(url), expected));
});
