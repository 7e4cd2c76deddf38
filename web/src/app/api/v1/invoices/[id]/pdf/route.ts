// An invoice's PDF, downloaded through this site with the session's token (the API checks
// that the invoice is the signed-in person's, or that they are staff: 404 otherwise).
import { api } from "@/lib/api";
import { passOn } from "@/lib/download";

export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { data, response } = await (await api()).GET("/api/v1/invoices/{id}/pdf", {
    params: { path: { id } },
    parseAs: "arrayBuffer",
  });
  return passOn(data, response);
}
