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
mod legacy_tls_version_runtime_choice;
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

pub use accept_all_server_verifier::declared_verifier;

use crate::declared::DeclaredValue;
use crate::lint::Lint;
use crate::rule::Rule;

/// Every rule, in code order.
pub static RULES: &[&Lint] = &[
    &parse_error::LINT,
    &invalid_suppression::LINT,
    &unused_suppression::LINT,
    &cert_verification_disabled::LINT,
    &cert_verification_skipped_by_mode::LINT,
    &revocation_check_disabled::LINT,
    &cert_verification_runtime_toggle::LINT,
    &accept_all_server_verifier::LINT,
    &unchecked_handshake_signature::LINT,
    &accept_all_client_verifier::LINT,
    &verifier_ignores_hostname::LINT,
    &unanalysed_custom_verifier::LINT,
    &accept_all_verify_callback::LINT,
    &verify_callback_overrides_errors::LINT,
    &cert_verification_disabled_in_config_string::LINT,
    &hostname_verification_disabled::LINT,
    &fixed_server_name::LINT,
    &sni_disabled::LINT,
    &legacy_tls_version::LINT,
    &tls13_disabled::LINT,
    &unsafe_legacy_renegotiation::LINT,
    &legacy_tls_version_runtime_choice::LINT,
    &weak_cipher_suite::LINT,
    &weak_tls13_suite::LINT,
    &security_level_lowered::LINT,
    &plaintext_connection::LINT,
    &cleartext_credentials::LINT,
    &credentials_in_cleartext_url::LINT,
    &cleartext_websocket_token::LINT,
    &cleartext_grpc_credentials::LINT,
    &cleartext_connection_string::LINT,
    &optional_client_auth::LINT,
    &weak_hsts::LINT,
    &plaintext_listener_all_interfaces::LINT,
    &tls_key_logging::LINT,
    &secret_extraction::LINT,
    &early_data_enabled::LINT,
    &hardcoded_private_key::LINT,
    &dangerous_tls_feature::LINT,
    &secret_extraction_feature::LINT,
    &vulnerable_tls_dependency::LINT,
    &no_tls_backend::LINT,
];

/// The ranges of values a `[[sink]]` under `rule` may declare dangerous: the legacy versions
/// (each with the older ones) under the rule of legacy versions, an address on every interface
/// under the rule of plain listeners, a remote host under the rule of plaintext connections;
/// none under another rule.
pub fn declared_ranges(rule: &Rule) -> Vec<DeclaredValue> {
    let is = |r: &Rule| std::ptr::eq(r, rule);
    if is(&legacy_tls_version::RULE) {
        DeclaredValue::version_spellings()
            .filter_map(DeclaredValue::range)
            .collect()
    } else if is(&plaintext_listener_all_interfaces::RULE) {
        vec![DeclaredValue::AllInterfaces]
    } else if is(&plaintext_connection::RULE) {
        vec![DeclaredValue::RemoteHost]
    } else {
        Vec::new()
    }
}

/// The rule a run-time value at a `[[sink]]` under `rule` that declares a range is reported
/// under, as the built-in setters of that rule report it: a version chosen at run time under the
/// rule of run-time version choices, an address or a host decided at run time under the rule
/// itself; `None` for another rule.
pub fn range_runtime(rule: &Rule) -> Option<&'static Rule> {
    let is = |r: &Rule| std::ptr::eq(r, rule);
    if is(&legacy_tls_version::RULE) {
        Some(&legacy_tls_version_runtime_choice::RULE)
    } else if is(&plaintext_listener_all_interfaces::RULE) {
        Some(&plaintext_listener_all_interfaces::RULE)
    } else if is(&plaintext_connection::RULE) {
        Some(&plaintext_connection::RULE)
    } else {
        None
    }
}

/// The rule named `key` (code, snake_case name or kebab-case name).
pub fn find(key: &str) -> Option<&'static Rule> {
    RULES.iter().map(|l| l.rule).find(|r| r.is_named(key))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::lint::Check;

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
            assert_eq!(
                rule.check.file_check().is_some(),
                !rule.needles.is_empty(),
                "{}: a file check needs needles, and only a file check has them",
                rule.name
            );
            if let Some(runtime) = rule.check.runtime() {
                let lint = RULES.iter().find(|l| l.rule == runtime);
                assert!(
                    lint.is_some_and(|l| matches!(l.check, Check::ByAnotherRule)),
                    "{}: its runtime rule is reported by it",
                    rule.name
                );
            }
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
