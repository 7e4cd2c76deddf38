//! The audit record and its hash chain.
//!
//! Every row of the audit log carries the hash of the row before it (`prev_hash`) and its
//! own `hash`:
//!
//! ```text
//! hash = hex(sha256(prev_hash || "\n" || encoding(record)))
//! ```
//!
//! where `encoding` is one line per field, in a fixed order, each line being
//! `<name> <byte length>:<value>\n` for a present value and `<name> -\n` for an absent
//! one. The explicit lengths make the encoding injective: no two different records (nor a
//! `None` and an empty string) encode alike, whatever characters their values contain.
//! Timestamps are truncated to microseconds (what PostgreSQL keeps) and written RFC 3339
//! with six decimals and `Z`; JSON documents are their canonical text (sorted keys,
//! compact), produced by the application layer. The first row's `prev_hash` is
//! [`GENESIS_HASH`].
//!
//! Changing any field of a row changes its hash; removing, inserting or reordering rows
//! breaks the `prev_hash` links. [`verify_chain`] finds the first row where either
//! happens. (Removing rows at the *end* of the log leaves a shorter, valid chain: compare
//! the head hash with one recorded elsewhere to detect that.)

use std::net::IpAddr;

use chrono::{DateTime, SecondsFormat, SubsecRound, Utc};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The `prev_hash` of the first row of the chain: 64 zeros.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The version tag hashed into every row; bump it (and keep the old encoder for old
/// rows) if the encoding ever changes.
const ENCODING_VERSION: &str = "sejour.audit.v1";

/// An instant as the audit log keeps it: truncated to whole microseconds.
pub fn audit_timestamp(at: DateTime<Utc>) -> DateTime<Utc> {
    at.trunc_subsecs(6)
}

/// An audit record about to be appended: every field but its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditDraft {
    /// The record's id.
    pub id: Uuid,
    /// When the action happened (truncated to microseconds when hashed and stored).
    pub occurred_at: DateTime<Utc>,
    /// Who acted: [`sejour_core::Actor::label`].
    pub actor: String,
    /// The acting user's role, when a user acted.
    pub actor_role: Option<String>,
    /// What was done, e.g. `auth.login_succeeded`, `reservations.ReservationCreated`.
    pub action: String,
    /// The kind of object acted upon, e.g. `reservation`.
    pub target_type: String,
    /// The object's id, when there is one.
    pub target_id: Option<String>,
    /// The object before the action, as canonical JSON text (secrets redacted).
    pub before: Option<String>,
    /// The object after the action, as canonical JSON text (secrets redacted).
    pub after: Option<String>,
    /// The request (or job) during which it happened.
    pub request_id: Option<String>,
    /// The client's address, when the action came over HTTP.
    pub ip: Option<IpAddr>,
    /// Ties together everything caused by one original request.
    pub correlation_id: Option<String>,
}

impl AuditDraft {
    /// The hash this draft gets when chained after the row whose hash is `prev_hash`.
    pub fn chain_hash(&self, prev_hash: &str) -> String {
        self.fields().hash(prev_hash)
    }

    /// The record this draft becomes once stored at `seq` after `prev_hash`.
    pub fn into_record(self, seq: i64, prev_hash: String) -> AuditRecord {
        let hash = self.chain_hash(&prev_hash);
        AuditRecord {
            seq,
            id: self.id,
            occurred_at: audit_timestamp(self.occurred_at),
            actor: self.actor,
            actor_role: self.actor_role,
            action: self.action,
            target_type: self.target_type,
            target_id: self.target_id,
            before: self.before,
            after: self.after,
            request_id: self.request_id,
            ip: self.ip,
            correlation_id: self.correlation_id,
            prev_hash,
            hash,
        }
    }

    fn fields(&self) -> Fields<'_> {
        Fields {
            id: self.id,
            occurred_at: self.occurred_at,
            actor: &self.actor,
            actor_role: self.actor_role.as_deref(),
            action: &self.action,
            target_type: &self.target_type,
            target_id: self.target_id.as_deref(),
            before: self.before.as_deref(),
            after: self.after.as_deref(),
            request_id: self.request_id.as_deref(),
            ip: self.ip,
            correlation_id: self.correlation_id.as_deref(),
        }
    }
}

