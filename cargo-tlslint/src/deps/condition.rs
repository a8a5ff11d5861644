//! The condition under which a dependency's finding weakens TLS: unconditionally, when a value
//! decided at run time asks for it (TLS104, or any finding inside `if <field or parameter>`),
//! or when a cargo feature compiles it in (the finding's item, module or file sits under
//! `#[cfg(feature = "…")]`), and whether the workspace reaches it.

use tlslint_lints::Diagnostic;
use tlslint_lints::Guards;

use super::cfg::Pred;

/// How a finding is gated, from the most to the least severe for this build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Always in effect.
    Unconditional,
    /// Decided at run time, and the workspace asks for the dangerous value.
    Reached,
    /// Behind a cargo feature that this build enables.
    FeatureEnabled,
    /// Decided at run time; the workspace was not seen asking for it.
    Runtime,
    /// Behind a cargo feature that this build does not enable.
    FeatureDisabled,
}

impl Class {
    /// Whether findings of this class are in effect in this build (they may fail the run).
    pub fn is_effective(self) -> bool {
        matches!(
            self,
            Class::Unconditional | Class::Reached | Class::FeatureEnabled
        )
    }

    /// The class's name in the summary.
    pub fn label(self) -> &'static str {
        match self {
            Class::Unconditional => "unconditional",
            Class::Reached | Class::Runtime => "runtime-controlled",
            Class::FeatureEnabled | Class::FeatureDisabled => "build-controlled",
        }
    }
}

/// A finding's condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    /// Its class.
    pub class: Class,
    /// The condition in words (empty for unconditional findings).
    pub text: String,
    /// The cargo features it depends on.
    pub features: Vec<String>,
}

/// A workspace finding that turns a setting on with a constant: the setter or field it names
/// and where.
#[derive(Clone, Debug)]
pub struct Reach {
    /// The method or field name at the finding.
    pub key: String,
    /// `path:line:col`.
    pub at: String,
    /// The packages the finding's file can reach: the locked crates it names (`name::`,
    /// `use name`) and their dependencies, transitively.
    pub packages: std::collections::HashSet<String>,
}

/// What the classification needs to know about the finding's file and build.
pub struct Context<'a> {
    /// The file's text.
    pub text: &'a str,
    /// Its guards.
    pub guards: &'a Guards,
    /// The `#[cfg]` predicates on the file's module declarations.
    pub file_cfgs: &'a [String],
    /// Why a feature of the package is enabled, or `None`.
    pub enabled: &'a dyn Fn(&str) -> Option<String>,
    /// The workspace's constant findings.
    pub reach: &'a [Reach],
    /// The dependency's package name.
    pub package: &'a str,
}

/// Classifies one finding of a dependency.
pub fn classify(d: &Diagnostic, cx: &Context<'_>) -> Condition {
    let at = d.primary.range.start;
    let preds: Vec<(String, Pred)> = cx
        .file_cfgs
        .iter()
        .map(String::as_str)
        .chain(cx.guards.cfgs_at(at))
        .filter_map(|t| Some((t.to_string(), Pred::parse(t)?)))
        .filter(|(_, p)| !p.features().is_empty())
        .collect();
    let build = (!preds.is_empty()).then(|| build_condition(&preds, cx));
    let runtime = runtime_condition(d, cx);
    match (build, runtime) {
        (Some(b), _) if b.class == Class::FeatureDisabled => b,
        (Some(b), Some(mut r)) => {
            r.text = format!("{}; and {}", r.text, b.text);
            r.features = b.features;
            r
        }
        (Some(b), None) => b,
        (None, Some(r)) => r,
        (None, None) => Condition {
            class: Class::Unconditional,
            text: String::new(),
            features: Vec::new(),
        },
    }
}

