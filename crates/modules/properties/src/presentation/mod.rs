//! The properties context's HTTP edge: back office, public pages, calendar, photos, iCal.

pub mod calendar;
pub mod dto;
pub mod ical;
pub mod photos;
pub mod properties;
pub mod quote;
pub mod schemas;

use std::sync::Arc;

use sejour_infrastructure::{http::upload::upload_limit, storage::ObjectStorage};
use utoipa_axum::{
    router::{OpenApiRouter, UtoipaMethodRouterExt},
    routes,
};

use crate::{application::Properties, application::access::Access, domain::gateways::FeedSource};

/// What the handlers need.
#[derive(Clone)]
pub struct PropertiesState {
    /// The use cases' ports.
    pub app: Properties,
    /// Who may see and manage what.
    pub access: Access,
    /// Photo bytes.
    pub storage: ObjectStorage,
    /// Calendar feeds.
    pub feeds: Arc<dyn FeedSource>,
    /// Largest photo accepted, bytes.
    pub max_upload_bytes: usize,
}

/// The routes, relative to `/api/v1`.
pub fn routes(max_upload_bytes: usize) -> OpenApiRouter<PropertiesState> {
    OpenApiRouter::new()
        .routes(routes!(quote::search, properties::create))
        .routes(routes!(quote::quote))
        .routes(routes!(properties::managed))
        .routes(routes!(properties::show, properties::update))
        .routes(routes!(properties::publish))
        .routes(routes!(properties::unpublish))
        .routes(routes!(properties::archive))
        .routes(routes!(calendar::calendar))
        .routes(routes!(calendar::board))
        .routes(routes!(properties::block))
        .routes(routes!(properties::unblock))
        .routes(routes!(photos::upload).layer(upload_limit(max_upload_bytes)))
        .routes(routes!(photos::list))
        .routes(routes!(photos::change, photos::delete))
        .routes(routes!(photos::serve))
        .routes(routes!(ical::export))
        .routes(routes!(ical::list_feeds, ical::create_feed))
        .routes(routes!(ical::delete_feed))
        .routes(routes!(ical::sync_now))
        .routes(routes!(ical::rotate_token))
}
