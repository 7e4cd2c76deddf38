//! The ledger: every money movement of a stay as a balanced [`JournalEntry`] — the guest's
//! payments in, refunds out, and, once the stay is over, its settlement: the tourist tax
//! owed to the commune, the fees and the commission earned by the agency, and each
//! owner's share of the rent by co-ownership. Entries are immutable: a later movement
//! (a refund after the settlement, say) is followed by a new settlement entry for the
//! difference, never by an edit.
//!
//! Lines are signed: a debit is positive, a credit negative, and the lines of an entry sum
//! to zero (`EntriesBalance`). The accounts:
//!
//! - [`Account::ClientFunds`]: the agency's client (escrow) bank account, where guests'
//!   money lands under a management mandate (loi Hoguet: client money is held apart).
//! - [`Account::Guest`]: a stay's guest. Credited by what they pay, debited by refunds and
//!   by the settlement: zero once a stay is settled (`GuestAccountSettlesToZero`).
//! - [`Account::Owner`]: the agency's current account with an owner; a credit balance is
//!   owed to the owner. Under the service model the owner is paid directly: the guest's
//!   money is debited here (the owner holds it), and what the owner then owes the agency
//!   (its commission, the fees, the tax it remits) is a debit balance to invoice.
//! - [`Account::Commission`], [`Account::Fees`]: the agency's revenue — its commission on
//!   the rent, and the cleaning and extra-guest fees.
//! - [`Account::CardFees`]: what the payment provider kept of a payment, an expense the
//!   agency bears: the provider pays out the payment net of its fee, so the client account
//!   receives that much less (the agency makes it up from its revenue).
//! - [`Account::TouristTax`]: collected for a commune, owed to it.
//!
//! The settlement of what a guest paid net of refunds (`paid`), by [`settlement`]: the
//! tourist tax first (none when the stay was cancelled: it is always refunded), then the
//! rest split between fees and rent in proportion to the frozen price, the rent split
//! between the owners by share (largest remainder), and each owner's commission taken at
//! its rate (half up).

use std::{collections::BTreeMap, fmt};

use chrono::{DateTime, Utc};
use sejour_core::value_objects::{Currency, Money, MoneyError};
use uuid::Uuid;

/// A ledger account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Account {
    /// The agency's client (escrow) bank account.
    ClientFunds,
    /// The guest of the stay `reservation`.
    Guest(Uuid),
    /// The agency's current account with an owner.
    Owner(Uuid),
    /// The agency's commission on rents.
    Commission,
    /// Cleaning and extra-guest fees.
    Fees,
    /// The payment provider's fees, borne by the agency.
    CardFees,
    /// The tourist tax owed to a commune (`06088 Nice`).
    TouristTax(String),
}

impl Account {
    /// Parses a stored name (see [`fmt::Display`]).
    pub fn parse(s: &str) -> Option<Self> {
        let id = |raw: &str| Uuid::parse_str(raw).ok();
        match s.split_once(':') {
            None => match s {
                "client_funds" => Some(Self::ClientFunds),
                "commission" => Some(Self::Commission),
                "fees" => Some(Self::Fees),
                "card_fees" => Some(Self::CardFees),
                _ => None,
            },
            Some(("guest", raw)) => id(raw).map(Self::Guest),
            Some(("owner", raw)) => id(raw).map(Self::Owner),
            Some(("tourist_tax", commune)) if !commune.is_empty() => {
                Some(Self::TouristTax(commune.to_owned()))
            }
            Some(_) => None,
        }
    }

    /// Its kind's name (`client_funds`, `guest`, `owner`, `commission`, `fees`,
    /// `card_fees`, `tourist_tax`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::ClientFunds => "client_funds",
            Self::Guest(_) => "guest",
            Self::Owner(_) => "owner",
            Self::Commission => "commission",
            Self::Fees => "fees",
            Self::CardFees => "card_fees",
            Self::TouristTax(_) => "tourist_tax",
        }
    }
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Guest(id) | Self::Owner(id) => write!(f, "{}:{id}", self.kind()),
            Self::TouristTax(commune) => write!(f, "{}:{commune}", self.kind()),
            _ => f.write_str(self.kind()),
        }
    }
}

/// One line of an entry: a debit (positive) or a credit (negative).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The account.
    pub account: Account,
    /// The signed amount.
    pub amount: Money,
}

