//! The wire shapes of the reservations API (camelCase JSON; money as
//! `{"amount": minor units, "currency": "EUR"}`).

use axum::{
    http::header,
    response::{IntoResponse, Response},
};
use chrono::{DateTime, NaiveDate, Utc};
use sejour_core::value_objects::{AGE_OF_MAJORITY, Money};
use sejour_infrastructure::http::{
    AddressDto, Json,
    dto::MoneySchema,
    dto::present,
    preconditions::etag,
    schemas::{EmailSchema, PersonNameSchema, PhoneNumberSchema, text},
};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use utoipa::{
    PartialSchema, ToSchema,
    openapi::{
        RefOr,
        schema::{ObjectBuilder, Schema, Type},
    },
};
use uuid::Uuid;

use crate::{
    application::{
        Record,
        access::View,
        input::{GuestInput, GuestPatch},
    },
    domain::{
        InstallmentKind, Reservation, TimelineEntry,
        guests::{CancelReason, Notes},
    },
};

/// The booking guest's contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GuestDto {
    /// First name (1–100 characters).
    #[schema(value_type = PersonNameSchema)]
    pub first_name: String,
    /// Last name (1–100 characters).
    #[schema(value_type = PersonNameSchema)]
    pub last_name: String,
    /// Email.
    #[schema(value_type = EmailSchema)]
    pub email: String,
    /// Phone, international (`+33…`) or French national format.
    #[schema(value_type = PhoneNumberSchema)]
    pub phone: String,
    /// Postal address (the rental contract names it).
    pub address: AddressDto,
}

impl From<GuestDto> for GuestInput {
    fn from(g: GuestDto) -> Self {
        Self {
            first_name: g.first_name,
            last_name: g.last_name,
            email: g.email,
            phone: g.phone,
            address: g.address.into(),
        }
    }
}

/// `POST /reservations`: a stay to book.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({
    "propertyId": "01a235dc-dd35-7395-a507-b37ab5c4b4f3",
    "checkIn": "2030-07-06",
    "checkOut": "2030-07-13",
    "adults": 1,
    "guest": {
        "firstName": "Zoé",
        "lastName": "Martin",
        "email": "zoe.martin@example.com",
        "phone": "+33612345678",
        "address": {"line1": "12 rue de Rivoli", "postalCode": "75004", "city": "Paris", "country": "FR"}
    },
    "notes": "Arriving late, around 22:00"
}))]
pub struct CreateReservationRequest {
    /// The property.
    pub property_id: Uuid,
    /// Arrival day.
    #[schema(value_type = String, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2030-07-06")]
    pub check_in: NaiveDate,
    /// Departure day (after arrival).
    #[schema(value_type = String, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2030-07-13")]
    pub check_out: NaiveDate,
    /// Adults: at least one, at most 50 occupants in all.
    #[schema(example = 1, minimum = 1, maximum = 50)]
    pub adults: u32,
    /// One age (0–17) per child.
    #[serde(default)]
    #[schema(example = json!([]), max_items = 49, value_type = Vec<ChildAge>)]
    pub children: Vec<u8>,
    /// Who books.
    pub guest: GuestDto,
    /// Notes for the agency (≤ 2,000 characters once trimmed; blank is none).
    #[serde(default)]
    #[schema(value_type = Option<NotesSchema>)]
    pub notes: Option<String>,
    /// Staff only: the user account the booking is for (none: booked at the desk).
    #[serde(default)]
    #[schema(example = json!(null))]
    pub customer_id: Option<Uuid>,
    /// Staff only: the total set by hand, in minor units of the property's currency; it
    /// must cover the fees and the tourist tax. Audited.
    #[serde(default)]
    #[schema(example = json!(null))]
    pub manual_total: Option<i64>,
}

/// Changes to the guest's contact; omitted parts stay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GuestPatchDto {
    /// First name.
    #[schema(value_type = Option<PersonNameSchema>)]
    pub first_name: Option<String>,
    /// Last name.
    #[schema(value_type = Option<PersonNameSchema>)]
    pub last_name: Option<String>,
    /// Email.
    #[schema(value_type = Option<EmailSchema>)]
    pub email: Option<String>,
    /// Phone.
    #[schema(value_type = Option<PhoneNumberSchema>)]
    pub phone: Option<String>,
    /// Postal address (whole).
    pub address: Option<AddressDto>,
}

