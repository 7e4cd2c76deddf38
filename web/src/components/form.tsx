"use client";
// A form bound to a server action: shows the errors it returns, in the summary and beside each
// field (`aria-invalid`, `aria-describedby`), and disables the button while it runs.
import { createContext, type ReactNode, useActionState, useContext, useId } from "react";
import type { FormState } from "@/lib/problems";

const StateContext = createContext<FormState>({});

export function ActionForm({
  action,
  submit,
  errorTitle,
  children,
  className,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submit: string;
  errorTitle: string;
  children: ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={className ?? "stack"} noValidate>
      {state.error && (
        <div role="alert" className="alert alert-error">
          <strong>{errorTitle}</strong>
          <p>{state.error}</p>
        </div>
      )}
      {state.done && (
        <p role="status" className="alert alert-success">
          {state.done}
        </p>
      )}
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
      <button type="submit" className="button primary" disabled={pending} aria-busy={pending}>
        {submit}
      </button>
    </form>
  );
}

/** A labelled input whose error (from the action, by field path) is read out with it. */
export function Field({
  name,
  label,
  hint,
  errorFor,
  defaultValue,
  ...input
}: {
  name: string;
  label: string;
  hint?: string;
  /** The API's field path when it differs from the input's name (`guest.email`). */
  errorFor?: string;
  defaultValue?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">) {
  const state = useContext(StateContext);
  const id = useId();
  const error = state.fields?.[errorFor ?? name];
  const value = state.values?.[name] ?? defaultValue;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      <input
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...input}
      />
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
