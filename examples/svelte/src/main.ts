// Registers <metabase-embed>, and types it in .svelte templates (attributes and
// onmetabase-embed-* handlers, checked by svelte-check).
import 'metabase-embed';
import 'metabase-embed/svelte';
import {mount} from 'svelte';
import App from './App.svelte';

export default mount(App, {target: document.getElementById('app')!});
