// End-to-end tests: Debian's Chromium drives the production build of the web app, which talks
// to the real `sejour` binary with demo data (scripts/test-web.sh starts it: SEJOUR_API_URL).
import { defineConfig } from "@playwright/test";

const port = Number(process.env.WEB_PORT ?? 3100);

export default defineConfig({
  testDir: "./specs",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["./summary-reporter.ts"]],
  outputDir: "../test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node .next/standalone/web/server.js",
    cwd: "..",
    url: `http://127.0.0.1:${port}/fr`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      SEJOUR_API_URL: process.env.SEJOUR_API_URL ?? "http://127.0.0.1:8080",
      SEJOUR_MAP_TILES_URL: process.env.SEJOUR_MAP_TILES_URL ?? "/tiles/{z}/{x}/{y}.png",
    },
  },
});
