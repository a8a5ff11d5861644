//! Sinks beyond the rules' own setters: declared in the policy (`[[sink]]` in `tlslint.toml` or
//! `[package.metadata.tlslint]`), a method of the user's own code or of a wrapper crate whose
//! argument switches a protection off, reported under an existing rule the user chose; or learned
//! from a dependency's source (a public function whose parameter reaches a known setting). Plain
//! data, compiled once with the policy: the sinks, and the prefilter needles that make a file
//! calling one pass [`crate::Engine::scan`]. The check itself is
//! [`crate::toggle::check_declared`].

use std::sync::Arc;

use crate::prefilter::{AND, OR, Prefilter, Triggers};
use crate::rule::Rule;
use crate::value::version::Proto;

/// The value declared dangerous for a sink: a boolean, an integer or a string, or a range of
/// values (a version and the older ones, an address on every interface, a remote host).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeclaredValue {
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i128),
    /// A string.
    Str(String),
    /// Any call: the function sets the dangerous value itself (a dependency's
    /// `insecure_client()` that calls `danger_accept_invalid_certs(true)`); learned only.
    Always,
    /// This protocol version or an older one: a version floor (`set_min_version(v)`).
    VersionAtMost(Proto),
    /// An address string that listens on every interface (`"0.0.0.0:8080"`, not port 0): a
    /// plain listener's bind address.
    AllInterfaces,
    /// A host that is not loopback, a unix socket or one of the policy's
    /// `allowed-cleartext-hosts`: the host of a plaintext connection.
    RemoteHost,
}

/// How the policy and the sink cache spell the ranges of values: a version for "this version
/// and the older ones" (as `min-tls-version` spells versions), and the two address kinds.
const RANGES: [(&str, DeclaredValue); 5] = [
    ("1.0", DeclaredValue::VersionAtMost(Proto::Tls10)),
    ("1.1", DeclaredValue::VersionAtMost(Proto::Tls11)),
    ("1.2", DeclaredValue::VersionAtMost(Proto::Tls12)),
    ("all-interfaces", DeclaredValue::AllInterfaces),
    ("remote-host", DeclaredValue::RemoteHost),
];

impl DeclaredValue {
    /// The range of values `spelling` names (`"1.1"`: TLS 1.1 and older; `"all-interfaces"`;
    /// `"remote-host"`).
    pub fn range(spelling: &str) -> Option<DeclaredValue> {
        RANGES
            .iter()
            .find(|(s, _)| *s == spelling)
            .map(|(_, v)| v.clone())
    }

    /// How a range of values is spelled ([`DeclaredValue::range`] reads it back); `None` for a
    /// single value, `Always`, or a version no spelling names.
    pub fn range_spelling(&self) -> Option<&'static str> {
        RANGES.iter().find(|(_, v)| v == self).map(|(s, _)| *s)
    }

    /// The versions a range may be spelled with, for messages (`"1.0"`, `"1.1"`, `"1.2"`).
    pub fn version_spellings() -> impl Iterator<Item = &'static str> {
        RANGES
            .iter()
            .filter(|(_, v)| matches!(v, DeclaredValue::VersionAtMost(_)))
            .map(|(s, _)| *s)
    }
}

/// Where a sink comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SinkSource {
    /// A `[[sink]]` of the policy, and where it is written (e.g. "`tlslint.toml`, line 3").
    Policy(String),
    /// Learned from a dependency's source.
    Learned {
        /// The package and version, e.g. `acme-http 0.4.1`.
        package: String,
        /// The setting the argument reaches there, e.g. `danger_accept_invalid_certs`.
        setting: String,
        /// Where that setting is, in the package (e.g. `src/client.rs:12`).
        at: String,
        /// The headline of the setting's own finding, used for calls to the sink.
        message: String,
        /// When `setting` is itself a sink learned from a dependency of the package, the rest of
        /// the chain as the note continues it (`, which passes it to
        /// `danger_accept_invalid_certs` (acme-http 0.4.1, src/client.rs:11)`); else empty.
        via: String,
    },
}

