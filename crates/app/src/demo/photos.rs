//! The demo photos: a small landscape per photo, drawn and encoded as a PNG with the
//! `image` crate, then added through the properties' own photo pipeline.

use std::io::Cursor;

use image::{ImageFormat, Rgb, RgbImage};
use sejour_core::Ctx;
use sejour_infrastructure::storage::ObjectStorage;
use sejour_properties::application::{
    access::Access,
    commands::manage_photos::{AddPhotoCommand, add_photo},
};
use serde::Deserialize;

use super::{SeedError, SeededProperty, Step, agency::PropertySpec, failed};
use crate::platform::Platform;

/// Width of the generated photos, pixels.
pub const PHOTO_WIDTH: u32 = 640;
/// Height of the generated photos, pixels.
pub const PHOTO_HEIGHT: u32 = 400;

/// What a generated photo shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scene {
    /// Sky over the sea.
    Sea,
    /// Snowy peaks over a valley.
    Mountains,
    /// Peaks over a lake.
    Lake,
    /// Rolling hills over olive groves and wheat.
    Hills,
    /// Rolling hills over lavender fields.
    Lavender,
    /// A city skyline over a river.
    City,
}

/// Every property's photos, one per caption; refused when one is above `max_bytes`.
pub(super) async fn draw_photos(
    specs: &'static [PropertySpec],
    max_bytes: usize,
) -> Result<Vec<Vec<Vec<u8>>>, SeedError> {
    let mut drawing = tokio::task::JoinSet::new();
    for (n, spec) in specs.iter().enumerate() {
        drawing.spawn_blocking(move || {
            let seeds = (0..spec.captions.len()).map(|k| n * 7 + k);
            let photos = seeds
                .map(|seed| landscape_png(spec.scene, u32::try_from(seed).unwrap_or_default()));
            (n, photos.collect::<Result<Vec<_>, _>>())
        });
    }
    let mut all = vec![Vec::new(); specs.len()];
    while let Some(done) = drawing.join_next().await {
        let (n, photos) = done.map_err(|e| failed("drawing the photos", e))?;
        if let Some(slot) = all.get_mut(n) {
            *slot = photos?;
        }
    }
    match all.iter().flatten().map(Vec::len).max() {
        Some(largest) if largest > max_bytes => Err(failed(
            "checking the photos",
            format!("a demo photo is {largest} bytes, above SEJOUR_MAX_UPLOAD_BYTES ({max_bytes})"),
        )),
        _ => Ok(all),
    }
}

/// Writes and deletes an object, so that storage problems show before anything is created.
pub(super) async fn probe_storage(
    storage: &ObjectStorage,
    request_id: &str,
) -> Result<(), SeedError> {
    let key = format!("demo-seed/{request_id}.txt");
    let what = "checking that the object storage accepts photos";
    storage
        .put(&key, b"probe".to_vec(), "text/plain")
        .await
        .map_err(|e| failed(what, e))?;
    storage.delete(&key).await.map_err(|e| failed(what, e))
}

/// Adds the `drawn` photos to `properties` (same order as `specs`), one task per
/// property (decoding and re-encoding is the slow part); how many were added.
pub(super) async fn upload_photos(
    platform: &Platform,
    access: &Access,
    as_manager: &Ctx,
    specs: &'static [PropertySpec],
    properties: &[SeededProperty],
    drawn: Vec<Vec<Vec<u8>>>,
) -> Result<usize, SeedError> {
    let mut uploads = tokio::task::JoinSet::new();
    for ((spec, property), photos) in specs.iter().zip(properties).zip(drawn) {
        let (repo, access, ctx) = (
            platform.properties.clone(),
            access.clone(),
            as_manager.clone(),
        );
        let storage = platform.storage.clone();
        let (property_id, max_bytes) = (property.id, platform.settings.max_upload_bytes);
        uploads.spawn(async move {
            let count = photos.len();
            for (bytes, caption) in photos.into_iter().zip(&spec.captions) {
                let command = AddPhotoCommand {
                    property_id,
                    bytes,
                    caption: caption.clone(),
                    max_bytes,
                };
                add_photo(&repo, &access, &storage, &ctx, command)
                    .await
                    .step(|| format!("adding a photo to {}", spec.name))?;
            }
            Ok::<_, SeedError>(count)
        });
    }
    let mut photos = 0;
    while let Some(added) = uploads.join_next().await {
        photos += added.map_err(|e| failed("adding the photos", e))??;
    }
    Ok(photos)
}

type Colour = [f32; 3];

