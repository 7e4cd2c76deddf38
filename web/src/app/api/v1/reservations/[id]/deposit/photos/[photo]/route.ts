// A photo of the damage a security-deposit claim is for, through this site with the
// session's token (the API shows it to the guest who booked and to staff: 404 otherwise).
import { api } from "@/lib/api";
import { passOn } from "@/lib/download";

export async function GET(_: Request, { params }: { params: Promise<{ id: string; photo: string }> }) {
  const { id, photo } = await params;
  const { data, response } = await (await api()).GET("/api/v1/reservations/{id}/deposit/photos/{photo_id}", {
    params: { path: { id, photo_id: photo } },
    parseAs: "arrayBuffer",
  });
  return passOn(data, response);
}
