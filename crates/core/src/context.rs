//! The request context that travels with every command: who acts, from where, under
//! which request. Audit rows, events and logs read it from here, never from globals.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::authz::Role;

/// Who performs an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Actor {
    /// Nobody signed in (public endpoints, registration, login attempts).
    Anonymous,
    /// A signed-in user with their role.
    User { id: Uuid, role: Role },
    /// The platform itself: scheduler, workers, CLI.
    System { name: String },
}

impl Actor {
    /// A stable textual form for logs and the audit trail: `user:<id>`, `system:<name>`...
    pub fn label(&self) -> String {
        match self {
            Actor::Anonymous => "anonymous".to_owned(),
            Actor::User { id, .. } => format!("user:{id}"),
            Actor::System { name } => format!("system:{name}"),
        }
    }
}

/// The context of one request, job or CLI invocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ctx {
    /// Who acts.
    pub actor: Actor,
    /// The request id (from `X-Request-Id` or generated), or the job's id.
    pub request_id: String,
    /// The client's address, when the action came over HTTP.
    pub ip: Option<IpAddr>,
    /// The id that ties together everything caused by one original request.
    pub correlation_id: String,
    /// The id of the message that caused this action, when it came from one.
    pub causation_id: Option<String>,
}

impl Ctx {
    /// A context for a platform-internal action (scheduler, worker, CLI).
    pub fn system(name: &str, request_id: String) -> Self {
        Self {
            actor: Actor::System {
                name: name.to_owned(),
            },
            correlation_id: request_id.clone(),
            request_id,
            ip: None,
            causation_id: None,
        }
    }
}
