import {createApp} from 'vue';
// Defines <metabase-embed> before the app mounts, so that Vue finds its `params` property
// and sets the object there (not as an attribute).
import 'metabase-embed';
import App from './App.vue';

createApp(App).mount('#app');
