import type { Money } from "@sejour/sdk";
import { getTranslations } from "next-intl/server";
import { ActionForm, Field, Select } from "@/components/form";
import { formatMoneyInput, formatPercentInput } from "@/lib/decimal";
import { EditorHeader } from "../../editor-header";
import { saveRates, saveTouristTax } from "../actions";
import { loadProperty } from "../load";
import { SeasonRows } from "./season-rows";

export default async function RatesPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id, property } = await loadProperty(params, "rates");
  const [t, e, tQuote] = await Promise.all([
    getTranslations("editor"),
    getTranslations("errors"),
    getTranslations("quote"),
  ]);
  const rates = property.rates;
  const currency = rates?.currency ?? "EUR";
  const amount = (money: Money | undefined) => (money ? formatMoneyInput(money.amount, locale, money.currency) : "");
  const moneyHint = t("hint.money", { example: locale === "en" ? "1,234.50" : "1 234,50", currency });
  const version = <input type="hidden" name="version" value={property.version} />;
  const tax = property.touristTax;
  const regime = tax?.regime;

  return (
    <>
      <EditorHeader property={property} section="rates" />
      <div className="stack">
        <section className="card" aria-labelledby="rates">
          <h2 id="rates">{t("section.ratePlan")}</h2>
          <ActionForm action={saveRates.bind(null, id)} submit={t("saveRates")} errorTitle={e("title")}>
            {version}
            <input type="hidden" name="currency" value={currency} />
            <div className="row">
              <Field
                name="baseNightly"
                label={t("field.baseNightly")}
                hint={moneyHint}
                inputMode="decimal"
                required
                defaultValue={amount(rates?.baseNightly)}
              />
              <Field
                name="defaultMinNights"
                label={t("field.defaultMinNights")}
                type="number"
                min={1}
                max={90}
                required
                defaultValue={String(rates?.defaultMinNights ?? 1)}
              />
            </div>
            <div className="row">
              <Field
                name="cleaningFee"
                label={t("field.cleaningFee")}
                hint={moneyHint}
                inputMode="decimal"
                defaultValue={amount(rates?.cleaningFee) || "0"}
              />
              <Field
                name="securityDeposit"
                label={t("field.securityDeposit")}
                hint={moneyHint}
                inputMode="decimal"
                defaultValue={amount(rates?.securityDeposit) || "0"}
              />
            </div>
            <div className="row">
              <Field
                name="extraGuestThreshold"
                label={t("field.extraGuestThreshold")}
                type="number"
                min={1}
                max={50}
                defaultValue={String(rates?.extraGuestThreshold ?? property.capacity.maxGuests)}
              />
              <Field
                name="extraGuestFeePerNight"
                label={t("field.extraGuestFee")}
                hint={moneyHint}
                inputMode="decimal"
                defaultValue={amount(rates?.extraGuestFeePerNight) || "0"}
              />
            </div>
            <div className="row">
              <Field
                name="weeklyDiscount"
                label={t("field.weeklyDiscount")}
                hint={t("hint.weeklyDiscount")}
                inputMode="decimal"
                defaultValue={formatPercentInput(rates?.weeklyDiscountBp ?? 0, locale)}
              />
              <Field
                name="monthlyDiscount"
                label={t("field.monthlyDiscount")}
                hint={t("hint.monthlyDiscount")}
                inputMode="decimal"
                defaultValue={formatPercentInput(rates?.monthlyDiscountBp ?? 0, locale)}
              />
            </div>
            <Select
              name="cancellationPolicy"
              label={t("field.cancellationPolicy")}
              defaultValue={rates?.cancellationPolicy ?? "moderate"}
              options={(["flexible", "moderate", "strict"] as const).map((p) => ({
                value: p,
                label: `${tQuote(`policy.${p}`)} — ${t(`policy.${p}`)}`,
              }))}
            />
            <SeasonRows
              moneyHint={moneyHint}
              initial={(rates?.seasons ?? []).map((s) => ({
                name: s.name,
                start: s.dates.start,
                end: s.dates.end,
                nightly: amount(s.nightly),
                minNights: s.minNights?.toString() ?? "",
                arrivalDays: s.arrivalDays ?? [],
              }))}
            />
          </ActionForm>
        </section>

        <section className="card" aria-labelledby="tax">
          <h2 id="tax">{t("section.touristTax")}</h2>
          <ActionForm action={saveTouristTax.bind(null, id)} submit={t("saveTouristTax")} errorTitle={e("title")}>
            {version}
            <Select
              name="regime"
              label={t("field.regime")}
              hint={t("hint.regime")}
              defaultValue={regime?.kind ?? "fixedPerAdultNight"}
              options={[
                { value: "fixedPerAdultNight", label: t("regime.fixedPerAdultNight") },
                { value: "proportional", label: t("regime.proportional") },
              ]}
            />
            <fieldset className="stack">
              <legend>{t("regime.fixedPerAdultNight")}</legend>
              <Field
                name="fixedRate"
                label={t("field.fixedRate")}
                hint={moneyHint}
                inputMode="decimal"
                defaultValue={regime?.kind === "fixedPerAdultNight" ? amount(regime.rate) : ""}
              />
            </fieldset>
            <fieldset className="stack">
              <legend>{t("regime.proportional")}</legend>
              <div className="row">
                <Field
                  name="proportionalRate"
                  label={t("field.proportionalRate")}
                  hint={t("hint.proportionalRate")}
                  inputMode="decimal"
                  defaultValue={regime?.kind === "proportional" ? formatPercentInput(regime.rateBp, locale) : ""}
                />
                <Field
                  name="cap"
                  label={t("field.cap")}
                  hint={moneyHint}
                  inputMode="decimal"
                  defaultValue={regime?.kind === "proportional" ? amount(regime.capPerAdultNight) : ""}
                />
              </div>
            </fieldset>
            <div className="row">
              <Field
                name="departmentalSurcharge"
                label={t("field.departmentalSurcharge")}
                hint={t("hint.surcharge")}
                inputMode="decimal"
                defaultValue={formatPercentInput(tax?.departmentalSurchargeBp ?? 1000, locale)}
              />
              <Field
                name="regionalSurcharge"
                label={t("field.regionalSurcharge")}
                hint={t("hint.surcharge")}
                inputMode="decimal"
                defaultValue={formatPercentInput(tax?.regionalSurchargeBp ?? 0, locale)}
              />
            </div>
          </ActionForm>
        </section>
      </div>
    </>
  );
}
