//! Photo processing: formats recognised by content, metadata stripped, orientation applied,
//! sizes checked, variants resized. Every test image is made here.

use std::io::Cursor;

use image::{DynamicImage, ImageBuffer, ImageDecoder, ImageFormat, Rgb, Rgba};
use sejour_infrastructure::images::{
    MAX_DIMENSION, PhotoError, PhotoFormat, ProcessedPhoto, RESIZED_MAX, process_photo,
};

const MAX: usize = 10 * 1024 * 1024;

/// A `width`×`height` gradient.
fn picture(width: u32, height: u32) -> DynamicImage {
    DynamicImage::ImageRgb8(ImageBuffer::from_fn(width, height, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    }))
}

fn encoded(image: &DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, format)
        .unwrap_or_else(|e| panic!("{e}"));
    out.into_inner()
}

fn process(bytes: &[u8]) -> ProcessedPhoto {
    process_photo(bytes, MAX).unwrap_or_else(|e| panic!("{e}"))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn jpeg_png_and_webp_are_accepted_with_their_dimensions() {
    let image = picture(64, 48);
    for (format, photo_format, content_type) in [
        (ImageFormat::Jpeg, PhotoFormat::Jpeg, "image/jpeg"),
        (ImageFormat::Png, PhotoFormat::Png, "image/png"),
        (ImageFormat::WebP, PhotoFormat::WebP, "image/webp"),
    ] {
        let photo = process(&encoded(&image, format));
        assert_eq!(photo.source_format, photo_format);
        assert_eq!(photo.original.format, photo_format);
        assert_eq!(photo.original.content_type(), content_type);
        assert_eq!(
            (photo.original.width, photo.original.height),
            (64, 48),
            "{format:?}"
        );
        assert_eq!(
            image::guess_format(&photo.original.bytes).ok(),
            Some(format)
        );
        // A small photo is not enlarged; the variant is always a JPEG.
        assert_eq!((photo.resized.width, photo.resized.height), (64, 48));
        assert_eq!(photo.resized.content_type(), "image/jpeg");
        let resized =
            image::load_from_memory(&photo.resized.bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((resized.width(), resized.height()), (64, 48));
    }
}

#[test]
fn png_and_webp_originals_keep_their_exact_pixels_and_transparency() {
    let image = DynamicImage::ImageRgba8(ImageBuffer::from_fn(20, 10, |x, y| {
        Rgba([x as u8 * 10, y as u8 * 20, 7, if x < 10 { 0 } else { 255 }])
    }));
    for format in [ImageFormat::Png, ImageFormat::WebP] {
        let photo = process(&encoded(&image, format));
        let back = image::load_from_memory(&photo.original.bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.to_rgba8(), image.to_rgba8(), "{format:?}");
        // The JPEG variant has transparency flattened onto white.
        let resized =
            image::load_from_memory(&photo.resized.bytes).unwrap_or_else(|e| panic!("{e}"));
        let [r, g, b] = resized.to_rgb8().get_pixel(2, 5).0;
        assert!(r > 240 && g > 240 && b > 240, "{format:?}: {r} {g} {b}");
    }
}

/// A minimal big-endian TIFF with an orientation of 6 (rotate 90° clockwise) and a GPS IFD
/// (latitude N 48° 51' 29.24", map datum "SECRET-GPS-DATUM").
fn exif_tiff() -> Vec<u8> {
    let mut t = Vec::new();
    let u16be = |t: &mut Vec<u8>, v: u16| t.extend_from_slice(&v.to_be_bytes());
    let u32be = |t: &mut Vec<u8>, v: u32| t.extend_from_slice(&v.to_be_bytes());
    // Header: big-endian, 42, IFD0 at 8.
    t.extend_from_slice(b"MM");
    u16be(&mut t, 42);
    u32be(&mut t, 8);
    // IFD0 at 8: 2 entries, then the next-IFD offset; ends at 38.
    u16be(&mut t, 2);
    // Orientation, SHORT, 1, value 6 (left-justified).
    u16be(&mut t, 0x0112);
    u16be(&mut t, 3);
    u32be(&mut t, 1);
    u16be(&mut t, 6);
    u16be(&mut t, 0);
    // GPS IFD pointer, LONG, 1, offset 38.
    u16be(&mut t, 0x8825);
    u16be(&mut t, 4);
    u32be(&mut t, 1);
    u32be(&mut t, 38);
    u32be(&mut t, 0);
    assert_eq!(t.len(), 38);
    // GPS IFD at 38: 3 entries; ends at 80.
    u16be(&mut t, 3);
    // GPSLatitudeRef, ASCII, 2, "N\0".
    u16be(&mut t, 0x0001);
    u16be(&mut t, 2);
    u32be(&mut t, 2);
    t.extend_from_slice(b"N\0\0\0");
    // GPSLatitude, RATIONAL, 3, at 80.
    u16be(&mut t, 0x0002);
    u16be(&mut t, 5);
    u32be(&mut t, 3);
    u32be(&mut t, 80);
    // GPSMapDatum, ASCII, 17, at 104.
    let datum = b"SECRET-GPS-DATUM\0";
    u16be(&mut t, 0x0012);
    u16be(&mut t, 2);
    u32be(&mut t, datum.len() as u32);
    u32be(&mut t, 104);
    u32be(&mut t, 0);
    assert_eq!(t.len(), 80);
    for (num, den) in [(48, 1), (51, 1), (2924, 100)] {
        u32be(&mut t, num);
        u32be(&mut t, den);
    }
    assert_eq!(t.len(), 104);
    t.extend_from_slice(datum);
    t
}

/// `jpeg` with an APP1 Exif segment right after its SOI marker.
fn with_exif(jpeg: &[u8]) -> Vec<u8> {
    let tiff = exif_tiff();
    let mut app1 = vec![0xFF, 0xE1];
    let len = u16::try_from(2 + 6 + tiff.len()).unwrap_or_else(|e| panic!("{e}"));
    app1.extend_from_slice(&len.to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&tiff);
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

#[test]
fn exif_and_gps_are_stripped_and_the_orientation_applied() {
    let jpeg = with_exif(&encoded(&picture(64, 48), ImageFormat::Jpeg));
    // The input really carries them, and a decoder sees them.
    assert!(contains(&jpeg, b"Exif\0\0") && contains(&jpeg, b"SECRET-GPS-DATUM"));
    let mut decoder =
        image::codecs::jpeg::JpegDecoder::new(Cursor::new(&jpeg)).unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(decoder.exif_metadata(), Ok(Some(_))));

    let photo = process(&jpeg);
    for output in [&photo.original.bytes, &photo.resized.bytes] {
        assert!(!contains(output, b"Exif"));
        assert!(!contains(output, b"SECRET-GPS-DATUM"));
        assert!(!contains(output, b"MM\0\x2a"));
        let mut decoder = image::codecs::jpeg::JpegDecoder::new(Cursor::new(output))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(decoder.exif_metadata(), Ok(None)));
    }
    // Orientation 6: the 64×48 landscape pixels are turned upright into a 48×64 portrait.
    assert_eq!((photo.original.width, photo.original.height), (48, 64));
    let back = image::load_from_memory(&photo.original.bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((back.width(), back.height()), (48, 64));
}

#[test]
fn an_executable_named_jpg_is_an_unsupported_type() {
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00".to_vec();
    exe.extend_from_slice(b"This program cannot be run in DOS mode.\r\r\n$");
    exe.resize(1024, 0);
    let err = process_photo(&exe, MAX).err();
    assert!(matches!(err, Some(PhotoError::UnsupportedType)), "{err:?}");
    assert_eq!(err.map(|e| e.code()), Some("photo.unsupported_type"));
    // Formats the image crate knows but the platform does not take are refused too.
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
    assert!(matches!(
        process_photo(gif, MAX),
        Err(PhotoError::UnsupportedType)
    ));
    assert!(matches!(
        process_photo(b"", MAX),
        Err(PhotoError::UnsupportedType)
    ));
}

#[test]
fn a_truncated_or_corrupt_image_is_unreadable() {
    let jpeg = encoded(&picture(64, 48), ImageFormat::Jpeg);
    // Cut in the headers, in the scan (which the decoder alone would fill with grey), or
    // just before the end marker.
    for len in [jpeg.len() / 4, jpeg.len() * 3 / 4, jpeg.len() - 2] {
        let err = process_photo(&jpeg[..len], MAX).err();
        assert!(
            matches!(err, Some(PhotoError::Unreadable(_))),
            "{len}: {err:?}"
        );
        assert_eq!(err.map(|e| e.code()), Some("photo.unreadable"));
    }
    // An embedded thumbnail's end marker does not hide a cut in the main image.
    let thumbnail = encoded(&picture(8, 8), ImageFormat::Jpeg);
    let mut app1 = vec![0xFF, 0xE1];
    let len = u16::try_from(2 + 6 + thumbnail.len()).unwrap_or_else(|e| panic!("{e}"));
    app1.extend_from_slice(&len.to_be_bytes());
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(&thumbnail);
    let mut with_thumbnail = jpeg[..2].to_vec();
    with_thumbnail.extend_from_slice(&app1);
    with_thumbnail.extend_from_slice(&jpeg[2..]);
    assert!(process_photo(&with_thumbnail, MAX).is_ok());
    let cut = &with_thumbnail[..with_thumbnail.len() - 100];
    assert!(matches!(
        process_photo(cut, MAX),
        Err(PhotoError::Unreadable(_))
    ));
    // Garbage after the JPEG magic bytes.
    let mut corrupt = jpeg[..4].to_vec();
    corrupt.extend_from_slice(&[0x42; 200]);
    assert!(matches!(
        process_photo(&corrupt, MAX),
        Err(PhotoError::Unreadable(_))
    ));

    let png = encoded(&picture(64, 48), ImageFormat::Png);
    let err = process_photo(&png[..png.len() / 2], MAX).err();
    assert!(matches!(err, Some(PhotoError::Unreadable(_))), "{err:?}");
}

#[test]
fn an_oversized_file_or_image_is_too_large() {
    let png = encoded(&picture(64, 48), ImageFormat::Png);
    let err = process_photo(&png, png.len() - 1).err();
    assert!(
        matches!(err, Some(PhotoError::TooLarge { size, max }) if size == png.len() && max == png.len() - 1),
        "{err:?}"
    );
    assert!(process_photo(&png, png.len()).is_ok());

    // Small file, too many pixels (decompression bomb guard).
    let wide = encoded(&picture(MAX_DIMENSION + 1, 1), ImageFormat::Png);
    let err = process_photo(&wide, MAX).err();
    assert!(matches!(err, Some(PhotoError::TooManyPixels)), "{err:?}");
    assert_eq!(err.map(|e| e.code()), Some("photo.too_large"));
}

#[test]
fn a_large_photo_is_resized_to_fit_1280() {
    let jpeg = encoded(&picture(4000, 3000), ImageFormat::Jpeg);
    let photo = process(&jpeg);
    assert_eq!((photo.original.width, photo.original.height), (4000, 3000));
    assert_eq!(
        (photo.resized.width, photo.resized.height),
        (RESIZED_MAX, 960)
    );
    let resized = image::load_from_memory(&photo.resized.bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((resized.width(), resized.height()), (1280, 960));
    assert!(photo.resized.bytes.len() < photo.original.bytes.len());
}
