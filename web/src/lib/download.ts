/**
 * A file the API served (an invoice's PDF, a photo of damage), passed on by one of this
 * site's route handlers with the session's token: its type and name kept, never cached;
 * 401 or 404 when the API refused it (the API checks who may see what).
 */
export function passOn(data: ArrayBuffer | undefined, response: Response): Response {
  if (!data) return new Response(null, { status: response.status === 401 ? 401 : 404 });
  const headers = new Headers({ "cache-control": "private, no-store", "x-content-type-options": "nosniff" });
  for (const name of ["content-type", "content-disposition"]) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(data, { headers });
}
