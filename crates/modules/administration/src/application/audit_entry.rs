//! What a caller asks to record, and how secrets are kept out of the log.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use sejour_core::{Actor, Ctx};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::domain::{AuditDraft, audit_timestamp};

/// What replaces the value of a secret-looking key.
pub const REDACTED: &str = "[redacted]";

/// Key fragments (matched against the lower-cased key) whose values are never stored.
pub const SECRET_KEY_FRAGMENTS: [&str; 4] = ["password", "token", "secret", "iban"];

/// An action to record in the audit log.
///
/// Build it from the request context with [`AuditEntry::new`], then add the object's
/// state with [`AuditEntry::before`] / [`AuditEntry::after`]. Secrets in those documents
/// are redacted when the entry is appended, whatever way it was built.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    /// What was done, e.g. `auth.login_succeeded`, `admin.dead_letter_replayed`.
    pub action: String,
    /// The kind of object acted upon, e.g. `reservation`.
    pub target_type: String,
    /// The object's id, when there is one.
    pub target_id: Option<String>,
    /// The object before the action.
    pub before: Option<Value>,
    /// The object after the action.
    pub after: Option<Value>,
    /// Who acted: [`Actor::label`].
    pub actor: String,
    /// The acting user's role, when a user acted.
    pub actor_role: Option<String>,
    /// The request (or job) during which it happened.
    pub request_id: Option<String>,
    /// The client's address, when the action came over HTTP.
    pub ip: Option<IpAddr>,
    /// Ties together everything caused by one original request.
    pub correlation_id: Option<String>,
    /// The record's id; `None`: a new id is generated.
    pub id: Option<Uuid>,
    /// When it happened; `None`: now, by the appender's clock.
    pub occurred_at: Option<DateTime<Utc>>,
}

impl AuditEntry {
    /// An entry for `action` on `target_type`/`target_id`, by the actor of `ctx`, with
    /// the context's request id, IP and correlation id.
    pub fn new(
        ctx: &Ctx,
        action: impl Into<String>,
        target_type: impl Into<String>,
        target_id: Option<String>,
    ) -> Self {
        let actor_role = match &ctx.actor {
            Actor::User { role, .. } => Some(role.as_str().to_owned()),
            Actor::Anonymous | Actor::System { .. } => None,
        };
        Self {
            action: action.into(),
            target_type: target_type.into(),
            target_id,
            before: None,
            after: None,
            actor: ctx.actor.label(),
            actor_role,
            request_id: Some(ctx.request_id.clone()),
            ip: ctx.ip,
            correlation_id: Some(ctx.correlation_id.clone()),
            id: None,
            occurred_at: None,
        }
    }

    /// The same entry with the object's state before the action.
    pub fn before(mut self, before: Value) -> Self {
        self.before = Some(before);
        self
    }

    /// The same entry with the object's state after the action.
    pub fn after(mut self, after: Value) -> Self {
        self.after = Some(after);
        self
    }

    /// The same entry with secrets redacted from `before`/`after`, and NUL characters
    /// (which PostgreSQL text and jsonb cannot hold) replaced by U+FFFD everywhere.
    pub fn sanitized(self) -> Self {
        Self {
            action: scrub_nul(self.action),
            target_type: scrub_nul(self.target_type),
            target_id: self.target_id.map(scrub_nul),
            before: self.before.map(sanitize_json),
            after: self.after.map(sanitize_json),
            actor: scrub_nul(self.actor),
            actor_role: self.actor_role.map(scrub_nul),
            request_id: self.request_id.map(scrub_nul),
            ip: self.ip,
            correlation_id: self.correlation_id.map(scrub_nul),
            id: self.id,
            occurred_at: self.occurred_at,
        }
    }

    /// The domain draft of this entry: sanitized, `before`/`after` as canonical JSON
    /// text, the time truncated to microseconds. `id` and `now` fill in what the entry
    /// leaves open.
    pub fn into_draft(self, id: Uuid, now: DateTime<Utc>) -> AuditDraft {
        let entry = self.sanitized();
        AuditDraft {
            id: entry.id.unwrap_or(id),
            occurred_at: audit_timestamp(entry.occurred_at.unwrap_or(now)),
            actor: entry.actor,
            actor_role: entry.actor_role,
            action: entry.action,
            target_type: entry.target_type,
            target_id: entry.target_id,
            before: entry.before.as_ref().map(canonical_json),
            after: entry.after.as_ref().map(canonical_json),
            request_id: entry.request_id,
            ip: entry.ip,
            correlation_id: entry.correlation_id,
        }
    }
}

/// The canonical text of a JSON document: compact, object keys sorted (serde_json's map
/// is ordered by key), so equal documents always give equal text.
pub fn canonical_json(value: &Value) -> String {
    value.to_string()
}

/// Whether a JSON key names a secret: its lower-cased form contains `password`,
/// `token`, `secret` or `iban`.
pub fn is_secret_key(key: &str) -> bool {
    let key = key.to_lowercase();
    SECRET_KEY_FRAGMENTS
        .iter()
        .any(|fragment| key.contains(fragment))
}

