/**
 * A photo upload as the API reads it (`multipart/form-data`: `file`, and `caption` when
 * there is one), for an openapi-fetch `bodySerializer`.
 */
export function photoUpload(file: Blob, caption?: string | null): FormData {
  const multipart = new FormData();
  multipart.append("file", file, file instanceof File ? file.name : "photo");
  if (caption) multipart.append("caption", caption);
  return multipart;
}