/// A row of the audit log, as stored: its content, its place (`seq`) and its links.
///
/// Records read back from the database are whatever the database holds; nothing here
/// trusts them: [`verify_chain`] checks them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    /// The row's position in the log (ascending, possibly with gaps).
    pub seq: i64,
    /// The record's id.
    pub id: Uuid,
    /// When the action happened, to the microsecond.
    pub occurred_at: DateTime<Utc>,
    /// Who acted: [`sejour_core::Actor::label`].
    pub actor: String,
    /// The acting user's role, when a user acted.
    pub actor_role: Option<String>,
    /// What was done.
    pub action: String,
    /// The kind of object acted upon.
    pub target_type: String,
    /// The object's id, when there is one.
    pub target_id: Option<String>,
    /// The object before the action, as canonical JSON text.
    pub before: Option<String>,
    /// The object after the action, as canonical JSON text.
    pub after: Option<String>,
    /// The request (or job) during which it happened.
    pub request_id: Option<String>,
    /// The client's address.
    pub ip: Option<IpAddr>,
    /// Ties together everything caused by one original request.
    pub correlation_id: Option<String>,
    /// The previous row's hash ([`GENESIS_HASH`] for the first row).
    pub prev_hash: String,
    /// This row's hash, as stored.
    pub hash: String,
}

impl AuditRecord {
    /// The hash this record's content and `prev_hash` should have.
    pub fn computed_hash(&self) -> String {
        self.fields().hash(&self.prev_hash)
    }

    fn fields(&self) -> Fields<'_> {
        Fields {
            id: self.id,
            occurred_at: self.occurred_at,
            actor: &self.actor,
            actor_role: self.actor_role.as_deref(),
            action: &self.action,
            target_type: &self.target_type,
            target_id: self.target_id.as_deref(),
            before: self.before.as_deref(),
            after: self.after.as_deref(),
            request_id: self.request_id.as_deref(),
            ip: self.ip,
            correlation_id: self.correlation_id.as_deref(),
        }
    }
}

/// Why a row does not belong to the chain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    /// The row does not follow the row before it: a row was removed, inserted or
    /// reordered before it (or its `prev_hash` was edited).
    #[error("prev_hash is {found}, but the previous row's hash is {expected}")]
    BrokenLink {
        /// The previous row's hash (or the starting hash).
        expected: String,
        /// The row's `prev_hash`.
        found: String,
    },
    /// The row's content no longer matches its hash: it was altered.
    #[error("stored hash is {stored}, but the content hashes to {computed}")]
    HashMismatch {
        /// The row's `hash` column.
        stored: String,
        /// What its content hashes to.
        computed: String,
    },
}

/// The first row at which the audit chain is broken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("audit chain broken at seq {seq}: {reason}")]
pub struct ChainBroken {
    /// The first row that does not verify.
    pub seq: i64,
    /// What is wrong with it.
    pub reason: ChainBreak,
}

/// Rule: every row follows the one before it and still hashes to its stored hash.
///
/// Walks `records` in order, starting after a row whose hash is `prev` ([`GENESIS_HASH`]
/// for the start of the log); returns the last row's hash (or `prev` when there is no
/// row), to be passed as `prev` for the next batch.
pub fn verify_chain(
    records: impl IntoIterator<Item = AuditRecord>,
    prev: String,
) -> Result<String, ChainBroken> {
    let mut prev = prev;
    for record in records {
        if record.prev_hash != prev {
            return Err(ChainBroken {
                seq: record.seq,
                reason: ChainBreak::BrokenLink {
                    expected: prev,
                    found: record.prev_hash,
                },
            });
        }
        let computed = record.computed_hash();
        if computed != record.hash {
            return Err(ChainBroken {
                seq: record.seq,
                reason: ChainBreak::HashMismatch {
                    stored: record.hash,
                    computed,
                },
            });
        }
        prev = record.hash;
    }
    Ok(prev)
}

/// The hashed fields, borrowed from a draft or a record.
struct Fields<'a> {
    id: Uuid,
    occurred_at: DateTime<Utc>,
    actor: &'a str,
    actor_role: Option<&'a str>,
    action: &'a str,
    target_type: &'a str,
    target_id: Option<&'a str>,
    before: Option<&'a str>,
    after: Option<&'a str>,
    request_id: Option<&'a str>,
    ip: Option<IpAddr>,
    correlation_id: Option<&'a str>,
}

impl Fields<'_> {
    fn hash(&self, prev_hash: &str) -> String {
        hex::encode(Sha256::digest(self.encode(prev_hash).as_bytes()))
    }

    /// `prev_hash`, a newline, then one length-prefixed line per field.
    fn encode(&self, prev_hash: &str) -> String {
        let occurred_at =
            audit_timestamp(self.occurred_at).to_rfc3339_opts(SecondsFormat::Micros, true);
        let ip = self.ip.map(|ip| ip.to_string());
        let mut out = String::with_capacity(
            256 + self.before.map_or(0, str::len) + self.after.map_or(0, str::len),
        );
        out.push_str(prev_hash);
        out.push('\n');
        line(&mut out, "format", Some(ENCODING_VERSION));
        line(&mut out, "id", Some(&self.id.hyphenated().to_string()));
        line(&mut out, "occurred_at", Some(&occurred_at));
        line(&mut out, "actor", Some(self.actor));
        line(&mut out, "actor_role", self.actor_role);
        line(&mut out, "action", Some(self.action));
        line(&mut out, "target_type", Some(self.target_type));
        line(&mut out, "target_id", self.target_id);
        line(&mut out, "before", self.before);
        line(&mut out, "after", self.after);
        line(&mut out, "request_id", self.request_id);
        line(&mut out, "ip", ip.as_deref());
        line(&mut out, "correlation_id", self.correlation_id);
        out
    }
}

