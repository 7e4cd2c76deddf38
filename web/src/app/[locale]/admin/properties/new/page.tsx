import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm, Field, Select } from "@/components/form";
import { Link } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { requireRole } from "@/lib/guard";
import { AdminNav } from "../../nav";
import { AddressFields, CapacityFields, KindField } from "../fields";
import { createProperty } from "./actions";

export default async function NewPropertyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireRole(["admin", "manager"], "/admin/properties/new");
  const [t, e, { data: owners }] = await Promise.all([
    getTranslations("editor"),
    getTranslations("errors"),
    (await api()).GET("/api/v1/owners", { params: { query: { limit: 100 } } }),
  ]);
  return (
    <>
      <AdminNav current="properties" />
      <p>
        <Link href="/admin/properties">{t("backToList")}</Link>
      </p>
      <h1>{t("new.title")}</h1>
      <p className="hint">{t("new.intro")}</p>
      <div className="card">
        <ActionForm action={createProperty} submit={t("new.submit")} errorTitle={e("title")}>
          <Field name="name" label={t("field.name")} required />
          <KindField />
          <CapacityFields />
          <AddressFields locale={locale} />
          <Field name="registrationNumber" label={t("field.registrationNumber")} hint={t("hint.registrationNumber")} />
          <Select
            name="ownerId"
            label={t("field.ownerAll")}
            hint={t("hint.ownerAll")}
            defaultValue=""
            options={[
              { value: "", label: t("field.noOwner") },
              ...(owners?.items ?? []).map((o) => ({ value: o.id, label: o.displayName })),
            ]}
          />
        </ActionForm>
      </div>
    </>
  );
}
