// One booking as its pages show it (the guest's and the back office's): the reservation in
// full, its history, its payments, its invoices, its security deposit and its property,
// read together.
import type { SejourClient } from "@sejour/sdk";

export async function loadBooking(client: SejourClient, id: string) {
  const path = { params: { path: { id } } };
  const [{ data: reservation }, { data: events }, { data: payments = [] }, { data: invoices = [] }, { data: deposit }] =
    await Promise.all([
      client.GET("/api/v1/reservations/{id}", path),
      client.GET("/api/v1/reservations/{id}/events", path),
      client.GET("/api/v1/reservations/{id}/payments", path),
      client.GET("/api/v1/reservations/{id}/invoices", path),
      client.GET("/api/v1/reservations/{id}/deposit", path),
    ]);
  if (!reservation || !("price" in reservation)) return undefined;
  const { data: property } = await client.GET("/api/v1/properties/{id}", {
    params: { path: { id: reservation.propertyId } },
  });
  return { reservation, events: events?.items ?? [], payments, invoices, deposit, property };
}
