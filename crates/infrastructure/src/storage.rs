//! Object storage (photos, documents): the [`ObjectStorage`] port over the `object_store`
//! crate, with two adapters chosen from the settings by [`storage_from_settings`]:
//!
//! - a local directory, `$SEJOUR_DATA_DIR/storage/` (the embedded default);
//! - an S3-compatible bucket (AWS S3, MinIO, OVH Object Storage...) when
//!   `SEJOUR_S3_BUCKET` is set.
//!
//! Keys are relative, `/`-separated paths such as `properties/<id>/photos/<id>.jpg`; they
//! are checked before any call (see [`validate_key`]). On S3 the content type is stored as
//! the object's `Content-Type`; the local adapter keeps no metadata and derives it from the
//! key's extension, so keys should end with the right one.

use std::{fmt, path::PathBuf, sync::Arc, time::Duration};

use bytes::Bytes;
use object_store::{
    Attribute, Attributes, ObjectStore, ObjectStoreExt, PutOptions, PutPayload,
    aws::AmazonS3Builder, local::LocalFileSystem, path::Path as ObjectPath,
};
use secrecy::{ExposeSecret, SecretString};
use sejour_core::AppError;

use crate::config::Settings;

/// The longest accepted key, bytes (S3's limit).
pub const MAX_KEY_LEN: usize = 1024;

/// The content type of objects whose type is unknown.
pub const OCTET_STREAM: &str = "application/octet-stream";

/// A key that `health` looks up; it need not exist.
const HEALTH_PROBE_KEY: &str = ".sejour-health-probe";

/// Why an object-storage call failed.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The key is not an acceptable relative path. A programming error.
    #[error("invalid object key {key:?}: {reason}")]
    InvalidKey {
        /// The key as given.
        key: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The storage's configuration is unusable (directory, endpoint...).
    #[error("object storage configuration: {0}")]
    Config(String),
    /// The store failed or could not be reached. Worth retrying.
    #[error("object storage unavailable: {0}")]
    Unavailable(String),
}

impl StorageError {
    /// A stable code: `storage.invalid_key`, `storage.misconfigured` or
    /// `storage.unavailable`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidKey { .. } => "storage.invalid_key",
            Self::Config(_) => "storage.misconfigured",
            Self::Unavailable(_) => "storage.unavailable",
        }
    }
}

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Unavailable(_) => AppError::unavailable(e),
            other => AppError::internal(other),
        }
    }
}

fn unavailable(e: object_store::Error) -> StorageError {
    StorageError::Unavailable(e.to_string())
}

/// The settings of an S3-compatible bucket.
#[derive(Debug, Clone)]
pub struct S3Config {
    /// The service's URL, e.g. `https://s3.gra.io.cloud.ovh.net` or `http://127.0.0.1:9000`;
    /// `None` → AWS S3 of `region`. An `http://` endpoint allows plain HTTP.
    pub endpoint: Option<String>,
    /// The region, e.g. `us-east-1` or `gra`.
    pub region: String,
    /// The bucket, which must exist.
    pub bucket: String,
    /// The access key id.
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: SecretString,
    /// Path-style URLs (`endpoint/bucket/key`, as MinIO needs) rather than virtual-hosted
    /// ones (`bucket.endpoint/key`).
    pub path_style: bool,
}

/// Which adapter an [`ObjectStorage`] uses.
#[derive(Debug, Clone)]
enum Backend {
    Local(PathBuf),
    S3 { bucket: String },
}

/// Puts, reads and deletes objects by key, in a local directory or an S3 bucket. Cheap to
/// clone.
#[derive(Clone)]
pub struct ObjectStorage {
    store: Arc<dyn ObjectStore>,
    backend: Backend,
}

