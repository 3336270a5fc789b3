// Page 2: a question addressed by its entity id (a 21-character id that survives
// exports between Metabase instances) instead of its numeric id.
import {html} from '../html.js';
import {importMap, layout, type PageContext} from './layout.js';
import {embedTag, eventLog, moduleScripts} from './embed-tag.js';
import {resourceId} from '../content.js';

export function questionPage(context: PageContext): string {
  const {question} = context.content;
  const body = question
    ? html`<div class="page-grid">
        <section class="page-main">
          <h1>${question.title}</h1>
          <p class="lead">A single question, addressed by its id <code>${resourceId(question.resource)}</code>.
            The markup is one tag:</p>
          <pre class="snippet"><code>&lt;metabase-embed question="${resourceId(question.resource)}" endpoint="${context.endpoint}"&gt;&lt;/metabase-embed&gt;</code></pre>
          <div class="embed-stage" data-theme="light">
            ${embedTag(question.resource, {endpoint: context.endpoint, id: 'question', title: question.title})}
          </div>
        </section>
        ${eventLog()}
      </div>`
    : html`<section class="page-main"><h1>No question configured</h1>
        <p class="lead">Set <code>METABASE_QUESTION_ID</code> to a published question's id or entity id.</p></section>`;
  return layout(context, {
    path: '/question',
    title: question?.title ?? 'Question',
    head: html`${importMap()}${moduleScripts('question-page')}`,
    body,
  });
}
