// Photo files are public and served by the API; the browser loads them from this origin
// (the API's address stays private), with the API's caching headers.
import { API_URL } from "@/lib/config";

const PASSED = ["content-type", "content-length", "cache-control", "etag", "last-modified"];

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; photo: string; variant: string }> },
) {
  const { id, photo, variant } = await params;
  const path = [id, "photos", photo, variant].map(encodeURIComponent).join("/");
  const upstream = await fetch(`${API_URL}/api/v1/properties/${path}`, {
    headers: { "If-None-Match": request.headers.get("if-none-match") ?? "" },
  });
  const headers = new Headers();
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