fn build_condition(preds: &[(String, Pred)], cx: &Context<'_>) -> Condition {
    let mut features: Vec<String> = preds
        .iter()
        .flat_map(|(_, p)| p.features())
        .map(str::to_string)
        .collect();
    features.dedup();
    let is_on = |f: &str| (cx.enabled)(f).is_some();
    let value = preds
        .iter()
        .map(|(_, p)| p.eval(&is_on))
        .try_fold(true, |acc, v| v.map(|b| acc && b));
    let cfgs: Vec<String> = preds
        .iter()
        .map(|(t, _)| format!("`cfg({})`", compact(t)))
        .collect();
    let cfgs = cfgs.join(" and ");
    let (class, verdict) = match value {
        Some(false) => (
            Class::FeatureDisabled,
            "not enabled by this build".to_string(),
        ),
        Some(true) => {
            let mut why: Vec<(String, Vec<String>)> = Vec::new();
            for f in &features {
                let Some(w) = (cx.enabled)(f) else { continue };
                match why.iter_mut().find(|(reason, _)| *reason == w) {
                    Some((_, names)) => names.push(format!("`{f}`")),
                    None => why.push((w, vec![format!("`{f}`")])),
                }
            }
            let why: Vec<String> = why
                .into_iter()
                .map(|(reason, names)| format!("{}: {reason}", names.join(", ")))
                .collect();
            (
                Class::FeatureEnabled,
                format!("enabled in this build ({})", why.join("; ")),
            )
        }
        None => (
            Class::FeatureEnabled,
            "enabled in this build unless the other cfg options rule it out".to_string(),
        ),
    };
    let names: Vec<String> = features.iter().map(|f| format!("`{f}`")).collect();
    let word = if names.len() == 1 {
        "feature"
    } else {
        "features"
    };
    Condition {
        class,
        text: format!(
            "behind the cargo {word} {} ({cfgs}), {verdict}",
            names.join(", ")
        ),
        features,
    }
}

fn runtime_condition(d: &Diagnostic, cx: &Context<'_>) -> Option<Condition> {
    let primary = cx.text.get(d.primary.range.clone()).unwrap_or("");
    let (keys, text) = if let Some(value) = &d.runtime_value {
        let arg = cx.text.get(value.clone()).unwrap_or("");
        (
            vec![last_ident(primary), last_ident(arg)],
            format!(
                "when `{}({})` receives `true` at run time",
                primary,
                compact(arg)
            ),
        )
    } else {
        let guard = cx.guards.runtime_guard_at(d.primary.range.start)?;
        let place = guard.strip_prefix("else of ").unwrap_or(guard);
        let when = if guard.starts_with("else of ") {
            "is false"
        } else {
            "is true"
        };
        (
            vec![last_ident(place)],
            format!("when `{}` {when} at run time", compact(place)),
        )
    };
    let keys: Vec<&str> = keys
        .into_iter()
        .filter(|k| !k.is_empty() && *k != "self")
        .collect();
    let reached: Vec<&Reach> = cx
        .reach
        .iter()
        .filter(|r| r.packages.contains(cx.package) && keys.iter().any(|k| matches(&r.key, k)))
        .collect();
    Some(match reached.first() {
        Some(first) => {
            let more = if reached.len() > 1 {
                format!(" (and {} more)", reached.len() - 1)
            } else {
                String::new()
            };
            Condition {
                class: Class::Reached,
                text: format!(
                    "{text}; reached: `{}` asks for it at {}{more}",
                    first.key, first.at
                ),
                features: Vec::new(),
            }
        }
        None => Condition {
            class: Class::Runtime,
            text: format!("{text}; no workspace code was seen asking for it"),
            features: Vec::new(),
        },
    })
}

/// Whether a workspace setter/field name `ws` controls the dependency's `key`.
fn matches(ws: &str, key: &str) -> bool {
    ws == key || (key.len() >= 8 && ws.contains(key))
}

/// The last identifier of a place or call (`self.config.accept_invalid_certs` →
/// `accept_invalid_certs`, `!verify()` → `verify`).
pub fn last_ident(text: &str) -> &str {
    let trimmed = text.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '_'));
    let start = trimmed
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    &trimmed[start..]
}

/// Token text with proc-macro2's spacing removed around punctuation (`feature = "x"` stays).
fn compact(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ( ", "(")
        .replace(" (", "(")
        .replace("( ", "(")
        .replace(" )", ")")
        .replace(" ,", ",")
        .replace(" . ", ".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_ident_and_matching() {
        assert_eq!(
            last_ident("self.config.accept_invalid_certs"),
            "accept_invalid_certs"
        );
        assert_eq!(last_ident("!self.verify()"), "verify");
        assert!(matches(
            "danger_accept_invalid_certs",
            "accept_invalid_certs"
        ));
        assert!(!matches(
            "danger_accept_invalid_hostnames",
            "accept_invalid_certs"
        ));
        assert_eq!(
            compact("any (feature = \"a\" , unix)"),
            "any(feature = \"a\", unix)"
        );
    }
}
