import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/form";
import { Link } from "@/i18n/navigation";
import type { FormState } from "@/lib/problems";

/** The sign-in and registration pages: a form that returns to `next`, and a link to the other. */
export async function AuthCard({
  title,
  action,
  submit,
  next,
  other,
  children,
}: {
  title: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submit: string;
  next?: string;
  other: { prompt: string; label: string; pathname: string };
  children: ReactNode;
}) {
  const e = await getTranslations("errors");
  return (
    <div className="card" style={{ maxWidth: "28rem", margin: "0 auto" }}>
      <h1>{title}</h1>
      <ActionForm action={action} submit={submit} errorTitle={e("title")}>
        {next && <input type="hidden" name="next" value={next} />}
        {children}
      </ActionForm>
      <p>
        {other.prompt} <Link href={{ pathname: other.pathname, query: next ? { next } : {} }}>{other.label}</Link>
      </p>
    </div>
  );
}
