//! The password policy's data, shared by every context that takes a new password
//! (registration, a password change or reset, an account created by an administrator) and
//! by the OpenAPI schema that states it: its lengths and the passwords too common to be
//! accepted. The rule itself (`PasswordMustBeStrong`) is the auth context's.

use crate::value_objects::pattern::either_case;

/// Shortest accepted password, in characters.
pub const MIN_LENGTH: usize = 10;
/// Longest accepted password, in characters (argon2 has no limit; requests do).
pub const MAX_LENGTH: usize = 128;

/// Passwords seen too often in breaches to be accepted, compared case-insensitively.
/// (A short list: the rule's point is to refuse the obvious ones at registration.)
pub const COMMON: &[&str] = &[
    "password",
    "password1",
    "password12",
    "password123",
    "password1234",
    "passw0rd123",
    "motdepasse",
    "motdepasse1",
    "motdepasse123",
    "azertyuiop",
    "azerty1234",
    "azerty12345",
    "azerty123456",
    "qwertyuiop",
    "qwerty1234",
    "qwerty12345",
    "qwerty123456",
    "1234567890",
    "12345678910",
    "123456789a",
    "0123456789",
    "1111111111",
    "0000000000",
    "iloveyou12",
    "iloveyou123",
    "sunshine12",
    "princess12",
    "football12",
    "baseball12",
    "welcome123",
    "welcome1234",
    "letmein123",
    "abcdefghij",
    "abcd123456",
    "abc1234567",
    "soleil1234",
    "bonjour123",
    "doudou1234",
    "chouchou12",
    "marseille13",
    "loulou1234",
    "administrator",
    "admin12345",
    "admin123456",
    "changeme123",
    "trustno1234",
    "dragon1234",
    "monkey1234",
    "superman12",
    "starwars12",
    "qazwsxedc1",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "zaq12wsxcde",
];

/// The common passwords, in any case, as a regular expression (anchored): what a new
/// password must not be (the OpenAPI schema's `not`).
pub fn common_pattern() -> String {
    let alternatives: Vec<String> = COMMON
        .iter()
        .map(|password| password.chars().map(either_case).collect())
        .collect();
    format!("^(?:{})$", alternatives.join("|"))
}
