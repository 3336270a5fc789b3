// Runs in the browser before the app hydrates: registers <metabase-embed>, so the plain tag
// that server components render comes alive (an import in a server component never reaches
// the browser).
import 'metabase-embed';