/// What caused an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A guest's payment received.
    Payment,
    /// A refund to the guest.
    Refund,
    /// A stay's money shared out.
    Settlement,
}

impl EntryKind {
    /// Every kind.
    pub const ALL: [EntryKind; 3] = [Self::Payment, Self::Refund, Self::Settlement];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Payment => "payment",
            Self::Refund => "refund",
            Self::Settlement => "settlement",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A balanced journal entry of one stay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// Id.
    pub id: Uuid,
    /// The stay.
    pub reservation_id: Uuid,
    /// What caused it.
    pub kind: EntryKind,
    /// The cause, unique: `payment:<id>`, `refund:<id>`, `settlement:<reservation>:<n>`.
    pub source: String,
    /// When.
    pub occurred_at: DateTime<Utc>,
    /// The currency of every line.
    pub currency: Currency,
    /// Two lines or more, no zero line, summing to zero.
    pub lines: Vec<Line>,
}

/// Why an entry cannot be posted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    /// The lines do not sum to zero, or there are fewer than two.
    #[error("a ledger entry must have two lines or more summing to zero")]
    Unbalanced,
    /// An amount in another currency, or out of range.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// More refunded than paid.
    #[error("more was refunded than paid ({paid} minor units net)")]
    Overrefunded {
        /// What was paid net of refunds.
        paid: i64,
    },
    /// A property without owners, or shares summing to nothing.
    #[error("the property has no owners to share the rent")]
    NoOwners,
}

impl LedgerError {
    /// Its stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unbalanced => "ledger.unbalanced",
            Self::Money(_) => "ledger.money",
            Self::Overrefunded { .. } => "ledger.overrefunded",
            Self::NoOwners => "ledger.no_owners",
        }
    }
}

impl JournalEntry {
    /// The entry, its lines merged per account and the zero ones dropped; refused unless
    /// they balance (`EntriesBalance`).
    pub fn new(
        id: Uuid,
        reservation_id: Uuid,
        kind: EntryKind,
        source: String,
        occurred_at: DateTime<Utc>,
        currency: Currency,
        lines: Vec<Line>,
    ) -> Result<Self, LedgerError> {
        let lines = merge(currency, lines)?;
        let sum = lines
            .iter()
            .try_fold(Money::zero(currency), |sum, l| sum.checked_add(l.amount))?;
        if lines.len() < 2 || !sum.is_zero() {
            return Err(LedgerError::Unbalanced);
        }
        Ok(Self {
            id,
            reservation_id,
            kind,
            source,
            occurred_at,
            currency,
            lines,
        })
    }
}

/// `lines` summed per account, in account order, without zero lines.
pub fn merge(currency: Currency, lines: Vec<Line>) -> Result<Vec<Line>, LedgerError> {
    let mut sums: BTreeMap<Account, Money> = BTreeMap::new();
    for line in lines {
        let sum = sums.entry(line.account).or_insert(Money::zero(currency));
        *sum = sum.checked_add(line.amount)?;
    }
    Ok(sums
        .into_iter()
        .filter(|(_, amount)| !amount.is_zero())
        .map(|(account, amount)| Line { account, amount })
        .collect())
}

/// `lines` with every sign reversed.
pub fn reversed(lines: &[Line]) -> Result<Vec<Line>, LedgerError> {
    lines
        .iter()
        .map(|l| {
            Ok(Line {
                account: l.account.clone(),
                amount: l.amount.checked_neg()?,
            })
        })
        .collect()
}

/// One owner's stake in a property's rent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stake {
    /// The owner (owners context).
    pub owner_id: Uuid,
    /// Their share of the property, in basis points.
    pub share_bp: u32,
    /// The agency's commission on their rent, in basis points.
    pub commission_bp: u32,
    /// Whether they collect the rent themselves (the service model), rather than the
    /// agency under a mandate.
    pub paid_directly: bool,
}

/// Who shares a property's money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stakes {
    /// The commune levying its tourist tax (`06088 Nice`).
    pub commune: String,
    /// The owners, their shares summing to 100 %.
    pub owners: Vec<Stake>,
}

impl Stakes {
    fn split(&self, amount: Money) -> Result<Vec<(Stake, Money)>, LedgerError> {
        let weights: Vec<u32> = self.owners.iter().map(|o| o.share_bp).collect();
        let parts = amount.allocate(&weights).map_err(|e| match e {
            MoneyError::InvalidWeights => LedgerError::NoOwners,
            other => LedgerError::Money(other),
        })?;
        Ok(self.owners.iter().copied().zip(parts).collect())
    }
}

