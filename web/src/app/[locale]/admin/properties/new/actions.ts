"use server";
import { unwrap } from "@sejour/sdk";
import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { api } from "@/lib/api";
import type { FormState } from "@/lib/problems";
import { invalid, readerFor, refresh, refused } from "../editor-actions";
import { readAddress, readCapacity, readKind } from "../read";

/** Creates a draft and opens it in the editor. */
export async function createProperty(_: FormState, form: FormData): Promise<FormState> {
  const r = await readerFor(form);
  const name = r.required("name");
  const kind = readKind(r);
  const capacity = readCapacity(r);
  const { address, coordinates } = readAddress(r);
  const ownerId = r.text("ownerId");
  if (!r.ok) return invalid(r);
  let id: string;
  try {
    ({ id } = await unwrap(
      (await api()).POST("/api/v1/properties", {
        body: {
          name,
          kind,
          capacity,
          address,
          coordinates,
          registrationNumber: r.optional("registrationNumber"),
          owners: ownerId ? [{ ownerId, shareBp: 10_000 }] : [],
        },
      }),
    ));
  } catch (error) {
    return refused(error, r.values, {
      capacity: "capacity.maxGuests",
      coordinates: "coordinates.lat",
      owners: "ownerId",
    });
  }
  refresh();
  return redirect({ href: `/admin/properties/${id}`, locale: await getLocale() });
}
