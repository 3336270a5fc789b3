// Item 6: connect/disconnect cycles of <metabase-embed>: each cycle a new element is inserted,
// shows its embed (token, iframe, iframe-resizer), and is removed. The heap and DOM counts
// are read from Node over CDP, after forced collections.
import {embedElement, nextEvent, signEndpoint} from './common.mjs';

window.bench.connectCycles = async ({count, session}) => {
  for (let i = 0; i < count; i++) {
    const element = embedElement({endpoint: signEndpoint(session)});
    const loaded = nextEvent(element, 'metabase-embed-load');
    document.body.append(element);
    await loaded;
    element.remove();
  }
  return count;
};
