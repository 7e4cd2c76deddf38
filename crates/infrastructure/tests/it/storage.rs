//! Object storage: the local adapter in a temporary directory, and the S3 adapter against
//! the S3-compatible server that `scripts/test.sh` starts (s3s-fs, `TEST_S3_*`).

use std::path::PathBuf;

use figment::Figment;
use secrecy::SecretString;
use sejour_infrastructure::{
    config::Settings,
    storage::{ObjectStorage, S3Config, StorageError, storage_from_settings},
};

/// A directory of its own under the system's temporary directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        Self(std::env::temp_dir().join(format!("sejour-storage-test-{}", uuid::Uuid::now_v7())))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The test server's settings; fails (never skips) when `scripts/test.sh` did not set them.
fn s3_config() -> S3Config {
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!(
                "{name} is not set: run the tests with scripts/test.sh, which starts the S3 \
                 test server (s3s-fs) and exports TEST_S3_*"
            )
        })
    };
    S3Config {
        endpoint: Some(var("TEST_S3_ENDPOINT")),
        region: "us-east-1".into(),
        bucket: var("TEST_S3_BUCKET"),
        access_key_id: var("TEST_S3_ACCESS_KEY_ID"),
        secret_access_key: SecretString::from(var("TEST_S3_SECRET_ACCESS_KEY")),
        path_style: true,
    }
}

/// A prefix of its own, so that runs do not see each other's objects.
fn prefix() -> String {
    format!("it/{}", uuid::Uuid::now_v7().simple())
}

/// Put, get, overwrite, delete and the missing/bad-key cases, on any adapter.
async fn round_trip(storage: &ObjectStorage, prefix: &str) {
    let ok = |r: Result<(), StorageError>| r.unwrap_or_else(|e| panic!("{e}"));
    ok(storage.health().await);
    let key = format!("{prefix}/photos/a.jpg");
    ok(storage.put(&key, b"first".to_vec(), "image/jpeg").await);
    ok(storage.put(&key, b"second".to_vec(), "image/jpeg").await);
    let got = storage.get(&key).await.unwrap_or_else(|e| panic!("{e}"));
    let (bytes, content_type) = got.unwrap_or_else(|| panic!("{key} not found"));
    assert_eq!(&bytes[..], b"second");
    assert_eq!(content_type, "image/jpeg");

    let missing = storage.get(&format!("{prefix}/missing.jpg")).await;
    assert!(matches!(missing, Ok(None)), "{missing:?}");

    ok(storage.delete(&key).await);
    assert!(matches!(storage.get(&key).await, Ok(None)));
    // Deleting again is not an error.
    ok(storage.delete(&key).await);

    for bad in ["../escape.jpg", "/etc/passwd", "a/../../b", "a//b"] {
        assert!(
            matches!(
                storage.put(bad, b"x".to_vec(), "text/plain").await,
                Err(StorageError::InvalidKey { .. })
            ),
            "{bad}"
        );
        assert!(matches!(
            storage.get(bad).await,
            Err(StorageError::InvalidKey { .. })
        ));
        assert!(matches!(
            storage.delete(bad).await,
            Err(StorageError::InvalidKey { .. })
        ));
    }
}

#[tokio::test]
async fn the_local_adapter_round_trips_and_refuses_bad_keys() {
    let dir = TempDir::new();
    let storage = ObjectStorage::local(&dir.0).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(storage.backend_name(), "local");
    round_trip(&storage, "p").await;

    // Files land under the directory; the content type comes from the extension.
    storage
        .put("docs/contract.pdf", b"%PDF".to_vec(), "application/pdf")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(dir.0.join("docs/contract.pdf").is_file());
    let got = storage.get("docs/contract.pdf").await;
    assert!(
        matches!(&got, Ok(Some((_, ct))) if ct == "application/pdf"),
        "{got:?}"
    );
    // Nothing was written outside the directory.
    assert!(!dir.0.join("../escape.jpg").exists());
}

#[tokio::test]
async fn the_s3_adapter_round_trips_against_the_test_server() {
    let storage = ObjectStorage::s3(&s3_config()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(storage.backend_name(), "s3");
    let prefix = prefix();
    round_trip(&storage, &prefix).await;

    // On S3 the content type is the object's metadata, whatever the key says.
    let key = format!("{prefix}/blob.bin");
    storage
        .put(&key, vec![1, 2, 3], "image/webp")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let got = storage.get(&key).await.unwrap_or_else(|e| panic!("{e}"));
    let (bytes, content_type) = got.unwrap_or_else(|| panic!("{key} not found"));
    assert_eq!(&bytes[..], &[1, 2, 3]);
    assert_eq!(content_type, "image/webp");
    storage.delete(&key).await.unwrap_or_else(|e| panic!("{e}"));
}

#[tokio::test]
async fn wrong_s3_credentials_make_the_health_check_fail() {
    let config = S3Config {
        secret_access_key: SecretString::from("not-the-secret"),
        ..s3_config()
    };
    let storage = ObjectStorage::s3(&config).unwrap_or_else(|e| panic!("{e}"));
    let health = storage.health().await;
    assert!(
        matches!(health, Err(StorageError::Unavailable(_))),
        "{health:?}"
    );
}

/// Development-mode settings: the defaults and the environment, then `extra`.
fn settings(extra: Figment) -> Result<Settings, String> {
    Settings::from_figment(
        Settings::figment(None)
            .merge(("dev_mode", true))
            .merge(extra),
    )
    .map_err(|e| e.to_string())
}

#[tokio::test]
async fn the_settings_choose_the_adapter() {
    let dir = TempDir::new();
    let local =
        settings(Figment::new().merge(("data_dir", &dir.0))).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(local.max_upload_bytes, 10 * 1024 * 1024);
    assert_eq!(local.s3_region, "us-east-1");
    assert!(local.s3_path_style);
    let storage = storage_from_settings(&local).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(storage.backend_name(), "local");
    assert!(dir.0.join("storage").is_dir());

    let s3 = s3_config();
    let with_bucket = settings(
        Figment::new()
            .merge(("s3_endpoint", s3.endpoint.clone()))
            .merge(("s3_bucket", &s3.bucket))
            .merge(("s3_access_key_id", &s3.access_key_id))
            .merge((
                "s3_secret_access_key",
                secrecy::ExposeSecret::expose_secret(&s3.secret_access_key),
            )),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !format!("{with_bucket:?}")
            .contains(secrecy::ExposeSecret::expose_secret(&s3.secret_access_key))
    );
    let storage = storage_from_settings(&with_bucket).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(storage.backend_name(), "s3");
    storage.health().await.unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_bucket_without_keys_or_a_bad_endpoint_is_refused() {
    let err = settings(Figment::new().merge(("s3_bucket", "photos"))).err();
    assert!(
        err.as_deref().is_some_and(
            |e| e.contains("SEJOUR_S3_BUCKET") && e.contains("SEJOUR_S3_ACCESS_KEY_ID")
        ),
        "{err:?}"
    );
    let err = settings(Figment::new().merge(("s3_endpoint", "s3.example.com"))).err();
    assert!(
        err.as_deref()
            .is_some_and(|e| e.contains("SEJOUR_S3_ENDPOINT")),
        "{err:?}"
    );
    let err = settings(Figment::new().merge(("max_upload_bytes", 10))).err();
    assert!(
        err.as_deref()
            .is_some_and(|e| e.contains("SEJOUR_MAX_UPLOAD_BYTES")),
        "{err:?}"
    );
}
