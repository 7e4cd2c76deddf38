// An invoice's PDF, downloaded through this site with the session's token (the API checks
// that the invoice is the signed-in person's, or that they are staff: 404 otherwise).
import { api } from "@/lib/api";

export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { data, response } = await (await api()).GET("/api/v1/invoices/{id}/pdf", {
    params: { path: { id } },
    parseAs: "arrayBuffer",
  });
  if (!data) return new Response(null, { status: response.status === 401 ? 401 : 404 });
  const headers = new Headers({ "content-type": "application/pdf", "cache-control": "private, no-store" });
  const disposition = response.headers.get("content-disposition");
  if (disposition) headers.set("content-disposition", disposition);
  return new Response(data, { headers });
}
