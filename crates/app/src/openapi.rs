//! The OpenAPI document's frame: info, security schemes, shared schemas and tags.
//! Paths come from each context's `OpenApiRouter`; [`complete`] then adds what every
//! operation shares: its problem responses, the `If-Match` header and the links from each
//! creating operation to the operations that use the new id.

use sejour_infrastructure::http::{
    preconditions::IF_MATCH_PATTERN,
    problem::{Problem, ProblemField},
};
use serde_json::{Map, Value, json};
use utoipa::{
    Modify, OpenApi,
    openapi::{
        PathItem, RefOr, Response,
        path::{Operation, Parameter, ParameterIn},
        security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    },
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
        (name = "owners", description = "Property owners: people and companies, mandates"),
        (name = "properties", description = "Properties: listing, calendar, photos, iCal, quotes and search"),
        (name = "reservations", description = "Bookings: create, change, confirm, cancel, search, timeline"),
        (name = "payments", description = "Payments of a booking's schedule, the built-in gateway's checkout and its signed webhooks"),
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

/// The whole document: `doc` with, on every operation, the problem responses it can
/// answer (400 malformed id/query/body/header, 401, 403, 404, 412, 413, 415, 422), the
/// `If-Match` header where a stale version answers 412, and the OpenAPI links from each
/// creating operation (201) to the operations under the new resource.
pub fn complete(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    for (path, item) in doc.paths.paths.iter_mut() {
        for op in operations(item) {
            complete_operation(path, op);
        }
    }
    add_links(&mut doc);
    doc
}

fn operations(item: &mut PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        item.get.as_mut(),
        item.post.as_mut(),
        item.put.as_mut(),
        item.patch.as_mut(),
        item.delete.as_mut(),
    ]
    .into_iter()
    .flatten()
}

fn problem(description: &str) -> Option<RefOr<Response>> {
    serde_json::from_value::<Response>(json!({
        "description": description,
        "content": {
            "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } }
        }
    }))
    .ok()
    .map(RefOr::T)
}

fn if_match() -> Option<Parameter> {
    serde_json::from_value(json!({
        "name": "If-Match",
        "in": "header",
        "required": false,
        "description": "The `ETag` of the version the change is based on (`\"3\"`), or `*`; \
                        a stale version answers 412.",
        "schema": { "type": "string", "pattern": IF_MATCH_PATTERN, "example": "*" }
    }))
    .ok()
}

fn complete_operation(path: &str, op: &mut Operation) {
    let params = op.parameters.clone().unwrap_or_default();
    let has_in = |place: ParameterIn| params.iter().any(|p| p.parameter_in == place);
    let secured = op.security.as_ref().is_some_and(|requirements| {
        requirements.iter().any(|r| {
            serde_json::to_value(r)
                .ok()
                .and_then(|v| v.as_object().map(|o| !o.is_empty()))
                .unwrap_or(false)
        })
    });
    let body = op.request_body.is_some();
    let api = path.starts_with("/api/");
    let responses = &mut op.responses.responses;
    let stale = responses.contains_key("412");
    let mut add = |status: &str, description: &str| {
        if !responses.contains_key(status)
            && let Some(response) = problem(description)
        {
            responses.insert(status.to_owned(), response);
        }
    };
    if has_in(ParameterIn::Path)
        || has_in(ParameterIn::Query)
        || has_in(ParameterIn::Header)
        || body
        || stale
    {
        add(
            "400",
            "Malformed request: a path id, query parameter, header or JSON body that cannot be read",
        );
    }
    if api {
        add(
            "401",
            "Not signed in, or the bearer token is invalid or expired",
        );
    }
    if secured {
        add("403", "Signed in without the right to do this");
    }
    if has_in(ParameterIn::Path) {
        add("404", "No such resource (or not visible to the caller)");
    }
    if params.iter().any(|p| p.name == "cursor") {
        add("422", "A cursor this API did not issue");
    }
    if body {
        add("413", "The request body is too large");
        add("415", "The body is not of a supported media type");
        add(
            "422",
            "The body is well-formed but invalid (`errors[]` names the fields)",
        );
    }
    if stale {
        let list = op.parameters.get_or_insert_with(Vec::new);
        list.retain(|p| !p.name.eq_ignore_ascii_case("If-Match"));
        list.extend(if_match());
    }
}

/// Links each creating operation (`POST` answering 201 with an `id`) to the operations
/// on the new resource: `POST /x` → every operation on `/x/{id}`, `/x/{id}/...`. A path
/// parameter of the target that is neither the new id nor one of the creating path's
/// gets the first value of its enum (`/photos/{photo_id}/{variant}` → `original`).
fn add_links(doc: &mut utoipa::openapi::OpenApi) {
    let snapshot = doc.paths.paths.clone();
    for (create_path, item) in doc.paths.paths.iter_mut() {
        let Some(create) = item.post.as_mut() else {
            continue;
        };
        let Some(RefOr::T(created)) = create.responses.responses.get_mut("201") else {
            continue;
        };
        let mut links = Map::new();
        for (path, target_item) in &snapshot {
            let Some(rest) = path
                .strip_prefix(create_path.as_str())
                .and_then(|rest| rest.strip_prefix("/{"))
            else {
                continue;
            };
            let Some((new_param, _)) = rest.split_once('}') else {
                continue;
            };
            let mut target_item = target_item.clone();
            for target in operations(&mut target_item) {
                let Some(op_id) = target.operation_id.clone() else {
                    continue;
                };
                let mut parameters = Map::new();
                let mut complete = true;
                for p in target.parameters.iter().flatten() {
                    if p.parameter_in != ParameterIn::Path {
                        continue;
                    }
                    let source = if p.name == new_param {
                        Value::String("$response.body#/id".to_owned())
                    } else if create_path.contains(&format!("{{{}}}", p.name)) {
                        Value::String(format!("$request.path.{}", p.name))
                    } else if let Some(first) = first_enum_value(p) {
                        first
                    } else {
                        complete = false;
                        break;
                    };
                    parameters.insert(p.name.clone(), source);
                }
                if !complete || !parameters.contains_key(new_param) {
                    continue;
                }
                links.insert(
                    op_id.clone(),
                    json!({ "operationId": op_id, "parameters": parameters }),
                );
            }
        }
        // utoipa 5.5 serialises `Link` with snake_case keys (`operation_id`), which no
        // tool reads: the links go in as raw JSON through the flattened extensions.
        if !links.is_empty() {
            created
                .extensions
                .get_or_insert_with(Default::default)
                .insert("links".to_owned(), Value::Object(links));
        }
    }
}

/// The first value of a parameter's inline enum, if its schema is one.
fn first_enum_value(parameter: &Parameter) -> Option<Value> {
    let schema = serde_json::to_value(parameter.schema.as_ref()?).ok()?;
    schema.get("enum")?.as_array()?.first().cloned()
}
