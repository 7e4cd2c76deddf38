//! The demo accounts: the administrator as `sejour admin create` makes one, then the
//! manager, the owner account and the guest created by that administrator.

use sejour_auth::application::commands::create_admin::create_admin;
use sejour_core::{Ctx, Role};
use sejour_users::application::commands::create_user::{CreateUserCommand, create_user};
use uuid::Uuid;

use super::{
    ADMIN_EMAIL, DEMO_PASSWORD, GUEST_EMAIL, MANAGER_EMAIL, OWNER_EMAIL, SeedError, Step,
    acting_as, failed,
};
use crate::platform::Platform;

/// The ids of the demo accounts.
pub(super) struct Accounts {
    pub admin_id: Uuid,
    pub manager_id: Uuid,
    pub owner_user_id: Uuid,
    pub guest_id: Uuid,
}

/// Creates the four demo accounts.
pub(super) async fn create_accounts(
    platform: &Platform,
    request_id: &str,
) -> Result<Accounts, SeedError> {
    let system = Ctx::system("demo-seed", request_id.to_owned());
    let admin = create_admin(&platform.auth, &system, ADMIN_EMAIL, DEMO_PASSWORD)
        .await
        .step(|| format!("creating the administrator {ADMIN_EMAIL}"))?;
    let as_admin = acting_as(admin.id, Role::Admin, request_id);
    let users = sejour_users::use_cases(&platform.shared(), platform.auth.clone());
    let mut ids = Vec::new();
    for (email, first_name, last_name, role) in [
        (MANAGER_EMAIL, "Marion", "Lefèvre", Role::Manager),
        (OWNER_EMAIL, "Claire", "Martin", Role::Owner),
        (GUEST_EMAIL, "Emma", "Wilson", Role::Guest),
    ] {
        let command = CreateUserCommand {
            email: email.to_owned(),
            password: DEMO_PASSWORD.to_owned(),
            first_name: first_name.to_owned(),
            last_name: last_name.to_owned(),
            role,
        };
        let id = create_user(&users, &as_admin, command)
            .await
            .step(|| format!("creating the {} account {email}", role.as_str()))?;
        ids.push(id);
    }
    let [manager_id, owner_user_id, guest_id] = ids[..] else {
        return Err(failed("creating the accounts", "an account is missing"));
    };
    Ok(Accounts {
        admin_id: admin.id,
        manager_id,
        owner_user_id,
        guest_id,
    })
}
