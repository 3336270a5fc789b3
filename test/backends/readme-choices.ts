// The Embed panel choices the README's "Backends and templates" code is generated from
// (test/backends/readme-backends.node.test.ts checks the README against them).
import type {EmbedChoices} from '../../demo/client/embed-panel-choices.js';

export const README_CHOICES: EmbedChoices = {
  resource: {type: 'dashboard', id: 1},
  endpoint: '/api/metabase/embed',
  filters: [
    {slug: 'category', mode: 'page', value: 'Gizmo'},
    {slug: 'created_at', mode: 'visitor', value: ''},
  ],
  session: {slug: 'tenant', example: 'Acme'},
  appearance: {theme: 'night', bordered: true, titled: true, downloads: true},
  expiresIn: 600,
};
