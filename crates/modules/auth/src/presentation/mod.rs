//! The auth context's HTTP edge: the `/auth/*` routes and the middleware that turns a
//! bearer token into the request's actor.

pub mod middleware;
pub mod routes;

pub use middleware::{CurrentSession, authenticate};
pub use routes::routes;
