#!/usr/bin/env node
// Builds the panel into the addon: src/main.ts → ../copilot/static/src/panel/copilot_panel.js,
// plus every src/**/*.scss copied beside it (same relative paths).
//
//   node build.mjs          write the bundle into the addon (commit the result)
//   node build.mjs --check  build into a temporary directory and fail if the committed files differ
//
// The output must stay an Odoo JS module in 17, 18 and 19 (../../../shared/odoo-compat.md):
// ESM, `@odoo/owl` and `@web/*` external, the `@odoo-module` banner, not minified (Odoo's
// transpiler rewrites `import` lines with regexes), and deterministic (no dates, no absolute
// paths) so the freshness check can compare bytes. `verifyBundle` below refuses what would
// make Odoo skip the module, and template literals nested in another one's `${…}`: outside
// debug mode Odoo minifies bundles with rjsmin (1.2), which takes the inner backtick for the
// end of the outer literal and strips the spaces of what follows (checked on 18:
// `<${tag}${a ? ` class="x"` : ""}>` became `<thclass="x">`).

import { build } from "esbuild";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, "src");
const outDir = join(here, "..", "copilot", "static", "src");
/**
 * Two bundles: the launcher (every backend page: the systray button, the shortcut, the client
 * action's loader) and the panel (Odoo's `loadBundle`, on first use; with its stylesheets).
 */
const BUNDLES = [
  { entry: "src/launcher/launcher.ts", out: "launcher/copilot_launcher.js" },
  { entry: "src/main.ts", out: "panel/copilot_panel.js" },
];

/** External modules the bundle may import: they exist under these paths in Odoo 17, 18 and 19. */
const ALLOWED_IMPORTS = new Set([
  "@odoo/owl",
  "@web/core/registry",
  "@web/core/utils/hooks",
  "@web/core/l10n/translation",
  "@web/core/assets",
]);

const BANNER = "/** @odoo-module **/";

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error) => {
    if (error.code === "ENOENT") {
      return [];
    }
    throw error;
  });
  const files = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await listFiles(path)));
    } else {
      files.push(path);
    }
  }
  return files.sort();
}

/** Relative path with forward slashes, whatever the OS. */
function rel(from, path) {
  return relative(from, path).split(sep).join("/");
}

/** The files the build produces: relative path → contents. */
async function produce() {
  const files = new Map();
  for (const bundle of BUNDLES) {
    files.set(bundle.out, verifyBundle(await buildOne(bundle.entry, bundle.out)));
  }
  for (const path of await listFiles(srcDir)) {
    if (path.endsWith(".scss")) {
      // the launcher's beside the launcher (every page), the others in the panel's bundle
      const name = rel(srcDir, path);
      const out = name.startsWith("launcher/") ? name : `panel/${name}`;
      files.set(out, verifyStylesheet(name, await readFile(path, "utf8")));
    }
  }
  return files;
}

