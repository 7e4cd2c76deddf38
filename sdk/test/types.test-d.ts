// Compile-only: `tsc --noEmit` fails if a wrong path, parameter or body type-checks.
import { createSejourClient, type ReservationDto } from "../src/index.ts";

const api = createSejourClient({ baseUrl: "http://api.test" });
const id = "0190a8f0-0000-7000-8000-000000000001";

export async function typed() {
  const { data } = await api.GET("/api/v1/reservations/{id}", { params: { path: { id } } });
  const status: ReservationDto["status"] | undefined = data?.status;
  // @ts-expect-error an unknown path
  await api.GET("/api/v1/reservation/{id}", { params: { path: { id } } });
  // @ts-expect-error the path parameter is missing
  await api.GET("/api/v1/reservations/{id}", { params: { path: {} } });
  // @ts-expect-error an unknown query parameter
  await api.GET("/api/v1/reservations", { params: { query: { colour: "red" } } });
  // @ts-expect-error `limit` is a number
  await api.GET("/api/v1/reservations", { params: { query: { limit: "10" } } });
  // @ts-expect-error GET has no body on this path
  await api.PUT("/api/v1/reservations/{id}", { params: { path: { id } } });
  const guest = {
    firstName: "A",
    lastName: "B",
    email: "a@b.c",
    phone: "+33612345678",
    address: { line1: "1 rue", postalCode: "75001", city: "Paris", country: "FR" },
  };
  const withoutAdults = { propertyId: id, checkIn: "2027-07-10", checkOut: "2027-07-17", guest };
  // @ts-expect-error `adults` is required
  await api.POST("/api/v1/reservations", { body: withoutAdults });
  await api.POST("/api/v1/reservations", { body: { ...withoutAdults, adults: 2 } });
  // @ts-expect-error a status that does not exist
  const never: ReservationDto["status"] = "paid";
  return { status, never };
}
