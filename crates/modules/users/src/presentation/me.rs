//! `GET /users/me`, `PATCH /users/me`: the signed-in user's own account.

use axum::extract::State;
use sejour_infrastructure::http::{ApiError, Json, RequestCtx, problem::Problem};

use super::{
    UsersState,
    dto::{UpdateMyProfileRequest, UserDto, UserResponse},
};
use crate::application::{
    commands::update_my_profile::{self, UpdateMyProfileCommand},
    queries::get_me,
};
use sejour_infrastructure::http::preconditions::IfMatch;

/// Shows the signed-in user's account.
#[utoipa::path(get, path = "/users/me", operation_id = "getMe", tag = "users",
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The signed-in user", body = UserDto,
            headers(("ETag" = String, description = "The version, quoted: send it back in If-Match"))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The account no longer exists", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_me(
    State(app): State<UsersState>,
    RequestCtx(ctx): RequestCtx,
) -> Result<UserResponse, ApiError> {
    let user = get_me::get_me(&app, &ctx).await?;
    Ok(UserResponse::from(&user))
}

/// Changes the signed-in user's names, phone or language. Omitted fields are left as
/// they are; `"phone": null` removes the phone number.
#[utoipa::path(patch, path = "/users/me", operation_id = "updateMyProfile", tag = "users",
    request_body = UpdateMyProfileRequest,
    params(("If-Match" = Option<String>, Header,
        description = "The ETag last read; the update is refused with 412 if the profile changed since")),
    security(("bearerAuth" = [])),
    responses(
        (status = 200, description = "The updated user", body = UserDto,
            headers(("ETag" = String, description = "The new version, quoted"))),
        (status = 400, description = "Malformed body or If-Match", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "The account no longer exists", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "The profile changed since it was read (`user.version_mismatch`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`validation.failed`)", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn update_my_profile(
    State(app): State<UsersState>,
    RequestCtx(ctx): RequestCtx,
    IfMatch(expected_version): IfMatch,
    Json(body): Json<UpdateMyProfileRequest>,
) -> Result<UserResponse, ApiError> {
    let command = UpdateMyProfileCommand {
        first_name: body.first_name,
        last_name: body.last_name,
        phone: body.phone,
        language: body.language.map(Into::into),
        expected_version,
    };
    update_my_profile::update_my_profile(&app, &ctx, command).await?;
    let user = get_me::get_me(&app, &ctx).await?;
    Ok(UserResponse::from(&user))
}
