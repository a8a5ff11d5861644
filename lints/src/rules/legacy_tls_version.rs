//! TLS301 `legacy_tls_version`: a minimum TLS version below the policy's minimum, or a maximum at
//! TLS 1.1 or lower (catalog section C).

use std::ops::Range;

use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::facts::Condition;
use crate::fix::{Applicability, Edit, Fix};
use crate::lint::{Check, Lint};
use crate::policy::TlsVersion;
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::tls_version::{
    Bound, Family, Setting, Undecided, settings, undecided, version_setter_needles,
};
use crate::value::fields::field_at;
use crate::value::version::Proto;
use crate::value::{Dangerous, Value, parameter_at};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS301",
    name: "legacy_tls_version",
    default_level: Level::Deny,
    summary: "a minimum TLS version below the policy's minimum, or a maximum at TLS 1.1 or lower",
    cwe: &[326, 327],
    needles: version_setter_needles!(
        "clear_options",
        "NO_TLSV1_2",
        "mozilla_intermediate",
        "with_protocol_versions",
    ),
    docs: r#"### What it does
Flags a minimum protocol version below the policy's `min-tls-version` (TLS 1.2 by default) and a
maximum at TLS 1.1 or lower: reqwest `min_tls_version`/`tls_version_min` and
`max_tls_version`/`tls_version_max`, native-tls `min_protocol_version` (including `None`, which
means "the oldest protocols supported") and `max_protocol_version`, openssl/boring
`set_min_proto_version`/`set_max_proto_version` (including `None`), `clear_options(NO_TLSV1 …)`,
`set_options(NO_TLSV1_2)`, the Mozilla v4 preset `SslAcceptor::mozilla_intermediate`, curl
`ssl_version`/`ssl_min_max_version`, isahc 2 `min_version`/`max_version`, lettre
`set_min_tls_version` and paho-mqtt `ssl_version`. With `min-tls-version = "1.3"` a TLS 1.2
minimum is reported too.

### Why is this bad?
SSL 3.0, TLS 1.0 and TLS 1.1 are deprecated (RFC 8996): they rely on SHA-1 and MD5 in the
handshake and on CBC constructions with practical attacks (BEAST, POODLE). Allowing them lets an
attacker on the path downgrade the connection (CWE-326, CWE-327).

### Example
```rust
fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().min_tls_version(reqwest::tls::Version::TLS_1_0).build()
}
```

Use instead:
```rust
fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().min_tls_version(reqwest::tls::Version::TLS_1_2).build()
}
```

### Fix
When the version is a qualified constant written at the setting (`Version::TLS_1_0`,
`SslVersion::TLS1`, `Protocol::Tlsv10`, `curl::easy::SslVersion::Tlsv10`,
`ProtocolVersion::Tlsv10`, `TlsVersion::Tlsv11`, `SslVersion::Tls_1_0`), it becomes the constant of
the same type for the policy's minimum (`TLS_1_2`, `TLS1_2`, `Tlsv12`, `Tls_1_2`; under
`min-tls-version = "1.3"` the TLS 1.3 constant, offered for reqwest, openssl/boring and curl, the
types known to name one), and a maximum becomes the newest version the type names.
`SslAcceptor::mozilla_intermediate` becomes `mozilla_intermediate_v5` (`mozilla_modern_v5` under
a TLS 1.3 policy). Machine-applicable: the code compiles as before and every peer that speaks the
versions the policy asks for still connects. No fix is offered for `None`, for `SslOptions`
flags, for rustls version lists or for versions held in constants or bindings.

### Values from elsewhere in the package
A version that is a parameter of the function (`fn client(min: Version)`), a field of a struct
type (`self.min_tls`) or a constant of another file is followed through the package: the finding
is reported at the setter when a caller passes, a struct value holds or the constant is a legacy
version (written as a qualified name, `Version::TLS_1_0`), with labels where it does. Callers
that pass only TLS 1.2 or 1.3 make no finding; a version chosen at run time among options that
include a legacy one is TLS304 `legacy_tls_version_runtime_choice`.
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    let floor = match cx.policy.min_tls_version {
        TlsVersion::Tls12 => Proto::Tls12,
        TlsVersion::Tls13 => Proto::Tls13,
    };
    for s in settings(cx) {
        let (message, label) = match s.bound {
            Bound::Min if s.version < floor => (
                format!("a TLS version below {} is allowed", floor.describe()),
                match s.version {
                    Proto::Oldest => {
                        "`None` allows the oldest version the TLS library supports".to_string()
                    }
                    v => format!("{} and later are allowed", v.describe()),
                },
            ),
            Bound::Max if s.version <= Proto::Tls11 && s.family == Family::OpensslOptions => (
                "TLS 1.2 is switched off".to_string(),
                "`NO_TLSV1_2` leaves only legacy versions and TLS 1.3".to_string(),
            ),
            Bound::Max if s.version <= Proto::Tls11 => (
                "the connection is limited to a legacy TLS version".to_string(),
                format!("nothing newer than {} is allowed", s.version.describe()),
            ),
            _ => continue,
        };
        let mut d = Diagnostic::new(&RULE, message, s.primary.clone()).label(label);
        if let Some(value) = s.value.as_ref().filter(|v| **v != s.primary) {
            let shown = crate::value::compact(cx.text.get(value.clone()).unwrap_or(""));
            d = d.secondary(value.clone(), format!("because of this `{shown}`"));
        }
        if let Some(detail) = s.detail {
            d = d.note(detail);
        }
        let why = if floor == Proto::Tls13 && s.version == Proto::Tls12 {
            "the policy sets `min-tls-version = \"1.3\"`".to_string()
        } else {
            "TLS 1.0 and 1.1 are deprecated (RFC 8996); allowing them lets an attacker downgrade the connection".to_string()
        };
        let help = if s.bound == Bound::Max && s.family != Family::OpensslOptions {
            "leave the maximum unset".to_string()
        } else {
            s.family.help(floor)
        };
        if let Some(fix) = fix(cx, &s, floor) {
            d = d.fix(fix);
        }
        sink.push(d.note(why).help(help));
    }
    for u in undecided(cx) {
        defer_undecided(cx, sink, &u, floor);
    }
}

