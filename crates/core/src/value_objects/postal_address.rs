//! Countries and postal addresses.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Every officially assigned ISO 3166-1 alpha-2 code, sorted.
const COUNTRY_CODES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Longest `line1` / `line2` accepted, in characters.
const MAX_LINE_LENGTH: usize = 200;
/// Longest city or region accepted, in characters.
const MAX_CITY_LENGTH: usize = 100;
/// Longest postal code accepted, in characters.
const MAX_POSTAL_CODE_LENGTH: usize = 16;

/// Why a country code or a postal address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostalAddressError {
    /// Not an officially assigned ISO 3166-1 alpha-2 code.
    #[error("`{code}` is not an ISO 3166-1 alpha-2 country code")]
    InvalidCountry {
        /// The code as given.
        code: String,
    },
    /// A required field is empty (or only whitespace).
    #[error("`{field}` must not be empty")]
    EmptyField {
        /// The field's wire name (`line1`, `postalCode`, `city`).
        field: &'static str,
    },
    /// A field is longer than allowed.
    #[error("`{field}` must be at most {max} characters long")]
    FieldTooLong {
        /// The field's wire name.
        field: &'static str,
        /// The limit, in characters.
        max: usize,
    },
    /// A field contains a control character (a line break, a tab…).
    #[error("`{field}` must not contain control characters")]
    ControlCharacter {
        /// The field's wire name.
        field: &'static str,
    },
    /// The postal code does not have the shape the country uses (five digits in France).
    #[error("`{postal_code}` is not a valid postal code for {country}")]
    InvalidPostalCode {
        /// The country the code was checked against.
        country: CountryCode,
        /// The postal code as given (trimmed).
        postal_code: String,
    },
}

impl PostalAddressError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidCountry { .. } => "postal_address.invalid_country",
            Self::EmptyField { .. } => "postal_address.empty_field",
            Self::FieldTooLong { .. } => "postal_address.field_too_long",
            Self::ControlCharacter { .. } => "postal_address.control_character",
            Self::InvalidPostalCode { .. } => "postal_address.invalid_postal_code",
        }
    }

    /// The wire name of the field at fault.
    pub fn field(&self) -> &'static str {
        match self {
            Self::InvalidCountry { .. } => "country",
            Self::EmptyField { field }
            | Self::FieldTooLong { field, .. }
            | Self::ControlCharacter { field } => field,
            Self::InvalidPostalCode { .. } => "postalCode",
        }
    }
}

