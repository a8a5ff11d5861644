//! Shared machinery of the cleartext rules (TLS130, TLS501, TLS510–TLS514): host exemptions,
//! URL values, configuration-string positions and credential carriers.

pub mod carriers;
pub mod context;
pub mod hosts;
pub mod url_value;

/// Whether `text` contains `needle`, ASCII case-insensitively (as the prefilter matches). Rules
/// whose values can be assembled from pieces (`concat!`, constants) check their needle with it,
/// so that the prefilter stays exact.
pub fn contains_ci(text: &str, needle: &str) -> bool {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([needle])
        .is_ok_and(|searcher| searcher.is_match(text))
}