/// The frozen price of a stay, as the settlement shares it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StayPrice {
    /// Accommodation.
    pub rent: Money,
    /// Cleaning and extra-guest fees.
    pub fees: Money,
    /// The tourist tax.
    pub tourist_tax: Money,
}

/// The lines of `amount` received from (or, negated, refunded to) the guest of
/// `reservation_id`: it lands on the client account for the owners under a mandate, with
/// each owner paid directly for the others, in proportion to their shares.
pub fn cash_lines(
    reservation_id: Uuid,
    amount: Money,
    stakes: &Stakes,
) -> Result<Vec<Line>, LedgerError> {
    let mut lines = vec![Line {
        account: Account::Guest(reservation_id),
        amount: amount.checked_neg()?,
    }];
    for (stake, part) in stakes.split(amount)? {
        let account = if stake.paid_directly {
            Account::Owner(stake.owner_id)
        } else {
            Account::ClientFunds
        };
        lines.push(Line {
            account,
            amount: part,
        });
    }
    merge(amount.currency(), lines)
}

/// The lines of the provider's `fee` on a payment: an expense of the agency, out of the
/// client account (which the provider paid the payment net of it).
pub fn fee_lines(fee: Money) -> Result<Vec<Line>, LedgerError> {
    Ok(vec![
        Line {
            account: Account::CardFees,
            amount: fee,
        },
        Line {
            account: Account::ClientFunds,
            amount: fee.checked_neg()?,
        },
    ])
}

/// The whole settlement of a stay whose guest paid `paid` net of refunds (see the
/// [module](self)): the guest's account debited by `paid`, the commune, the agency and the
/// owners credited. `stayed` is false for a cancelled stay (no tourist tax is kept).
pub fn settlement(
    reservation_id: Uuid,
    paid: Money,
    price: StayPrice,
    stayed: bool,
    stakes: &Stakes,
) -> Result<Vec<Line>, LedgerError> {
    let parts = shares(paid, price, stayed, stakes)?;
    settlement_of(reservation_id, paid, &parts, &stakes.commune)
}

/// The lines of [`settlement`] for parts already computed by [`shares`] (`commune`: the
/// commune levying the tax).
pub fn settlement_of(
    reservation_id: Uuid,
    paid: Money,
    shares: &Shares,
    commune: &str,
) -> Result<Vec<Line>, LedgerError> {
    let currency = paid.currency();
    let credit = |account: Account, amount: Money| -> Result<Line, LedgerError> {
        Ok(Line {
            account,
            amount: amount.checked_neg()?,
        })
    };
    let mut lines = vec![
        Line {
            account: Account::Guest(reservation_id),
            amount: paid,
        },
        credit(Account::TouristTax(commune.to_owned()), shares.tourist_tax)?,
        credit(Account::Fees, shares.fees)?,
    ];
    for owner in &shares.owners {
        lines.push(credit(Account::Commission, owner.commission)?);
        lines.push(credit(
            Account::Owner(owner.stake.owner_id),
            owner.rent.checked_sub(owner.commission)?,
        )?);
    }
    merge(currency, lines)
}

/// One owner's part of a stay's rent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnerShare {
    /// The owner and their terms.
    pub stake: Stake,
    /// Their part of the rent, commission included.
    pub rent: Money,
    /// The agency's commission on it: what the agency invoices the owner.
    pub commission: Money,
}

/// What a stay's money is made of, as the settlement shares it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shares {
    /// Owed to the commune.
    pub tourist_tax: Money,
    /// The agency's fees.
    pub fees: Money,
    /// The owners' rent, by share.
    pub owners: Vec<OwnerShare>,
}

