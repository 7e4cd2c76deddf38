"use client";
// A form bound to a server action: shows the errors it returns, in the summary and beside each
// field (`aria-invalid`, `aria-describedby`), and disables the button while it runs.
import { createContext, type ReactNode, useActionState, useContext, useId } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/problems";

const StateContext = createContext<FormState>({});

export function ActionForm({
  action,
  submit,
  errorTitle,
  children,
  className,
  danger,
  submitLabel,
  submitClassName,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** The submit button's text; without it, the children bring their `SubmitButton`s. */
  submit?: string;
  errorTitle: string;
  children: ReactNode;
  className?: string;
  /** A button that warns (disabling an account...). */
  danger?: boolean;
  /** The button's accessible name when its text alone is ambiguous ("Delete" → "Delete photo 2"). */
  submitLabel?: string;
  submitClassName?: string;
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
      {submit && (
        <button
          type="submit"
          className={submitClassName ?? (danger ? "button danger" : "button primary")}
          disabled={pending}
          aria-busy={pending}
          aria-label={submitLabel}
        >
          {submit}
        </button>
      )}
    </form>
  );
}

/** One of several submit buttons of a form, sending its `name=value`; disabled while the form runs. */
export function SubmitButton({
  children,
  className = "button",
  ...button
}: { children: ReactNode } & Omit<React.ButtonHTMLAttributes<HTMLButtonElement>, "type">) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending} {...button}>
      {children}
    </button>
  );
}

/** The state of the enclosing `ActionForm` (errors and the values to refill). */
export function useFormState(): FormState {
  return useContext(StateContext);
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
      <textarea {...control} defaultValue={value} rows={4} {...textarea} />
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

/**
 * A checkbox with its label; after a refused submit it shows what was sent (an unticked box
 * sends nothing), else `defaultChecked`.
 */
export function CheckboxField({
  name,
  label,
  defaultChecked,
  value = "on",
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
  value?: string;
}) {
  const state = useContext(StateContext);
  const id = useId();
  const checked = state.values ? state.values[name] === value : defaultChecked;
  return (
    <div className="check">
      <input id={id} type="checkbox" name={name} value={value} defaultChecked={checked} key={String(checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A new password: the API's minimum length (10) as a hint and a constraint. */
export function NewPasswordField({ name, label, hint }: { name: string; label: string; hint: string }) {
  return (
    <Field name={name} label={label} hint={hint} type="password" autoComplete="new-password" minLength={10} required />
  );
}
