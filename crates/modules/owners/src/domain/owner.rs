//! The [`Owner`] aggregate: who owns the rentals the agency runs, how to reach and pay
//! them, and their management mandate.

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use sejour_core::{
    Actor, Aggregate, Changes, Role,
    authz::Visible,
    check_rule,
    value_objects::{Email, PhoneNumber, PostalAddress},
};
use uuid::Uuid;

use super::{
    errors::OwnerError,
    events::{
        OwnerCreated, OwnerEvent, OwnerField, OwnerLinkedToUser, OwnerUnlinkedFromUser,
        OwnerUpdated,
    },
    iban::Iban,
    kind::OwnerKind,
    mandate::{CommissionRate, Mandate, MoneyModel},
    rules::{FrenchVatNumberMustMatchSiren, LinkedUserMustHaveOwnerRole, MandateModelRequiresIban},
};

/// An owner as stored: what [`Owner::restore`] rebuilds an aggregate from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerSnapshot {
    /// The owner's id.
    pub id: Uuid,
    /// Person or company, with the details of each.
    pub kind: OwnerKind,
    /// Contact email.
    pub email: Email,
    /// Contact phone, if any.
    pub phone: Option<PhoneNumber>,
    /// Postal address.
    pub address: PostalAddress,
    /// Where the agency pays the owner, if known.
    pub iban: Option<Iban>,
    /// The management mandate.
    pub mandate: Mandate,
    /// The user account (role `owner`) that stands for this owner, if any.
    pub user_id: Option<Uuid>,
    /// When the owner was recorded.
    pub created_at: DateTime<Utc>,
    /// When they last changed.
    pub updated_at: DateTime<Utc>,
    /// The stored version (1 at creation, +1 per saved change).
    pub version: i32,
}

/// Everything needed to record an owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerDetails {
    /// Person or company.
    pub kind: OwnerKind,
    /// Contact email.
    pub email: Email,
    /// Contact phone.
    pub phone: Option<PhoneNumber>,
    /// Postal address.
    pub address: PostalAddress,
    /// IBAN (required under the `mandate` money model).
    pub iban: Option<Iban>,
    /// The management mandate.
    pub mandate: Mandate,
}

/// Changes to an owner's details; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnerChanges {
    /// A new identity (names, or legal name, SIRET and VAT number; possibly of the
    /// other kind).
    pub kind: Option<OwnerKind>,
    /// A new email.
    pub email: Option<Email>,
    /// A new phone, or `Some(None)` to remove it.
    pub phone: Option<Option<PhoneNumber>>,
    /// A new address.
    pub address: Option<PostalAddress>,
    /// A new IBAN, or `Some(None)` to remove it.
    pub iban: Option<Option<Iban>>,
    /// A new commission.
    pub commission: Option<CommissionRate>,
    /// A new mandate start date.
    pub start_date: Option<NaiveDate>,
    /// A new money model.
    pub money_model: Option<MoneyModel>,
}

impl OwnerChanges {
    /// Whether nothing is asked.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// A user account, as far as linking it to an owner is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserToLink {
    /// The account's id.
    pub id: Uuid,
    /// Its role.
    pub role: Role,
}

/// An owner. Every change goes through a method that checks the rules it could break
/// and records the [`OwnerEvent`]s to publish when the change is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    state: OwnerSnapshot,
    /// The stored version and the events recorded since.
    changes: Changes<OwnerEvent>,
}

/// The rules every owner obeys whole: [`MandateModelRequiresIban`] and
/// [`FrenchVatNumberMustMatchSiren`].
fn owner_rules_hold(state: &OwnerSnapshot) -> Result<(), OwnerError> {
    check_rule(MandateModelRequiresIban {
        money_model: state.mandate.money_model,
        iban: state.iban.as_ref(),
    })?;
    check_rule(FrenchVatNumberMustMatchSiren { kind: &state.kind })
}