/// Rule: secrets never reach the audit log. Replaces, at any depth, the value of every
/// key that [`is_secret_key`] with `"[redacted]"`.
pub fn redact_secrets(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let value = if is_secret_key(&key) {
                        Value::String(REDACTED.to_owned())
                    } else {
                        redact_secrets(value)
                    };
                    (key, value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(redact_secrets).collect()),
        other => other,
    }
}

/// [`redact_secrets`], and NUL characters in keys and strings replaced by U+FFFD.
pub fn sanitize_json(value: Value) -> Value {
    scrub_json_nul(redact_secrets(value))
}

fn scrub_json_nul(value: Value) -> Value {
    match value {
        Value::String(s) => Value::String(scrub_nul(s)),
        Value::Array(items) => Value::Array(items.into_iter().map(scrub_json_nul).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| (scrub_nul(key), scrub_json_nul(value)))
                .collect::<Map<_, _>>(),
        ),
        other => other,
    }
}

fn scrub_nul(s: String) -> String {
    if s.contains('\0') {
        s.replace('\0', "\u{FFFD}")
    } else {
        s
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn secret_keys_are_redacted_at_any_depth() {
        let given = json!({
            "email": "guest@example.com",
            "password": "hunter2",
            "profile": {
                "newPassword": "x",
                "refresh_token": {"value": "abc", "expires": 3},
                "API_SECRET": 42,
                "owner": {"IBAN": "FR7630006000011234567890189", "ibanHolder": "A"},
                "name": "Ana"
            },
            "sessions": [{"accessToken": "t1", "id": 1}, {"id": 2}],
            "tokens": ["a", "b"]
        });
        let redacted = redact_secrets(given);
        assert_eq!(
            redacted,
            json!({
                "email": "guest@example.com",
                "password": REDACTED,
                "profile": {
                    "newPassword": REDACTED,
                    "refresh_token": REDACTED,
                    "API_SECRET": REDACTED,
                    "owner": {"IBAN": REDACTED, "ibanHolder": REDACTED},
                    "name": "Ana"
                },
                "sessions": [{"accessToken": REDACTED, "id": 1}, {"id": 2}],
                "tokens": REDACTED
            })
        );
    }

    #[test]
    fn documents_without_secrets_are_unchanged() {
        let doc = json!({"status": "confirmed", "nights": [1, 2], "total": {"amount": 10}});
        assert_eq!(redact_secrets(doc.clone()), doc);
        assert_eq!(redact_secrets(json!("password")), json!("password"));
    }

    #[test]
    fn nul_characters_are_replaced() {
        let doc = sanitize_json(json!({"a\u{0}b": ["x\u{0}"]}));
        assert_eq!(doc, json!({"a\u{FFFD}b": ["x\u{FFFD}"]}));
    }

    #[test]
    fn canonical_json_sorts_keys_and_is_compact() {
        let doc: Value =
            serde_json::from_str(r#"{ "b": 1, "a": { "d": [1.5, 10], "c": "é" } }"#).unwrap();
        assert_eq!(
            canonical_json(&doc),
            r#"{"a":{"c":"é","d":[1.5,10]},"b":1}"#
        );
    }

    #[test]
    fn an_entry_takes_actor_request_and_ip_from_the_context() {
        let user = Uuid::now_v7();
        let ctx = Ctx {
            actor: Actor::User {
                id: user,
                role: sejour_core::Role::Admin,
            },
            request_id: "req-9".into(),
            ip: Some("2001:db8::1".parse().unwrap()),
            correlation_id: "corr-9".into(),
            causation_id: None,
        };
        let entry = AuditEntry::new(&ctx, "users.role_changed", "user", Some(user.to_string()))
            .before(json!({"role": "guest"}))
            .after(json!({"role": "manager", "password": "p"}));
        assert_eq!(entry.actor, format!("user:{user}"));
        assert_eq!(entry.actor_role.as_deref(), Some("admin"));
        assert_eq!(entry.request_id.as_deref(), Some("req-9"));
        assert_eq!(entry.correlation_id.as_deref(), Some("corr-9"));

        let now = DateTime::<Utc>::from_timestamp(1_800_000_000, 999).unwrap();
        let id = Uuid::now_v7();
        let draft = entry.into_draft(id, now);
        assert_eq!(draft.id, id);
        assert_eq!(
            draft.occurred_at,
            DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap()
        );
        assert_eq!(draft.before.as_deref(), Some(r#"{"role":"guest"}"#));
        assert_eq!(
            draft.after.as_deref(),
            Some(r#"{"password":"[redacted]","role":"manager"}"#)
        );
        assert_eq!(draft.ip, Some("2001:db8::1".parse().unwrap()));
    }

    #[test]
    fn system_actors_have_no_role() {
        let entry = AuditEntry::new(&Ctx::system("scheduler", "job-1".into()), "a.b", "t", None);
        assert_eq!(entry.actor, "system:scheduler");
        assert_eq!(entry.actor_role, None);
    }
}
