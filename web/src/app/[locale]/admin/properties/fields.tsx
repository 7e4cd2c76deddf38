// Field groups the create form and the editor share.
import type { AddressDto, CapacityDto, CoordinatesDto, PropertyKind } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
import { Field, Select } from "@/components/form";
import { KINDS } from "./read";

export async function KindField({ value }: { value?: PropertyKind }) {
  const t = await getTranslations("editor");
  return (
    <Select
      name="kind"
      label={t("field.kind")}
      defaultValue={value ?? "house"}
      options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
    />
  );
}

export async function CapacityFields({ capacity }: { capacity?: CapacityDto }) {
  const t = await getTranslations("editor");
  const n = (v: number | undefined) => (v === undefined ? undefined : String(v));
  return (
    <fieldset className="stack">
      <legend>{t("section.capacity")}</legend>
      <div className="row">
        <Field
          name="capacity.maxGuests"
          errorFor="capacity.maxGuests"
          label={t("field.maxGuests")}
          type="number"
          min={1}
          max={50}
          required
          defaultValue={n(capacity?.maxGuests)}
        />
        <Field
          name="capacity.bedrooms"
          label={t("field.bedrooms")}
          type="number"
          min={0}
          defaultValue={n(capacity?.bedrooms)}
        />
        <Field name="capacity.beds" label={t("field.beds")} type="number" min={0} defaultValue={n(capacity?.beds)} />
        <Field
          name="capacity.bathrooms"
          label={t("field.bathrooms")}
          type="number"
          min={0}
          defaultValue={n(capacity?.bathrooms)}
        />
      </div>
    </fieldset>
  );
}

export async function AddressFields({
  address,
  coordinates,
  locale,
}: {
  address?: AddressDto | null;
  coordinates?: CoordinatesDto;
  locale: string;
}) {
  const t = await getTranslations("editor");
  const coordinate = (v: number | undefined) =>
    v === undefined ? undefined : locale === "en" ? String(v) : String(v).replace(".", ",");
  return (
    <>
      <fieldset className="stack">
        <legend>{t("section.address")}</legend>
        <Field
          name="address.line1"
          label={t("field.line1")}
          autoComplete="off"
          required
          defaultValue={address?.line1}
        />
        <Field
          name="address.line2"
          label={t("field.line2")}
          autoComplete="off"
          defaultValue={address?.line2 ?? undefined}
        />
        <div className="row">
          <Field name="address.postalCode" label={t("field.postalCode")} required defaultValue={address?.postalCode} />
          <Field name="address.city" label={t("field.city")} required defaultValue={address?.city} />
        </div>
        <div className="row">
          <Field name="address.region" label={t("field.region")} defaultValue={address?.region ?? undefined} />
          <Field
            name="address.country"
            label={t("field.country")}
            hint={t("hint.country")}
            maxLength={2}
            required
            defaultValue={address?.country ?? "FR"}
          />
        </div>
      </fieldset>
      <fieldset className="stack">
        <legend>{t("section.position")}</legend>
        <p className="hint">{t("hint.position")}</p>
        <div className="row">
          <Field
            name="coordinates.lat"
            label={t("field.lat")}
            inputMode="decimal"
            required
            defaultValue={coordinate(coordinates?.lat)}
          />
          <Field
            name="coordinates.lng"
            label={t("field.lng")}
            inputMode="decimal"
            required
            defaultValue={coordinate(coordinates?.lng)}
          />
        </div>
      </fieldset>
    </>
  );
}