impl Owner {
    /// Records a new owner (not linked to any account), recording `owners.OwnerCreated`.
    /// Rules [`MandateModelRequiresIban`], [`FrenchVatNumberMustMatchSiren`].
    pub fn create(id: Uuid, details: OwnerDetails, now: DateTime<Utc>) -> Result<Self, OwnerError> {
        let now = now.trunc_subsecs(6);
        let state = OwnerSnapshot {
            id,
            kind: details.kind,
            email: details.email,
            phone: details.phone,
            address: details.address,
            iban: details.iban,
            mandate: details.mandate,
            user_id: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        owner_rules_hold(&state)?;
        let event = OwnerEvent::OwnerCreated(OwnerCreated {
            owner_id: id,
            kind: state.kind.tag(),
            money_model: state.mandate.money_model,
        });
        Ok(Self {
            state,
            changes: Changes::created(event),
        })
    }

    /// Rebuilds a stored owner; no event is recorded.
    pub fn restore(snapshot: OwnerSnapshot) -> Self {
        Self {
            changes: Changes::restored(snapshot.version),
            state: snapshot,
        }
    }

    /// Applies `changes`, checking the rules on the owner as it would then be (nothing
    /// changes when one is broken); records `owners.OwnerUpdated` naming the fields
    /// whose value actually changed, if any did.
    pub fn update(&mut self, changes: OwnerChanges, now: DateTime<Utc>) -> Result<(), OwnerError> {
        let mut next = self.state.clone();
        if let Some(kind) = changes.kind {
            next.kind = kind;
        }
        if let Some(email) = changes.email {
            next.email = email;
        }
        if let Some(phone) = changes.phone {
            next.phone = phone;
        }
        if let Some(address) = changes.address {
            next.address = address;
        }
        if let Some(iban) = changes.iban {
            next.iban = iban;
        }
        if let Some(commission) = changes.commission {
            next.mandate.commission = commission;
        }
        if let Some(start_date) = changes.start_date {
            next.mandate.start_date = start_date;
        }
        if let Some(money_model) = changes.money_model {
            next.mandate.money_model = money_model;
        }
        owner_rules_hold(&next)?;
        let fields = changed_fields(&self.state, &next);
        if !fields.is_empty() {
            self.state = next;
            let owner_id = self.state.id;
            self.record(
                OwnerEvent::OwnerUpdated(OwnerUpdated { owner_id, fields }),
                now,
            );
        }
        Ok(())
    }

    /// Links `user` to this owner, so that they can read it; records
    /// `owners.OwnerLinkedToUser` (after `owners.OwnerUnlinkedFromUser` for the account
    /// it replaces), nothing when already linked to it. Rule [`LinkedUserMustHaveOwnerRole`].
    pub fn link_user(&mut self, user: UserToLink, now: DateTime<Utc>) -> Result<(), OwnerError> {
        check_rule(LinkedUserMustHaveOwnerRole { role: user.role })?;
        if self.state.user_id == Some(user.id) {
            return Ok(());
        }
        self.unlink_user(now);
        self.state.user_id = Some(user.id);
        let owner_id = self.state.id;
        self.record(
            OwnerEvent::OwnerLinkedToUser(OwnerLinkedToUser {
                owner_id,
                user_id: user.id,
            }),
            now,
        );
        Ok(())
    }

    /// Unlinks the account linked to this owner, recording `owners.OwnerUnlinkedFromUser`,
    /// unless none is.
    pub fn unlink_user(&mut self, now: DateTime<Utc>) {
        if let Some(user_id) = self.state.user_id.take() {
            let owner_id = self.state.id;
            self.record(
                OwnerEvent::OwnerUnlinkedFromUser(OwnerUnlinkedFromUser { owner_id, user_id }),
                now,
            );
        }
    }

    /// The IBAN as `actor` may see it. Rule "an IBAN is shown in full to administrators
    /// only": anyone else who may see the owner (managers, the owner themself) gets
    /// [`Iban::masked`].
    pub fn iban_as_seen_by(&self, actor: &Actor) -> Option<String> {
        let iban = self.state.iban.as_ref()?;
        Some(match actor {
            Actor::User {
                role: Role::Admin, ..
            } => iban.as_str().to_owned(),
            _ => iban.masked(),
        })
    }

    /// Records a change: the first change since the last save bumps the version.
    fn record(&mut self, event: OwnerEvent, now: DateTime<Utc>) {
        self.changes.record(&mut self.state.version, event);
        self.state.updated_at = now.trunc_subsecs(6).max(self.state.updated_at);
    }

    /// The events recorded since the last save, oldest first.
    pub fn pending_events(&self) -> &[OwnerEvent] {
        self.changes.pending()
    }

    /// Whether there are changes to save.
    pub fn has_changes(&self) -> bool {
        self.changes.has_changes()
    }

    /// The version the store must still hold for the pending changes to be saved
    /// (`None` for an owner not stored yet).
    pub fn stored_version(&self) -> Option<i32> {
        self.changes.stored_version()
    }

    /// Hands over the recorded events once the changes are saved: from then on the
    /// aggregate is as stored.
    pub fn take_events(&mut self) -> Vec<OwnerEvent> {
        self.changes.take(self.state.version)
    }

    /// The owner's id.
    pub fn id(&self) -> Uuid {
        self.state.id
    }

    /// Person or company, with the details.
    pub fn kind(&self) -> &OwnerKind {
        &self.state.kind
    }

    /// Contact email.
    pub fn email(&self) -> &Email {
        &self.state.email
    }

    /// Contact phone.
    pub fn phone(&self) -> Option<&PhoneNumber> {
        self.state.phone.as_ref()
    }

    /// Postal address.
    pub fn address(&self) -> &PostalAddress {
        &self.state.address
    }

    /// The IBAN, whole (for payouts; to show it, see [`Owner::iban_as_seen_by`]).
    pub fn iban(&self) -> Option<&Iban> {
        self.state.iban.as_ref()
    }

    /// The management mandate.
    pub fn mandate(&self) -> &Mandate {
        &self.state.mandate
    }

    /// The linked user account.
    pub fn user_id(&self) -> Option<Uuid> {
        self.state.user_id
    }

    /// When the owner was recorded.
    pub fn created_at(&self) -> DateTime<Utc> {
        self.state.created_at
    }

    /// When they last changed.
    pub fn updated_at(&self) -> DateTime<Utc> {
        self.state.updated_at
    }

    /// The version, pending changes included (the `ETag`).
    pub fn version(&self) -> i32 {
        self.state.version
    }

    /// The whole state.
    pub fn snapshot(&self) -> &OwnerSnapshot {
        &self.state
    }
}

impl Aggregate for Owner {
    type Event = OwnerEvent;

