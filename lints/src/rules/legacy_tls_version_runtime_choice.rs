//! TLS304 `legacy_tls_version_runtime_choice`: a minimum or maximum TLS version chosen at run
//! time among options that include a legacy version (catalog section C, the runtime variant of
//! TLS301).

use super::legacy_tls_version::legacy_reaches;
use crate::cx::Cx;
use crate::cx::peel;
use crate::diagnostic::Diagnostic;
use crate::facts::{Condition, Fact};
use crate::lint::{Check, Lint};
use crate::policy::TlsVersion;
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::tls_version::{Bound, Undecided, undecided, version_setter_needles};
use crate::value::choice::{Choice, choice};
use crate::value::conversion::{conversion_choices, converted};
use crate::value::from_package::FromPackage;
use crate::value::version::Proto;
use crate::value::{Const, Dangerous, Value, compact};
use syn::Expr;

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS304",
    name: "legacy_tls_version_runtime_choice",
    default_level: Level::Warn,
    summary: "a TLS version chosen at run time among options that include a legacy version",
    cwe: &[326, 327],
    needles: version_setter_needles!(
        "impl From< || impl Into< && TLS_1_0 || TLS_1_1 || TLSv1_0 || TLSv1_1 || Tlsv10 || Tlsv11 || SslVersion::TLS1 || SslVersion::SSL3 || Sslv3"
    ),
    docs: r#"### What it does
Flags a minimum or maximum protocol version, set through any setter TLS301 knows, whose value
is chosen at run time by an `if` or a `match` (directly or through a `let`) and one of whose
options is a legacy version: below the policy's `min-tls-version` for a minimum, TLS 1.1 or
lower for a maximum. The primary label is the setter, secondary labels mark each legacy option
and what decides between the options, and the note names where that comes from (a command-line
option, an environment variable, a configuration field, a parameter). A choice among TLS 1.2 and
1.3 only is not reported, and a version written as a constant is TLS301's. An `if` whose
condition is a boolean parameter or field is graded by the package: callers (or values) that
select the legacy option make TLS301's error, labelled where they do; callers that all select
the other option make no finding. A version converted by a `From`/`Into` impl of the package
(`opt.and_then(Into::into)`, `Version::from(mode)`) whose `match` or `if` arms produce TLS 1.1 or
older is such a choice too, decided by the value converted; the arm is labelled. A setter declared
(or learned) as a `[[sink]]` of TLS301 with a range of versions is read the same way: a value
chosen at run time with an option in the range is this rule's.

### Why is this bad?
An option that lets an operator (or whoever controls the environment or the configuration file)
select TLS 1.0 or 1.1 keeps the deprecated protocols one setting away: a forgotten flag or a
compromised configuration re-enables downgrade attacks (RFC 8996; CWE-326, CWE-327). It is a
warning rather than TLS301's error because the safe option may be the one used in production.

### Example
```rust
fn client(min_tls: &str) -> reqwest::Result<reqwest::Client> {
    let min = match min_tls {
        "1.0" => reqwest::tls::Version::TLS_1_0,
        _ => reqwest::tls::Version::TLS_1_2,
    };
    reqwest::Client::builder().min_tls_version(min).build()
}
```

