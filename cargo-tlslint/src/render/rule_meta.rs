//! Facts about a rule derived from the registry (`tlslint_lints::RULES`) for machine outputs
//! and generated docs: the docs anchor and URL, the "What it does" text, and the security
//! severity. Nothing here is written per rule.

use tlslint_lints::{Level, Rule};

/// The repository's web address (the package's `repository` key).
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The heading of a rule's section in `docs/rules.md`.
pub fn heading(rule: &Rule) -> String {
    format!("{} `{}`", rule.code, rule.name)
}

/// The anchor GitHub derives from [`heading`]: lowercase, punctuation other than `-`/`_`
/// dropped, spaces turned into `-`.
pub fn anchor(rule: &Rule) -> String {
    heading(rule)
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// ` · CWE-295, CWE-297` after a rule's level line (each CWE written by `show`), or nothing for a
/// rule without CWEs.
pub fn cwe_suffix(rule: &Rule, show: impl Fn(u16) -> String) -> String {
    if rule.cwe.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = rule.cwe.iter().map(|c| show(*c)).collect();
    format!(" · {}", shown.join(", "))
}

/// The rule's documentation on the web, as released with this version (the tag `vX.Y.Z`), so
/// that a rule's page matches the binary that reported it.
pub fn help_uri(rule: &Rule) -> String {
    format!(
        "{REPOSITORY}/blob/v{}/docs/rules.md#{}",
        env!("CARGO_PKG_VERSION"),
        anchor(rule)
    )
}

/// The text under the docs' `### What it does` heading, as one paragraph; the summary when absent.
pub fn what_it_does(rule: &Rule) -> String {
    let Some((_, rest)) = rule.docs.split_once("### What it does") else {
        return rule.summary.to_string();
    };
    let section = rest.split("\n#").next().unwrap_or(rest);
    let text = section.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        rule.summary.to_string()
    } else {
        text
    }
}

/// CWEs whose weakness lets an attacker in the network path read or change the traffic outright
/// (certificate or hostname validation missing, cleartext transmission).
const INTERCEPTION_CWES: &[u16] = &[295, 297, 299, 319, 322, 523];

/// GitHub's `security-severity` (0.1–10.0) of a rule, from its default level and its CWEs; `None`
/// for rules without a CWE (the tool's own diagnostics: parse errors, suppression hygiene), which
/// are not security rules.
pub fn security_severity(rule: &Rule) -> Option<f32> {
    if rule.cwe.is_empty() {
        return None;
    }
    let base: f32 = match rule.default_level {
        Level::Forbid => 9.0,
        Level::Deny => 7.5,
        Level::Warn => 5.0,
        Level::Allow => 3.0,
    };
    let interception = rule.cwe.iter().any(|c| INTERCEPTION_CWES.contains(c));
    Some(if interception {
        (base + 1.0).min(10.0)
    } else {
        base
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tlslint_lints::RULES;

    #[test]
    fn anchors_match_githubs_slugs() {
        let r = tlslint_lints::find_rule("TLS101").map(anchor);
        assert_eq!(r.as_deref(), Some("tls101-cert_verification_disabled"));
    }

    #[test]
    fn help_uris_point_at_the_released_docs() {
        let uri = tlslint_lints::find_rule("TLS101").map(help_uri);
        assert_eq!(
            uri.as_deref(),
            Some(concat!(
                "https://github.com/cargo-tlslint/cargo-tlslint/blob/v",
                env!("CARGO_PKG_VERSION"),
                "/docs/rules.md#tls101-cert_verification_disabled"
            ))
        );
    }

    #[test]
    fn every_security_rule_has_a_severity_in_range() {
        for rule in RULES {
            if let Some(s) = security_severity(rule) {
                assert!((0.1..=10.0).contains(&s), "{}", rule.code);
            }
            assert!(!what_it_does(rule).is_empty());
        }
    }
}
