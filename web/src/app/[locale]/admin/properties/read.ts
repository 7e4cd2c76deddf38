// What the create and edit forms share: the closed lists (checked against the API's enums at
// compile time) and the readers of the address and capacity fields.
import type { AddressDto, Amenity, CapacityDto, CoordinatesDto, PropertyKind, Weekday } from "@sejour/sdk";
import type { FormReader } from "@/lib/form-reader";

/** Every key of a union, listed once: adding a value to the API's enum fails the build here. */
const all = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];

export const KINDS = all<PropertyKind>({
  house: true,
  apartment: true,
  villa: true,
  chalet: true,
  gite: true,
  studio: true,
  room: true,
  other: true,
});

export const AMENITIES = all<Amenity>({
  wifi: true,
  parking: true,
  pool: true,
  air_conditioning: true,
  heating: true,
  washing_machine: true,
  dishwasher: true,
  kitchen: true,
  tv: true,
  garden: true,
  terrace: true,
  barbecue: true,
  fireplace: true,
  sea_view: true,
  mountain_view: true,
  elevator: true,
  pets_allowed: true,
  wheelchair_accessible: true,
  baby_cot: true,
  ev_charger: true,
  hot_tub: true,
  sauna: true,
  ski_access: true,
  beach_access: true,
});

export const WEEKDAYS = all<Weekday>({ Mon: true, Tue: true, Wed: true, Thu: true, Fri: true, Sat: true, Sun: true });

export const isKind = (value: string): value is PropertyKind => (KINDS as string[]).includes(value);

export function readKind(r: FormReader): PropertyKind {
  const kind = r.text("kind");
  if (!isKind(kind)) r.fail("kind", "required");
  return isKind(kind) ? kind : "other";
}

export function readAddress(r: FormReader): { address: AddressDto; coordinates: CoordinatesDto } {
  return {
    address: {
      line1: r.required("address.line1"),
      line2: r.optional("address.line2"),
      postalCode: r.required("address.postalCode"),
      city: r.required("address.city"),
      region: r.optional("address.region"),
      country: r.country("address.country"),
    },
    coordinates: { lat: r.coordinate("coordinates.lat", 90), lng: r.coordinate("coordinates.lng", 180) },
  };
}

export function readCapacity(r: FormReader): CapacityDto {
  return {
    maxGuests: r.whole("capacity.maxGuests", 1, 50, true) ?? 1,
    bedrooms: r.whole("capacity.bedrooms", 0, 100) ?? 0,
    beds: r.whole("capacity.beds", 0, 200) ?? 0,
    bathrooms: r.whole("capacity.bathrooms", 0, 100) ?? 0,
  };
}