Use instead:
```rust
fn client(min_tls: &str) -> reqwest::Result<reqwest::Client> {
    let min = match min_tls {
        "1.3" => reqwest::tls::Version::TLS_1_3,
        _ => reqwest::tls::Version::TLS_1_2,
    };
    reqwest::Client::builder().min_tls_version(min).build()
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

/// The package converts a value into a TLS version by a `From`/`Into` impl, one of whose options
/// is TLS 1.1 or older.
static LEGACY_CONVERSION: Fact = Fact {
    name: "converts a value into a TLS version that can be TLS 1.1 or older",
    label: "a legacy version is one of the options of this conversion",
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    let floor = match cx.policy.min_tls_version {
        TlsVersion::Tls12 => Proto::Tls12,
        TlsVersion::Tls13 => Proto::Tls13,
    };
    for c in conversion_choices(cx) {
        let legacy = c.options.iter().find(
            |(c, _)| matches!(c, Const::Version(v) if *v <= Proto::Tls11 && *v != Proto::Oldest),
        );
        if let Some((_, at)) = legacy {
            sink.establish(&LEGACY_CONVERSION, Some(at.clone()));
        }
    }
    for u in undecided(cx) {
        let Some(choice) = choice(cx, u.value) else {
            if let Some(from) = converted(cx, u.value) {
                defer_conversion(cx, sink, &u, from);
            }
            continue;
        };
        let legacy: Vec<(Proto, std::ops::Range<usize>)> = choice
            .options
            .iter()
            .filter_map(|(c, at)| match c {
                Const::Version(v) if is_legacy(u.bound, *v, floor) => Some((*v, at.clone())),
                _ => None,
            })
            .collect();
        let Some(oldest) = legacy.iter().map(|(v, _)| *v).min() else {
            continue;
        };
        let decider = cx.range(choice.decider);
        let shown = compact(cx.text.get(decider.clone()).unwrap_or(""));
        let origin = match cx.resolve(choice.decider).value {
            Value::Runtime(origin) => origin,
            Value::Const(_) => continue,
            Value::Pending(_) | Value::Unknown => {
                format!("the choice depends on `{shown}`")
            }
        };
        let (what, help) = match u.bound {
            Bound::Min => (
                "minimum",
                format!(
                    "offer no option below {}, or reject such a value where the option is read",
                    floor.describe()
                ),
            ),
            Bound::Max => (
                "maximum",
                "offer no maximum at TLS 1.1 or lower, or leave the maximum unset".to_string(),
            ),
        };
        let mut d = Diagnostic::new(
            &RULE,
            format!(
                "the {what} TLS version is chosen at run time and can be {}",
                oldest.describe()
            ),
            u.primary.clone(),
        )
        .label(format!("the {what} version is chosen at run time"));
        for (v, at) in &legacy {
            d = d.secondary(
                at.clone(),
                format!("{} is one of the options", v.describe()),
            );
        }
        let mut d = d
            .secondary(decider.clone(), format!("chosen by `{shown}`"))
            .note(format!(
                "{origin}; when it selects {}, {}",
                oldest.describe(),
                match u.bound {
                    Bound::Min => "the connection accepts deprecated TLS versions",
                    Bound::Max => "the connection is limited to a legacy TLS version",
                }
            ))
            .note(if oldest >= Proto::Tls12 {
                "the policy sets `min-tls-version = \"1.3\"`"
            } else {
                "TLS 1.0 and 1.1 are deprecated (RFC 8996); allowing them lets an attacker downgrade the connection"
            })
            .help(help);
        d.runtime_value = Some(decider.clone());
        match graded_by_package(cx, &choice, &legacy) {
            Some((from, selects)) => {
                let mut constant = legacy_reaches(u.bound, floor, u.primary.clone());
                for (v, at) in &legacy {
                    constant = constant.secondary(
                        at.clone(),
                        format!("{} is one of the options", v.describe()),
                    );
                }
                let constant = constant.secondary(decider, from.describe("the condition"));
                let dangerous = Dangerous::Value(Const::Bool(selects));
                sink.defer(constant, from.condition(dangerous, Some(d)));
            }
            None => sink.push(d),
        }
    }
}

/// A setter whose version is converted from `from` by a `From`/`Into` impl: the run-time choice
/// when the package has a conversion into a legacy version (labelled at its arm).
fn defer_conversion(cx: &Cx<'_>, sink: &mut Sink, u: &Undecided<'_>, from: &Expr) {
    let range = cx.range(from);
    let shown = compact(cx.text.get(range.clone()).unwrap_or(""));
    let origin = match cx.resolve(from).value {
        Value::Runtime(origin) => origin,
        Value::Const(_) => return,
        Value::Pending(_) | Value::Unknown => format!("the choice depends on `{shown}`"),
    };
    let what = match u.bound {
        Bound::Min => "minimum",
        Bound::Max => "maximum",
    };
    let mut d = Diagnostic::new(
        &RULE,
        format!("the {what} TLS version is chosen at run time and can be TLS 1.1 or older"),
        u.primary.clone(),
    )
    .label(format!("the {what} version is chosen at run time"))
    .secondary(range.clone(), format!("converted from `{shown}`"))
    .note(format!(
        "{origin}; a `From` conversion turns it into the version, and one of its options is TLS 1.1 or older"
    ))
    .note("TLS 1.0 and 1.1 are deprecated (RFC 8996); allowing them lets an attacker downgrade the connection")
    .help("offer no legacy option in the conversion, or reject such a value where the option is read");
    d.runtime_value = Some(range);
    sink.defer(d, Condition::With(&LEGACY_CONVERSION));
}

/// When an `if`'s condition is a boolean parameter, field or other file's constant (or its
/// negation) and the legacy options are all on one side: where the condition comes from, and
/// the value that selects them. The package's callers or values then grade the choice: one that
/// selects a legacy version is TLS301's finding, a run-time one this rule's, safe ones none.
fn graded_by_package(
    cx: &Cx<'_>,
    choice: &Choice<'_>,
    legacy: &[(Proto, std::ops::Range<usize>)],
) -> Option<(FromPackage, bool)> {
    let then = choice.when_true.as_ref()?;
    let inside = |r: &std::ops::Range<usize>| then.start <= r.start && r.end <= then.end;
    let when = inside(&legacy.first()?.1);
    if legacy.iter().any(|(_, r)| inside(r) != when) || legacy.len() == choice.options.len() {
        return None;
    }
    let mut cond = peel(choice.decider);
    let mut negated = false;
    while let syn::Expr::Unary(u) = cond
        && matches!(u.op, syn::UnOp::Not(_))
    {
        negated = !negated;
        cond = peel(&u.expr);
    }
    Some((FromPackage::of(cx, cond)?, when != negated))
}

/// Whether `version` is a legacy option for the bound: below the policy's floor for a minimum,
/// TLS 1.1 or lower for a maximum.
fn is_legacy(bound: Bound, version: Proto, floor: Proto) -> bool {
    match bound {
        Bound::Min => version < floor,
        Bound::Max => version <= Proto::Tls11,
    }
}
