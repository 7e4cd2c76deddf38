// Page weight and largest contentful paint of the public pages, measured in Debian's Chromium
// against a running web app (BASE_URL) and API (SEJOUR_API_URL) with demo data. Each page is
// loaded RUNS times in a fresh context (cold cache); prints the medians as a Markdown table.
// Run by scripts/bench-web.sh.
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const api = process.env.SEJOUR_API_URL ?? "http://127.0.0.1:8080";
const runs = Number(process.env.RUNS ?? 7);
const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const [checkIn, checkOut] = [day(60), day(67)];

const search = await fetch(`${api}/api/v1/properties?checkIn=${checkIn}&checkOut=${checkOut}&guests=2`).then((r) =>
  r.json(),
);
const property = search.items[0];
const pages = [
  ["search (a page of results, map)", `/fr?checkIn=${checkIn}&checkOut=${checkOut}&guests=2`],
  ["property with quote", `/fr/properties/${property.id}?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [name, path] of pages) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Tiles come from a tile server in production: not part of the page's own weight.
    await page.route("**/tiles/**", (route) => route.fulfill({ status: 204 }));
    await page.goto(base + path, { waitUntil: "networkidle" });
    samples.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              const lcp = entries[entries.length - 1];
              const nav = performance.getEntriesByType("navigation")[0];
              const resources = performance.getEntriesByType("resource");
              const sum = (filter) => resources.filter(filter).reduce((n, r) => n + r.transferSize, 0);
              resolve({
                lcp: lcp.startTime,
                ttfb: nav.responseStart,
                html: nav.transferSize,
                js: sum((r) => r.name.endsWith(".js")),
                css: sum((r) => r.name.endsWith(".css")),
                total: nav.transferSize + sum(() => true),
              });
            }).observe({ type: "largest-contentful-paint", buffered: true });
          }),
      ),
    );
    await context.close();
  }
  const m = (key) => median(samples.map((s) => s[key]));
  rows.push(
    `| ${name} | ${m("ttfb").toFixed(0)} ms | ${m("lcp").toFixed(0)} ms | ${(m("html") / 1024).toFixed(1)} kB | ${(m("js") / 1024).toFixed(0)} kB | ${(m("css") / 1024).toFixed(1)} kB | ${(m("total") / 1024).toFixed(0)} kB |`,
  );
}
await browser.close();
console.log(`medians of ${runs} cold loads, 1280×900, Chromium ${browser.version()}`);
console.log("| page | TTFB | LCP | HTML | JS | CSS | total transferred |");
console.log("|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
