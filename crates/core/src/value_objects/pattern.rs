//! The text each value object's `parse` accepts, as a regular expression: the `pattern`
//! of its JSON Schema in the OpenAPI document, so that a client (or a test generator)
//! knows exactly what the server takes.
//!
//! The expressions use only what ECMA-262 (the dialect of JSON Schema), Python's `re` and
//! Rust's `regex` read alike: anchors, classes with `\xHH` and `\uHHHH` escapes, groups,
//! alternation and bounded repetition. Whitespace is spelled out as a class rather than
//! `\s`, whose meaning differs between the three: it is what `char::is_whitespace` (and so
//! `str::trim`) takes, the Unicode `White_Space` characters. A rule no regular expression
//! can state (a checksum, a total length across parts) is left to the server; such a
//! pattern is a little looser than `parse`, never stricter. The property tests of
//! `tests/patterns_props.rs` hold each pattern to its `parse`.

/// The characters `char::is_whitespace` accepts (Unicode `White_Space`), as a class.
pub const WHITESPACE: &str =
    r"[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";

/// A character that is neither whitespace nor a control character (`char::is_control`,
/// Unicode `Cc`: U+0000–U+001F and U+007F–U+009F).
pub const VISIBLE: &str =
    r"[^\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";

/// A character that is not a control character.
pub const NOT_CONTROL: &str = r"[^\x00-\x1f\x7f-\x9f]";

/// A character that is not a control character, or is a tab or a line break (`\t`,
/// `\n`, `\r`): what free text (notes, reasons) may hold.
pub const NOT_CONTROL_BUT_LINE_BREAKS: &str = r"[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]";

/// Any character but NUL (U+0000), which no text the API stores may hold (PostgreSQL
/// cannot store it; the HTTP edge refuses it in every request body).
pub const ANY: &str = r"[^\x00]";

/// Free text: anything without NUL.
pub const FREE_TEXT: &str = r"^[^\x00]*$";

/// A character that is neither whitespace nor NUL (other control characters included).
pub const NOT_WHITESPACE: &str =
    r"[^\x00\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";

/// Text that, trimmed, is 1 to `max` characters long without control characters (the rule
/// of names, address lines...): whitespace around it is allowed, as the server trims it.
pub fn trimmed_text(max: usize) -> String {
    format!(
        "^{WHITESPACE}*{}{WHITESPACE}*$",
        core(VISIBLE, NOT_CONTROL, max)
    )
}

/// As [`trimmed_text`], or blank (an optional field whose blank value means "none").
pub fn optional_trimmed_text(max: usize) -> String {
    format!(
        "^{WHITESPACE}*(?:{})?{WHITESPACE}*$",
        core(VISIBLE, NOT_CONTROL, max)
    )
}

/// Text that, trimmed, is 1 to `max` characters of `inner` (its ends of `edge`), blank
/// allowed when `optional`: the general form of the two above.
pub fn trimmed(edge: &str, inner: &str, max: usize, optional: bool) -> String {
    let core = core(edge, inner, max);
    if optional {
        format!("^{WHITESPACE}*(?:{core})?{WHITESPACE}*$")
    } else {
        format!("^{WHITESPACE}*{core}{WHITESPACE}*$")
    }
}

/// 1 to `max` characters of `inner`, starting and ending with an `edge` one (`max` ≥ 1).
fn core(edge: &str, inner: &str, max: usize) -> String {
    match max {
        0 | 1 => edge.to_owned(),
        _ => format!("{edge}(?:{inner}{{0,{}}}{edge})?", max - 2),
    }
}

/// A class matching `letter` in either case (`[Ff]`), or the character itself.
pub fn either_case(character: char) -> String {
    let (lower, upper) = (
        character.to_ascii_lowercase(),
        character.to_ascii_uppercase(),
    );
    if lower == upper {
        escape(character)
    } else {
        format!("[{upper}{lower}]")
    }
}

/// `units` (each a regular expression for one character) in a row, each followed by any
/// number of `separator`s, with runs of the same unit folded (`(?:[0-9]SEP*){9}`).
pub fn separated(units: &[String], separator: &str) -> String {
    let mut out = String::new();
    let mut rest = units;
    while let Some(unit) = rest.first() {
        let run = rest.iter().take_while(|u| *u == unit).count();
        if run == 1 {
            out.push_str(&format!("{unit}{separator}*"));
        } else {
            out.push_str(&format!("(?:{unit}{separator}*){{{run}}}"));
        }
        rest = rest.get(run..).unwrap_or_default();
    }
    out
}

/// `character` as a literal of a regular expression.
pub fn escape(character: char) -> String {
    if character.is_ascii_alphanumeric() {
        character.to_string()
    } else {
        format!("\\{character}")
    }
}

/// One of `codes` (two ASCII letters each), in any case: `[Ff][Rr]|[Dd][Ee]|...` grouped
/// by first letter (`[Ff][IiJjKkMmOoRr]`), without anchors.
pub fn two_letter_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    two_letter_codes_spaced(codes, "")
}

/// As [`two_letter_codes`], with `between` (a regular expression) between the letters.
pub fn two_letter_codes_spaced<'a>(
    codes: impl IntoIterator<Item = &'a str>,
    between: &str,
) -> String {
    let mut by_first: Vec<(char, String)> = Vec::new();
    for code in codes {
        let mut letters = code.chars();
        let (Some(first), Some(second)) = (letters.next(), letters.next()) else {
            continue;
        };
        let (first, second) = (first.to_ascii_uppercase(), second.to_ascii_uppercase());
        match by_first.iter_mut().find(|(f, _)| *f == first) {
            Some((_, seconds)) => seconds.push(second),
            None => by_first.push((first, second.to_string())),
        }
    }
    by_first
        .iter()
        .map(|(first, seconds)| {
            let lower: String = seconds.to_ascii_lowercase();
            format!("{}{between}[{seconds}{lower}]", either_case(*first))
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_by_first_letter_in_either_case() {
        assert_eq!(two_letter_codes(["FR", "FI", "DE"]), "[Ff][RIri]|[Dd][Ee]");
        assert_eq!(either_case('x'), "[Xx]");
        assert_eq!(either_case('+'), "\\+");
        assert_eq!(either_case('7'), "7");
    }
}
