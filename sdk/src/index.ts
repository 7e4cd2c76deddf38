// The Séjour API client: types generated from openapi.json (`schema.d.ts`) and a small
// hand-written layer (client factory, problem errors, pagination, ETags, money).
export { createSejourClient, etagOf, type SejourClient, type SejourClientOptions } from "./client.ts";
export { formatMoney, minorDigits, toDecimal } from "./money.ts";
export { type Page, paginate } from "./paginate.ts";
export { type ApiResult, ProblemError, unwrap } from "./problem.ts";
export type * from "./schema.ts";
