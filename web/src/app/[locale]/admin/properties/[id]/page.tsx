import type { OwnerDto } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
import { ActionForm, CheckboxField, Field, Select, TextArea } from "@/components/form";
import { formatPercentInput } from "@/lib/decimal";
import { EditorHeader } from "../editor-header";
import { AddressFields, CapacityFields, KindField } from "../fields";
import { AMENITIES } from "../read";
import { saveAddress, saveAmenities, saveDetails, saveOwners } from "./actions";
import { loadProperty } from "./load";

/** Blank owner rows offered beyond the current ones. */
const SPARE_OWNER_ROWS = 2;

export default async function PropertyEditorPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id, client, property } = await loadProperty(params);
  const [t, e, tAmenity, owners] = await Promise.all([
    getTranslations("editor"),
    getTranslations("errors"),
    getTranslations("amenities"),
    client.GET("/api/v1/owners", { params: { query: { limit: 100 } } }).then((r) => r.data?.items ?? []),
  ]);
  const version = <input type="hidden" name="version" value={property.version} />;
  const shares = property.owners ?? [];
  const ownerRows = [...shares, ...Array.from({ length: SPARE_OWNER_ROWS }, () => undefined)];
  const ownerOptions = [
    { value: "", label: t("field.noOwner") },
    ...owners.map((o: OwnerDto) => ({ value: o.id, label: o.displayName })),
  ];

  return (
    <>
      <EditorHeader property={property} section="details" />
      <div className="stack">
        <section className="card" aria-labelledby="details">
          <h2 id="details">{t("section.details")}</h2>
          <ActionForm action={saveDetails.bind(null, id)} submit={t("save")} errorTitle={e("title")}>
            {version}
            <Field name="name" label={t("field.name")} required defaultValue={property.name} />
            <KindField value={property.kind} />
            <TextArea
              name="descriptions.fr"
              label={t("field.descriptionFr")}
              lang="fr"
              defaultValue={property.descriptions.fr}
            />
            <TextArea
              name="descriptions.en"
              label={t("field.descriptionEn")}
              lang="en"
              defaultValue={property.descriptions.en}
            />
            <CapacityFields capacity={property.capacity} />
            <div className="row">
              <Field
                name="floorAreaM2"
                label={t("field.floorArea")}
                type="number"
                min={1}
                defaultValue={property.floorAreaM2?.toString()}
              />
              <Field
                name="checkInTime"
                label={t("field.checkIn")}
                type="time"
                defaultValue={property.checkInTime.slice(0, 5)}
              />
              <Field
                name="checkOutTime"
                label={t("field.checkOut")}
                type="time"
                defaultValue={property.checkOutTime.slice(0, 5)}
              />
            </div>
            <TextArea name="houseRules" label={t("field.houseRules")} defaultValue={property.houseRules} />
            <Field
              name="registrationNumber"
              label={t("field.registrationNumber")}
              hint={t("hint.registrationNumber")}
              defaultValue={property.registrationNumber ?? ""}
            />
          </ActionForm>
        </section>

        <section className="card" aria-labelledby="address">
          <h2 id="address">{t("section.address")}</h2>
          <ActionForm action={saveAddress.bind(null, id)} submit={t("saveAddress")} errorTitle={e("title")}>
            {version}
            <AddressFields address={property.address} coordinates={property.coordinates} locale={locale} />
          </ActionForm>
        </section>

        <section className="card" aria-labelledby="amenities">
          <h2 id="amenities">{t("section.amenities")}</h2>
          <ActionForm action={saveAmenities.bind(null, id)} submit={t("saveAmenities")} errorTitle={e("title")}>
            {version}
            <fieldset>
              <legend className="sr-only">{t("section.amenities")}</legend>
              <div className="checks">
                {AMENITIES.map((a) => (
                  <CheckboxField
                    key={a}
                    name={`amenity.${a}`}
                    label={tAmenity(a)}
                    defaultChecked={property.amenities.includes(a)}
                  />
                ))}
              </div>
            </fieldset>
            <Field name="amenitiesOther" label={t("field.amenitiesOther")} defaultValue={property.amenitiesOther} />
          </ActionForm>
        </section>

        <section className="card" aria-labelledby="owners">
          <h2 id="owners">{t("section.owners")}</h2>
          <ActionForm action={saveOwners.bind(null, id)} submit={t("saveOwners")} errorTitle={e("title")}>
            {version}
            <p className="hint">{t("hint.owners")}</p>
            {ownerRows.map((share, i) => (
              <div className="row" key={share?.ownerId ?? `spare-${i}`}>
                <Select
                  name={`owner.${i}.id`}
                  label={t("field.owner", { n: i + 1 })}
                  defaultValue={share?.ownerId ?? ""}
                  options={ownerOptions}
                />
                <Field
                  name={`owner.${i}.share`}
                  label={t("field.share", { n: i + 1 })}
                  inputMode="decimal"
                  defaultValue={share ? formatPercentInput(share.shareBp, locale) : ""}
                />
              </div>
            ))}
          </ActionForm>
        </section>
      </div>
    </>
  );
}
