//! Photo processing for uploads: [`process_photo`] checks the size, recognises the format
//! from the content (never the file name), decodes, turns the pixels upright, and
//! re-encodes them, which drops every piece of metadata (EXIF with its GPS position, XMP,
//! IPTC, comments). Only the ICC colour profile is carried over, so that colours stay right.
//!
//! Two variants come out:
//! - `original`: the full-size photo in its own format: JPEG (quality 90), PNG, or WebP
//!   (lossless, the only WebP encoding the `image` crate has: exact but larger files);
//! - `resized`: a JPEG (quality 82) fitting within 1280×1280, never enlarged, transparency
//!   flattened onto white.
//!
//! Pure and synchronous: callers run it on a blocking thread (`spawn_blocking`).

use std::io::Cursor;

use image::{
    DynamicImage, ImageDecoder, ImageEncoder, ImageError, ImageFormat, ImageReader, Limits,
    RgbImage,
    codecs::{
        jpeg::JpegEncoder,
        png::{CompressionType, FilterType as PngFilter, PngEncoder},
        webp::WebPEncoder,
    },
    imageops::FilterType,
    metadata::Orientation,
};
use sejour_core::AppError;

/// The largest accepted width or height, pixels (a 10000×10000 RGBA image is 400 MB).
pub const MAX_DIMENSION: u32 = 10_000;
/// The bounding box of the resized variant, pixels.
pub const RESIZED_MAX: u32 = 1280;
/// The JPEG quality of the resized variant.
pub const RESIZED_JPEG_QUALITY: u8 = 82;
/// The JPEG quality of a re-encoded JPEG original.
pub const ORIGINAL_JPEG_QUALITY: u8 = 90;

/// An accepted photo format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhotoFormat {
    /// JPEG.
    Jpeg,
    /// PNG.
    Png,
    /// WebP.
    WebP,
}

impl PhotoFormat {
    /// The MIME type, e.g. `image/jpeg`.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::WebP => "image/webp",
        }
    }

    /// The usual file extension, without the dot: `jpg`, `png` or `webp`.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::WebP => "webp",
        }
    }
}

/// One encoded variant of a photo.
#[derive(Clone, PartialEq, Eq)]
pub struct EncodedPhoto {
    /// The encoded file.
    pub bytes: Vec<u8>,
    /// Its format.
    pub format: PhotoFormat,
    /// Width, pixels.
    pub width: u32,
    /// Height, pixels.
    pub height: u32,
}

impl EncodedPhoto {
    /// The MIME type, e.g. `image/jpeg`.
    pub fn content_type(&self) -> &'static str {
        self.format.content_type()
    }
}

impl std::fmt::Debug for EncodedPhoto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EncodedPhoto")
            .field("bytes", &self.bytes.len())
            .field("format", &self.format)
            .field("width", &self.width)
            .field("height", &self.height)
            .finish()
    }
}

/// An uploaded photo, cleaned and ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessedPhoto {
    /// The format the upload was in.
    pub source_format: PhotoFormat,
    /// Full size, upright, without metadata, in the upload's format.
    pub original: EncodedPhoto,
    /// A JPEG within [`RESIZED_MAX`]×[`RESIZED_MAX`].
    pub resized: EncodedPhoto,
}

/// Why a photo was refused.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    /// The file is bigger than allowed.
    #[error("the photo is {size} bytes; at most {max} are accepted")]
    TooLarge {
        /// The file's size, bytes.
        size: usize,
        /// The limit, bytes.
        max: usize,
    },
    /// The image is wider or taller than [`MAX_DIMENSION`].
    #[error("the photo is larger than {MAX_DIMENSION}×{MAX_DIMENSION} pixels")]
    TooManyPixels,
    /// The content is not a JPEG, PNG or WebP image, whatever its name says.
    #[error("only JPEG, PNG and WebP photos are accepted")]
    UnsupportedType,
    /// The content looks like an accepted format but cannot be decoded.
    #[error("the photo cannot be read: {0}")]
    Unreadable(String),
    /// Re-encoding failed (a bug, not the uploader's fault).
    #[error("the photo could not be re-encoded: {0}")]
    Encoding(String),
}

impl PhotoError {
    /// A stable code: `photo.too_large`, `photo.unsupported_type`, `photo.unreadable` or
    /// `photo.processing_failed`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } | Self::TooManyPixels => "photo.too_large",
            Self::UnsupportedType => "photo.unsupported_type",
            Self::Unreadable(_) => "photo.unreadable",
            Self::Encoding(_) => "photo.processing_failed",
        }
    }
}

impl From<PhotoError> for AppError {
    fn from(e: PhotoError) -> Self {
        match e {
            PhotoError::Encoding(_) => AppError::internal(e),
            other => AppError::rule(other.code(), other.to_string()),
        }
    }
}

/// Checks, cleans and resizes an uploaded photo of at most `max_bytes` bytes. The format is
/// taken from the content's magic bytes; the EXIF orientation is applied to the pixels.
pub fn process_photo(bytes: &[u8], max_bytes: usize) -> Result<ProcessedPhoto, PhotoError> {
    if bytes.len() > max_bytes {
        return Err(PhotoError::TooLarge {
            size: bytes.len(),
            max: max_bytes,
        });
    }
    let (format, image_format) = match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => (PhotoFormat::Jpeg, ImageFormat::Jpeg),
        Ok(ImageFormat::Png) => (PhotoFormat::Png, ImageFormat::Png),
        Ok(ImageFormat::WebP) => (PhotoFormat::WebP, ImageFormat::WebP),
        _ => return Err(PhotoError::UnsupportedType),
    };
    if format == PhotoFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(PhotoError::Unreadable("the JPEG data is truncated".into()));
    }
    let (image, icc) = decode(bytes, image_format)?;
    let original = encode(&image, format, ORIGINAL_JPEG_QUALITY, icc.as_deref())?;
    let small = if image.width() > RESIZED_MAX || image.height() > RESIZED_MAX {
        image.resize(RESIZED_MAX, RESIZED_MAX, FilterType::Lanczos3)
    } else {
        image
    };
    let resized = encode(
        &small,
        PhotoFormat::Jpeg,
        RESIZED_JPEG_QUALITY,
        icc.as_deref(),
    )?;
    Ok(ProcessedPhoto {
        source_format: format,
        original,
        resized,
    })
}

