// Vite plugin: removes the one innerHTML assignment in the bundles, Preact's support for
// `dangerouslySetInnerHTML`. The project never uses that prop (everything is rendered as
// text), but the code path ships with Preact, and Mozilla's linter flags it
// (UNSAFE_VAR_ASSIGNMENT; addons-linter runs ESLint with allowInlineConfig: false, so
// there is no suppression comment). The assignment is replaced by a throw: should anyone
// ever pass the prop, rendering fails loudly instead of injecting HTML. The build fails if
// Preact's code no longer contains the expected assignment, so an upgrade cannot bring it
// back unnoticed (tests/e2e/security-bundle.test.ts checks the built files as well).
import type { Plugin } from 'vite';

const PREACT = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
// Minified: `t.innerHTML=h.__html` (names vary between releases).
const ASSIGNMENT = /([\w$]+)\.innerHTML=([\w$]+)\.__html/g;
const THROW = '(()=>{throw new TypeError("dangerouslySetInnerHTML is disabled in Settlement Screen")})()';

export function noInnerHtml(): Plugin {
  return {
    name: 'settlement-screen:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT.test(id)) return null;
      const out = code.replace(ASSIGNMENT, THROW);
      if (out === code) {
        this.error(`${id}: Preact's innerHTML assignment was not found; update scripts/vite-no-inner-html.ts`);
      }
      return { code: out, map: null };
    },
  };
}
