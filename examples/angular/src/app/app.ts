// The page: the visitor picks a category, the element asks the endpoint for a token with it
// (a new `params` object re-signs), and its events update the status line.
import {Component, CUSTOM_ELEMENTS_SCHEMA, computed, signal} from '@angular/core';
import type {EmbedParams, MetabaseEmbedErrorDetail} from 'metabase-embed';

@Component({
  selector: 'app-root',
  templateUrl: './app.html',
  // <metabase-embed> is a custom element, not an Angular component.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
})
export class App {
  protected readonly categories = ['Doohickey', 'Gadget', 'Gizmo', 'Widget'];
  protected readonly category = signal('Gizmo');
  protected readonly params = computed<EmbedParams>(() => ({category: this.category()}));
  protected readonly loads = signal(0);
  protected readonly error = signal('');

  protected pick(event: Event): void {
    this.category.set((event.target as HTMLSelectElement).value);
  }

  protected onLoad(): void {
    this.loads.update((count) => count + 1);
    this.error.set('');
  }

  protected onError(event: CustomEvent<MetabaseEmbedErrorDetail>): void {
    this.error.set(event.detail.message);
  }
}