impl From<GuestPatchDto> for GuestPatch {
    fn from(g: GuestPatchDto) -> Self {
        Self {
            first_name: g.first_name,
            last_name: g.last_name,
            email: g.email,
            phone: g.phone,
            address: g.address.map(Into::into),
        }
    }
}

/// `PATCH /reservations/{id}`: what to change; omitted fields stay.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"notes": "Arriving late, around 22:00", "guest": {"phone": "+33 6 12 34 56 78"}}))]
pub struct UpdateReservationRequest {
    /// New arrival day.
    #[schema(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2030-07-06")]
    pub check_in: Option<NaiveDate>,
    /// New departure day.
    #[schema(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2030-07-13")]
    pub check_out: Option<NaiveDate>,
    /// New number of adults (at least one, at most 50 occupants in all).
    #[schema(minimum = 1, maximum = 50)]
    pub adults: Option<u32>,
    /// New children's ages (the whole list).
    #[schema(max_items = 49, value_type = Option<Vec<ChildAge>>)]
    pub children: Option<Vec<u8>>,
    /// Changes to the contact.
    pub guest: Option<GuestPatchDto>,
    /// New notes (≤ 2,000 characters once trimmed); blank or `null` clears them.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<NotesSchema>)]
    pub notes: Option<Option<String>>,
    /// Staff only: a total set by hand (any change of dates or occupants otherwise
    /// re-prices at the quote).
    pub manual_total: Option<i64>,
}

/// `POST /reservations/{id}/cancel`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CancelReservationRequest {
    /// Why (1–500 characters once trimmed).
    #[schema(value_type = CancelReasonSchema)]
    pub reason: String,
}

/// The schema `ChildAge`: a child's age, 0 to 17 (`Occupants::new`).
pub struct ChildAge;

impl PartialSchema for ChildAge {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .description(Some("A child's age in years, 0 to 17."))
            .minimum(Some(0))
            .maximum(Some(i64::from(AGE_OF_MAJORITY) - 1))
            .examples([serde_json::json!(7)])
            .build()
            .into()
    }
}

impl ToSchema for ChildAge {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ChildAge")
    }
}

/// The schema `Notes`: what `Notes::parse` accepts.
pub struct NotesSchema;

impl PartialSchema for NotesSchema {
    fn schema() -> RefOr<Schema> {
        text(
            "Free text for the agency: at most 2,000 characters once trimmed, control \
             characters only as tabs and line breaks; blank is none.",
            Notes::pattern(),
            "Arriving late, around 22:00",
        )
    }
}

impl ToSchema for NotesSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Notes")
    }
}

/// The schema `CancelReason`: what `CancelReason::parse` accepts.
pub struct CancelReasonSchema;

impl PartialSchema for CancelReasonSchema {
    fn schema() -> RefOr<Schema> {
        text(
            "Why a reservation is cancelled: 1 to 500 characters once trimmed, control \
             characters only as tabs and line breaks.",
            CancelReason::pattern(),
            "Our plans changed",
        )
    }
}

impl ToSchema for CancelReasonSchema {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("CancelReason")
    }
}

/// A payment the guest owes.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InstallmentDto {
    /// `deposit`, `balance` or `fullPayment`.
    #[schema(value_type = sejour_infrastructure::http::pricing::InstallmentKindSchema, example = "deposit")]
    pub kind: InstallmentKind,
    /// How much.
    #[schema(value_type = MoneySchema)]
    pub amount: Money,
    /// Due on.
    pub due_on: NaiveDate,
}