impl fmt::Debug for ObjectStorage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ObjectStorage")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl ObjectStorage {
    /// Objects as files under `dir`, created now if missing.
    pub fn local(dir: impl Into<PathBuf>) -> Result<Self, StorageError> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir).map_err(|e| {
            StorageError::Config(format!(
                "cannot create storage directory {}: {e}",
                dir.display()
            ))
        })?;
        let store = LocalFileSystem::new_with_prefix(&dir)
            .map_err(|e| StorageError::Config(e.to_string()))?
            .with_automatic_cleanup(true);
        Ok(Self {
            store: Arc::new(store),
            backend: Backend::Local(dir),
        })
    }

    /// Objects in an S3-compatible bucket. Nothing is contacted yet: see [`Self::health`].
    pub fn s3(config: &S3Config) -> Result<Self, StorageError> {
        let mut builder = AmazonS3Builder::new()
            .with_region(&config.region)
            .with_bucket_name(&config.bucket)
            .with_access_key_id(&config.access_key_id)
            .with_secret_access_key(config.secret_access_key.expose_secret())
            .with_virtual_hosted_style_request(!config.path_style)
            .with_retry(object_store::RetryConfig {
                max_retries: 3,
                retry_timeout: Duration::from_secs(15),
                ..Default::default()
            });
        if let Some(endpoint) = &config.endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        let store = builder
            .build()
            .map_err(|e| StorageError::Config(e.to_string()))?;
        Ok(Self {
            store: Arc::new(store),
            backend: Backend::S3 {
                bucket: config.bucket.clone(),
            },
        })
    }

    /// `local` or `s3`, for logs.
    pub fn backend_name(&self) -> &'static str {
        match self.backend {
            Backend::Local(_) => "local",
            Backend::S3 { .. } => "s3",
        }
    }

    /// Stores `bytes` under `key`, replacing any object there, with `content_type`
    /// (kept on S3 only; the local adapter derives it from the key on read).
    pub async fn put(
        &self,
        key: &str,
        bytes: impl Into<Bytes>,
        content_type: &str,
    ) -> Result<(), StorageError> {
        let path = object_path(key)?;
        let mut options = PutOptions::default();
        if matches!(self.backend, Backend::S3 { .. }) {
            let mut attributes = Attributes::new();
            attributes.insert(Attribute::ContentType, content_type.to_owned().into());
            options.attributes = attributes;
        }
        self.store
            .put_opts(&path, PutPayload::from_bytes(bytes.into()), options)
            .await
            .map_err(unavailable)?;
        Ok(())
    }

    /// The object under `key` and its content type, or `None` when there is none.
    pub async fn get(&self, key: &str) -> Result<Option<(Bytes, String)>, StorageError> {
        let path = object_path(key)?;
        let result = match self.store.get(&path).await {
            Ok(result) => result,
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(unavailable(e)),
        };
        let content_type = result
            .attributes
            .get(&Attribute::ContentType)
            .map(|v| v.as_ref().to_owned())
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| content_type_for_key(key).to_owned());
        let bytes = match result.bytes().await {
            Ok(bytes) => bytes,
            // Deleted between the metadata and the read (local files).
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(unavailable(e)),
        };
        Ok(Some((bytes, content_type)))
    }

    /// Deletes the object under `key`; deleting a missing object succeeds.
    pub async fn delete(&self, key: &str) -> Result<(), StorageError> {
        let path = object_path(key)?;
        match self.store.delete(&path).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(unavailable(e)),
        }
    }

    /// Checks that the store answers: the directory exists, or the bucket can be read with
    /// the credentials (a lookup of a key that need not exist).
    pub async fn health(&self) -> Result<(), StorageError> {
        match &self.backend {
            Backend::Local(dir) => match tokio::fs::metadata(dir).await {
                Ok(meta) if meta.is_dir() => Ok(()),
                Ok(_) => Err(StorageError::Unavailable(format!(
                    "{} is not a directory",
                    dir.display()
                ))),
                Err(e) => Err(StorageError::Unavailable(format!("{}: {e}", dir.display()))),
            },
            Backend::S3 { bucket } => {
                match self.store.head(&ObjectPath::from(HEALTH_PROBE_KEY)).await {
                    Ok(_) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                    Err(e) => Err(StorageError::Unavailable(format!("bucket {bucket}: {e}"))),
                }
            }
        }
    }
}

