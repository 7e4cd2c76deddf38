"use client";
// The seasons of a rate plan: one group of fields per season, rows added and removed in the
// page. Fields are named `season.<n>.<field>` with a number that stays with the row (so that
// removing one renames nothing); after a refused save the rows are those that were sent.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CheckboxField, Field, useFormState } from "@/components/form";

export interface SeasonDefaults {
  name: string;
  start: string;
  end: string;
  nightly: string;
  minNights: string;
  arrivalDays: string[];
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

interface Row {
  id: number;
  defaults?: SeasonDefaults;
}

/** The row numbers a refused form had, in order. */
function sentRows(values: Record<string, string>): number[] {
  const ids = new Set<number>();
  for (const name of Object.keys(values)) {
    const match = /^season\.(\d+)\./.exec(name);
    if (match) ids.add(Number(match[1]));
  }
  return [...ids].sort((a, b) => a - b);
}

export function SeasonRows({ initial, moneyHint }: { initial: SeasonDefaults[]; moneyHint: string }) {
  const t = useTranslations("editor");
  const state = useFormState();
  const rowsFor = (): Row[] =>
    state.values ? sentRows(state.values).map((id) => ({ id })) : initial.map((defaults, id) => ({ id, defaults }));
  const [seen, setSeen] = useState(state);
  // Changes with each answer of the server, so that every row starts again from it.
  const [generation, setGeneration] = useState(0);
  const [rows, setRows] = useState(rowsFor);
  if (seen !== state) {
    setSeen(state);
    setGeneration(generation + 1);
    setRows(rowsFor());
  }

  return (
    <fieldset className="stack">
      <legend>{t("section.seasons")}</legend>
      <p className="hint">{t("hint.seasons")}</p>
      {rows.length === 0 && <p>{t("noSeasons")}</p>}
      <ol className="seasons stack">
        {rows.map((row, i) => {
          const at = (field: string) => `season.${row.id}.${field}`;
          const d = row.defaults;
          return (
            <li key={`${generation}-${row.id}`} className="card stack">
              <div className="row">
                <Field name={at("name")} label={t("field.seasonName", { n: i + 1 })} defaultValue={d?.name} />
                <Field
                  name={at("start")}
                  label={t("field.seasonStart", { n: i + 1 })}
                  type="date"
                  defaultValue={d?.start}
                />
                <Field
                  name={at("end")}
                  label={t("field.seasonEnd", { n: i + 1 })}
                  hint={t("hint.seasonEnd")}
                  type="date"
                  defaultValue={d?.end}
                />
              </div>
              <div className="row">
                <Field
                  name={at("nightly")}
                  label={t("field.seasonNightly", { n: i + 1 })}
                  hint={moneyHint}
                  inputMode="decimal"
                  defaultValue={d?.nightly}
                />
                <Field
                  name={at("minNights")}
                  label={t("field.seasonMinNights", { n: i + 1 })}
                  type="number"
                  min={1}
                  max={90}
                  defaultValue={d?.minNights}
                />
              </div>
              <fieldset>
                <legend>{t("field.arrivalDays", { n: i + 1 })}</legend>
                <div className="checks">
                  {WEEKDAYS.map((day) => (
                    <CheckboxField
                      key={day}
                      name={at(`arrival.${day}`)}
                      label={t(`weekday.${day}`)}
                      defaultChecked={d?.arrivalDays.includes(day)}
                    />
                  ))}
                </div>
              </fieldset>
              <p>
                <button
                  type="button"
                  className="button danger"
                  onClick={() => setRows(rows.filter((r) => r.id !== row.id))}
                >
                  {t("removeSeason", { n: i + 1 })}
                </button>
              </p>
            </li>
          );
        })}
      </ol>
      <p>
        <button
          type="button"
          className="button"
          onClick={() => setRows([...rows, { id: Math.max(-1, ...rows.map((r) => r.id)) + 1 }])}
        >
          {t("addSeason")}
        </button>
      </p>
    </fieldset>
  );
}