fn mix(a: Colour, b: Colour, t: f32) -> Colour {
    let t = t.clamp(0.0, 1.0);
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

/// A deterministic pseudo-random number in [0, 1) from `n`.
fn noise(n: u32) -> f32 {
    let mut x = n.wrapping_mul(0x9E37_79B9) ^ 0x85EB_CA6B;
    x ^= x >> 15;
    x = x.wrapping_mul(0x2C1B_3C6D);
    x ^= x >> 12;
    (x & 0xFFFF) as f32 / 65_536.0
}

/// A [`PHOTO_WIDTH`]×[`PHOTO_HEIGHT`] landscape of `scene` (sky, sun, relief or skyline,
/// water or fields), varied by `seed` (odd seeds at dusk).
fn landscape(scene: Scene, seed: u32) -> RgbImage {
    let (wf, hf) = (PHOTO_WIDTH as f32, PHOTO_HEIGHT as f32);
    let s = noise(seed) * 6.0;
    let dusk = seed % 2 == 1;
    let (sky_top, sky_low): (Colour, Colour) = if dusk {
        ([40.0, 52.0, 110.0], [250.0, 160.0, 90.0])
    } else {
        ([60.0, 120.0, 200.0], [190.0, 220.0, 245.0])
    };
    let (relief, ground, water): (Colour, Colour, bool) = match scene {
        Scene::Sea => ([90.0, 110.0, 90.0], [30.0, 100.0, 150.0], true),
        Scene::Mountains => ([95.0, 100.0, 120.0], [70.0, 130.0, 60.0], false),
        Scene::Lake => ([80.0, 100.0, 110.0], [40.0, 120.0, 140.0], true),
        Scene::Hills => ([110.0, 130.0, 70.0], [150.0, 140.0, 70.0], false),
        Scene::Lavender => ([110.0, 130.0, 70.0], [150.0, 110.0, 190.0], false),
        Scene::City => ([70.0, 65.0, 75.0], [60.0, 90.0, 110.0], true),
    };
    let horizon = hf * 0.62;
    let snowline = horizon - hf * 0.27;
    let (sun_x, sun_y) = (
        wf * (0.2 + 0.6 * noise(seed + 11)),
        hf * if dusk { 0.5 } else { 0.18 },
    );
    // The relief's top in each column, pixels from the top.
    let ridges: Vec<f32> = (0..PHOTO_WIDTH)
        .map(|x| {
            let fx = x as f32 / wf;
            let peak = |freq: f32, phase: f32| 1.0 - (fx * freq + phase).sin().abs();
            match scene {
                Scene::Sea => horizon - 12.0 - 10.0 * (fx * 9.0 + s).sin().max(0.0),
                Scene::Mountains | Scene::Lake => {
                    let peaks =
                        0.55 * peak(4.0, s) + 0.3 * peak(11.0, 2.0 * s) + 0.15 * peak(27.0, s);
                    horizon - hf * (0.08 + 0.42 * peaks)
                }
                Scene::Hills | Scene::Lavender => {
                    horizon - hf * (0.08 + 0.05 * (fx * 5.0 + s).sin())
                }
                Scene::City => horizon - hf * (0.08 + 0.3 * noise(x / 36 * 31 + seed)),
            }
        })
        .collect();
    RgbImage::from_fn(PHOTO_WIDTH, PHOTO_HEIGHT, |x, y| {
        let (fx, fy) = (x as f32 / wf, y as f32);
        let ridge = ridges.get(x as usize).copied().unwrap_or(horizon);
        let sky = mix(sky_top, sky_low, fy / horizon);
        let colour = if fy < ridge {
            let d = (x as f32 - sun_x).hypot(fy - sun_y);
            if d < 24.0 {
                [255.0, 240.0, 190.0]
            } else {
                mix(sky, [255.0, 230.0, 170.0], 0.6 * (-(d - 24.0) / 60.0).exp())
            }
        } else if fy < horizon {
            let depth = (fy - ridge) / (horizon - ridge).max(1.0);
            match scene {
                Scene::Mountains | Scene::Lake if fy < snowline + 8.0 * (fx * 90.0).sin() => {
                    mix([245.0, 248.0, 252.0], relief, depth * 2.0)
                }
                Scene::City if x % 12 > 4 && y % 16 > 8 && noise(x / 12 * 977 + y / 16) > 0.6 => {
                    [250.0, 215.0, 120.0]
                }
                _ => mix(mix(relief, sky_low, 0.35), relief, depth),
            }
        } else {
            let depth = (fy - horizon) / (hf - horizon);
            if water {
                let wave = (fy * 0.9 + (fx * 40.0).sin() * 2.0).sin() * 0.08;
                let near = mix(ground, [0.0, 0.0, 0.0], 0.4);
                mix(mix(sky_low, ground, 0.7), near, depth + wave)
            } else {
                let rows = ((fx - 0.5) * 30.0 / (depth + 0.2)).sin() * 0.15;
                mix(ground, mix(ground, [20.0, 60.0, 20.0], 0.6), depth + rows)
            }
        };
        Rgb(colour.map(|c| c.clamp(0.0, 255.0) as u8))
    })
}

/// [`landscape`] as a PNG.
fn landscape_png(scene: Scene, seed: u32) -> Result<Vec<u8>, SeedError> {
    let mut png = Vec::new();
    landscape(scene, seed)
        .write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(|e| failed("drawing the photos", e))?;
    Ok(png)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn given_a_scene_when_drawn_then_a_png_the_photo_pipeline_accepts() {
        for scene in [
            Scene::Sea,
            Scene::Mountains,
            Scene::Lake,
            Scene::Hills,
            Scene::Lavender,
            Scene::City,
        ] {
            let png = landscape_png(scene, 3).unwrap();
            let processed =
                sejour_infrastructure::images::process_photo(&png, 10 * 1024 * 1024).unwrap();
            assert_eq!(processed.original.width, PHOTO_WIDTH);
            assert_eq!(processed.original.height, PHOTO_HEIGHT);
        }
    }
}
