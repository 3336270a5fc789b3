// <naive-embed>: what a hand-written embed element does: on connect and on every attribute
// change, POST to the endpoint and point its iframe at the answer (appearance in the hash).
import './common.mjs';

class NaiveEmbed extends HTMLElement {
  static observedAttributes = ['dashboard', 'endpoint', 'param-category', 'theme', 'bordered'];

  connectedCallback() {
    void this.load();
  }

  attributeChangedCallback() {
    if (this.isConnected) void this.load();
  }

  async load() {
    const category = this.getAttribute('param-category');
    const response = await fetch(this.getAttribute('endpoint'), {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({
        resource: {dashboard: Number(this.getAttribute('dashboard'))},
        params: category === null ? {} : {category},
      }),
    });
    const {url} = await response.json();
    const hash = new URLSearchParams();
    for (const name of ['theme', 'bordered']) if (this.hasAttribute(name)) hash.set(name, this.getAttribute(name));
    this.iframe ??= this.appendChild(document.createElement('iframe'));
    this.iframe.src = `${url}#${hash}`;
  }
}

customElements.define('naive-embed', NaiveEmbed);