/// An officially assigned ISO 3166-1 alpha-2 country code (`FR`, `DE`…), in upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "&'static str")]
pub struct CountryCode(&'static str);

impl CountryCode {
    /// France.
    pub const FR: CountryCode = CountryCode("FR");

    /// Parses a two-letter code in either case (`"fr"` gives `FR`); unassigned codes are
    /// refused.
    pub fn parse(code: &str) -> Result<Self, PostalAddressError> {
        let upper = code.to_ascii_uppercase();
        if upper.len() == 2
            && upper.bytes().all(|b| b.is_ascii_uppercase())
            && let Ok(index) = COUNTRY_CODES.binary_search(&upper.as_str())
            && let Some(known) = COUNTRY_CODES.get(index)
        {
            return Ok(Self(known));
        }
        Err(PostalAddressError::InvalidCountry {
            code: code.to_owned(),
        })
    }

    /// What [`CountryCode::parse`] accepts, as a regular expression (see
    /// [`super::pattern`]): an assigned code, in any case.
    pub fn pattern() -> String {
        format!(
            "^(?:{})$",
            super::pattern::two_letter_codes(COUNTRY_CODES.iter().copied())
        )
    }

    /// What [`CountryCode::parse`] accepts for France (`FR`, in any case).
    pub fn france_pattern() -> String {
        format!("^(?:{})$", super::pattern::two_letter_codes(["FR"]))
    }

    /// The two upper-case letters, e.g. `"FR"`.
    pub fn as_str(&self) -> &'static str {
        self.0
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl FromStr for CountryCode {
    type Err = PostalAddressError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for CountryCode {
    type Error = PostalAddressError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CountryCode> for &'static str {
    fn from(value: CountryCode) -> Self {
        value.0
    }
}

/// A postal address with trimmed, length-checked fields.
///
/// Serialized in camelCase: `line1`, `line2`, `postalCode`, `city`, `region`, `country`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "PostalAddressRaw")]
pub struct PostalAddress {
    line1: String,
    line2: Option<String>,
    postal_code: String,
    city: String,
    region: Option<String>,
    country: CountryCode,
}

/// The unchecked wire shape of [`PostalAddress`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostalAddressRaw {
    line1: String,
    #[serde(default)]
    line2: Option<String>,
    postal_code: String,
    city: String,
    #[serde(default)]
    region: Option<String>,
    country: String,
}

impl TryFrom<PostalAddressRaw> for PostalAddress {
    type Error = PostalAddressError;

    fn try_from(raw: PostalAddressRaw) -> Result<Self, Self::Error> {
        let country = CountryCode::parse(&raw.country)?;
        PostalAddress::new(
            &raw.line1,
            raw.line2.as_deref(),
            &raw.postal_code,
            &raw.city,
            raw.region.as_deref(),
            country,
        )
    }
}

impl PostalAddress {
    /// Checks and builds an address. Every field is trimmed; `line1`, `postal_code` and
    /// `city` are required, and an optional field left blank becomes `None`.
    pub fn new(
        line1: &str,
        line2: Option<&str>,
        postal_code: &str,
        city: &str,
        region: Option<&str>,
        country: CountryCode,
    ) -> Result<Self, PostalAddressError> {
        let line1 = required("line1", line1, MAX_LINE_LENGTH)?;
        let line2 = optional("line2", line2, MAX_LINE_LENGTH)?;
        let postal_code = required("postalCode", postal_code, MAX_POSTAL_CODE_LENGTH)?;
        let city = required("city", city, MAX_CITY_LENGTH)?;
        let region = optional("region", region, MAX_CITY_LENGTH)?;
        if country == CountryCode::FR
            && !(postal_code.len() == 5 && postal_code.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(PostalAddressError::InvalidPostalCode {
                country,
                postal_code,
            });
        }
        Ok(Self {
            line1,
            line2,
            postal_code,
            city,
            region,
            country,
        })
    }

    /// What [`PostalAddress::new`] accepts for `line1` (and `line2`, `optional`), as a
    /// regular expression (see [`super::pattern`]).
    pub fn line_pattern(optional: bool) -> String {
        text_pattern(optional, MAX_LINE_LENGTH)
    }

    /// What [`PostalAddress::new`] accepts for `city` (and `region`, `optional`).
    pub fn city_pattern(optional: bool) -> String {
        text_pattern(optional, MAX_CITY_LENGTH)
    }

    /// What [`PostalAddress::new`] accepts for the postal code of any country.
    pub fn postal_code_pattern() -> String {
        text_pattern(false, MAX_POSTAL_CODE_LENGTH)
    }

    /// What [`PostalAddress::new`] accepts for a French postal code: five digits.
    pub fn french_postal_code_pattern() -> String {
        use super::pattern::WHITESPACE;
        format!("^{WHITESPACE}*[0-9]{{5}}{WHITESPACE}*$")
    }

    /// A builder, for when naming each field reads better than positional arguments.
    pub fn builder() -> PostalAddressBuilder {
        PostalAddressBuilder::default()
    }

    /// First address line (number and street).
    pub fn line1(&self) -> &str {
        &self.line1
    }

    /// Second address line (building, floor…), if any.
    pub fn line2(&self) -> Option<&str> {
        self.line2.as_deref()
    }

    /// Postal code.
    pub fn postal_code(&self) -> &str {
        &self.postal_code
    }

    /// City.
    pub fn city(&self) -> &str {
        &self.city
    }

    /// Region, state or province, if any.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// Country.
    pub fn country(&self) -> CountryCode {
        self.country
    }
}

fn text_pattern(optional: bool, max: usize) -> String {
    if optional {
        super::pattern::optional_trimmed_text(max)
    } else {
        super::pattern::trimmed_text(max)
    }
}

fn required(field: &'static str, value: &str, max: usize) -> Result<String, PostalAddressError> {
    optional(field, Some(value), max)?.ok_or(PostalAddressError::EmptyField { field })
}

fn optional(
    field: &'static str,
    value: Option<&str>,
    max: usize,
) -> Result<Option<String>, PostalAddressError> {
    let Some(trimmed) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if trimmed.chars().count() > max {
        return Err(PostalAddressError::FieldTooLong { field, max });
    }
    if trimmed.chars().any(char::is_control) {
        return Err(PostalAddressError::ControlCharacter { field });
    }
    Ok(Some(trimmed.to_owned()))
}

impl fmt::Display for PostalAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.line1)?;
        if let Some(line2) = &self.line2 {
            write!(f, ", {line2}")?;
        }
        write!(f, ", {} {}", self.postal_code, self.city)?;
        if let Some(region) = &self.region {
            write!(f, ", {region}")?;
        }
        write!(f, ", {}", self.country)
    }
}