/// One sink: a method (or function) and the argument whose value switches a protection off.
#[derive(Clone, Debug)]
pub struct DeclaredSink {
    /// The path, e.g. `acme_http::Builder::insecure`: the method is the last segment; the
    /// segments before it are the type and the crate (either must be mentioned in the file).
    pub path: Vec<String>,
    /// Which argument carries the value (0-based, not counting the receiver).
    pub arg: usize,
    /// Whether it is a method (`recv.insecure(x)`, `Type::insecure(recv, x)`); otherwise a
    /// function called by path (`acme_http::client(x)`, `Builder::with_insecure(x)`).
    pub receiver: bool,
    /// Whether the last segment is a public field of the type before it, set by a struct
    /// literal (`Config { insecure: true, .. }`) or an assignment (`config.insecure = true`)
    /// rather than called (`arg` and `receiver` then say nothing); learned only.
    pub field: bool,
    /// The value that weakens TLS.
    pub dangerous: DeclaredValue,
    /// The rule a dangerous constant is reported under (a source rule).
    pub rule: &'static Rule,
    /// Where it comes from, for the notes.
    pub source: SinkSource,
}

impl DeclaredSink {
    /// The method's (or the field's) name (the last segment).
    pub fn method(&self) -> &str {
        self.path.last().map_or("", String::as_str)
    }

    /// The names of which the file must mention one, the crate (the first segment) and the type
    /// (the one before the method), or none when the path is only the method.
    pub fn qualifiers(&self) -> Vec<&str> {
        let before = &self.path[..self.path.len().saturating_sub(1)];
        let mut names: Vec<&str> = before
            .first()
            .into_iter()
            .chain(before.last())
            .map(String::as_str)
            .collect();
        names.dedup();
        names
    }

    /// The prefilter needle: the method name, and one of the qualifiers when there are any (a
    /// necessary condition of [`crate::toggle::check_declared`], which requires the file's code
    /// to mention one of them).
    fn needle(&self) -> String {
        let method = self.method();
        let names = self.qualifiers();
        if names.is_empty() {
            method.to_string()
        } else {
            format!("{method}{AND}{}", names.join(OR))
        }
    }
}

/// The policy's declared sinks, with their prefilter compiled once.
#[derive(Clone, Default)]
pub struct DeclaredSinks {
    sinks: Vec<DeclaredSink>,
    prefilter: Option<Arc<Prefilter>>,
}

impl DeclaredSinks {
    /// Compiles `sinks` (whose paths the policy reader has checked: non-empty, identifiers).
    pub fn new(sinks: Vec<DeclaredSink>) -> DeclaredSinks {
        let sinks: Vec<DeclaredSink> = sinks
            .into_iter()
            .filter(|s| !s.method().is_empty())
            .collect();
        let prefilter = (!sinks.is_empty()).then(|| {
            let needles: Vec<String> = sinks.iter().map(DeclaredSink::needle).collect();
            Arc::new(Prefilter::of_needles(&needles))
        });
        DeclaredSinks { sinks, prefilter }
    }

    /// The sinks.
    pub fn iter(&self) -> impl Iterator<Item = &DeclaredSink> {
        self.sinks.iter()
    }

    /// These sinks and `more` (a sink of the same path, kind and argument as one here is
    /// dropped).
    pub fn with(&self, more: &[DeclaredSink]) -> DeclaredSinks {
        let mut all = self.sinks.clone();
        for sink in more {
            let same = |s: &DeclaredSink| {
                s.path == sink.path && s.field == sink.field && s.arg == sink.arg
            };
            if !all.iter().any(same) {
                all.push(sink.clone());
            }
        }
        DeclaredSinks::new(all)
    }

    /// The sinks the policy declares, without the learned ones.
    pub fn declared_only(&self) -> DeclaredSinks {
        DeclaredSinks::new(
            self.sinks
                .iter()
                .filter(|s| matches!(s.source, SinkSource::Policy(_)))
                .cloned()
                .collect(),
        )
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.sinks.is_empty()
    }

    /// The trigger words of the declared sinks in `text`, as [`Prefilter::scan`] gives them.
    pub(crate) fn scan(&self, text: &str) -> Option<Triggers> {
        self.prefilter.as_ref()?.scan(text)
    }
}