/// The frozen price.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PriceDto {
    /// ISO 4217.
    #[schema(value_type = sejour_infrastructure::http::dto::CurrencySchema)]
    pub currency: String,
    /// Nights.
    pub nights: u32,
    /// Accommodation after discounts (and any manual adjustment).
    #[schema(value_type = MoneySchema)]
    pub rent: Money,
    /// Cleaning and extra-guest fees.
    #[schema(value_type = MoneySchema)]
    pub fees: Money,
    /// Tourist tax.
    #[schema(value_type = MoneySchema)]
    pub tourist_tax: Money,
    /// What the guest pays.
    #[schema(value_type = MoneySchema)]
    pub total: Money,
    /// The quote's total.
    #[schema(value_type = MoneySchema)]
    pub quoted_total: Money,
    /// Whether a manager set the total by hand.
    pub set_by_hand: bool,
    /// Held on the card, not charged.
    #[schema(value_type = MoneySchema)]
    pub security_deposit: Money,
    /// When the total is paid.
    pub installments: Vec<InstallmentDto>,
    /// `flexible`, `moderate` or `strict`.
    #[schema(value_type = sejour_infrastructure::http::pricing::CancellationPolicySchema)]
    pub cancellation_policy: String,
    /// The properties quote the price came from, line by line (nightly rates, discount,
    /// tourist tax computation), as it was at booking or at the last re-pricing.
    #[schema(value_type = sejour_infrastructure::http::pricing::QuoteDto)]
    pub quote: serde_json::Value,
}

/// Who cancelled, why, and the refund due.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CancellationDto {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (`user:<id>`, `system:reservations.expire_holds`).
    pub by: String,
    /// Why (`expired` for a lapsed hold).
    pub reason: String,
    /// What the payments context must refund under the cancellation policy.
    #[schema(value_type = MoneySchema)]
    pub refund_due: Money,
}

/// What cancelling today would refund, before deciding.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CancellationPreviewDto {
    /// The refund due under the booking's cancellation policy if cancelled today.
    #[schema(value_type = MoneySchema)]
    pub refund_due: Money,
    /// `flexible`, `moderate` or `strict`.
    #[schema(value_type = sejour_infrastructure::http::pricing::CancellationPolicySchema)]
    pub policy: String,
    /// The day the refund is computed for (today, agency time).
    pub as_of: NaiveDate,
}

/// The rental contract (filled by the contracts context).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContractDto {
    /// The contract.
    pub id: Uuid,
    /// Its status.
    pub status: String,
}

/// A reservation, whole: for staff and the guest who booked.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReservationDto {
    /// Identity.
    pub id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// The guest's user account, if any.
    pub customer_id: Option<Uuid>,
    /// `pending`, `confirmed`, `completed` or `cancelled`.
    #[schema(value_type = crate::presentation::schemas::ReservationStatusSchema, example = "pending")]
    pub status: String,
    /// Arrival.
    pub check_in: NaiveDate,
    /// Departure.
    pub check_out: NaiveDate,
    /// Adults.
    pub adults: u32,
    /// Children's ages.
    pub children: Vec<u8>,
    /// Who booked.
    pub guest: GuestDto,
    /// Notes.
    pub notes: Option<String>,
    /// The frozen price and payment schedule.
    pub price: PriceDto,
    /// When a pending booking lapses unless confirmed.
    pub hold_expires_at: Option<DateTime<Utc>>,
    /// When confirmed.
    pub confirmed_at: Option<DateTime<Utc>>,
    /// When completed.
    pub completed_at: Option<DateTime<Utc>>,
    /// The cancellation, if cancelled.
    pub cancellation: Option<CancellationDto>,
    /// The rental contract, once made.
    pub contract: Option<ContractDto>,
    /// Paid so far.
    #[schema(value_type = MoneySchema)]
    pub amount_paid: Money,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
    /// Optimistic-concurrency version (also the ETag).
    pub version: i32,
}

