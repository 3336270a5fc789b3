// @web/test-runner plugin for the custom-destination tests: an emulator of its own on
// 127.0.0.1 with a small dashboard whose cards link to a "landing" server (another loopback
// HTTP server that records every request it gets), so a test sees the new tab both in the
// browser and as the request that reached the destination. Browser tests read
// GET /__servers/destinations.json ({origin, secretKey, landing}) and use two commands:
//   destination-click {iframe | embedToken, selector}: waits until the embed page is ready,
//     starts watching for new tabs, and clicks the element as a user does;
//   destination-tabs {count}: waits for that many new tabs and returns
//     {tabs: their URLs, landed: the URLs the landing server got}, closing the tabs.
import {randomBytes} from 'node:crypto';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {TestRunnerPlugin} from '@web/test-runner-core';
import type {EmulatorContent, QuestionDef} from '../../emulator/src/index.js';
import {embedFrame, type FrameTarget} from './embed-frame.js';
export {DESTINATION_CARDS} from '../../support/destination-cards.js';
import {watchNewTabs, type TabWatch} from './new-tabs.js';
import {onFirstUse} from './on-first-use.js';

export type DestinationsPayload = (FrameTarget & {selector: string}) | {count: number};

const url = (linkTemplate: string) => ({
  click_behavior: {type: 'link' as const, linkType: 'url' as const, linkTemplate},
});

function content(landing: string): EmulatorContent {
  const count = (id: number, name: string): QuestionDef => ({
    id,
    name,
    display: 'scalar',
    query: {source: 'orders', aggregation: [['count']]},
  });
  const mappings = [
    {parameter_id: 'p-tenant', column: 'tenant'},
    {parameter_id: 'p-category', column: 'category'},
  ];
  const place = (id: number, card_id: number, col: number, extra = {}) => ({
    id,
    card_id,
    col,
    row: 0,
    size_x: 6,
    size_y: 3,
    parameter_mappings: mappings,
    ...extra,
  });
  return {
    tables: {
      orders: [
        {id: 1, tenant: 'Acme', category: 'Home & Garden', product_title: 'Rake', total: 10},
        {id: 2, tenant: 'Acme', category: 'Toys', product_title: 'Kite', total: 20},
        {id: 3, tenant: 'Globex', category: 'Home & Garden', product_title: 'Hose', total: 30},
      ],
    },
    questions: [
      count(11, 'Linked orders'),
      count(12, 'Plain orders'),
      {
        id: 13,
        name: 'Products',
        display: 'table',
        query: {source: 'orders', fields: ['product_title', 'category', 'total']},
      },
      count(14, 'Unsafe orders'),
    ],
    dashboards: [
      {
        id: 1,
        name: 'Destinations',
        enable_embedding: true,
        embedding_params: {tenant: 'locked', category: 'enabled'},
        parameters: [
          {id: 'p-tenant', slug: 'tenant', name: 'Tenant', type: 'string/='},
          {id: 'p-category', slug: 'category', name: 'Category', type: 'string/='},
        ],
        dashcards: [
          place(1, 11, 0, {visualization_settings: url(`${landing}/landed?category={{category}}&tenant={{tenant}}`)}),
          place(2, 12, 6),
          place(3, 13, 12, {
            visualization_settings: {
              column_settings: {product_title: url(`${landing}/product?title={{product_title}}&category={{category}}`)},
            },
          }),
          place(4, 14, 18, {visualization_settings: url('{{category}}:alert(document.domain)')}),
        ],
      },
    ],
  };
}

export function destinationsPlugin(): TestRunnerPlugin<DestinationsPayload> {
  const landed: string[] = [];
  const watches = new Map<string, TabWatch>();
  const secretKey = randomBytes(32).toString('hex');
  const stack = onFirstUse(
    async () => {
      const {startEmulator} = await import('../../emulator/src/index.js');
      const landing: Server = createServer((request, response) => {
        if (request.url === '/favicon.ico') return void response.writeHead(404).end(); // the new tab's own request
        landed.push(`${landingOrigin}${request.url ?? ''}`);
        response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
        response.end('<!doctype html><title>Landed</title><p>Landed.</p>');
      });
      await new Promise<void>((resolve) => landing.listen(0, '127.0.0.1', resolve));
      const landingOrigin = `http://127.0.0.1:${(landing.address() as AddressInfo).port}`;
      const emulator = await startEmulator({secretKey, content: content(landingOrigin)});
      return {emulator, landing, landingOrigin};
    },
    async ({emulator, landing}) => {
      await emulator.close();
      await new Promise((resolve) => landing.close(resolve));
    },
  );
  return {
    name: 'destinations',
    serverStop: () => stack.stop(),
    async serve(context) {
      if (context.path !== '/__servers/destinations.json') return undefined;
      const {emulator, landingOrigin} = await stack.get();
      return {
        body: JSON.stringify({origin: emulator.url, secretKey, landing: landingOrigin}),
        type: 'json',
        headers: {'Cache-Control': 'no-store'},
      };
    },
    async executeCommand({command, payload, session}) {
      if (!payload || (command !== 'destination-click' && command !== 'destination-tabs')) return undefined;
      const id = session.id;
      if ('count' in payload) {
        const watch = watches.get(id);
        watches.delete(id);
        const tabs = watch ? await watch.collect(payload.count, 10_000) : [];
        const deadline = Date.now() + 10_000; // the request may reach the server just after the tab shows its URL
        while (landed.length < Math.min(payload.count, tabs.length) && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
        return {tabs, landed: landed.splice(0)};
      }
      const frame = await embedFrame(session, payload);
      await frame.waitForFunction(
        `() => document.documentElement.dataset.state === 'ready' && document.querySelector(${JSON.stringify(payload.selector)}) !== null`,
        10_000,
      );
      if (!watches.has(id)) {
        landed.splice(0);
        watches.set(id, await watchNewTabs(session));
      }
      await frame.click(payload.selector);
      return true;
    },
  };
}
