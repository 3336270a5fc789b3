// Registers <metabase-embed> before the app renders its first template.
import 'metabase-embed';
import {bootstrapApplication} from '@angular/platform-browser';
import {appConfig} from './app/app.config';
import {App} from './app/app';

bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
