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
    /// Below this length a direct comparison at each offset is cheaper than building a searcher.
    const SHORT: usize = 1024;
    if text.len() < SHORT {
        return text
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
    }
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([needle])
        .is_ok_and(|searcher| searcher.is_match(text))
}
