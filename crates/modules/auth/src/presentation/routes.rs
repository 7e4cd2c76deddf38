//! `POST /api/v1/auth/*`.

use std::sync::Arc;

use axum::{
    Extension,
    extract::State,
    http::{HeaderMap, StatusCode, header},
};
use sejour_core::Role;
use sejour_infrastructure::http::{
    ApiError, Json, RequestCtx,
    problem::Problem,
    schemas::{EmailSchema, NewPasswordSchema, PersonNameSchema},
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes as r};
use uuid::Uuid;

use super::CurrentSession;
use crate::application::{
    Auth, TokenPair,
    commands::{
        change_password::{ChangePasswordCommand, change_password},
        login::{LoginCommand, login},
        logout::logout,
        password_reset::{confirm_password_reset, request_password_reset},
        refresh::refresh,
        register::{RegisterCommand, register},
    },
};

/// The `/auth` routes, relative to `/api/v1`.
pub fn routes() -> OpenApiRouter<Arc<Auth>> {
    OpenApiRouter::new()
        .routes(r!(register_account))
        .routes(r!(sign_in))
        .routes(r!(refresh_tokens))
        .routes(r!(sign_out))
        .routes(r!(change_own_password))
        .routes(r!(request_reset))
        .routes(r!(confirm_reset))
}

/// The registration form.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "email": "marie.dupont@example.com",
    "password": "correct horse battery staple",
    "firstName": "Marie",
    "lastName": "Dupont"
}))]
pub struct RegisterRequest {
    /// Sign-in email.
    #[schema(value_type = EmailSchema)]
    pub email: String,
    /// 10 to 128 characters, not a common password, not containing the email.
    #[schema(value_type = NewPasswordSchema)]
    pub password: String,
    /// First name.
    #[schema(value_type = PersonNameSchema)]
    pub first_name: String,
    /// Last name.
    #[schema(value_type = PersonNameSchema)]
    pub last_name: String,
}

/// A newly created account.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RegisteredUser {
    /// The user's id.
    pub id: Uuid,
    /// Sign-in email.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Always `guest` for a registration.
    #[schema(value_type = sejour_infrastructure::http::dto::UserRole, example = "guest")]
    pub role: Role,
}

/// Email and password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoginRequest {
    /// Sign-in email.
    #[schema(pattern = r"^[^\x00]*$")]
    pub email: String,
    /// Password.
    #[schema(format = Password, write_only, pattern = r"^[^\x00]*$")]
    pub password: String,
}

/// A refresh token.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RefreshRequest {
    /// The refresh token of the last pair.
    #[schema(pattern = r"^[^\x00]*$")]
    pub refresh_token: String,
}

/// A token pair.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenResponse {
    /// Send as `Authorization: Bearer <accessToken>`.
    pub access_token: String,
    /// One-time token for `POST /auth/refresh`.
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: TokenType,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
}

/// How the access token is presented.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub enum TokenType {
    /// `Authorization: Bearer <accessToken>`.
    Bearer,
}

impl From<TokenPair> for TokenResponse {
    fn from(p: TokenPair) -> Self {
        Self {
            access_token: p.access_token,
            refresh_token: p.refresh_token,
            token_type: TokenType::Bearer,
            expires_in: p.expires_in,
        }
    }
}

/// The change-password form.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChangePasswordRequest {
    /// The current password.
    #[schema(format = Password, write_only, pattern = r"^[^\x00]*$")]
    pub current_password: String,
    /// The new password: 10 to 128 characters, not a common password, not containing the
    /// email.
    #[schema(value_type = NewPasswordSchema)]
    pub new_password: String,
}

/// Asks for a reset email.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResetRequest {
    /// The account's email.
    #[schema(pattern = r"^[^\x00]*$")]
    pub email: String,
}

/// A reset token and the new password.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResetConfirmation {
    /// The token from the email.
    #[schema(pattern = r"^[^\x00]*$")]
    pub token: String,
    /// The new password: 10 to 128 characters, not a common password, not containing the
    /// email.
    #[schema(value_type = NewPasswordSchema)]
    pub new_password: String,
}

fn no_store() -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    headers
}

