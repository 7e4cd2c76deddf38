// The property editor's rules that are not React: what publishing still needs, which words
// to use for the API's field names, and reading the typed forms into API bodies.
import type { PropertyDto } from "@sejour/sdk";

/** What publishing needs, by the API's field names (`PropertyCanBePublished`). */
export const REQUIREMENTS = ["registrationNumber", "photos", "rates", "touristTax", "owners"] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

const isRequirement = (name: string): name is Requirement => (REQUIREMENTS as readonly string[]).includes(name);

/** What a property still lacks to be published, as the API would name it. */
export function missingToPublish(property: PropertyDto): Requirement[] {
  const missing: Requirement[] = [];
  if (property.country === "FR" && !property.registrationNumber) missing.push("registrationNumber");
  if (property.photos.length === 0) missing.push("photos");
  if (!property.rates) missing.push("rates");
  if (!property.touristTax) missing.push("touristTax");
  if ((property.owners ?? []).length === 0) missing.push("owners");
  return missing;
}

/**
 * The missing items of a `property.not_ready_to_publish` refusal: its field errors when it
 * has some, else the list its detail ends with ("…; missing: registrationNumber, photos").
 */
export function missingFromProblem(detail: string, errors: readonly { field: string }[] = []): Requirement[] {
  const named =
    errors.length > 0 ? errors.map((e) => e.field) : (/missing:\s*(.+)$/i.exec(detail)?.[1] ?? "").split(",");
  return named.map((name) => name.trim().replace(/\.$/, "")).filter(isRequirement);
}

/** `If-Match` for the version the form was showing. */
export const ifMatch = (version: string | undefined) => ({
  "If-Match": `"${/^\d{1,9}$/.test(version ?? "") ? version : "0"}"`,
});

/** The code a feed's last error starts with (`ical_feed.private_address: …`), if any. */
export function feedErrorCode(lastError: string | null | undefined): string | undefined {
  return lastError ? /^([a-z_]+\.[a-z_]+):/.exec(lastError)?.[1] : undefined;
}

/** The rows of a repeated group of fields named `prefix.<n>.<field>`, in order, with their `n`. */
export function rowsOf(
  values: Record<string, string>,
  prefix: string,
): { index: number; row: Record<string, string> }[] {
  const rows = new Map<number, Record<string, string>>();
  for (const [name, value] of Object.entries(values)) {
    const match = new RegExp(`^${prefix}\\.(\\d+)\\.(.+)$`).exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    const row = rows.get(index) ?? {};
    row[match[2] ?? ""] = value;
    rows.set(index, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([index, row]) => ({ index, row }));
}