impl std::fmt::Debug for DeclaredSinks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.sinks).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sink(path: &str) -> DeclaredSink {
        DeclaredSink {
            path: path.split("::").map(str::to_string).collect(),
            arg: 0,
            receiver: true,
            field: false,
            dangerous: DeclaredValue::Bool(true),
            rule: crate::rules::find("TLS101").expect("a rule"),
            source: SinkSource::Policy(String::new()),
        }
    }

    #[test]
    fn the_method_anchors_and_a_qualifier_is_required() {
        let sinks = DeclaredSinks::new(vec![sink("acme_http::Builder::insecure")]);
        assert!(sinks.scan("fn f(b: B) { b.insecure(true); }").is_none());
        assert!(
            sinks
                .scan("use acme_http::Builder;\nfn f(b: Builder) { b.insecure(true); }")
                .is_some()
        );
        assert!(
            sinks
                .scan("fn f() { acme_http::x(); } // b.insecure(true)")
                .is_none(),
            "a word in a comment does not count"
        );
        let bare = DeclaredSinks::new(vec![sink("insecure")]);
        assert!(bare.scan("fn f(b: B) { b.insecure(true); }").is_some());
        assert!(DeclaredSinks::default().scan("b.insecure(true)").is_none());
    }

    fn codes(text: &str, sinks: DeclaredSinks) -> Vec<&'static str> {
        let policy = crate::Policy {
            sinks,
            ..crate::Policy::default()
        };
        let engine = crate::Engine::new();
        let file = crate::SourceFile {
            path: "lib.rs",
            text,
            is_test_target: false,
            policy: &policy,
        };
        engine
            .lint_alone(&file)
            .diagnostics
            .iter()
            .map(|d| d.rule.code)
            .collect()
    }

    #[test]
    fn the_engine_judges_a_declared_sink_by_its_value() {
        let declared = || DeclaredSinks::new(vec![sink("acme_http::Builder::insecure")]);
        let constant = "fn f() { acme_http::Builder::new().insecure(true); }";
        assert_eq!(codes(constant, declared()), ["TLS101"]);
        assert!(codes(constant, DeclaredSinks::default()).is_empty());
        let ufcs = "use acme_http::Builder;\nfn f(b: Builder) { Builder::insecure(b, true); }";
        assert_eq!(codes(ufcs, declared()), ["TLS101"]);
        let runtime =
            "fn f() { acme_http::Builder::new().insecure(std::env::var(\"X\").is_ok()); }";
        assert_eq!(codes(runtime, declared()), ["TLS104"]);
        let parameter = "fn make(on: bool) { acme_http::Builder::new().insecure(on); }\nfn g() { make(true); }\nfn h() { make(false); }";
        assert_eq!(
            codes(parameter, declared()),
            ["TLS101"],
            "a parameter is settled by the callers"
        );
        let builtin = DeclaredSinks::new(vec![sink("danger_accept_invalid_certs")]);
        assert_eq!(
            codes(
                "fn f() { reqwest::Client::builder().danger_accept_invalid_certs(true); }",
                builtin
            ),
            ["TLS101"],
            "a built-in setter declared again is reported once"
        );
        let safe = "fn f() { acme_http::Builder::new().insecure(false); }";
        assert!(codes(safe, declared()).is_empty());
        let mut key_log = sink("acme_http::Builder::insecure");
        key_log.rule = crate::rules::find("TLS701").expect("a rule");
        let under_key_log = || DeclaredSinks::new(vec![key_log.clone()]);
        assert_eq!(codes(constant, under_key_log()), ["TLS701"]);
        assert!(
            codes(runtime, under_key_log()).is_empty(),
            "a rule without a run-time variant does not report a run-time value"
        );
        let mut second = sink("Session::set_mode");
        second.arg = 1;
        second.dangerous = DeclaredValue::Str("none".into());
        let text = "fn f(s: Session) { s.set_mode(1, \"none\"); s.set_mode(\"none\", 1); }";
        assert_eq!(codes(text, DeclaredSinks::new(vec![second])), ["TLS101"]);
    }
}
