"use client";
// The export link once made: a read-only field to select and a button that copies it.
import { useId, useState } from "react";
import { useFormState } from "@/components/form";

export function ExportLink({ label, copy, copied }: { label: string; copy: string; copied: string }) {
  const url = useFormState().values?.exportUrl;
  const id = useId();
  const [done, setDone] = useState(false);
  if (!url) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy">
        <input id={id} value={url} readOnly onFocus={(e) => e.currentTarget.select()} data-testid="export-url" />
        <button
          type="button"
          className="button"
          onClick={() =>
            navigator.clipboard?.writeText(url).then(
              () => setDone(true),
              () => setDone(false),
            )
          }
        >
          {copy}
        </button>
      </div>
      <span role="status" className="hint">
        {done ? copied : ""}
      </span>
    </div>
  );
}