/// `<name> <len>:<value>\n`, or `<name> -\n` when absent.
fn line(out: &mut String, name: &str, value: Option<&str>) {
    out.push_str(name);
    out.push(' ');
    match value {
        Some(value) => {
            out.push_str(&value.len().to_string());
            out.push(':');
            out.push_str(value);
        }
        None => out.push('-'),
    }
    out.push('\n');
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn at(secs: i64, nanos: u32) -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(secs, nanos).unwrap()
    }

    fn draft(n: u32) -> AuditDraft {
        AuditDraft {
            id: Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 + u128::from(n)),
            occurred_at: at(1_800_000_000 + i64::from(n), 123_456_789),
            actor: format!("user:{n}"),
            actor_role: Some("manager".into()),
            action: "reservations.ReservationConfirmed".into(),
            target_type: "reservation".into(),
            target_id: Some(format!("r-{n}")),
            before: Some(r#"{"status":"pending"}"#.into()),
            after: Some(r#"{"status":"confirmed"}"#.into()),
            request_id: Some(format!("req-{n}")),
            ip: Some("203.0.113.7".parse().unwrap()),
            correlation_id: Some("corr-1".into()),
        }
    }

    /// Given five drafts appended in order, seq 1..=5.
    fn chain() -> Vec<AuditRecord> {
        let mut prev = GENESIS_HASH.to_owned();
        (1..=5)
            .map(|n| {
                let record = draft(n).into_record(i64::from(n), prev.clone());
                prev = record.hash.clone();
                record
            })
            .collect()
    }

    fn verify(records: Vec<AuditRecord>) -> Result<String, ChainBroken> {
        verify_chain(records, GENESIS_HASH.to_owned())
    }

    #[test]
    fn an_untouched_chain_verifies_and_yields_its_head() {
        let records = chain();
        let head = records[4].hash.clone();
        assert_eq!(verify(records), Ok(head));
    }

    #[test]
    fn an_empty_chain_yields_the_starting_hash() {
        assert_eq!(verify(Vec::new()), Ok(GENESIS_HASH.to_owned()));
    }

    #[test]
    fn a_chain_verifies_in_batches() {
        let records = chain();
        let head = records[4].hash.clone();
        let (first, second) = records.split_at(2);
        let mid = verify_chain(first.to_vec(), GENESIS_HASH.to_owned()).unwrap();
        assert_eq!(verify_chain(second.to_vec(), mid), Ok(head));
    }

    #[test]
    fn altering_any_field_breaks_the_chain_at_that_row() {
        type Tamper = fn(&mut AuditRecord);
        let tampers: Vec<(&str, Tamper)> = vec![
            ("id", |r| r.id = Uuid::nil()),
            ("occurred_at", |r| {
                r.occurred_at += chrono::Duration::microseconds(1)
            }),
            ("actor", |r| r.actor = "user:someone-else".into()),
            ("actor_role", |r| r.actor_role = None),
            ("action", |r| {
                r.action = "reservations.ReservationCancelled".into()
            }),
            ("target_type", |r| r.target_type = "payment".into()),
            ("target_id", |r| r.target_id = Some("r-999".into())),
            ("before", |r| r.before = None),
            ("after", |r| {
                r.after = Some(r#"{"status":"cancelled"}"#.into())
            }),
            ("request_id", |r| r.request_id = Some(String::new())),
            ("ip", |r| r.ip = Some("203.0.113.8".parse().unwrap())),
            ("correlation_id", |r| r.correlation_id = None),
            ("hash", |r| r.hash = "f".repeat(64)),
        ];
        for (field, tamper) in tampers {
            let mut records = chain();
            tamper(&mut records[2]);
            let broken = verify(records).unwrap_err();
            assert_eq!(broken.seq, 3, "tampering with {field}");
            assert!(
                matches!(broken.reason, ChainBreak::HashMismatch { .. }),
                "tampering with {field}: {broken}"
            );
        }
    }

    #[test]
    fn editing_prev_hash_breaks_the_link_at_that_row() {
        let mut records = chain();
        records[1].prev_hash = GENESIS_HASH.to_owned();
        let broken = verify(records).unwrap_err();
        assert_eq!(broken.seq, 2);
        assert!(matches!(broken.reason, ChainBreak::BrokenLink { .. }));
    }

    #[test]
    fn rehashing_an_altered_row_breaks_the_link_of_the_next_row() {
        let mut records = chain();
        records[2].after = Some(r#"{"status":"cancelled"}"#.into());
        records[2].hash = records[2].computed_hash();
        let broken = verify(records).unwrap_err();
        assert_eq!(broken.seq, 4);
        assert!(matches!(broken.reason, ChainBreak::BrokenLink { .. }));
    }

    #[test]
    fn reordering_rows_breaks_the_chain_at_the_first_misplaced_row() {
        let mut records = chain();
        records.swap(2, 3); // seq 1, 2, 4, 3, 5
        let broken = verify(records).unwrap_err();
        assert_eq!(broken.seq, 4);
        assert!(matches!(broken.reason, ChainBreak::BrokenLink { .. }));
    }

    #[test]
    fn deleting_a_row_breaks_the_chain_at_the_next_row() {
        let mut records = chain();
        records.remove(2); // seq 3 gone
        let broken = verify(records).unwrap_err();
        assert_eq!(broken.seq, 4);
        assert_eq!(
            broken.reason,
            ChainBreak::BrokenLink {
                expected: chain()[1].hash.clone(),
                found: chain()[2].hash.clone(),
            }
        );
    }

    #[test]
    fn deleting_the_first_row_breaks_the_chain_at_the_second() {
        let mut records = chain();
        records.remove(0);
        assert_eq!(verify(records).unwrap_err().seq, 2);
    }

    #[test]
    fn absent_and_empty_values_hash_differently() {
        let mut a = draft(1);
        a.target_id = None;
        let mut b = draft(1);
        b.target_id = Some(String::new());
        assert_ne!(a.chain_hash(GENESIS_HASH), b.chain_hash(GENESIS_HASH));
    }

    #[test]
    fn moving_text_between_fields_changes_the_hash() {
        // Without lengths, "a\nb" + "" and "a" + "b\n"-style splits could collide.
        let mut a = draft(1);
        a.actor = "user:1\nactor_role 7:manager".into();
        a.actor_role = None;
        let mut b = draft(1);
        b.actor = "user:1".into();
        b.actor_role = Some("manager".into());
        assert_ne!(a.chain_hash(GENESIS_HASH), b.chain_hash(GENESIS_HASH));

        let mut c = draft(1);
        c.before = Some("{}".into());
        c.after = None;
        let mut d = draft(1);
        d.before = None;
        d.after = Some("{}".into());
        assert_ne!(c.chain_hash(GENESIS_HASH), d.chain_hash(GENESIS_HASH));
    }

    #[test]
    fn the_hash_depends_on_the_previous_hash() {
        let d = draft(1);
        assert_ne!(d.chain_hash(GENESIS_HASH), d.chain_hash(&"1".repeat(64)));
    }

    #[test]
    fn timestamps_are_hashed_to_the_microsecond() {
        let mut a = draft(1);
        a.occurred_at = at(1_800_000_000, 123_456_000);
        let mut b = draft(1);
        b.occurred_at = at(1_800_000_000, 123_456_999);
        assert_eq!(a.chain_hash(GENESIS_HASH), b.chain_hash(GENESIS_HASH));
        let record = b.into_record(1, GENESIS_HASH.to_owned());
        assert_eq!(record.occurred_at, at(1_800_000_000, 123_456_000));
    }

    #[test]
    fn the_encoding_is_one_length_prefixed_line_per_field() {
        let mut d = draft(1);
        d.occurred_at = at(1_800_000_000, 5_000);
        d.ip = None;
        let encoded = d.fields().encode(GENESIS_HASH);
        let expected = format!(
            "{GENESIS_HASH}\n\
             format 15:sejour.audit.v1\n\
             id 36:01900000-0000-7000-8000-000000000001\n\
             occurred_at 27:2027-01-15T08:00:00.000005Z\n\
             actor 6:user:1\n\
             actor_role 7:manager\n\
             action 33:reservations.ReservationConfirmed\n\
             target_type 11:reservation\n\
             target_id 3:r-1\n\
             before 20:{{\"status\":\"pending\"}}\n\
             after 22:{{\"status\":\"confirmed\"}}\n\
             request_id 5:req-1\n\
             ip -\n\
             correlation_id 6:corr-1\n"
        );
        assert_eq!(encoded, expected);
    }

    #[test]
    fn the_hash_of_a_known_record_never_changes() {
        // Pins the encoding: if this fails, every stored chain would stop verifying.
        let hash = draft(1).chain_hash(GENESIS_HASH);
        // Computed independently (Python hashlib) from the documented encoding.
        assert_eq!(
            hash,
            "d8d764bb6fda159888b36ad295f568cdff184234925156876fab342fdcd2cd8e"
        );
    }
}
