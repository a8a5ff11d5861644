//! The rule registry: the only place a rule is added. `--list`, `--explain`, config validation,
//! the prefilter, the README table and SARIF metadata all derive from [`RULES`].

mod accept_all_client_verifier;
mod accept_all_server_verifier;
mod accept_all_verify_callback;
mod cert_verification_disabled;
mod cert_verification_disabled_in_config_string;
mod cert_verification_runtime_toggle;
mod cert_verification_skipped_by_mode;
mod cleartext_connection_string;
mod cleartext_credentials;
mod cleartext_grpc_credentials;
mod cleartext_websocket_token;
mod credentials_in_cleartext_url;
mod dangerous_tls_feature;
mod early_data_enabled;
mod fixed_server_name;
mod hardcoded_private_key;
mod hostname_verification_disabled;
mod invalid_suppression;
mod legacy_tls_version;
mod no_tls_backend;
mod optional_client_auth;
mod parse_error;
mod plaintext_connection;
mod plaintext_listener_all_interfaces;
mod revocation_check_disabled;
mod secret_extraction;
mod secret_extraction_feature;
mod security_level_lowered;
mod sni_disabled;
mod tls13_disabled;
mod tls_key_logging;
mod unanalysed_custom_verifier;
mod unchecked_handshake_signature;
mod unsafe_legacy_renegotiation;
mod unused_suppression;
mod verifier_ignores_hostname;
mod verify_callback_overrides_errors;
mod vulnerable_tls_dependency;
mod weak_cipher_suite;
mod weak_hsts;
mod weak_tls13_suite;

use crate::rule::Rule;

pub(crate) use accept_all_client_verifier::RULE as ACCEPT_ALL_CLIENT_VERIFIER;
pub(crate) use accept_all_server_verifier::RULE as ACCEPT_ALL_SERVER_VERIFIER;
pub(crate) use cert_verification_runtime_toggle::RULE as RUNTIME_TOGGLE;
pub(crate) use invalid_suppression::RULE as INVALID_SUPPRESSION;
/// TLS001, which the binary reports for files it cannot read.
pub use parse_error::RULE as PARSE_ERROR;
pub(crate) use unanalysed_custom_verifier::RULE as UNANALYSED_CUSTOM_VERIFIER;
pub(crate) use unchecked_handshake_signature::RULE as UNCHECKED_HANDSHAKE_SIGNATURE;
pub(crate) use unused_suppression::RULE as UNUSED_SUPPRESSION;
// The manifest rules, reported by `crate::manifest`.
pub(crate) use dangerous_tls_feature::RULE as DANGEROUS_TLS_FEATURE;
pub(crate) use no_tls_backend::RULE as NO_TLS_BACKEND;
pub(crate) use secret_extraction_feature::RULE as SECRET_EXTRACTION_FEATURE;
pub(crate) use verifier_ignores_hostname::RULE as VERIFIER_IGNORES_HOSTNAME;
pub(crate) use verify_callback_overrides_errors::RULE as VERIFY_CALLBACK_OVERRIDES_ERRORS;
pub(crate) use vulnerable_tls_dependency::RULE as VULNERABLE_TLS_DEPENDENCY;

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &parse_error::RULE,
    &invalid_suppression::RULE,
    &unused_suppression::RULE,
    &cert_verification_disabled::RULE,
    &cert_verification_skipped_by_mode::RULE,
    &revocation_check_disabled::RULE,
    &cert_verification_runtime_toggle::RULE,
    &accept_all_server_verifier::RULE,
    &unchecked_handshake_signature::RULE,
    &accept_all_client_verifier::RULE,
    &verifier_ignores_hostname::RULE,
    &unanalysed_custom_verifier::RULE,
    &accept_all_verify_callback::RULE,
    &verify_callback_overrides_errors::RULE,
    &cert_verification_disabled_in_config_string::RULE,
    &hostname_verification_disabled::RULE,
    &fixed_server_name::RULE,
    &sni_disabled::RULE,
    &legacy_tls_version::RULE,
    &tls13_disabled::RULE,
    &unsafe_legacy_renegotiation::RULE,
    &weak_cipher_suite::RULE,
    &weak_tls13_suite::RULE,
    &security_level_lowered::RULE,
    &plaintext_connection::RULE,
    &cleartext_credentials::RULE,
    &credentials_in_cleartext_url::RULE,
    &cleartext_websocket_token::RULE,
    &cleartext_grpc_credentials::RULE,
    &cleartext_connection_string::RULE,
    &optional_client_auth::RULE,
    &weak_hsts::RULE,
    &plaintext_listener_all_interfaces::RULE,
    &tls_key_logging::RULE,
    &secret_extraction::RULE,
    &early_data_enabled::RULE,
    &hardcoded_private_key::RULE,
    &dangerous_tls_feature::RULE,
    &secret_extraction_feature::RULE,
    &vulnerable_tls_dependency::RULE,
    &no_tls_backend::RULE,
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
            assert!(
                rule.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{} is not snake_case",
                rule.name
            );
            assert!(
                rule.code.starts_with("TLS") && rule.code.len() == 6,
                "{}",
                rule.code
            );
            for heading in [
                "### What it does",
                "### Why is this bad?",
                "### Example",
                "Use instead:",
            ] {
                assert!(
                    rule.docs.contains(heading),
                    "{} docs lack `{heading}`",
                    rule.name
                );
            }
            assert!(
                !rule.summary.ends_with('.'),
                "{} summary ends with a period",
                rule.name
            );
            assert!(
                rule.check.is_none() || !rule.needles.is_empty(),
                "{} has a check but no needles",
                rule.name
            );
        }
    }

    #[test]
    fn find_accepts_code_name_and_kebab_case() {
        assert_eq!(find("TLS101").map(|r| r.code), Some("TLS101"));
        assert_eq!(find("tls101").map(|r| r.code), Some("TLS101"));
        assert_eq!(
            find("cert_verification_disabled").map(|r| r.code),
            Some("TLS101")
        );
        assert_eq!(
            find("cert-verification-disabled").map(|r| r.code),
            Some("TLS101")
        );
        assert!(find("cert_verification").is_none());
    }
}