/// Builds a [`PostalAddress`] field by field; [`PostalAddressBuilder::build`] checks it.
#[derive(Debug, Clone, Default)]
pub struct PostalAddressBuilder {
    line1: String,
    line2: Option<String>,
    postal_code: String,
    city: String,
    region: Option<String>,
    country: Option<CountryCode>,
}

impl PostalAddressBuilder {
    /// Sets the first address line.
    pub fn line1(mut self, line1: impl Into<String>) -> Self {
        self.line1 = line1.into();
        self
    }

    /// Sets the second address line.
    pub fn line2(mut self, line2: impl Into<String>) -> Self {
        self.line2 = Some(line2.into());
        self
    }

    /// Sets the postal code.
    pub fn postal_code(mut self, postal_code: impl Into<String>) -> Self {
        self.postal_code = postal_code.into();
        self
    }

    /// Sets the city.
    pub fn city(mut self, city: impl Into<String>) -> Self {
        self.city = city.into();
        self
    }

    /// Sets the region.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Sets the country.
    pub fn country(mut self, country: CountryCode) -> Self {
        self.country = Some(country);
        self
    }

    /// Checks the fields as [`PostalAddress::new`] does; a missing country is refused.
    pub fn build(self) -> Result<PostalAddress, PostalAddressError> {
        let country = self
            .country
            .ok_or_else(|| PostalAddressError::InvalidCountry {
                code: String::new(),
            })?;
        PostalAddress::new(
            &self.line1,
            self.line2.as_deref(),
            &self.postal_code,
            &self.city,
            self.region.as_deref(),
            country,
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn paris() -> PostalAddress {
        PostalAddress::new(
            "12 rue de Rivoli",
            None,
            "75004",
            "Paris",
            None,
            CountryCode::FR,
        )
        .unwrap()
    }

    #[test]
    fn given_country_table_then_it_is_sorted_unique_and_well_formed() {
        assert!(COUNTRY_CODES.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(
            COUNTRY_CODES
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
    }

    #[test]
    fn given_assigned_codes_in_any_case_when_parsing_then_upper_cased() {
        assert_eq!(CountryCode::parse("FR"), Ok(CountryCode::FR));
        assert_eq!(CountryCode::parse("fr"), Ok(CountryCode::FR));
        assert_eq!(CountryCode::parse("dE").unwrap().as_str(), "DE");
        assert_eq!(CountryCode::parse("gb").unwrap().to_string(), "GB");
        assert_eq!("ax".parse::<CountryCode>().unwrap().as_str(), "AX");
    }

    #[test]
    fn given_unassigned_or_malformed_codes_when_parsing_then_invalid_country() {
        for code in ["", "F", "FRA", "UK", "EU", "XX", "ZZ", "F1", "É1", " FR"] {
            let error = CountryCode::parse(code).unwrap_err();
            assert_eq!(
                error,
                PostalAddressError::InvalidCountry {
                    code: code.to_owned()
                }
            );
            assert_eq!(error.code(), "postal_address.invalid_country");
        }
    }

    #[test]
    fn given_padded_fields_when_building_then_trimmed_and_blank_options_dropped() {
        let address = PostalAddress::new(
            "  3 chemin des Vignes ",
            Some("   "),
            " 84000 ",
            " Avignon ",
            Some(" Provence "),
            CountryCode::FR,
        )
        .unwrap();
        assert_eq!(address.line1(), "3 chemin des Vignes");
        assert_eq!(address.line2(), None);
        assert_eq!(address.postal_code(), "84000");
        assert_eq!(address.city(), "Avignon");
        assert_eq!(address.region(), Some("Provence"));
        assert_eq!(address.country(), CountryCode::FR);
        assert_eq!(
            address.to_string(),
            "3 chemin des Vignes, 84000 Avignon, Provence, FR"
        );
    }

    #[test]
    fn given_builder_when_building_then_same_checks_apply() {
        let address = PostalAddress::builder()
            .line1("221B Baker Street")
            .line2("Flat B")
            .postal_code("NW1 6XE")
            .city("London")
            .country(CountryCode::parse("GB").unwrap())
            .build()
            .unwrap();
        assert_eq!(address.line2(), Some("Flat B"));
        assert_eq!(address.postal_code(), "NW1 6XE");

        let missing_city = PostalAddress::builder()
            .line1("1 rue X")
            .postal_code("75001")
            .country(CountryCode::FR)
            .build();
        assert_eq!(
            missing_city,
            Err(PostalAddressError::EmptyField { field: "city" })
        );

        let missing_country = PostalAddress::builder()
            .line1("1 rue X")
            .postal_code("75001")
            .city("Paris")
            .build();
        assert_eq!(missing_country.unwrap_err().field(), "country");
    }

    #[test]
    fn given_empty_required_fields_when_building_then_empty_field() {
        let cases = [
            ("  ", "75001", "Paris", "line1"),
            ("1 rue X", "", "Paris", "postalCode"),
            ("1 rue X", "75001", "\t", "city"),
        ];
        for (line1, postal_code, city, field) in cases {
            let error = PostalAddress::new(line1, None, postal_code, city, None, CountryCode::FR)
                .unwrap_err();
            assert_eq!(error, PostalAddressError::EmptyField { field });
            assert_eq!(error.code(), "postal_address.empty_field");
            assert_eq!(error.field(), field);
        }
    }

    #[test]
    fn given_overlong_fields_when_building_then_field_too_long() {
        let de = CountryCode::parse("DE").unwrap();
        let long_line = "a".repeat(201);
        let error = PostalAddress::new(&long_line, None, "10115", "Berlin", None, de).unwrap_err();
        assert_eq!(
            error,
            PostalAddressError::FieldTooLong {
                field: "line1",
                max: 200
            }
        );
        assert_eq!(error.code(), "postal_address.field_too_long");
        let ok_line = "é".repeat(200);
        assert!(PostalAddress::new(&ok_line, None, "10115", "Berlin", None, de).is_ok());

        let long_city = "b".repeat(101);
        let error = PostalAddress::new("x", None, "10115", &long_city, None, de).unwrap_err();
        assert_eq!(error.field(), "city");

        let long_code = "1".repeat(17);
        let error = PostalAddress::new("x", None, &long_code, "Berlin", None, de).unwrap_err();
        assert_eq!(error.field(), "postalCode");

        let error =
            PostalAddress::new("x", Some(&long_line), "10115", "Berlin", None, de).unwrap_err();
        assert_eq!(error.field(), "line2");
    }

    #[test]
    fn given_control_characters_when_building_then_refused() {
        let error = PostalAddress::new(
            "1 rue X\nBât. B",
            None,
            "75001",
            "Paris",
            None,
            CountryCode::FR,
        )
        .unwrap_err();
        assert_eq!(
            error,
            PostalAddressError::ControlCharacter { field: "line1" }
        );
        assert_eq!(error.code(), "postal_address.control_character");
    }

    #[test]
    fn given_french_address_when_postal_code_is_not_five_digits_then_refused() {
        for postal_code in ["7500", "750011", "75 001", "2A004", "ABCDE"] {
            let error =
                PostalAddress::new("1 rue X", None, postal_code, "Paris", None, CountryCode::FR)
                    .unwrap_err();
            assert_eq!(error.code(), "postal_address.invalid_postal_code");
            assert_eq!(error.field(), "postalCode");
        }
        let be = CountryCode::parse("BE").unwrap();
        assert!(PostalAddress::new("Rue Neuve 1", None, "1000", "Bruxelles", None, be).is_ok());
    }

    #[test]
    fn given_address_when_serialized_then_camel_case_and_validated_on_read() {
        let json = serde_json::to_value(paris()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "line1": "12 rue de Rivoli",
                "line2": null,
                "postalCode": "75004",
                "city": "Paris",
                "region": null,
                "country": "FR"
            })
        );
        let back: PostalAddress = serde_json::from_value(json).unwrap();
        assert_eq!(back, paris());

        let without_options: PostalAddress = serde_json::from_str(
            r#"{"line1":"12 rue de Rivoli","postalCode":"75004","city":"Paris","country":"fr"}"#,
        )
        .unwrap();
        assert_eq!(without_options, paris());

        for bad in [
            r#"{"line1":"x","postalCode":"75004","city":"Paris","country":"QQ"}"#,
            r#"{"line1":"","postalCode":"75004","city":"Paris","country":"FR"}"#,
            r#"{"line1":"x","postalCode":"7500","city":"Paris","country":"FR"}"#,
            r#"{"line1":"x","city":"Paris","country":"FR"}"#,
        ] {
            assert!(serde_json::from_str::<PostalAddress>(bad).is_err(), "{bad}");
        }
    }
}
