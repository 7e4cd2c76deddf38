import { getTranslations } from "next-intl/server";
import { ActionForm, Field } from "@/components/form";
import { EditorHeader } from "../../editor-header";
import { deletePhoto, updatePhoto, uploadPhoto } from "../actions";
import { loadProperty } from "../load";

export default async function PhotosPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { id, property } = await loadProperty(params, "photos");
  const [t, e] = await Promise.all([getTranslations("editor"), getTranslations("errors")]);
  const photos = [...property.photos].sort((a, b) => a.position - b.position);

  return (
    <>
      <EditorHeader property={property} section="photos" />
      <div className="stack">
        <section className="card" aria-labelledby="upload">
          <h2 id="upload">{t("photos.add")}</h2>
          <ActionForm action={uploadPhoto.bind(null, id)} submit={t("photos.upload")} errorTitle={e("title")}>
            <Field
              name="file"
              label={t("photos.file")}
              hint={t("photos.fileHint")}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              required
            />
            <Field name="caption" label={t("photos.caption")} maxLength={200} />
          </ActionForm>
        </section>

        <section aria-labelledby="gallery">
          <h2 id="gallery">{t("photos.title", { count: photos.length })}</h2>
          {photos.length === 0 && <p>{t("photos.none")}</p>}
          <ol className="photo-list">
            {photos.map((photo, index) => {
              const n = index + 1;
              const label = photo.caption || t("photos.untitled", { n });
              return (
                <li key={photo.id} className="card photo-row" aria-label={t("photos.item", { n })}>
                  <img className="thumb" src={photo.resizedUrl} alt={label} width={160} height={120} />
                  <div className="stack">
                    <ActionForm
                      action={updatePhoto.bind(null, id, photo.id)}
                      submit={t("photos.saveCaption")}
                      submitLabel={t("photos.saveCaptionOf", { n })}
                      submitClassName="button"
                      errorTitle={e("title")}
                    >
                      <Field
                        name="caption"
                        label={t("photos.captionOf", { n })}
                        maxLength={200}
                        defaultValue={photo.caption}
                      />
                    </ActionForm>
                    <div className="actions">
                      {index > 0 && (
                        <ActionForm
                          action={updatePhoto.bind(null, id, photo.id)}
                          submit={t("photos.up")}
                          submitLabel={t("photos.upOf", { n })}
                          submitClassName="button"
                          errorTitle={e("title")}
                        >
                          <input type="hidden" name="position" value={photo.position - 1} />
                        </ActionForm>
                      )}
                      {index < photos.length - 1 && (
                        <ActionForm
                          action={updatePhoto.bind(null, id, photo.id)}
                          submit={t("photos.down")}
                          submitLabel={t("photos.downOf", { n })}
                          submitClassName="button"
                          errorTitle={e("title")}
                        >
                          <input type="hidden" name="position" value={photo.position + 1} />
                        </ActionForm>
                      )}
                      <ActionForm
                        action={deletePhoto.bind(null, id, photo.id)}
                        submit={t("photos.delete")}
                        submitLabel={t("photos.deleteOf", { n })}
                        submitClassName="button danger"
                        errorTitle={e("title")}
                      >
                        {null}
                      </ActionForm>
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      </div>
    </>
  );
}
