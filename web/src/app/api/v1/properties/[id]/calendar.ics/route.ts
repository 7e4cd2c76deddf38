// The calendar export handed to other platforms (Airbnb, Booking.com) is on this site, like
// the photos: the API's address stays private. The token is checked by the API (404 if wrong).
import { API_URL } from "@/lib/config";

const PASSED = ["content-type", "content-length", "cache-control", "etag", "last-modified"];

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const upstream = await fetch(
    `${API_URL}/api/v1/properties/${encodeURIComponent(id)}/calendar.ics?token=${encodeURIComponent(token)}`,
  );
  const headers = new Headers();
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