async function buildOne(entry, out) {
  const result = await build({
    absWorkingDir: here,
    entryPoints: [entry],
    outfile: join("out", out),
    write: false,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    external: ["@odoo/owl", "@web/*"],
    banner: { js: BANNER },
    minify: false,
    sourcemap: false,
    charset: "utf8",
    legalComments: "inline",
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
}

/**
 * Fails the build on SCSS that Odoo's compiler (libsass) refuses: a failing file breaks the
 * whole backend stylesheet (checked on 18: "calc(…) is not a number for `max'" in
 * web.assets_web, every screen unstyled). libsass takes CSS min()/max()/clamp() for its own
 * functions, which do not accept calc() or mixed units.
 */
function verifyStylesheet(name, text) {
  const problems = [];
  text.split("\n").forEach((line, index) => {
    const code = line.replace(/\/\/.*$/, "");
    if (/(^|[^\w-])(min|max|clamp)\(/.test(code)) {
      problems.push(`${name} line ${index + 1}: CSS min()/max()/clamp() (libsass reads them as Sass functions): ${line.trim()}`);
    }
  });
  if (problems.length) {
    throw new Error(`A panel stylesheet would break Odoo's backend styles:\n  - ${problems.join("\n  - ")}`);
  }
  return text;
}

/** Fails the build on anything that would keep Odoo from loading the bundle as a module. */
function verifyBundle(text) {
  const problems = [];
  if (!text.startsWith(`${BANNER}\n`)) {
    problems.push(`the bundle must start with ${BANNER}`);
  }
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    const at = `line ${index + 1}: ${line.trim().slice(0, 80)}`;
    // Odoo's transpiler turns every line starting with import/export into module code,
    // even inside a template string: only the bundle's own top-level imports may do so.
    if (/^\s*(import|export)\b/.test(line)) {
      const external = /^import \{[^}]*\} from "([^"]+)";$/.exec(line);
      if (!external) {
        problems.push(`unexpected import/export ${at}`);
      } else if (!ALLOWED_IMPORTS.has(external[1])) {
        problems.push(`import of ${external[1]}, which is not in every Odoo version (${at})`);
      }
    }
    if (/\brequire\s*\(\s*["'`]/.test(line)) {
      problems.push(`require("…") would become a dependency that never loads (${at})`);
    }
    if (/\bimport\.meta\b/.test(line) || /\bimport\s*\(/.test(line)) {
      problems.push(`import.meta / dynamic import are not supported by Odoo's loader (${at})`);
    }
    if (/^\s*export \* as /.test(line)) {
      problems.push(`export * as is not supported (${at})`);
    }
  });
  for (const line of nestedTemplateLiterals(text)) {
    problems.push(`template literal nested in another one's \${…}, mangled by Odoo's minifier (line ${line})`);
  }
  if (text.includes(here)) {
    problems.push("the bundle contains an absolute path of this machine");
  }
  if (problems.length) {
    throw new Error(`The panel bundle would break in Odoo:\n  - ${problems.join("\n  - ")}`);
  }
  return text;
}

/**
 * Lines where a template literal starts inside another one's `${…}`. A small scanner for
 * esbuild's output: strings, comments, regex literals (after an operator or a keyword) and
 * template literals with their nested expressions.
 */
function nestedTemplateLiterals(text) {
  const found = [];
  const stack = []; // "template" | { braces: number } (an open `${`)
  let lastToken = ""; // last significant character, or keyword, in code
  let i = 0;
  const lineAt = (index) => text.slice(0, index).split("\n").length;
  const regexMayStart = () =>
    lastToken === "" || /^[(,=:[!&|?{};+\-*%<>~^]$/.test(lastToken) || /^(return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/.test(lastToken);
  while (i < text.length) {
    const ch = text[i];
    const next = text[i + 1];
    const top = stack[stack.length - 1];
    if (top === "template") {
      if (ch === "\\") {
        i += 2;
      } else if (ch === "`") {
        stack.pop();
        lastToken = "`";
        i++;
      } else if (ch === "$" && next === "{") {
        stack.push({ braces: 0 });
        lastToken = "{";
        i += 2;
      } else {
        i++;
      }
      continue;
    }
    if (ch === "/" && next === "/") {
      i = text.indexOf("\n", i);
      i = i === -1 ? text.length : i;
    } else if (ch === "/" && next === "*") {
      i = text.indexOf("*/", i + 2);
      i = i === -1 ? text.length : i + 2;
    } else if (ch === '"' || ch === "'") {
      i++;
      while (i < text.length && text[i] !== ch) {
        i += text[i] === "\\" ? 2 : 1;
      }
      i++;
      lastToken = ch;
    } else if (ch === "`") {
      if (top) {
        found.push(lineAt(i));
      }
      stack.push("template");
      i++;
    } else if (ch === "/" && regexMayStart()) {
      let inClass = false;
      i++;
      while (i < text.length && (inClass || text[i] !== "/")) {
        if (text[i] === "\\") {
          i++;
        } else if (text[i] === "[") {
          inClass = true;
        } else if (text[i] === "]") {
          inClass = false;
        }
        i++;
      }
      i++;
      lastToken = "/regex";
    } else if (/[A-Za-z_$]/.test(ch)) {
      const word = /^[\w$]+/.exec(text.slice(i, i + 64))[0];
      lastToken = word;
      i += word.length;
    } else {
      if (top && ch === "{") {
        top.braces++;
      } else if (top && ch === "}") {
        if (top.braces === 0) {
          stack.pop();
        } else {
          top.braces--;
        }
      }
      if (!/\s/.test(ch)) {
        lastToken = ch;
      }
      i++;
    }
  }
  return found;
}

/** Makes `dir` hold exactly `files`, rewriting only what changed (Odoo keys assets on mtimes too). */
async function writeAll(dir, files) {
  for (const path of await listFiles(dir)) {
    if (!files.has(rel(dir, path))) {
      await rm(path);
    }
  }
  for (const [path, contents] of files) {
    const target = join(dir, path);
    const current = await readFile(target, "utf8").catch(() => undefined);
    if (current !== contents) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, contents);
    }
  }
}

async function check(files) {
  // Build for real into a scratch directory, then compare it with what is committed.
  const scratch = await mkdtemp(join(tmpdir(), "copilot-panel-"));
  try {
    await writeAll(scratch, files);
    const expected = new Map();
    for (const path of await listFiles(scratch)) {
      expected.set(rel(scratch, path), await readFile(path, "utf8"));
    }
    const committed = new Map();
    for (const path of await listFiles(outDir)) {
      committed.set(rel(outDir, path), await readFile(path, "utf8"));
    }
    const differences = [];
    for (const [path, contents] of expected) {
      if (!committed.has(path)) {
        differences.push(`missing: ${path}`);
      } else if (committed.get(path) !== contents) {
        differences.push(`out of date: ${path}`);
      }
    }
    for (const path of committed.keys()) {
      if (!expected.has(path)) {
        differences.push(`not produced by the build (remove it): ${path}`);
      }
    }
    const shown = rel(process.cwd(), outDir) || ".";
    if (differences.length) {
      console.error(
        `The built panel in ${shown} does not match its sources:\n  - ${differences.join("\n  - ")}\n` +
          "Run `npm run build -w odoo_addon/panel` and commit odoo_addon/copilot/static/src/.",
      );
      process.exitCode = 1;
    } else {
      console.log(`The built panel in ${shown} is up to date (${expected.size} files).`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const files = await produce();
if (process.argv.includes("--check")) {
  await check(files);
} else {
  await writeAll(outDir, files);
  const { gzipSync } = await import("node:zlib");
  for (const bundle of BUNDLES) {
    const text = files.get(bundle.out);
    console.log(`Built ${rel(process.cwd(), join(outDir, bundle.out))}: ${Buffer.byteLength(text)} bytes, ${gzipSync(text).length} gzip.`);
  }
  for (const dir of ["launcher/", "panel/"]) {
    const styles = [...files].filter(([path]) => path.startsWith(dir) && path.endsWith(".scss"));
    const css = styles.map(([, text]) => text).join("");
    console.log(`${styles.length} stylesheet(s) in ${dir}: ${Buffer.byteLength(css)} bytes, ${gzipSync(css).length} gzip.`);
  }
}