impl ReservationDto {
    /// The whole representation of `reservation`, priced from `quote`.
    pub fn full(reservation: &Reservation, quote: &serde_json::Value) -> Self {
        let s = reservation.snapshot();
        let c = &s.guests.contact;
        Self {
            id: s.id,
            property_id: s.property_id,
            customer_id: s.customer_id,
            status: s.status.as_str().to_owned(),
            check_in: s.period.check_in(),
            check_out: s.period.check_out(),
            adults: s.guests.occupants.adults(),
            children: s.guests.occupants.children_ages().to_vec(),
            guest: GuestDto {
                first_name: c.first_name.as_str().to_owned(),
                last_name: c.last_name.as_str().to_owned(),
                email: c.email.as_str().to_owned(),
                phone: c.phone.as_str().to_owned(),
                address: AddressDto::from(&c.address),
            },
            notes: s.notes.as_ref().map(|n| n.as_str().to_owned()),
            price: PriceDto {
                currency: s.price.currency.as_str().to_owned(),
                nights: s.price.nights,
                rent: s.price.rent,
                fees: s.price.fees,
                tourist_tax: s.price.tourist_tax,
                total: s.price.total,
                quoted_total: s.price.quoted_total,
                set_by_hand: s.price.set_by_hand,
                security_deposit: s.price.security_deposit,
                installments: s
                    .price
                    .installments
                    .iter()
                    .map(|i| InstallmentDto {
                        kind: i.kind,
                        amount: i.amount,
                        due_on: i.due_on,
                    })
                    .collect(),
                cancellation_policy: s.price.cancellation_policy.as_str().to_owned(),
                quote: quote.clone(),
            },
            hold_expires_at: (s.status == crate::domain::ReservationStatus::Pending)
                .then_some(s.hold_expires_at),
            confirmed_at: s.confirmed_at,
            completed_at: s.completed_at,
            cancellation: s.cancellation.as_ref().map(|c| CancellationDto {
                at: c.at,
                by: c.by.clone(),
                reason: c.reason.as_str().to_owned(),
                refund_due: c.refund_due,
            }),
            contract: s.contract.as_ref().map(|c| ContractDto {
                id: c.id,
                status: c.status.clone(),
            }),
            amount_paid: s.amount_paid,
            created_at: s.created_at,
            updated_at: s.updated_at,
            version: s.version,
        }
    }
}

/// A reservation as an owner of the property sees it: no contact details, no price.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OwnerReservationDto {
    /// Identity.
    pub id: Uuid,
    /// The property.
    pub property_id: Uuid,
    /// Status.
    #[schema(value_type = crate::presentation::schemas::ReservationStatusSchema)]
    pub status: String,
    /// Arrival.
    pub check_in: NaiveDate,
    /// Departure.
    pub check_out: NaiveDate,
    /// The booking guest's first name.
    pub guest_first_name: String,
    /// Adults and children.
    pub guests: u32,
    /// Version.
    pub version: i32,
}

/// A reservation as the caller may see it: whole, or reduced for an owner.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(untagged)]
pub enum ReservationView {
    /// Staff and the guest who booked.
    Full(Box<ReservationDto>),
    /// An owner of the property.
    Owner(OwnerReservationDto),
}

impl ReservationView {
    /// `record` as seen with `view`.
    pub fn of(record: &Record, view: View) -> Self {
        let r = &record.reservation;
        match view {
            View::Full => Self::Full(Box::new(ReservationDto::full(r, &record.quote))),
            View::Owner => {
                let s = r.snapshot();
                Self::Owner(OwnerReservationDto {
                    id: s.id,
                    property_id: s.property_id,
                    status: s.status.as_str().to_owned(),
                    check_in: s.period.check_in(),
                    check_out: s.period.check_out(),
                    guest_first_name: s.guests.contact.first_name.as_str().to_owned(),
                    guests: s.guests.occupants.count(),
                    version: s.version,
                })
            }
        }
    }

    fn version(&self) -> i32 {
        match self {
            Self::Full(dto) => dto.version,
            Self::Owner(dto) => dto.version,
        }
    }
}

impl IntoResponse for ReservationView {
    fn into_response(self) -> Response {
        ([(header::ETAG, etag(self.version()))], Json(self)).into_response()
    }
}

/// One event of a reservation's history.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReservationEventDto {
    /// The event's id.
    pub id: Uuid,
    /// `reservations.ReservationCreated`, `…Updated`, `…Confirmed`, `…Cancelled`,
    /// `…Completed`.
    #[schema(value_type = crate::presentation::schemas::ReservationEventType, example = "reservations.ReservationCreated")]
    pub r#type: String,
    /// When.
    pub occurred_at: DateTime<Utc>,
    /// Who (`user:<id>`, `system:<job>`).
    pub actor: Option<String>,
    /// The event's payload.
    #[schema(value_type = crate::presentation::schemas::ReservationEventData)]
    pub data: serde_json::Value,
}

impl From<TimelineEntry> for ReservationEventDto {
    fn from(e: TimelineEntry) -> Self {
        Self {
            id: e.event_id,
            r#type: e.event_type,
            occurred_at: e.occurred_at,
            actor: e.actor,
            data: serde_json::to_value(&e.event).unwrap_or_default(),
        }
    }
}

/// The timeline of a reservation.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReservationEventsDto {
    /// Oldest first.
    pub items: Vec<ReservationEventDto>,
}
