//! Cursor pagination: `?limit=` (default 20, max 100) and an opaque `?cursor=`.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sejour_core::AppError;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use utoipa::{IntoParams, ToSchema};

use super::problem::ApiError;

pub use sejour_core::paging::{DEFAULT_LIMIT, MAX_LIMIT};

/// The pagination parameters of a list endpoint.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Items per page, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
    /// The `nextCursor` of the previous page (opaque, URL-safe base64). One not shaped
    /// like a cursor is a 400; one shaped like a cursor that this API did not issue, a 422.
    #[param(pattern = "^[eIWMNOL][A-Za-z0-9_-]*$")]
    pub cursor: Option<String>,
}

impl PageParams {
    /// The page size; 400 when out of range.
    pub fn limit(&self) -> Result<u32, ApiError> {
        sejour_core::paging::check_limit(self.limit).map_err(|_| {
            AppError::bad_request(
                "pagination.invalid_limit",
                format!("limit must be between 1 and {MAX_LIMIT}."),
            )
            .into()
        })
    }

    /// The decoded cursor, if any; 400 when it is not one of ours.
    pub fn cursor<K: DeserializeOwned>(&self) -> Result<Option<K>, ApiError> {
        self.cursor.as_deref().map(decode_cursor).transpose()
    }
}

/// A page of items.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` fetched rows: the extra row, if present,
    /// only says that there is a next page, whose cursor `key` derives from the last item.
    pub fn from_overfetch<K: Serialize>(rows: Vec<T>, limit: u32, key: impl Fn(&T) -> K) -> Self {
        let (items, next) = sejour_core::paging::split_page(rows, limit, key);
        Self {
            items,
            next_cursor: next.map(|k| encode_cursor(&k)),
        }
    }

    /// Converts the items, keeping the cursor.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next_cursor: self.next_cursor,
        }
    }
}

/// Encodes a cursor key as an opaque string.
pub fn encode_cursor<K: Serialize>(key: &K) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).unwrap_or_default())
}

/// Decodes a cursor made by [`encode_cursor`].
///
/// A cursor is URL-safe base64 of JSON, so its first character is one of `eIWMNOL` (a
/// JSON object, string, array, number); anything else is a 400. A string shaped like a
/// cursor that does not decode to one of ours is a 422.
pub fn decode_cursor<K: DeserializeOwned>(cursor: &str) -> Result<K, ApiError> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| {
            if shaped_like_a_cursor(cursor) {
                AppError::new(
                    sejour_core::ErrorKind::Unprocessable,
                    "pagination.invalid_cursor",
                    "The cursor is not one this API issued.",
                )
                .into()
            } else {
                AppError::bad_request("pagination.invalid_cursor", "The cursor is not valid.")
                    .into()
            }
        })
}

/// Whether `cursor` matches the documented pattern `^[eIWMNOL][A-Za-z0-9_-]*$`.
fn shaped_like_a_cursor(cursor: &str) -> bool {
    let mut bytes = cursor.bytes();
    bytes.next().is_some_and(|b| b"eIWMNOL".contains(&b))
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_round_trips_and_garbage_is_refused() {
        let c = encode_cursor(&(42_i64, "x".to_owned()));
        let back: (i64, String) = decode_cursor(&c).unwrap_or_else(|_| panic!("decodes"));
        assert_eq!(back, (42, "x".to_owned()));
        assert!(decode_cursor::<(i64, String)>("!!!").is_err());
    }

    #[test]
    fn an_overfetched_page_has_a_cursor_and_the_last_page_has_none() {
        let page = Page::from_overfetch(vec![1, 2, 3], 2, |n| *n);
        assert_eq!(page.items, vec![1, 2]);
        assert_eq!(page.next_cursor, Some(encode_cursor(&2)));
        let last = Page::from_overfetch(vec![1, 2], 2, |n| *n);
        assert_eq!(last.next_cursor, None);
    }

    #[test]
    fn limits_outside_the_range_are_refused() {
        let p = |limit| PageParams {
            limit,
            cursor: None,
        };
        assert_eq!(p(None).limit().ok(), Some(20));
        assert_eq!(p(Some(100)).limit().ok(), Some(100));
        assert!(p(Some(0)).limit().is_err());
        assert!(p(Some(101)).limit().is_err());
    }
}
