//! The rule registry: the only place a rule is added. `--list`, `--explain`, config validation,
//! the prefilter, the README table and SARIF metadata all derive from [`RULES`].

mod cert_verification_disabled;
mod cert_verification_disabled_in_config_string;
mod cert_verification_runtime_toggle;
mod cert_verification_skipped_by_mode;
mod cleartext_connection_string;
mod cleartext_credentials;
mod cleartext_grpc_credentials;
mod cleartext_websocket_token;
mod credentials_in_cleartext_url;
mod fixed_server_name;
mod hostname_verification_disabled;
mod invalid_suppression;
mod parse_error;
mod plaintext_connection;
mod revocation_check_disabled;
mod sni_disabled;
mod unused_suppression;

use crate::rule::Rule;

pub(crate) use cert_verification_runtime_toggle::RULE as RUNTIME_TOGGLE;
pub(crate) use invalid_suppression::RULE as INVALID_SUPPRESSION;
/// TLS001, which the binary reports for files it cannot read.
pub use parse_error::RULE as PARSE_ERROR;
pub(crate) use unused_suppression::RULE as UNUSED_SUPPRESSION;

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &parse_error::RULE,
    &invalid_suppression::RULE,
    &unused_suppression::RULE,
    &cert_verification_disabled::RULE,
    &cert_verification_skipped_by_mode::RULE,
    &revocation_check_disabled::RULE,
    &cert_verification_runtime_toggle::RULE,
    &cert_verification_disabled_in_config_string::RULE,
    &hostname_verification_disabled::RULE,
    &fixed_server_name::RULE,
    &sni_disabled::RULE,
    &plaintext_connection::RULE,
    &cleartext_credentials::RULE,
    &credentials_in_cleartext_url::RULE,
    &cleartext_websocket_token::RULE,
    &cleartext_grpc_credentials::RULE,
    &cleartext_connection_string::RULE,
];

/// The rule named `key` (code, snake_case name or kebab-case name).
pub fn find(key: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.is_named(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_well_formed() {
        let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        let sorted = {
            let mut c = codes.clone();
            c.sort_unstable();
            c
        };
        assert_eq!(codes, sorted, "RULES must be in code order");
        codes.dedup();
        assert_eq!(codes.len(), RULES.len(), "codes must be unique");
        for rule in RULES {
            assert!(rule.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{} is not snake_case", rule.name);
            assert!(rule.code.starts_with("TLS") && rule.code.len() == 6, "{}", rule.code);
            for heading in ["### What it does", "### Why is this bad?", "### Example", "Use instead:"] {
                assert!(rule.docs.contains(heading), "{} docs lack `{heading}`", rule.name);
            }
            assert!(!rule.summary.ends_with('.'), "{} summary ends with a period", rule.name);
            assert!(rule.check.is_none() || !rule.needles.is_empty(), "{} has a check but no needles", rule.name);
        }
    }

    #[test]
    fn find_accepts_code_name_and_kebab_case() {
        assert_eq!(find("TLS101").map(|r| r.code), Some("TLS101"));
        assert_eq!(find("tls101").map(|r| r.code), Some("TLS101"));
        assert_eq!(find("cert_verification_disabled").map(|r| r.code), Some("TLS101"));
        assert_eq!(find("cert-verification-disabled").map(|r| r.code), Some("TLS101"));
        assert!(find("cert_verification").is_none());
    }
}
