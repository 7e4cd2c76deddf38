//! The OpenAPI document's frame: info, security schemes, shared schemas and tags.
//! Paths come from each context's `OpenApiRouter`.

use sejour_infrastructure::http::problem::{Problem, ProblemField};
use utoipa::{
    Modify, OpenApi,
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
};

/// The document's frame.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Séjour API",
        description = "Holiday-rental management: properties, bookings, payments, contracts, \
                       messages and owner statements. Errors are RFC 9457 problem documents \
                       (`application/problem+json`) with a stable `code`.",
        license(name = "Proprietary"),
    ),
    components(schemas(Problem, ProblemField)),
    modifiers(&Security),
    tags(
        (name = "health", description = "Liveness, readiness and metrics"),
        (name = "auth", description = "Registration, sign-in, tokens, passwords"),
        (name = "users", description = "Profiles and user management"),
        (name = "reservations", description = "Bookings: create, change, confirm, cancel, search, timeline"),
        (name = "administration", description = "Audit log and dead letters (admin only)"),
    )
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearerAuth",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "An access token from `POST /api/v1/auth/login` or `/auth/refresh`.",
                    ))
                    .build(),
            ),
        );
    }
}