/// Decodes within the size limits and turns the pixels upright; returns the ICC profile.
fn decode(
    bytes: &[u8],
    format: ImageFormat,
) -> Result<(DynamicImage, Option<Vec<u8>>), PhotoError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    // Broken metadata must not refuse a photo whose pixels are fine.
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    image.apply_orientation(orientation);
    Ok((image, icc))
}

/// Whether a JPEG's segments run up to an end-of-image marker. The decoder fills a scan
/// cut short with grey instead of failing, so a truncated upload is caught here. Walks the
/// segments by their lengths (skipping embedded thumbnails) and each scan's entropy-coded
/// data, where a 0xFF byte is followed by 0x00 or a restart marker unless a marker begins.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2; // after SOI
    loop {
        // Stray bytes before a marker are tolerated, as libjpeg does.
        let Some(skip) = bytes
            .get(i..)
            .and_then(|b| b.iter().position(|&x| x == 0xFF))
        else {
            return false;
        };
        i += skip;
        while bytes.get(i) == Some(&0xFF) {
            i += 1; // fill bytes
        }
        let Some(&marker) = bytes.get(i) else {
            return false;
        };
        i += 1;
        match marker {
            0xD9 => return true,
            0x01 | 0xD0..=0xD7 => {}
            _ => {
                let Some(&[hi, lo]) = bytes.get(i..i + 2) else {
                    return false;
                };
                i += usize::from(u16::from_be_bytes([hi, lo]));
                if marker == 0xDA {
                    // Entropy-coded data, up to the next marker.
                    loop {
                        let Some(ff) = bytes
                            .get(i..)
                            .and_then(|b| b.iter().position(|&x| x == 0xFF))
                        else {
                            return false;
                        };
                        i += ff;
                        match bytes.get(i + 1) {
                            None => return false,
                            Some(0x00 | 0xD0..=0xD7) => i += 2,
                            Some(_) => break,
                        }
                    }
                }
            }
        }
    }
}

fn decode_error(e: ImageError) -> PhotoError {
    match e {
        ImageError::Limits(_) => PhotoError::TooManyPixels,
        ImageError::Unsupported(_) => PhotoError::UnsupportedType,
        other => PhotoError::Unreadable(other.to_string()),
    }
}

/// Encodes `image` as `format` (JPEG at `quality`), with the ICC profile only.
fn encode(
    image: &DynamicImage,
    format: PhotoFormat,
    quality: u8,
    icc: Option<&[u8]>,
) -> Result<EncodedPhoto, PhotoError> {
    let mut bytes = Vec::new();
    let result = match format {
        PhotoFormat::Jpeg => {
            let mut encoder = JpegEncoder::new_with_quality(&mut bytes, quality);
            set_icc(&mut encoder, icc);
            flatten_onto_white(image).write_with_encoder(encoder)
        }
        PhotoFormat::Png => {
            let mut encoder = PngEncoder::new_with_quality(
                &mut bytes,
                CompressionType::Default,
                PngFilter::Adaptive,
            );
            set_icc(&mut encoder, icc);
            image.write_with_encoder(encoder)
        }
        PhotoFormat::WebP => {
            let mut encoder = WebPEncoder::new_lossless(&mut bytes);
            set_icc(&mut encoder, icc);
            if image.color().has_alpha() {
                image.to_rgba8().write_with_encoder(encoder)
            } else {
                image.to_rgb8().write_with_encoder(encoder)
            }
        }
    };
    result.map_err(|e| PhotoError::Encoding(e.to_string()))?;
    Ok(EncodedPhoto {
        bytes,
        format,
        width: image.width(),
        height: image.height(),
    })
}

fn set_icc(encoder: &mut impl ImageEncoder, icc: Option<&[u8]>) {
    if let Some(icc) = icc {
        // An encoder that cannot embed it writes the pixels without it.
        let _ = encoder.set_icc_profile(icc.to_vec());
    }
}

/// RGB pixels, transparent areas composited onto white (JPEG has no alpha).
fn flatten_onto_white(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    let mut rgb = RgbImage::new(rgba.width(), rgba.height());
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let [r, g, b, a] = px.0;
        let a = u32::from(a);
        let blend = |c: u8| ((u32::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
        out.0 = [blend(r), blend(g), blend(b)];
    }
    rgb
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transparency_becomes_white() {
        let mut img = image::RgbaImage::new(2, 1);
        img.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        img.put_pixel(1, 0, image::Rgba([10, 20, 30, 255]));
        let rgb = flatten_onto_white(&DynamicImage::ImageRgba8(img));
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(rgb.get_pixel(1, 0).0, [10, 20, 30]);
    }

    #[test]
    fn codes_are_stable() {
        assert_eq!(PhotoError::TooManyPixels.code(), "photo.too_large");
        assert_eq!(PhotoError::UnsupportedType.code(), "photo.unsupported_type");
    }
}