/// The parts of `paid` (see [`settlement`], which posts them).
pub fn shares(
    paid: Money,
    price: StayPrice,
    stayed: bool,
    stakes: &Stakes,
) -> Result<Shares, LedgerError> {
    let currency = paid.currency();
    if paid.is_negative() {
        return Err(LedgerError::Overrefunded {
            paid: paid.amount_minor(),
        });
    }
    let tourist_tax = if stayed {
        Money::new(
            paid.amount_minor()
                .min(price.tourist_tax.amount_minor().max(0)),
            currency,
        )
    } else {
        Money::zero(currency)
    };
    let rest = paid.checked_sub(tourist_tax)?;
    let fees = proportion(rest, price.fees, price.rent)?;
    let rent = rest.checked_sub(fees)?;
    let owners = stakes
        .split(rent)?
        .into_iter()
        .map(|(stake, part)| {
            Ok(OwnerShare {
                stake,
                rent: part,
                commission: part.percent_bp(stake.commission_bp.min(10_000))?,
            })
        })
        .collect::<Result<_, LedgerError>>()?;
    Ok(Shares {
        tourist_tax,
        fees,
        owners,
    })
}

/// `amount × part / (part + other)`, rounded half up; zero when both are zero or negative.
fn proportion(amount: Money, part: Money, other: Money) -> Result<Money, LedgerError> {
    let part = i128::from(part.amount_minor().max(0));
    let whole = part + i128::from(other.amount_minor().max(0));
    if whole == 0 {
        return Ok(Money::zero(amount.currency()));
    }
    let scaled = i128::from(amount.amount_minor()) * part;
    let rounded = (2 * scaled + whole) / (2 * whole);
    i64::try_from(rounded)
        .map(|minor| Money::new(minor, amount.currency()))
        .map_err(|_| LedgerError::Money(MoneyError::Overflow))
}