    fn id(&self) -> Uuid {
        self.state.id
    }

    fn version(&self) -> i32 {
        self.state.version
    }

    fn stored_version(&self) -> Option<i32> {
        self.changes.stored_version()
    }

    fn take_events(&mut self) -> Vec<OwnerEvent> {
        Owner::take_events(self)
    }
}

/// The fields that differ between `before` and `after`, in a stable order.
fn changed_fields(before: &OwnerSnapshot, after: &OwnerSnapshot) -> Vec<OwnerField> {
    let (b, a) = (&before.kind, &after.kind);
    let checks = [
        (b.tag() != a.tag(), OwnerField::Kind),
        (b.first_name() != a.first_name(), OwnerField::FirstName),
        (b.last_name() != a.last_name(), OwnerField::LastName),
        (b.legal_name() != a.legal_name(), OwnerField::LegalName),
        (b.siret() != a.siret(), OwnerField::Siret),
        (b.vat_number() != a.vat_number(), OwnerField::VatNumber),
        (before.email != after.email, OwnerField::Email),
        (before.phone != after.phone, OwnerField::Phone),
        (before.address != after.address, OwnerField::Address),
        (before.iban != after.iban, OwnerField::Iban),
        (
            before.mandate.commission != after.mandate.commission,
            OwnerField::CommissionBasisPoints,
        ),
        (
            before.mandate.start_date != after.mandate.start_date,
            OwnerField::MandateStartDate,
        ),
        (
            before.mandate.money_model != after.mandate.money_model,
            OwnerField::MoneyModel,
        ),
    ];
    checks
        .into_iter()
        .filter_map(|(changed, field)| changed.then_some(field))
        .collect()
}

/// Who may see an owner: agency staff see every owner; a user with the role `owner`
/// sees the record linked to their account; nobody else sees any.
impl Visible for Owner {
    fn is_visible_to(&self, actor: &Actor) -> bool {
        match actor {
            Actor::User { id, role } => {
                role.is_staff() || (*role == Role::Owner && self.state.user_id == Some(*id))
            }
            _ => false,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use chrono::Duration;
    use sejour_core::value_objects::CountryCode;

    use super::*;
    use crate::domain::{LegalName, OwnerKindTag, PersonName, Siret, VatNumber};

    fn now() -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(1_800_000_000, 123_456_789).unwrap()
    }

    fn person() -> OwnerKind {
        OwnerKind::Person {
            first_name: PersonName::parse("Ada").unwrap(),
            last_name: PersonName::parse("Lovelace").unwrap(),
        }
    }

    fn company(vat: Option<&str>) -> OwnerKind {
        OwnerKind::Company {
            legal_name: LegalName::parse("SCI Les Oliviers").unwrap(),
            siret: Siret::parse("73282932000074").unwrap(),
            vat_number: vat.map(|v| VatNumber::parse(v).unwrap()),
        }
    }

    fn iban() -> Iban {
        Iban::parse("FR7630006000011234567890189").unwrap()
    }

    fn details(money_model: MoneyModel, iban: Option<Iban>) -> OwnerDetails {
        OwnerDetails {
            kind: person(),
            email: Email::parse("ada@example.com").unwrap(),
            phone: None,
            address: PostalAddress::new(
                "12 rue de Rivoli",
                None,
                "75004",
                "Paris",
                None,
                CountryCode::FR,
            )
            .unwrap(),
            iban,
            mandate: Mandate {
                commission: CommissionRate::from_basis_points(2_000).unwrap(),
                start_date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                money_model,
            },
        }
    }

    const OWNER_ID: Uuid = Uuid::from_u128(42);
    const USER_ID: Uuid = Uuid::from_u128(7);

    fn stored() -> Owner {
        let mut owner =
            Owner::create(OWNER_ID, details(MoneyModel::Mandate, Some(iban())), now()).unwrap();
        owner.take_events();
        Owner::restore(owner.snapshot().clone())
    }

    fn owner_user(id: Uuid) -> UserToLink {
        UserToLink {
            id,
            role: Role::Owner,
        }
    }

    #[test]
    fn given_valid_details_when_creating_then_version_1_unlinked_and_owner_created() {
        let owner =
            Owner::create(OWNER_ID, details(MoneyModel::Mandate, Some(iban())), now()).unwrap();
        assert_eq!(owner.version(), 1);
        assert_eq!(owner.stored_version(), None);
        assert_eq!(owner.user_id(), None);
        assert_eq!(owner.created_at().timestamp_subsec_nanos(), 123_456_000);
        assert_eq!(
            owner.pending_events(),
            [OwnerEvent::OwnerCreated(OwnerCreated {
                owner_id: OWNER_ID,
                kind: OwnerKindTag::Person,
                money_model: MoneyModel::Mandate
            })]
        );
    }

    #[test]
    fn given_the_mandate_model_without_iban_when_creating_then_iban_required() {
        let err = Owner::create(OWNER_ID, details(MoneyModel::Mandate, None), now()).unwrap_err();
        assert_eq!(err, OwnerError::IbanRequiredForMandate);
        // Under the service model the owner collects: no IBAN needed.
        assert!(Owner::create(OWNER_ID, details(MoneyModel::Service, None), now()).is_ok());
    }

    #[test]
    fn given_a_company_whose_french_vat_is_of_another_siren_when_creating_then_refused() {
        let mismatched = OwnerDetails {
            kind: company(Some("FR88753805035")),
            ..details(MoneyModel::Service, None)
        };
        assert_eq!(
            Owner::create(OWNER_ID, mismatched, now())
                .unwrap_err()
                .code(),
            "owner.vat_siren_mismatch"
        );
    }

    #[test]
    fn given_a_stored_owner_when_updating_then_only_changed_fields_are_named() {
        let mut owner = stored();
        owner
            .update(
                OwnerChanges {
                    email: Some(Email::parse("ada@example.com").unwrap()), // unchanged
                    phone: Some(Some(PhoneNumber::parse("06 12 34 56 78").unwrap())),
                    iban: Some(Some(Iban::parse("FR1420041010050500013M02606").unwrap())),
                    commission: Some(CommissionRate::from_basis_points(2_500).unwrap()),
                    ..OwnerChanges::default()
                },
                now() + Duration::minutes(1),
            )
            .unwrap();
        assert_eq!(owner.version(), 2);
        assert_eq!(owner.mandate().commission.basis_points(), 2_500);
        assert_eq!(
            owner.updated_at(),
            (now() + Duration::minutes(1)).trunc_subsecs(6)
        );
        assert_eq!(
            owner.pending_events(),
            [OwnerEvent::OwnerUpdated(OwnerUpdated {
                owner_id: OWNER_ID,
                fields: vec![
                    OwnerField::Phone,
                    OwnerField::Iban,
                    OwnerField::CommissionBasisPoints
                ]
            })]
        );
    }

    #[test]
    fn given_a_person_when_becoming_a_company_then_kind_and_every_identity_field_are_named() {
        let mut owner = stored();
        owner
            .update(
                OwnerChanges {
                    kind: Some(company(Some("FR44732829320"))),
                    ..OwnerChanges::default()
                },
                now(),
            )
            .unwrap();
        assert_eq!(owner.kind().tag(), OwnerKindTag::Company);
        assert_eq!(
            owner.take_events(),
            [OwnerEvent::OwnerUpdated(OwnerUpdated {
                owner_id: OWNER_ID,
                fields: vec![
                    OwnerField::Kind,
                    OwnerField::FirstName,
                    OwnerField::LastName,
                    OwnerField::LegalName,
                    OwnerField::Siret,
                    OwnerField::VatNumber
                ]
            })]
        );
    }

    #[test]
    fn given_no_actual_change_when_updating_then_nothing_is_recorded() {
        let mut owner = stored();
        owner
            .update(
                OwnerChanges {
                    kind: Some(person()),
                    iban: Some(Some(iban())),
                    ..OwnerChanges::default()
                },
                now(),
            )
            .unwrap();
        assert!(!owner.has_changes());
        assert_eq!(owner.version(), 1);
        assert!(OwnerChanges::default().is_empty());
    }

    #[test]
    fn given_a_change_breaking_a_rule_when_updating_then_refused_and_nothing_changes() {
        let mut owner = stored();
        let before = owner.clone();
        // Removing the IBAN while the agency collects the rent.
        let err = owner
            .update(
                OwnerChanges {
                    iban: Some(None),
                    email: Some(Email::parse("new@example.com").unwrap()),
                    ..OwnerChanges::default()
                },
                now(),
            )
            .unwrap_err();
        assert_eq!(err, OwnerError::IbanRequiredForMandate);
        assert_eq!(owner, before);
        // Switching to the service model at the same time is fine.
        owner
            .update(
                OwnerChanges {
                    iban: Some(None),
                    money_model: Some(MoneyModel::Service),
                    ..OwnerChanges::default()
                },
                now(),
            )
            .unwrap();
        assert_eq!(owner.iban(), None);
        assert_eq!(
            owner.pending_events(),
            [OwnerEvent::OwnerUpdated(OwnerUpdated {
                owner_id: OWNER_ID,
                fields: vec![OwnerField::Iban, OwnerField::MoneyModel]
            })]
        );
    }

    #[test]
    fn given_an_owner_account_when_linking_then_linked_once_and_relinking_unlinks_first() {
        let mut owner = stored();
        owner.link_user(owner_user(USER_ID), now()).unwrap();
        owner.link_user(owner_user(USER_ID), now()).unwrap(); // same: nothing more
        assert_eq!(owner.user_id(), Some(USER_ID));
        let other = Uuid::from_u128(8);
        owner.link_user(owner_user(other), now()).unwrap();
        owner.unlink_user(now());
        owner.unlink_user(now()); // already unlinked: nothing more
        assert_eq!(owner.user_id(), None);
        assert_eq!(owner.version(), 2);
        assert_eq!(
            owner.take_events(),
            [
                OwnerEvent::OwnerLinkedToUser(OwnerLinkedToUser {
                    owner_id: OWNER_ID,
                    user_id: USER_ID
                }),
                OwnerEvent::OwnerUnlinkedFromUser(OwnerUnlinkedFromUser {
                    owner_id: OWNER_ID,
                    user_id: USER_ID
                }),
                OwnerEvent::OwnerLinkedToUser(OwnerLinkedToUser {
                    owner_id: OWNER_ID,
                    user_id: other
                }),
                OwnerEvent::OwnerUnlinkedFromUser(OwnerUnlinkedFromUser {
                    owner_id: OWNER_ID,
                    user_id: other
                }),
            ]
        );
    }

    #[test]
    fn given_an_account_that_is_not_an_owner_when_linking_then_refused() {
        let mut owner = stored();
        for role in [Role::Guest, Role::Manager, Role::Admin] {
            let user = UserToLink { id: USER_ID, role };
            assert_eq!(
                owner.link_user(user, now()),
                Err(OwnerError::UserNotOwnerRole)
            );
        }
        assert_eq!(owner.user_id(), None);
        assert!(!owner.has_changes());
    }

    #[test]
    fn given_an_owner_when_asking_who_sees_it_then_staff_and_the_linked_owner_account_only() {
        let mut owner = stored();
        owner.link_user(owner_user(USER_ID), now()).unwrap();
        let actor = |id, role| Actor::User { id, role };
        let someone = Uuid::from_u128(99);
        assert!(owner.is_visible_to(&actor(someone, Role::Admin)));
        assert!(owner.is_visible_to(&actor(someone, Role::Manager)));
        assert!(owner.is_visible_to(&actor(USER_ID, Role::Owner)));
        assert!(!owner.is_visible_to(&actor(someone, Role::Owner)));
        // The linked account seen with another role (say, after a role change): no.
        assert!(!owner.is_visible_to(&actor(USER_ID, Role::Guest)));
        assert!(!owner.is_visible_to(&Actor::Anonymous));
        assert!(!owner.is_visible_to(&Actor::System { name: "x".into() }));
    }

    #[test]
    fn given_each_viewer_when_showing_the_iban_then_whole_for_admins_masked_otherwise() {
        let owner = stored();
        let actor = |role| Actor::User { id: USER_ID, role };
        assert_eq!(
            owner.iban_as_seen_by(&actor(Role::Admin)).as_deref(),
            Some("FR7630006000011234567890189")
        );
        for role in [Role::Manager, Role::Owner] {
            assert_eq!(
                owner.iban_as_seen_by(&actor(role)).as_deref(),
                Some("FR76 **** **** **** **** ***0 189")
            );
        }
        let without = Owner::create(OWNER_ID, details(MoneyModel::Service, None), now()).unwrap();
        assert_eq!(without.iban_as_seen_by(&actor(Role::Admin)), None);
    }
}