/// Checks `key`: 1 to [`MAX_KEY_LEN`] bytes of ASCII letters, digits and `-_.~/`, with no
/// leading, trailing or doubled `/`, and no `.` or `..` segment.
pub fn validate_key(key: &str) -> Result<(), StorageError> {
    let refuse = |reason| {
        Err(StorageError::InvalidKey {
            key: key.to_owned(),
            reason,
        })
    };
    if key.is_empty() {
        return refuse("is empty");
    }
    if key.len() > MAX_KEY_LEN {
        return refuse("is longer than 1024 bytes");
    }
    if key.starts_with('/') {
        return refuse("starts with '/'");
    }
    if !key
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_.~/".contains(&b))
    {
        return refuse("has characters other than ASCII letters, digits and -_.~/");
    }
    for segment in key.split('/') {
        match segment {
            "" => return refuse("has an empty segment"),
            "." | ".." => return refuse("has a '.' or '..' segment"),
            _ => {}
        }
    }
    Ok(())
}

fn object_path(key: &str) -> Result<ObjectPath, StorageError> {
    validate_key(key)?;
    ObjectPath::parse(key).map_err(|e| StorageError::InvalidKey {
        key: key.to_owned(),
        reason: match e {
            object_store::path::Error::BadSegment { .. } => "has a bad segment",
            _ => "is not a valid object path",
        },
    })
}

/// The content type implied by `key`'s extension; [`OCTET_STREAM`] when unknown.
pub fn content_type_for_key(key: &str) -> &'static str {
    let ext = key
        .rsplit_once('.')
        .filter(|(_, ext)| !ext.contains('/'))
        .map(|(_, ext)| ext.to_ascii_lowercase());
    match ext.as_deref() {
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        Some("avif") => "image/avif",
        Some("pdf") => "application/pdf",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("xml") => "application/xml",
        Some("zip") => "application/zip",
        Some("eml") => "message/rfc822",
        _ => OCTET_STREAM,
    }
}

/// The configured storage: the S3 bucket when `SEJOUR_S3_BUCKET` is set, else files under
/// `$SEJOUR_DATA_DIR/storage/`.
pub fn storage_from_settings(settings: &Settings) -> Result<ObjectStorage, StorageError> {
    let Some(bucket) = &settings.s3_bucket else {
        return ObjectStorage::local(settings.data_dir.join("storage"));
    };
    let missing =
        |name: &str| StorageError::Config(format!("{name} must be set when SEJOUR_S3_BUCKET is"));
    ObjectStorage::s3(&S3Config {
        endpoint: settings.s3_endpoint.clone(),
        region: settings.s3_region.clone(),
        bucket: bucket.clone(),
        access_key_id: settings
            .s3_access_key_id
            .clone()
            .ok_or_else(|| missing("SEJOUR_S3_ACCESS_KEY_ID"))?,
        secret_access_key: settings
            .s3_secret_access_key
            .clone()
            .ok_or_else(|| missing("SEJOUR_S3_SECRET_ACCESS_KEY"))?,
        path_style: settings.s3_path_style,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_checked() {
        for good in ["a", "properties/01/photos/02.jpg", "x-y_z.~1"] {
            assert!(validate_key(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a/./b",
            "a//b",
            "a/",
            "a\\b",
            "é.jpg",
            "a b",
            "a\0b",
        ] {
            assert!(
                matches!(validate_key(bad), Err(StorageError::InvalidKey { .. })),
                "{bad:?}"
            );
        }
        assert!(validate_key(&"a".repeat(MAX_KEY_LEN + 1)).is_err());
    }

    #[test]
    fn the_content_type_follows_the_extension() {
        assert_eq!(content_type_for_key("a/b.JPG"), "image/jpeg");
        assert_eq!(content_type_for_key("a/b.webp"), "image/webp");
        assert_eq!(content_type_for_key("a.b/c"), OCTET_STREAM);
        assert_eq!(content_type_for_key("noext"), OCTET_STREAM);
    }
}