/// What to post so that the settlement entries already posted (`settled`, all their
/// lines) add up to `target`: the difference per account, empty when nothing changed.
pub fn settlement_delta(
    currency: Currency,
    target: Vec<Line>,
    settled: &[Line],
) -> Result<Vec<Line>, LedgerError> {
    let mut lines = target;
    lines.extend(reversed(settled)?);
    merge(currency, lines)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const EUR: Currency = Currency::EUR;

    fn eur(minor: i64) -> Money {
        Money::new(minor, EUR)
    }

    fn balance(lines: &[Line], account: &Account) -> i64 {
        lines
            .iter()
            .filter(|l| &l.account == account)
            .map(|l| l.amount.amount_minor())
            .sum()
    }

    fn two_owners(paid_directly: bool) -> (Uuid, Uuid, Stakes) {
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let stakes = Stakes {
            commune: "06088 Nice".into(),
            owners: vec![
                Stake {
                    owner_id: a,
                    share_bp: 6_000,
                    commission_bp: 2_000,
                    paid_directly: false,
                },
                Stake {
                    owner_id: b,
                    share_bp: 4_000,
                    commission_bp: 1_500,
                    paid_directly,
                },
            ],
        };
        (a, b, stakes)
    }

    #[test]
    fn accounts_round_trip_through_their_names() {
        let id = Uuid::from_u128(7);
        for account in [
            Account::ClientFunds,
            Account::Guest(id),
            Account::Owner(id),
            Account::Commission,
            Account::Fees,
            Account::CardFees,
            Account::TouristTax("06088 Nice".into()),
        ] {
            assert_eq!(Account::parse(&account.to_string()), Some(account));
        }
        assert_eq!(Account::parse("guest:nope"), None);
        assert_eq!(Account::parse("tourist_tax:"), None);
        assert_eq!(Account::parse("bank"), None);
    }

    #[test]
    fn an_entry_must_balance() {
        let at = DateTime::<Utc>::MIN_UTC;
        let new = |lines| {
            JournalEntry::new(
                Uuid::nil(),
                Uuid::nil(),
                EntryKind::Payment,
                "x".into(),
                at,
                EUR,
                lines,
            )
        };
        let unbalanced = vec![
            Line {
                account: Account::ClientFunds,
                amount: eur(100),
            },
            Line {
                account: Account::Fees,
                amount: eur(-99),
            },
        ];
        assert_eq!(new(unbalanced), Err(LedgerError::Unbalanced));
        let nothing = vec![
            Line {
                account: Account::Fees,
                amount: eur(100),
            },
            Line {
                account: Account::Fees,
                amount: eur(-100),
            },
        ];
        assert_eq!(new(nothing), Err(LedgerError::Unbalanced));
    }

    #[test]
    fn a_stay_is_shared_between_the_commune_the_agency_and_the_owners() {
        let (a, b, stakes) = two_owners(false);
        let guest = Account::Guest(Uuid::nil());
        let price = StayPrice {
            rent: eur(100_000),
            fees: eur(8_000),
            tourist_tax: eur(1_540),
        };
        let lines = settlement(Uuid::nil(), eur(109_540), price, true, &stakes).unwrap();
        assert_eq!(balance(&lines, &guest), 109_540);
        assert_eq!(
            balance(&lines, &Account::TouristTax("06088 Nice".into())),
            -1_540
        );
        assert_eq!(balance(&lines, &Account::Fees), -8_000);
        // 60 % of 1,000.00 at 20 %, 40 % at 15 %.
        assert_eq!(balance(&lines, &Account::Owner(a)), -48_000);
        assert_eq!(balance(&lines, &Account::Owner(b)), -34_000);
        assert_eq!(balance(&lines, &Account::Commission), -12_000 - 6_000);
    }

    #[test]
    fn a_cancelled_stay_keeps_no_tourist_tax() {
        let (_, _, stakes) = two_owners(false);
        let price = StayPrice {
            rent: eur(90_000),
            fees: eur(10_000),
            tourist_tax: eur(2_000),
        };
        let lines = settlement(Uuid::nil(), eur(30_000), price, false, &stakes).unwrap();
        assert_eq!(
            balance(&lines, &Account::TouristTax("06088 Nice".into())),
            0
        );
        assert_eq!(balance(&lines, &Account::Fees), -3_000);
        assert_eq!(
            settlement(Uuid::nil(), eur(-1), price, false, &stakes),
            Err(LedgerError::Overrefunded { paid: -1 })
        );
    }

    #[test]
    fn money_paid_directly_to_an_owner_is_on_their_account() {
        let (a, b, stakes) = two_owners(true);
        let lines = cash_lines(Uuid::nil(), eur(10_001), &stakes).unwrap();
        assert_eq!(balance(&lines, &Account::ClientFunds), 6_001);
        assert_eq!(balance(&lines, &Account::Owner(b)), 4_000);
        assert_eq!(balance(&lines, &Account::Owner(a)), 0);
        assert_eq!(balance(&lines, &Account::Guest(Uuid::nil())), -10_001);
    }

    #[test]
    fn a_later_settlement_posts_only_the_difference() {
        let (_, _, stakes) = two_owners(false);
        let price = StayPrice {
            rent: eur(50_000),
            fees: eur(5_000),
            tourist_tax: eur(500),
        };
        let first = settlement(Uuid::nil(), eur(55_500), price, true, &stakes).unwrap();
        let same = settlement_delta(EUR, first.clone(), &first).unwrap();
        assert!(same.is_empty());
        let after_refund = settlement(Uuid::nil(), eur(45_500), price, true, &stakes).unwrap();
        let delta = settlement_delta(EUR, after_refund, &first).unwrap();
        assert_eq!(balance(&delta, &Account::Guest(Uuid::nil())), -10_000);
        assert_eq!(
            delta.iter().map(|l| l.amount.amount_minor()).sum::<i64>(),
            0
        );
    }

    proptest! {
        #[test]
        fn every_settlement_balances(
            paid in 0_i64..10_000_000,
            rent in 0_i64..10_000_000,
            fees in 0_i64..1_000_000,
            tax in 0_i64..100_000,
            share in 1_u32..10_000,
            c1 in 0_u32..=10_000,
            c2 in 0_u32..=10_000,
            stayed: bool,
        ) {
            let stakes = Stakes {
                commune: "75056 Paris".into(),
                owners: vec![
                    Stake { owner_id: Uuid::from_u128(1), share_bp: share, commission_bp: c1, paid_directly: false },
                    Stake { owner_id: Uuid::from_u128(2), share_bp: 10_000 - share, commission_bp: c2, paid_directly: true },
                ],
            };
            let price = StayPrice { rent: eur(rent), fees: eur(fees), tourist_tax: eur(tax) };
            let lines = settlement(Uuid::nil(), eur(paid), price, stayed, &stakes).unwrap();
            prop_assert_eq!(lines.iter().map(|l| l.amount.amount_minor()).sum::<i64>(), 0);
            prop_assert!(lines.iter().all(|l| l.account == Account::Guest(Uuid::nil()) || !l.amount.is_positive()));
            let cash = cash_lines(Uuid::nil(), eur(paid.max(1)), &stakes).unwrap();
            prop_assert_eq!(cash.iter().map(|l| l.amount.amount_minor()).sum::<i64>(), 0);
        }
    }
}
