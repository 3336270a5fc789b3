// The question page: only the shared event log and user switch.
import {attachEventLog} from './event-log.js';
import {enhanceSecretControl} from './secret-control.js';
import {enhanceUserSwitch} from './user-switch.js';

attachEventLog();
enhanceUserSwitch();
enhanceSecretControl();
