// The end-to-end tests use the system's browsers: `node scripts/ensure-browser.mjs chromium` or
// `… firefox`. Install Debian's package when it is missing and we are root (CI, fresh machines);
// otherwise say exactly what to do. Never downloads a browser build.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const BROWSERS = {
  chromium: { env: "CHROMIUM_PATH", path: "/usr/bin/chromium", pkg: "chromium" },
  firefox: { env: "FIREFOX_PATH", path: "/usr/bin/firefox-esr", pkg: "firefox-esr" },
};

const name = process.argv[2] ?? "";
const browser = BROWSERS[name];
if (!browser) {
  console.error(`Usage: node scripts/ensure-browser.mjs ${Object.keys(BROWSERS).join("|")}`);
  process.exit(1);
}
const path = process.env[browser.env] ?? browser.path;
if (!existsSync(path)) {
  if (process.env[browser.env]) {
    console.error(`${browser.env} points to ${path}, which does not exist.`);
    process.exit(1);
  }
  if (process.getuid?.() !== 0) {
    console.error(
      `${name} is missing: run \`sudo apt-get install ${browser.pkg}\` or set ${browser.env}.`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian's ${browser.pkg} package for the end-to-end tests…`);
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${browser.pkg}`,
    { stdio: "inherit" },
  );
}
console.log(`${name}: ${execSync(`"${path}" --version`).toString().trim()}`);
