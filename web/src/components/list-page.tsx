// A back-office list: a search box (plus any filters), a table, paged by cursor.
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";

export async function ListPage({
  title,
  heading: Heading = "h1",
  q,
  search = true,
  intro,
  filters,
  error,
  notice,
  query = {},
  columns,
  rows,
  nextCursor,
  pathname,
  empty,
}: {
  title: string;
  heading?: "h1" | "h2";
  q?: string;
  /** A few words under the title. */
  intro?: ReactNode;
  /** Whether the list has a text search (`q`); the filters alone otherwise. */
  search?: boolean;
  /** Why the list could not be read (a refused filter...), as a sentence. */
  error?: string;
  /** What an action just did, read out once. */
  notice?: string;
  /** More fields of the search form. */
  filters?: ReactNode;
  /** The filters in force, kept by the "more" link. */
  query?: Record<string, string>;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
  nextCursor?: string | null;
  pathname: string;
  /** What an empty list says, when "No results." is not enough. */
  empty?: string;
}) {
  const [t, tSearch] = await Promise.all([getTranslations("admin"), getTranslations("search")]);
  return (
    <>
      <Heading>{title}</Heading>
      {intro}
      <search>
        <form method="get" className="card row filters">
          {filters}
          {search && (
            <div className="field">
              <label htmlFor="q">{t("query")}</label>
              <input id="q" name="q" defaultValue={q} />
            </div>
          )}
          <button type="submit" className="button">
            {t("filter")}
          </button>
        </form>
      </search>
      {notice && (
        <p role="status" className="alert alert-success">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      <Table label={title} columns={columns} rows={rows} />
      {rows.length === 0 && !error && <p>{empty ?? t("noResults")}</p>}
      {nextCursor && (
        <p>
          <Link className="button" href={{ pathname, query: { ...query, ...(q ? { q } : {}), cursor: nextCursor } }}>
            {tSearch("more")}
          </Link>
        </p>
      )}
    </>
  );
}

/** A table of rows under column headings, named `label` for assistive technologies. */
export function Table({
  label,
  columns,
  rows,
}: {
  label: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <div className="table-wrap">
      <table className="list" aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