/// The oldest version that is too old for the bound: below the policy's floor for a minimum,
/// TLS 1.1 for a maximum.
fn too_old(bound: Bound, floor: Proto) -> Proto {
    match (bound, floor) {
        (Bound::Min, Proto::Tls13) => Proto::Tls12,
        _ => Proto::Tls11,
    }
}

/// A setting whose version is a parameter, a field or another file's constant waits for the
/// package: callers, struct values or the constant that give it a legacy version make the
/// finding, labelled where they do. A version decided at run time is TLS304's when the file
/// shows its options, and nothing here.
fn defer_undecided(cx: &Cx<'_>, sink: &mut Sink, u: &Undecided<'_>, floor: Proto) {
    let mut dangerous = Dangerous::VersionAtMost(too_old(u.bound, floor));
    if u.none_is_oldest {
        dangerous = Dangerous::OrNone(Box::new(dangerous));
    }
    let (what, condition) = if let Some(parameter) = parameter_at(cx, u.value) {
        (
            format!(
                "`{}` is a parameter of `{}`",
                parameter.name, parameter.function
            ),
            Condition::Parameter {
                parameter,
                dangerous,
                if_runtime: None,
            },
        )
    } else if let Some(field) = field_at(cx, u.value) {
        (
            format!("the field `{}.{}`", field.owner, field.field),
            Condition::Field {
                field,
                dangerous,
                if_runtime: None,
            },
        )
    } else if let Value::Pending(name) = cx.resolve(u.value).value {
        (
            format!("`{name}` is defined in another file"),
            Condition::Constant {
                name,
                dangerous,
                if_unresolved: None,
            },
        )
    } else {
        return;
    };
    let d = legacy_reaches(u.bound, floor, u.primary.clone()).secondary(cx.range(u.value), what);
    sink.defer(d, condition);
}

/// The finding for a legacy version that reaches the setting at `primary` from elsewhere in the
/// package (a caller, a field's value, another file's constant, a caller's choice), under the
/// policy's `floor`.
pub(crate) fn legacy_reaches(bound: Bound, floor: Proto, primary: Range<usize>) -> Diagnostic {
    let (message, label) = match bound {
        Bound::Min => (
            format!("a TLS version below {} is allowed", floor.describe()),
            "a legacy version reaches this minimum",
        ),
        Bound::Max => (
            "the connection is limited to a legacy TLS version".to_string(),
            "a legacy version reaches this maximum",
        ),
    };
    let why = if floor == Proto::Tls13 && bound == Bound::Min {
        "the policy sets `min-tls-version = \"1.3\"`"
    } else {
        "TLS 1.0 and 1.1 are deprecated (RFC 8996); allowing them lets an attacker downgrade the connection"
    };
    let help = match bound {
        Bound::Min => format!(
            "pass {} or newer, or leave the minimum unset",
            floor.describe()
        ),
        Bound::Max => "leave the maximum unset".to_string(),
    };
    Diagnostic::new(&RULE, message, primary)
        .label(label)
        .note(why)
        .help(help)
}

/// The version written at the setting swapped for another constant of the same type: the
/// policy's minimum, or for a maximum the newest version the type names; a v4 preset for its v5
/// profile. Machine-applicable: the code compiles as before and still connects to every peer
/// that speaks the versions the policy asks for.
fn fix(cx: &Cx<'_>, s: &Setting, floor: Proto) -> Option<Fix> {
    let at = s.literal.clone()?;
    let (name, message) = match (s.family, s.bound) {
        (Family::Preset, _) => match cx.text.get(at.clone())? {
            "mozilla_intermediate" | "mozilla_intermediate_v5"
                if floor == Proto::Tls13 && !cx.mentions_crate("boring") =>
            {
                (
                    "mozilla_modern_v5",
                    "use Mozilla's v5 modern profile (TLS 1.3 only)".to_string(),
                )
            }
            "mozilla_intermediate" if floor == Proto::Tls12 => (
                "mozilla_intermediate_v5",
                "use Mozilla's v5 intermediate profile (TLS 1.2 and 1.3)".to_string(),
            ),
            _ => return None,
        },
        (family, Bound::Min) => (
            family.constant(floor)?,
            format!("raise the minimum to {}", floor.describe()),
        ),
        (family, Bound::Max) => {
            let newest = [Proto::Tls13, Proto::Tls12]
                .into_iter()
                .find(|v| family.constant(*v).is_some())?;
            (
                family.constant(newest)?,
                format!("raise the maximum to {}", newest.describe()),
            )
        }
    };
    Some(Fix::new(
        message,
        Applicability::MachineApplicable,
        Edit::replace(at, name),
    ))
}
