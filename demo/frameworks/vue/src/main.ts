// Registers <metabase-embed> before the app mounts, so that Vue finds the element's
// `params` property and sets it as a property.
import 'metabase-embed';
import 'metabase-embed/vue'; // types only: <metabase-embed> in Vue's GlobalComponents (vue-tsc, Volar)
import {createApp} from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
