// A linkedom document installed as the global `document`/`window`, so preact can render
// components in the node test environment.
import { parseHTML } from 'linkedom';
import { options } from 'preact';

// Node has no requestAnimationFrame: run effects on the next macrotask instead of
// preact's 35 ms fallback, so tests need not wait.
(options as { requestAnimationFrame?: (cb: () => void) => void }).requestAnimationFrame = (cb) => {
  setTimeout(cb, 0);
};

export function installDom(): { document: Document; window: Window; root: HTMLElement } {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  // linkedom has no `checked` property on inputs; reflect it to the attribute as browsers
  // do for an untouched checkbox, so switches can be read and toggled.
  const inputProto = Object.getPrototypeOf(document.createElement('input'));
  if (!('checked' in inputProto)) {
    Object.defineProperty(inputProto, 'checked', {
      configurable: true,
      get(this: Element) {
        return this.hasAttribute('checked');
      },
      set(this: Element, on: boolean) {
        if (on) this.setAttribute('checked', '');
        else this.removeAttribute('checked');
      },
    });
  }
  Object.assign(globalThis, { document, window });
  return { document, window, root: document.getElementById('root') as HTMLElement };
}

export function click(el: Element | null): void {
  if (!el) throw new Error('element to click not found');
  el.dispatchEvent(new (globalThis as any).window.Event('click', { bubbles: true }));
}

/** Let preact flush state updates and pending promises. */
export const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
