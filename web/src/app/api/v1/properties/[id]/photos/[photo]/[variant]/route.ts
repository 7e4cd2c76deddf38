// Photo files are served by the API; the browser loads them from this origin (the API's
// address stays private), with the API's caching headers. A published property's photos are
// public; a draft's are shown to staff and its owners only, so the session's token goes along
// (the cookie is httpOnly: only this server reads it) and such an answer is never shared.
import { cookies } from "next/headers";
import { API_URL } from "@/lib/config";
import { ACCESS_COOKIE } from "@/lib/session";

const PASSED = ["content-type", "content-length", "cache-control", "etag", "last-modified"];

export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string; photo: string; variant: string }> },
) {
  const { id, photo, variant } = await params;
  const path = [id, "photos", photo, variant].map(encodeURIComponent).join("/");
  let token = (await cookies()).get(ACCESS_COOKIE)?.value;
  const get = () =>
    fetch(`${API_URL}/api/v1/properties/${path}`, {
      headers: {
        "If-None-Match": request.headers.get("if-none-match") ?? "",
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
  let upstream = await get();
  if (upstream.status === 401 && token) {
    // An expired session still sees public photos.
    token = undefined;
    upstream = await get();
  }
  const headers = new Headers();
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (token) headers.set("cache-control", "private, max-age=300");
  return new Response(upstream.body, { status: upstream.status, headers });
}
