// The token endpoints compared by the server benchmarks, as node:http listeners.
import type {RequestListener} from 'node:http';
import jwt from 'jsonwebtoken';
import {createEmbedHandler, toNodeHandler} from '../../src/server/index.js';

export const SECRET = '5b1a0f9c3e7d2a8b6c4f1e0d9a7b3c5e8f2d1a6b4c9e0f3a7d5b2c8e1f4a6d90';
export const SITE = 'https://metabase.example.com';
/** What the element POSTs: an allowed dashboard and an editable filter. */
export const REQUEST_BODY = JSON.stringify({resource: {dashboard: 12}, params: {category: ['Widget', 'Gizmo']}});

/** createEmbedHandler behind toNodeHandler: allow-list, editable/locked policy, body limits. */
const ourHandler = toNodeHandler(
  createEmbedHandler<{tenantId: number}>({
    siteUrl: SITE,
    secretKey: SECRET,
    resources: {'dashboard:12': {editable: ['category'], locked: (context) => ({tenant: context.tenantId})}},
  }),
  () => ({tenantId: 7}),
);
export const ourEndpoint: RequestListener = (req, res) => void ourHandler(req, res);

/** The ten-line endpoint of Metabase's reference app: jsonwebtoken.sign, no policy, no limits, no checks. */
export const bareEndpoint: RequestListener = (req, res) => {
  let text = '';
  req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  req.on('end', () => {
    const {resource, params} = JSON.parse(text) as {resource: {dashboard: number}; params: object};
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = jwt.sign({resource, params: {...params, tenant: 7}, exp}, SECRET);
    res.writeHead(200, {'Content-Type': 'application/json'});
    res.end(JSON.stringify({url: `${SITE}/embed/dashboard/${token}`, token, expiresAt: exp}));
  });
};

export const endpoints = {createEmbedHandler: ourEndpoint, 'bare jsonwebtoken': bareEndpoint} as const;
export type EndpointName = keyof typeof endpoints;
