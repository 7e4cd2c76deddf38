/** Where the Next server reaches the API (never exposed to the browser). */
export const API_URL = (process.env.SEJOUR_API_URL ?? "http://127.0.0.1:8080").replace(/\/+$/, "");
