/** Where the Next server reaches the API (never exposed to the browser). */
export const API_URL = (process.env.SEJOUR_API_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");

/** The map's tile server (`{z}/{x}/{y}` template) and the credit it requires. */
export const MAP_TILES_URL = process.env.SEJOUR_MAP_TILES_URL ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const MAP_ATTRIBUTION = process.env.SEJOUR_MAP_ATTRIBUTION ?? "© OpenStreetMap contributors";
