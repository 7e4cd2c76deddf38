// The planning board at BOARD_PROPERTIES (default 200) properties, measured against a running
// web app (BASE_URL) and API (SEJOUR_API_URL) with demo data, topped up with draft properties
// and blocks. Prints two Markdown tables:
// - the API reads behind one board window (4 weeks): one calendar call per property (8 at a
//   time, what the board did before) against pages of 100 from `GET /calendar`;
// - the board page in Chromium: TTFB (the Next server's API reads and render), LCP, DOM size,
//   and the frames while scrolling from the first row to the last, a viewport per frame; then
//   the same with every row rendered (content-visibility off), for comparison in one run.
// Run by scripts/bench-web.sh.
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const api = process.env.SEJOUR_API_URL ?? "http://127.0.0.1:8080";
const runs = Number(process.env.RUNS ?? 7);
const target = Number(process.env.BOARD_PROPERTIES ?? 200);
const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const [from, to] = [day(0), day(28)];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function call(token, method, path, body) {
  const response = await fetch(api + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

async function pages(token, path) {
  const items = [];
  let cursor;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const page = await call(token, "GET", `${path}${sep}limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** At most `limit` calls at a time. */
async function mapLimited(items, limit, f) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await f(items[next++]);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

const login = await fetch(`${api}/api/v1/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: "admin@demo.sejour.localhost", password: "demo-password-2026" }),
}).then((r) => r.json());
const token = login.accessToken;

// Top up the catalogue to `target` properties, each with a block somewhere in the window.
const all = await pages(token, "/api/v1/properties/managed");
for (let n = all.length; n < target; n++) {
  const { id } = await call(token, "POST", "/api/v1/properties", {
    name: `Bench ${String(n).padStart(3, "0")}`,
    kind: "apartment",
    address: { line1: `${n} quai des Bancs`, postalCode: "06000", city: "Nice", country: "FR" },
    coordinates: { lat: 43.7 + n / 10_000, lng: 7.26 },
    capacity: { maxGuests: 4, bedrooms: 2, beds: 2, bathrooms: 1 },
  });
  const start = day(n % 20);
  await call(token, "POST", `/api/v1/properties/${id}/blocks`, {
    start,
    end: day((n % 20) + 2 + (n % 5)),
    kind: n % 2 ? "maintenance" : "owner_stay",
  });
}
const count = (await pages(token, "/api/v1/properties/managed")).length;

// The API reads behind one window, before (a call per property) and after (GET /calendar).
const perProperty = async () => {
  const properties = await pages(token, "/api/v1/properties/managed");
  await mapLimited(properties, 8, (p) =>
    call(token, "GET", `/api/v1/properties/${p.id}/calendar?from=${from}&to=${to}`),
  );
  return Math.ceil(properties.length / 100) + properties.length;
};
const board = async () => {
  await pages(token, `/api/v1/calendar?from=${from}&to=${to}`);
  return Math.ceil(count / 100);
};
const timed = async (f) => {
  const started = performance.now();
  const requests = await f();
  return { ms: performance.now() - started, requests };
};
const reads = { before: [], after: [] };
for (let i = 0; i < runs; i++) {
  reads.before.push(await timed(perProperty));
  reads.after.push(await timed(board));
}

// The page in Chromium, signed in as the admin.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(`${base}/fr/sign-in`);
await page.getByLabel("E-mail").fill("admin@demo.sejour.localhost");
await page.getByLabel("Mot de passe").fill("demo-password-2026");
await page.getByRole("button", { name: "Se connecter" }).click();
await page.getByRole("button", { name: "Se déconnecter" }).waitFor();
/** Loads the board and scrolls it from the first row to the last, a viewport per frame. */
const measure = async (virtualised) => {
  await page.goto(`${base}/fr/admin/board?from=${from}`, { waitUntil: "networkidle" });
  if (!virtualised) await page.addStyleTag({ content: ".board-row { content-visibility: visible !important; }" });
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          const nav = performance.getEntriesByType("navigation")[0];
          const frames = [];
          let last = performance.now();
          const step = () => {
            const now = performance.now();
            frames.push(now - last);
            last = now;
            if (window.scrollY + window.innerHeight >= document.body.scrollHeight - 1) {
              frames.sort((a, b) => a - b);
              resolve({
                ttfb: nav.responseStart,
                lcp: entries[entries.length - 1].startTime,
                rows: document.querySelectorAll(".board-row[data-property]").length,
                nodes: document.getElementsByTagName("*").length,
                median: frames[Math.floor(frames.length / 2)],
                worst: frames[frames.length - 1],
              });
              return;
            }
            window.scrollBy(0, window.innerHeight);
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
};
const samples = { on: [], off: [] };
for (let i = 0; i < runs; i++) {
  samples.on.push(await measure(true));
  samples.off.push(await measure(false));
}
await browser.close();

const r = (key, xs) => median(xs.map((x) => x[key]));
console.log(`board, ${count} properties, 4-week window; medians of ${runs} runs, Chromium ${browser.version()}`);
console.log("| API reads for one window | requests | wall time |");
console.log("|---|---|---|");
console.log(
  `| a calendar call per property, 8 at a time (before) | ${reads.before[0].requests} | ${r("ms", reads.before).toFixed(0)} ms |`,
);
console.log(
  `| \`GET /calendar\`, pages of 100 (after) | ${reads.after[0].requests} | ${r("ms", reads.after).toFixed(0)} ms |`,
);
console.log("");
console.log("| board page | rows | TTFB | LCP | DOM elements | scroll frame, median | worst frame |");
console.log("|---|---|---|---|---|---|---|");
for (const [name, xs] of [
  ["/fr/admin/board", samples.on],
  ["the same, every row rendered (`content-visibility` off)", samples.off],
]) {
  const m = (key) => r(key, xs);
  console.log(
    `| ${name} | ${m("rows")} | ${m("ttfb").toFixed(0)} ms | ${m("lcp").toFixed(0)} ms | ${m("nodes")} | ${m("median").toFixed(1)} ms | ${m("worst").toFixed(1)} ms |`,
  );
}
