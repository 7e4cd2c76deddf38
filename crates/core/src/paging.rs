//! Keyset paging shared by every list: the page-size rule and the "fetch one row more"
//! split that tells whether another page follows.

use crate::FieldError;

/// Rows per page when the caller does not say.
pub const DEFAULT_LIMIT: u32 = 20;
/// The most rows a page may hold.
pub const MAX_LIMIT: u32 = 100;

/// The page size asked for (default [`DEFAULT_LIMIT`]), or a field error
/// `limit.out_of_range` when outside 1 to [`MAX_LIMIT`].
pub fn check_limit(limit: Option<u32>) -> Result<u32, FieldError> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if (1..=MAX_LIMIT).contains(&limit) {
        Ok(limit)
    } else {
        Err(FieldError::new(
            "limit",
            "limit.out_of_range",
            format!("limit must be between 1 and {MAX_LIMIT}"),
        ))
    }
}

/// The page size of a searchable list and the check of its search text: every problem
/// is pushed on `errors` (`limit.out_of_range`; `q_code` when `q`, trimmed, is longer
/// than `max_q` characters). Returns the page size to use (the default when invalid).
pub fn check_list(
    limit: Option<u32>,
    q: Option<&str>,
    max_q: usize,
    q_code: &'static str,
    errors: &mut Vec<FieldError>,
) -> u32 {
    if q.is_some_and(|q| q.trim().chars().count() > max_q) {
        errors.push(FieldError::new(
            "q",
            q_code,
            format!("q must be at most {max_q} characters long"),
        ));
    }
    check_limit(limit).unwrap_or_else(|e| {
        errors.insert(0, e);
        DEFAULT_LIMIT
    })
}

/// Splits up to `limit + 1` fetched rows into the page and, when the extra row shows that
/// another page follows, the cursor key of the page's last row.
pub fn split_page<T, K>(
    mut rows: Vec<T>,
    limit: u32,
    key: impl Fn(&T) -> K,
) -> (Vec<T>, Option<K>) {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next = if more { rows.last().map(key) } else { None };
    (rows, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_defaults_to_twenty_and_stays_within_one_to_a_hundred() {
        assert_eq!(check_limit(None).ok(), Some(20));
        assert_eq!(check_limit(Some(100)).ok(), Some(100));
        assert!(check_limit(Some(0)).is_err());
        assert_eq!(
            check_limit(Some(101)).err().map(|e| e.field),
            Some("limit".to_owned())
        );
    }

    #[test]
    fn a_list_check_names_the_limit_then_the_text() {
        let mut errors = Vec::new();
        let long = "x".repeat(11);
        assert_eq!(
            check_list(Some(0), Some(&long), 10, "t.q_too_long", &mut errors),
            20
        );
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["limit", "q"]);
        let mut none = Vec::new();
        assert_eq!(check_list(Some(5), Some("  short  "), 5, "t", &mut none), 5);
        assert!(none.is_empty());
    }

    #[test]
    fn an_extra_row_means_a_next_page_keyed_on_the_last_kept_row() {
        assert_eq!(split_page(vec![1, 2, 3], 2, |n| *n), (vec![1, 2], Some(2)));
        assert_eq!(split_page(vec![1, 2], 2, |n| *n), (vec![1, 2], None));
    }
}
