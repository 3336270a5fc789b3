// Styles of <metabase-embed>'s shadow root.
import {css} from '@lit/reactive-element';

export const metabaseEmbedStyles = css`
  :host {
    display: block;
    position: relative;
  }
  :host([hidden]) {
    display: none;
  }
  [hidden] {
    display: none !important;
  }
  .frames {
    position: relative;
  }
  .frame iframe {
    display: block;
    box-sizing: border-box;
    width: 100%;
    border: 0;
  }
  .frame iframe,
  .skeleton {
    height: var(--metabase-embed-height, 600px);
  }
  .placeholder {
    box-sizing: border-box;
    min-height: var(--metabase-embed-height, 600px);
  }
  /* The next URL loads here, out of sight, until it replaces the visible frame. */
  .pending {
    position: absolute;
    inset: 0 0 auto 0;
    visibility: hidden;
    pointer-events: none;
  }
  .skeleton {
    border-radius: 8px;
    background: var(--metabase-embed-skeleton-color, #eef1f5);
    animation: pulse 1.6s ease-in-out infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  .error {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 12px;
    padding: 24px;
    text-align: center;
    font: 14px/1.4 system-ui, sans-serif;
  }
`;

/**
 * resize="none": the element's CSS height rules (default: --metabase-embed-height), and
 * everything inside fills it. A sheet the view turns on, not a host attribute selector: the
 * element writes no attribute on itself, and a property set by a framework has none.
 */
export const resizeNoneStyles = `
  :host {
    height: var(--metabase-embed-height, 600px);
  }
  :host :is(.frames, .frame, .frame iframe, .placeholder, .skeleton) {
    height: 100%;
    min-height: 0;
  }
`;
