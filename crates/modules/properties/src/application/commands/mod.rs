//! Commands: one use case per file.

pub mod block_dates;
pub mod change_status;
pub mod create_property;
pub mod manage_feeds;
pub mod manage_photos;
pub mod sync_feed;
pub mod update_property;
