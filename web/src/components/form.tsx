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
  submitLabel,
  submitClassName,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  /** The submit button's text; without it, the children bring their `SubmitButton`s. */
  submit?: string;
  errorTitle: string;
  children: ReactNode;
  className?: string;
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
          className={submitClassName ?? "button primary"}
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

/** A field's id, its error and the `aria-describedby` of its control. */
function useFieldState(name: string, errorFor: string | undefined, hint: string | undefined) {
  const state = useContext(StateContext);
  const id = useId();
  const error = state.fields?.[errorFor ?? name];
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return { state, id, error, described };
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <small id={`${id}-hint`} className="hint">
      {hint}
    </small>
  ) : null;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <small id={`${id}-error`} className="field-error">
      {error}
    </small>
  ) : null;
}

/** A labelled list of choices, refilled like `Field`. */
export function SelectField({
  name,
  label,
  hint,
  errorFor,
  defaultValue,
  options,
  ...select
}: {
  name: string;
  label: string;
  hint?: string;
  errorFor?: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name" | "defaultValue">) {
  const { state, id, error, described } = useFieldState(name, errorFor, hint);
  const value = state.values?.[name] ?? defaultValue;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <select
        id={id}
        name={name}
        // A new key when the value to show changes: a select keeps its choice otherwise.
        key={value}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A labelled multi-line text, refilled like `Field`. */
export function TextAreaField({
  name,
  label,
  hint,
  errorFor,
  defaultValue,
  ...area
}: {
  name: string;
  label: string;
  hint?: string;
  errorFor?: string;
  defaultValue?: string;
} & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue">) {
  const { state, id, error, described } = useFieldState(name, errorFor, hint);
  const value = state.values?.[name] ?? defaultValue;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <textarea
        id={id}
        name={name}
        defaultValue={value}
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...area}
      />
      <FieldError id={id} error={error} />
    </div>
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
