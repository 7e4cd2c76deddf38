"use server";
import { unwrap } from "@sejour/sdk";
import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { api } from "@/lib/api";
import { type FormState, formValues, problemState } from "@/lib/problems";
import type { Stay } from "@/lib/stay";

/**
 * Books the stay. The form carries an idempotency key made when it was shown, so a second
 * submit of the same form (double click, retry after a lost answer) returns the same booking.
 */
export async function book(propertyId: string, stay: Stay, _: FormState, form: FormData): Promise<FormState> {
  const v = formValues(form);
  let id: string;
  try {
    const reservation = await unwrap(
      (await api()).POST("/api/v1/reservations", {
        params: { header: { "Idempotency-Key": v.idempotencyKey || null } },
        body: {
          propertyId,
          checkIn: stay.checkIn,
          checkOut: stay.checkOut,
          adults: stay.adults,
          children: stay.children,
          notes: v.notes || null,
          guest: {
            firstName: v.firstName ?? "",
            lastName: v.lastName ?? "",
            email: v.email ?? "",
            phone: v.phone ?? "",
            address: {
              line1: v.line1 ?? "",
              line2: v.line2 || null,
              postalCode: v.postalCode ?? "",
              city: v.city ?? "",
              country: (v.country ?? "").toUpperCase(),
            },
          },
        },
      }),
    );
    id = reservation.id;
  } catch (error) {
    return problemState(error, v);
  }
  redirect({ href: { pathname: `/account/reservations/${id}`, query: { booked: "1" } }, locale: await getLocale() });
  return {};
}
