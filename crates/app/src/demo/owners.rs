//! The demo owners: identities keyed like real ones (SIRET, VAT number and IBAN with
//! their check digits), created by the manager.

use chrono::{Datelike, NaiveDate};
use sejour_core::Ctx;
use sejour_owners::{
    application::{
        commands::create_owner::CreateOwnerCommand,
        input::{AddressInput, IdentityInput},
    },
    domain::OwnerKindTag,
};
use uuid::Uuid;

use super::{SeedError, Step, agency::OwnerSpec, ymd};
use crate::platform::Platform;

/// Creates every owner of `specs`, the linked one tied to `owner_user_id`; their ids in
/// the same order.
pub(super) async fn create_owners(
    platform: &Platform,
    as_manager: &Ctx,
    specs: &[OwnerSpec],
    owner_user_id: Uuid,
    today: NaiveDate,
) -> Result<Vec<Uuid>, SeedError> {
    let create = sejour_owners::use_cases(&platform.shared(), platform.users.clone()).create;
    let mut owners = Vec::new();
    for spec in specs {
        let command = owner_command(spec, today, spec.linked.then_some(owner_user_id))?;
        let id = create
            .handle(as_manager, command)
            .await
            .step(|| format!("creating the owner {}", spec.name))?;
        owners.push(id);
    }
    Ok(owners)
}

fn owner_command(
    spec: &OwnerSpec,
    today: NaiveDate,
    user_id: Option<Uuid>,
) -> Result<CreateOwnerCommand, SeedError> {
    let identity = match spec.kind {
        OwnerKindTag::Person => {
            let name = spec.name.as_str();
            let (first, last) = name.split_once(' ').unwrap_or((name, name));
            IdentityInput {
                first_name: Some(first.to_owned()),
                last_name: Some(last.to_owned()),
                ..IdentityInput::default()
            }
        }
        OwnerKindTag::Company => {
            let siren = luhn_complete(&spec.siren_stem);
            let siret = luhn_complete(&format!("{siren}0001"));
            IdentityInput {
                legal_name: Some(spec.name.clone()),
                vat_number: Some(Some(french_vat_number(&siren))),
                siret: Some(siret),
                ..IdentityInput::default()
            }
        }
    };
    let (bank, since, address) = (&spec.bank, &spec.since, &spec.address);
    Ok(CreateOwnerCommand {
        kind: spec.kind,
        identity,
        email: spec.email.clone(),
        phone: Some(spec.phone.clone()),
        address: AddressInput {
            line1: address.line1.clone(),
            line2: None,
            postal_code: address.postal_code.clone(),
            city: address.city.clone(),
            region: None,
            country: "FR".to_owned(),
        },
        iban: Some(french_iban(bank.bank, bank.branch, bank.account)),
        commission_basis_points: spec.commission_bp,
        mandate_start_date: ymd(today.year() - since.years_ago, since.month, since.day)?,
        money_model: spec.money_model,
        user_id,
    })
}

/// `digits` followed by the Luhn check digit that makes the whole number valid (how
/// SIREN and SIRET numbers are keyed).
fn luhn_complete(digits: &str) -> String {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b.saturating_sub(b'0'));
            // The check digit will sit at position 0, so these are the odd positions.
            if i % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    format!("{digits}{}", (10 - sum % 10) % 10)
}

/// The French VAT number of a SIREN: `FR`, key `(12 + 3 × (siren mod 97)) mod 97`, SIREN.
fn french_vat_number(siren: &str) -> String {
    let n: u64 = siren.parse().unwrap_or_default();
    format!("FR{:02}{siren}", (12 + 3 * (n % 97)) % 97)
}

/// A French IBAN for the RIB `bank`/`branch`/`account` (digits only): the RIB key
/// `97 − (89·bank + 15·branch + 3·account) mod 97`, then the ISO 13616 check digits.
fn french_iban(bank: u64, branch: u64, account: u64) -> String {
    let rib_key = 97 - (89 * bank + 15 * branch + 3 * account) % 97;
    let bban = format!("{bank:05}{branch:05}{account:011}{rib_key:02}");
    format!("FR{:02}{bban}", iban_check_digits("FR", &bban))
}

/// The ISO 13616 check digits of `bban` in `country`: `98 − (bban ‖ country ‖ 00) mod 97`,
/// letters read as 10–35.
fn iban_check_digits(country: &str, bban: &str) -> u32 {
    let remainder = format!("{bban}{country}00")
        .chars()
        .filter_map(|c| c.to_digit(36))
        .fold(0u32, |acc, v| {
            if v < 10 {
                (acc * 10 + v) % 97
            } else {
                (acc * 100 + v) % 97
            }
        });
    98 - remainder
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::demo::{OWNER_EMAIL, agency::agency};
    use sejour_owners::domain::{Iban, Siret, VatNumber};

    #[test]
    fn given_the_documented_iban_when_computing_its_check_digits_then_14() {
        assert_eq!(iban_check_digits("FR", "20041010050500013M02606"), 14);
    }

    #[test]
    fn given_the_demo_owners_when_keyed_then_siret_vat_and_iban_parse() {
        for spec in &agency().unwrap().owners {
            let iban = french_iban(spec.bank.bank, spec.bank.branch, spec.bank.account);
            assert!(Iban::parse(&iban).is_ok(), "{iban}");
            if spec.kind == OwnerKindTag::Company {
                let siren = luhn_complete(&spec.siren_stem);
                assert_eq!(luhn_complete(&siren[..8]), siren);
                let siret = luhn_complete(&format!("{siren}0001"));
                assert!(Siret::parse(&siret).is_ok(), "{siret}");
                let vat = VatNumber::parse(&french_vat_number(&siren)).unwrap();
                assert_eq!(vat.french_siren(), Some(siren.as_str()));
            }
        }
        // A known SIRET: 732 829 320 00074.
        assert_eq!(luhn_complete("7328293200007"), "73282932000074");
    }

    #[test]
    fn given_the_demo_owners_then_the_linked_one_is_the_owner_account() {
        let owners = &agency().unwrap().owners;
        let linked: Vec<_> = owners.iter().filter(|o| o.linked).collect();
        assert_eq!(linked.len(), 1);
        assert_eq!(linked[0].email, OWNER_EMAIL);
    }
}