/// Creates a guest account.
#[utoipa::path(post, path = "/auth/register", operation_id = "register", tag = "auth", request_body = RegisterRequest,
    responses(
        (status = 201, description = "Account created", body = RegisteredUser),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Email already used (`user.email_taken`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. a weak password", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn register_account(
    State(auth): State<Arc<Auth>>,
    RequestCtx(ctx): RequestCtx,
    Json(body): Json<RegisterRequest>,
) -> Result<(StatusCode, HeaderMap, Json<RegisteredUser>), ApiError> {
    let user = register(
        &auth,
        &ctx,
        RegisterCommand {
            email: body.email,
            password: body.password,
            first_name: body.first_name,
            last_name: body.last_name,
        },
    )
    .await?;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::LOCATION,
        header::HeaderValue::from_static("/api/v1/users/me"),
    );
    Ok((
        StatusCode::CREATED,
        headers,
        Json(RegisteredUser {
            id: user.id,
            email: user.email.as_str().to_owned(),
            first_name: user.first_name,
            last_name: user.last_name,
            role: user.role,
        }),
    ))
}

/// Signs in with email and password.
#[utoipa::path(post, path = "/auth/login", operation_id = "signIn", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 401, description = "Wrong email or password (`auth.invalid_credentials`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts; see Retry-After", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn sign_in(
    State(auth): State<Arc<Auth>>,
    RequestCtx(ctx): RequestCtx,
    Json(body): Json<LoginRequest>,
) -> Result<(HeaderMap, Json<TokenResponse>), ApiError> {
    let pair = login(
        &auth,
        &ctx,
        LoginCommand {
            email: body.email,
            password: body.password,
        },
    )
    .await?;
    Ok((no_store(), Json(pair.into())))
}

/// Exchanges a refresh token for a new pair; a reused token signs its family out.
#[utoipa::path(post, path = "/auth/refresh", operation_id = "refreshTokens", tag = "auth", request_body = RefreshRequest,
    responses(
        (status = 200, description = "The next pair", body = TokenResponse),
        (status = 401, description = "Invalid, expired or reused token", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn refresh_tokens(
    State(auth): State<Arc<Auth>>,
    RequestCtx(ctx): RequestCtx,
    Json(body): Json<RefreshRequest>,
) -> Result<(HeaderMap, Json<TokenResponse>), ApiError> {
    let pair = refresh(&auth, &ctx, &body.refresh_token).await?;
    Ok((no_store(), Json(pair.into())))
}

/// Signs out: revokes the refresh token's family and its access tokens.
#[utoipa::path(post, path = "/auth/logout", operation_id = "signOut", tag = "auth", request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out"),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn sign_out(
    State(auth): State<Arc<Auth>>,
    RequestCtx(ctx): RequestCtx,
    Json(body): Json<RefreshRequest>,
) -> Result<StatusCode, ApiError> {
    logout(&auth, &ctx, &body.refresh_token).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Changes the signed-in user's password; their other sessions are signed out.
#[utoipa::path(post, path = "/auth/password", operation_id = "changeOwnPassword", tag = "auth", request_body = ChangePasswordRequest,
    security(("bearerAuth" = [])),
    responses(
        (status = 204, description = "Password changed"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong current password or weak new one", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn change_own_password(
    State(auth): State<Arc<Auth>>,
    RequestCtx(ctx): RequestCtx,
    session: Option<Extension<CurrentSession>>,
    Json(body): Json<ChangePasswordRequest>,
) -> Result<StatusCode, ApiError> {
    let cmd = ChangePasswordCommand {
        current_password: body.current_password,
        new_password: body.new_password,
    };
    change_password(
        &auth,
        &ctx,
        session.map(|Extension(CurrentSession(id))| id),
        cmd,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Emails a one-time reset link if the account exists (the answer is the same if not).
#[utoipa::path(post, path = "/auth/password-reset", operation_id = "requestPasswordReset", tag = "auth", request_body = ResetRequest,
    responses(
        (status = 202, description = "If the account exists, an email is on its way"),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn request_reset(
    State(auth): State<Arc<Auth>>,
    RequestCtx(ctx): RequestCtx,
    Json(body): Json<ResetRequest>,
) -> Result<StatusCode, ApiError> {
    request_password_reset(&auth, &ctx, &body.email).await?;
    Ok(StatusCode::ACCEPTED)
}

/// Sets a new password with the emailed token (once); every session is signed out.
#[utoipa::path(post, path = "/auth/password-reset/confirm", operation_id = "confirmPasswordReset", tag = "auth", request_body = ResetConfirmation,
    responses(
        (status = 204, description = "Password reset"),
        (status = 422, description = "Invalid, used or expired token, or weak password", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn confirm_reset(
    State(auth): State<Arc<Auth>>,
    RequestCtx(ctx): RequestCtx,
    Json(body): Json<ResetConfirmation>,
) -> Result<StatusCode, ApiError> {
    confirm_password_reset(&auth, &ctx, &body.token, &body.new_password).await?;
    Ok(StatusCode::NO_CONTENT)
}
