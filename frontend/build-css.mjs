// Builds one stylesheet per theme: the NL Design System tokens and components from npm,
// our layout (css/site.css) and the theme's overrides (css/themes/<theme>.css), reduced
// to the selectors and custom properties the templates and Python code use (PurgeCSS),
// then minified and lowered for older browsers (Lightning CSS).
//
//   node frontend/build-css.mjs [OUT_DIR]      (default: var/build/static)
//
// Writes OUT_DIR/css/themes/<theme>.css for every file in frontend/css/themes/. Django
// collects OUT_DIR as a static files directory, so a page links exactly one stylesheet.
// Fails (exit 1) when a url() in the result points at a file that does not exist.

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { transform } from "lightningcss";
import { PurgeCSS } from "purgecss";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = resolve(root, process.argv[2] || "var/build/static");
const npm = (path) => readFileSync(join(root, "node_modules", path), "utf8");

// Class names that templates build from data ("ad-card--{{ ad.kind }}") or pick with
// {% if %} inside the attribute, or that core/forms.py puts together (a refused field's
// "utrecht-select--invalid"): PurgeCSS cannot see them whole, so they are kept here.
const SAFELIST = {
  standard: [
    /^theme-/,
    /^ad-card--/,
    /^ad-kind--/,
    /^utrecht-alert--/,
    /^utrecht-(textbox|textarea|select|checkbox|radio-button)--invalid$/,
  ],
  deep: [],
  greedy: [],
  variables: [],
};

// Where class names are written: templates, and Python that renders widgets and markup.
const CONTENT = ["src/**/templates/**/*.html", "src/**/*.py"].map((glob) => join(root, glob));

// Old phones: Chrome and Android's WebView 87 (2020), Safari 14.1 (iOS 14.5, which
// every iPhone from the 6s on can run), Firefox 78 ESR. Lightning CSS lowers nesting and
// newer syntax for them; going further back (Safari 12) would spell every logical
// property out per writing direction and make the file half as large again.
const TARGETS = { android: 87 << 16, chrome: 87 << 16, firefox: 78 << 16, safari: (14 << 16) | (1 << 8) };

// The components colour a field as wrong by :invalid (text area, radio buttons, check boxes)
// and :user-invalid (text box): an empty required field then looks refused before anything
// is typed. Here a field looks wrong only after the server refused it: Django sets
// aria-invalid="true" and core/forms.py adds the component's --invalid class. Selectors
// built on those pseudo-classes are dropped from the components' CSS; the rest of each
// rule stays.
const VALIDITY_PSEUDO = /:(user-)?invalid\b/;

function withoutValidityPseudoClasses(css) {
  // Innermost rules only ("selectors { declarations }"): an @media block's own braces
  // never match, its rules inside do.
  return css.replace(/([^{}]+)\{([^{}]*)\}/g, (rule, selectors, body) => {
    if (!VALIDITY_PSEUDO.test(selectors)) return rule;
    const kept = selectors.split(",").filter((selector) => !VALIDITY_PSEUDO.test(selector));
    return kept.length ? `${kept.join(",")}{${body}}` : "";
  });
}

function themes() {
  return readdirSync(join(root, "frontend/css/themes"))
    .filter((name) => name.endsWith(".css"))
    .map((name) => name.slice(0, -4));
}

function checkUrls(css, theme) {
  const missing = [];
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
    const target = match[2];
    if (target.startsWith("data:") || target.startsWith("#")) continue;
    if (/^[a-z]+:/i.test(target) || target.startsWith("//")) {
      missing.push(`${target} (another origin: not allowed by the CSP)`);
      continue;
    }
    const file = resolve(out, "css/themes", target.split(/[?#]/)[0]);
    if (!existsSync(file)) missing.push(target);
  }
  if (missing.length) {
    console.error(`css/themes/${theme}.css names files that do not exist: ${missing.join(", ")}`);
    process.exit(1);
  }
}

async function build(theme) {
  const source = [
    npm("@utrecht/design-tokens/dist/index.css"),
    withoutValidityPseudoClasses(npm("@utrecht/component-library-css/dist/index.css")),
    readFileSync(join(root, "frontend/css/site.css"), "utf8"),
    readFileSync(join(root, `frontend/css/themes/${theme}.css`), "utf8"),
  ].join("\n");
  const [purged] = await new PurgeCSS().purge({
    content: CONTENT,
    css: [{ raw: source }],
    safelist: SAFELIST,
    variables: true,
    keyframes: true,
    fontFace: true,
  });
  const { code } = transform({
    filename: `${theme}.css`,
    code: Buffer.from(purged.css),
    minify: true,
    targets: TARGETS,
  });
  const css = code.toString();
  const target = join(out, "css/themes", `${theme}.css`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, css);
  checkUrls(css, theme);
  return { theme, source: source.length, built: css.length };
}

for (const result of await Promise.all(themes().map(build))) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`css/themes/${result.theme}.css: ${kb(result.source)} -> ${kb(result.built)}`);
}
