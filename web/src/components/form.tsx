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
  danger,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submit: string;
  /** A button that warns (disabling an account...). */
  danger?: boolean;
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
      <button
        type="submit"
        className={danger ? "button danger" : "button primary"}
        disabled={pending}
        aria-busy={pending}
      >
        {submit}
      </button>
    </form>
  );
}

/** What the fields share: the label, the hint and the action's error, read out with the control. */
function useFieldState(name: string, errorFor: string | undefined, hint: string | undefined, fallback?: string) {
  const state = useContext(StateContext);
  const id = useId();
  const error = state.fields?.[errorFor ?? name];
  const value = state.values?.[name] ?? fallback;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return {
    id,
    error,
    value,
    control: { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": described },
  };
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {children}
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  /** The API's field path when it differs from the input's name (`guest.email`). */
  errorFor?: string;
  defaultValue?: string;
}

/** A labelled input whose error (from the action, by field path) is read out with it. */
export function Field({
  name,
  label,
  hint,
  errorFor,
  defaultValue,
  ...input
}: FieldProps & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">) {
  const { id, error, value, control } = useFieldState(name, errorFor, hint, defaultValue);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input {...control} defaultValue={value} {...input} />
    </FieldFrame>
  );
}

/** A labelled text area, like `Field`. */
export function TextArea({
  name,
  label,
  hint,
  errorFor,
  defaultValue,
  ...textarea
}: FieldProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue">) {
  const { id, error, value, control } = useFieldState(name, errorFor, hint, defaultValue);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea {...control} defaultValue={value} {...textarea} />
    </FieldFrame>
  );
}

/** A labelled choice among `options`, like `Field`. */
export function Select({
  name,
  label,
  hint,
  errorFor,
  defaultValue,
  options,
  ...select
}: FieldProps & { options: { value: string; label: string }[] } & Omit<
    React.SelectHTMLAttributes<HTMLSelectElement>,
    "name" | "defaultValue"
  >) {
  const { id, error, value, control } = useFieldState(name, errorFor, hint, defaultValue);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {/* React applies a select's defaultValue only when it mounts: a new value (the person's
          choice kept after a refusal, or the saved one) mounts it again. */}
      <select key={value} {...control} defaultValue={value} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
