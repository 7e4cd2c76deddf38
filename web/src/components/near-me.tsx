"use client";
// "Around me": fills the search's `near` field from the browser's position (asked only on click).
import { useState } from "react";

export function NearMe({ defaultValue, label, denied }: { defaultValue?: string; label: string; denied: string }) {
  const [near, setNear] = useState(defaultValue ?? "");
  const [error, setError] = useState<string>();
  return (
    <div className="field">
      <input type="hidden" name="near" value={near} />
      <button
        type="button"
        className="button"
        aria-pressed={near !== ""}
        onClick={() => {
          if (near) return setNear("");
          navigator.geolocation?.getCurrentPosition(
            ({ coords }) => setNear(`${coords.latitude.toFixed(4)},${coords.longitude.toFixed(4)}`),
            () => setError(denied),
          );
        }}
      >
        {label}
      </button>
      {error && <small className="field-error">{error}</small>}
    </div>
  );
}
