//! The owners context as the platform plugs it in: its use cases on PostgreSQL, its
//! routes and its migrations.

use std::sync::Arc;

use sejour_infrastructure::module::{ContextModule, Shared};
use sejour_users::application::directory::UserDirectory;

use crate::{
    MIGRATOR,
    application::{OwnerPorts, OwnerUseCases},
    infrastructure::{PgOwnerDirectory, PgOwnerRepository},
    presentation,
};

/// The published interface other contexts ask which owner a user stands for and whose
/// properties are whose.
pub fn directory(shared: &Shared) -> Arc<PgOwnerDirectory> {
    Arc::new(PgOwnerDirectory::new(shared.pool.clone()))
}

/// The owners use cases on the shared pool, clock and ids; `users` is the users
/// context's published directory.
pub fn use_cases(shared: &Shared, users: Arc<dyn UserDirectory>) -> OwnerUseCases {
    OwnerUseCases::new(OwnerPorts {
        owners: Arc::new(PgOwnerRepository::new(
            shared.pool.clone(),
            shared.clock.clone(),
            shared.ids.clone(),
        )),
        users,
        unit_of_work: Arc::new(shared.unit_of_work()),
        clock: shared.clock.clone(),
        ids: shared.ids.clone(),
    })
}

/// The owners context: `/owners` routes and the `owners` schema's migrations.
#[doc(alias = "OwnersModule")]
pub fn module(shared: &Shared, users: Arc<dyn UserDirectory>) -> ContextModule {
    ContextModule::new("owners", &MIGRATOR)
        .routes(presentation::routes().with_state(use_cases(shared, users)))
}
