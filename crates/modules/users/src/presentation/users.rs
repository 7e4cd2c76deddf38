//! `GET /users`, `POST /users`, `GET /users/{id}`, `PATCH /users/{id}`: user management.

use axum::{
    extract::{OriginalUri, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use sejour_infrastructure::http::{
    ApiError, Json, Page, PageParams, Path, Query, RequestCtx, pagination::encode_cursor,
    problem::Problem,
};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::{
    UsersState,
    dto::{CreateUserRequest, UpdateUserRequest, UserDto, UserResponse, UserRole},
};
use crate::application::{
    commands::{
        create_user::{self, CreateUserCommand},
        update_user::{self, UpdateUserCommand},
    },
    queries::{
        get_user,
        list_users::{self, ListUsersQuery, UserCursor},
    },
};
use sejour_infrastructure::http::preconditions::IfMatch;

/// Filters of the user list; every given one must match.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct UserListParams {
    /// Only this role.
    pub role: Option<UserRole>,
    /// Only disabled (`true`) or enabled (`false`) accounts.
    pub disabled: Option<bool>,
    /// Text found in the email, first name or last name (case-insensitive; `%` and `_`
    /// are plain characters).
    #[param(pattern = r"^[^\x00]*$")]
    pub q: Option<String>,
}

/// Lists users, newest first (admins and managers).
#[utoipa::path(get, path = "/users", operation_id = "listUsers", tag = "users",
    params(UserListParams, PageParams),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "A page of users", body = Page<UserDto>),
        (status = 400, description = "Bad parameters (limit, cursor, role...)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither admin nor manager", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid parameters (`validation.failed`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list_users(
    State(app): State<UsersState>,
    RequestCtx(ctx): RequestCtx,
    Query(filter): Query<UserListParams>,
    Query(page): Query<PageParams>,
) -> Result<Json<Page<UserDto>>, ApiError> {
    let query = ListUsersQuery {
        role: filter.role.map(Into::into),
        disabled: filter.disabled,
        q: filter.q,
        cursor: page.cursor::<UserCursor>()?,
        limit: Some(page.limit()?),
    };
    let found = list_users::list_users(&app, &ctx, query).await?;
    Ok(Json(Page {
        items: found.items.iter().map(UserDto::from).collect(),
        next_cursor: found.next_cursor.as_ref().map(encode_cursor),
    }))
}

/// Creates a user with a role and a first password (admins).
#[utoipa::path(post, path = "/users", operation_id = "createUser", tag = "users",
    request_body = CreateUserRequest,
    security(("bearerAuth" = [])),
    responses(
        (status = 201, description = "Created", body = UserDto,
            headers(
                ("Location" = String, description = "The new user's URL"),
                ("ETag" = String, description = "The version, quoted"),
            )),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The email is already used (`user.email_taken`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or a password the policy refuses (`validation.failed`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn create_user(
    State(app): State<UsersState>,
    RequestCtx(ctx): RequestCtx,
    OriginalUri(uri): OriginalUri,
    Json(body): Json<CreateUserRequest>,
) -> Result<Response, ApiError> {
    let command = CreateUserCommand {
        email: body.email,
        password: body.password,
        first_name: body.first_name,
        last_name: body.last_name,
        role: body.role.into(),
    };
    let id = create_user::create_user(&app, &ctx, command).await?;
    let user = UserResponse::from(&get_user::get_user(&app, &ctx, id).await?);
    let location = format!("{}/{id}", uri.path().trim_end_matches('/'));
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], user).into_response())
}

/// Shows a user: staff see anyone, others only themself (anyone else is 404).
#[utoipa::path(get, path = "/users/{id}", operation_id = "getUser", tag = "users",
    params(("id" = Uuid, Path, description = "The user's id")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The user", body = UserDto,
            headers(("ETag" = String, description = "The version, quoted: send it back in If-Match"))),
        (status = 400, description = "The id is not a UUID", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user, or not one you may see", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_user(
    State(app): State<UsersState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
) -> Result<UserResponse, ApiError> {
    let user = get_user::get_user(&app, &ctx, id).await?;
    Ok(UserResponse::from(&user))
}

/// Changes a user's role, or disables or enables them (admins). Administrators cannot
/// demote or disable themselves.
#[utoipa::path(patch, path = "/users/{id}", operation_id = "updateUser", tag = "users",
    request_body = UpdateUserRequest,
    params(
        ("id" = Uuid, Path, description = "The user's id"),
        ("If-Match" = Option<String>, Header,
            description = "The ETag last read; the update is refused with 412 if the user changed since"),
    ),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The updated user", body = UserDto,
            headers(("ETag" = String, description = "The new version, quoted"))),
        (status = 400, description = "Malformed id, body or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such user", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The user changed since it was read (`user.version_mismatch`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or a rule broken (`user.cannot_change_own_role`, `user.cannot_disable_self`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_user(
    State(app): State<UsersState>,
    RequestCtx(ctx): RequestCtx,
    Path(id): Path<Uuid>,
    IfMatch(expected_version): IfMatch,
    Json(body): Json<UpdateUserRequest>,
) -> Result<UserResponse, ApiError> {
    let command = UpdateUserCommand {
        user_id: id,
        role: body.role.map(Into::into),
        disabled: body.disabled,
        expected_version,
    };
    update_user::update_user(&app, &ctx, command).await?;
    let user = get_user::get_user(&app, &ctx, id).await?;
    Ok(UserResponse::from(&user))
}
