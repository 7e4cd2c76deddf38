//! The scaffold every aggregate shares: the version it was loaded at (optimistic
//! concurrency) and the domain events recorded since, handed to the repository that
//! saves it and publishes them in the same transaction.

/// The version bookkeeping and pending events of one aggregate. The aggregate keeps its
/// own `version` in its state (it is part of what is stored and shown as the ETag) and
/// passes it to [`record`](Self::record), which bumps it once per save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes<E> {
    stored_version: Option<i32>,
    events: Vec<E>,
}

impl<E> Changes<E> {
    /// A new aggregate, not stored yet, with the event of its creation.
    pub fn created(event: E) -> Self {
        Self {
            stored_version: None,
            events: vec![event],
        }
    }

    /// An aggregate loaded at `version`, with nothing recorded.
    pub fn restored(version: i32) -> Self {
        Self {
            stored_version: Some(version),
            events: Vec::new(),
        }
    }

    /// Records `event`; the first change since the last save bumps `version`.
    pub fn record(&mut self, version: &mut i32, event: E) {
        if self.stored_version == Some(*version) {
            *version += 1;
        }
        self.events.push(event);
    }

    /// The events recorded since the last save, oldest first.
    pub fn pending(&self) -> &[E] {
        &self.events
    }

    /// Whether there is anything to save.
    pub fn has_changes(&self) -> bool {
        !self.events.is_empty()
    }

    /// The version the store must still hold for the pending changes to be saved
    /// (`None` for an aggregate not stored yet).
    pub fn stored_version(&self) -> Option<i32> {
        self.stored_version
    }

    /// Hands over the recorded events once saved at `version`: from then on the
    /// aggregate is as stored.
    pub fn take(&mut self, version: i32) -> Vec<E> {
        self.stored_version = Some(version);
        std::mem::take(&mut self.events)
    }
}

/// What a repository needs of any aggregate to save it and publish its events.
pub trait Aggregate {
    /// Its domain events.
    type Event;

    /// Its id.
    fn id(&self) -> uuid::Uuid;

    /// Its current version (the ETag).
    fn version(&self) -> i32;

    /// The version the store must still hold (`None` when new).
    fn stored_version(&self) -> Option<i32>;

    /// Hands over the events recorded since the last save.
    fn take_events(&mut self) -> Vec<Self::Event>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_a_restored_aggregate_when_two_changes_are_recorded_then_the_version_moves_once() {
        let mut version = 4;
        let mut changes = Changes::restored(version);
        changes.record(&mut version, "renamed");
        changes.record(&mut version, "moved");
        assert_eq!(version, 5);
        assert_eq!(changes.stored_version(), Some(4));
        assert_eq!(changes.take(version), vec!["renamed", "moved"]);
        assert_eq!(changes.stored_version(), Some(5));
        assert!(!changes.has_changes());
        changes.record(&mut version, "again");
        assert_eq!(version, 6);
    }

    #[test]
    fn a_new_aggregate_has_its_creation_event_and_no_stored_version() {
        let mut version = 1;
        let mut changes = Changes::created("created");
        changes.record(&mut version, "named");
        assert_eq!(version, 1);
        assert_eq!(changes.pending(), &["created", "named"]);
        assert_eq!(changes.stored_version(), None);
    }
}
