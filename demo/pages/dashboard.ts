// Page 1: a dashboard driven by host-page controls, with theme and language switches and an event log.
import {html} from '../html.js';
import {importMap, layout, type PageContext} from './layout.js';
import {embedTag, eventLog, moduleScripts} from './embed-tag.js';

export function dashboardPage(context: PageContext): string {
  const {dashboard} = context.content;
  const select = dashboard.select;
  const dateRange = dashboard.dateRange;
  const hiddenParameters = [select?.slug, dateRange?.slug].filter((slug) => slug !== undefined);
  const bounds = html`${dateRange?.min ? html` min="${dateRange.min}"` : ''}${dateRange?.max ? html` max="${dateRange.max}"` : ''}`;
  const themes = ['light', 'night', 'transparent'].map(
    (theme) =>
      html`<label class="chip"><input type="radio" name="theme" value="${theme}"${theme === 'light' ? html` checked` : ''}> ${theme}</label>`,
  );
  // The embed's `locale` (a paid-plan option): its words and its number and date formats.
  const locales = [
    ['', 'English'],
    ['de', 'Deutsch'],
    ['fr', 'Français'],
    ['es', 'Español'],
    ['pt-BR', 'Português (Brasil)'],
  ].map(([value, label]) => html`<option value="${value}">${label}</option>`);
  const body = html`<div class="page-grid">
    <section class="page-main">
      <h1>A dashboard driven by the host page</h1>
      <p class="lead">These controls belong to the host page. Each one sets a
        <code>param-*</code> attribute on <code>&lt;metabase-embed&gt;</code>, which asks this app for
        a new signed token. The theme and language switches only change the embed URL's hash: no new token.</p>
      <form class="controls" data-dashboard-controls>
        ${
          select
            ? html`<label class="control">${select.label}
              <select name="select" data-slug="${select.slug}">
                <option value="">All</option>
                ${select.options.map((option) => html`<option>${option}</option>`)}
              </select></label>`
            : ''
        }
        ${
          dateRange
            ? html`<fieldset class="control" data-slug="${dateRange.slug}">
              <legend>${dateRange.label}</legend>
              <input type="date" name="from" aria-label="${dateRange.label} from"${bounds}>
              <span aria-hidden="true">–</span>
              <input type="date" name="to" aria-label="${dateRange.label} to"${bounds}>
            </fieldset>`
            : ''
        }
        <fieldset class="control themes"><legend>Theme</legend>${themes}</fieldset>
        <label class="control">Language
          <select name="locale">${locales}</select></label>
      </form>
      <div class="embed-stage" data-theme="light">
        ${embedTag(dashboard.resource, {
          endpoint: context.endpoint,
          id: 'dashboard',
          title: dashboard.title,
          theme: 'light',
          // The page's own controls set these filters, so the embed's widgets for them are hidden.
          'hide-parameters': hiddenParameters.join(',') || undefined,
        })}
      </div>
    </section>
    ${eventLog()}
  </div>`;
  return layout(context, {
    path: '/',
    title: dashboard.title,
    head: html`${importMap()}${moduleScripts('dashboard-page')}`,
    body,
  });
}
