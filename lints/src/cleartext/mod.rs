//! Shared machinery of the cleartext rules (TLS130, TLS501, TLS510–TLS514): host exemptions,
//! URL values, configuration-string positions and credential carriers.

pub mod carriers;
pub mod context;
pub mod hosts;
pub mod query;

/// Whether `text` contains `needle`, ASCII case-insensitively (as the prefilter matches), for
/// short texts such as a string's value; a file's text is searched with [`Cx::mentions_ci`].
///
/// [`Cx::mentions_ci`]: crate::cx::Cx::mentions_ci
pub fn contains_ci(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}
