// Copies the compiled front-end packages from node_modules into the apps' wwwroot/lib folders.
// Runs as npm's postinstall, so `npm ci` (which ./qv runs) leaves `dotnet run` working.
// The copies are git-ignored: third-party code comes from the registry at build time.
import { cpSync, rmSync, mkdirSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const modules = join(root, "node_modules");

const copies = [
  // NHS.UK frontend: the design system of both apps, shared through the Web Razor class library.
  ["nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css", "src/Web/wwwroot/lib/nhsuk-frontend/nhsuk-frontend.min.css"],
  ["nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js", "src/Web/wwwroot/lib/nhsuk-frontend/nhsuk-frontend.min.js"],
  ["nhsuk-frontend/dist/nhsuk/assets", "src/Web/wwwroot/lib/nhsuk-frontend/assets"],
  // The self-hosted proof-of-work widget for the portal's forms: the "external" build, whose styles and
  // workers are separate files, so that the strict Content-Security-Policy needs no exceptions.
  ["altcha/dist/external/altcha.min.js", "src/Portal/wwwroot/lib/altcha/altcha.min.js"],
  ["altcha/dist/external/altcha.css", "src/Portal/wwwroot/lib/altcha/altcha.css"],
  ["altcha/dist/workers/pbkdf2.js", "src/Portal/wwwroot/lib/altcha/workers/pbkdf2.js"],
  ["altcha/dist/workers/sha.js", "src/Portal/wwwroot/lib/altcha/workers/sha.js"],
  // Charts and the Markdown editor enhance the back office.
  ["chart.js/dist/chart.umd.min.js", "src/BackOffice/wwwroot/lib/chart.js/chart.umd.min.js"],
  ["easymde/dist/easymde.min.js", "src/BackOffice/wwwroot/lib/easymde/easymde.min.js"],
  ["easymde/dist/easymde.min.css", "src/BackOffice/wwwroot/lib/easymde/easymde.min.css"],
];

for (const [from, to] of copies) {
  const source = join(modules, from);
  if (!existsSync(source)) {
    console.error(`copy-frontend-assets: ${from} is missing from node_modules; run npm ci`);
    process.exit(1);
  }
  const target = join(root, to);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true });
}
// The stylesheet points at its icons as /assets/…; the apps serve them beside it, so make the paths relative.
const css = join(root, "src/Web/wwwroot/lib/nhsuk-frontend/nhsuk-frontend.min.css");
writeFileSync(css, readFileSync(css, "utf8").replaceAll("url(/assets/", "url(assets/"));

console.log(`copy-frontend-assets: ${copies.length} front-end files copied into wwwroot/lib`);
