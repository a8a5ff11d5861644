//! The protocol-version settings of a file, shared by TLS301 and TLS302: minimums and maximums set
//! through reqwest, native-tls, openssl/boring, curl, isahc 2, lettre, paho-mqtt and rustls, the
//! openssl `SslOptions` switches, and the openssl/boring `SslAcceptor` presets (catalog section C);
//! and the setters whose version is not written in the file ([`undecided`]), which the rules
//! follow through parameters, fields and run-time choices.

use std::ops::Range;

/// The trigger words of the protocol-version setters, with `$extra` ones of a rule's own: TLS301
/// adds its option switches and presets, TLS304 reads the setters alone.
macro_rules! version_setter_needles {
    ($($extra:literal),* $(,)?) => {
        &[
            "min_tls_version",
            "max_tls_version",
            "tls_version_min",
            "tls_version_max",
            "tls_min_version",
            "tls_max_version",
            "protocol_version",
            "proto_version",
            "ssl_version",
            "ssl_min_max_version",
            "min_version",
            "max_version",
            $($extra),*
        ]
    };
}
pub(crate) use version_setter_needles;

use syn::Expr;

use crate::cx::{Cx, chain_root, peel};
use crate::toggle::unwrap_some;
use crate::value::follow;
use crate::value::version::{Proto, parse_proto};

/// How many `let`s and `const`s a version argument is followed through.
const FOLLOW_STEPS: usize = 5;

/// Which end of the version range a setting fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The lowest version allowed.
    Min,
    /// The highest version allowed.
    Max,
}

/// The API family of a setting, which decides how the safe value is spelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// reqwest `Version::TLS_1_x`.
    Reqwest,
    /// native-tls `Protocol::Tlsv1x`.
    NativeTls,
    /// openssl/boring `SslVersion::TLS1_x`.
    Openssl,
    /// openssl/boring `SslOptions`.
    OpensslOptions,
    /// openssl/boring `SslAcceptor::mozilla_*` presets.
    Preset,
    /// curl `SslVersion::Tlsv1x`.
    Curl,
    /// paho-mqtt `SslVersion::Tls_1_x`.
    Paho,
    /// isahc 2 `ProtocolVersion::Tlsv1x`.
    Isahc,
    /// lettre `TlsVersion::Tlsv1x`.
    Lettre,
    /// rustls `with_protocol_versions`.
    Rustls,
}

impl Family {
    /// The safe spelling for a minimum of `version` (TLS 1.2 or 1.3).
    pub fn help(self, version: Proto) -> String {
        let (dot, flat, under) = if version == Proto::Tls13 {
            ("1_3", "13", "1_3")
        } else {
            ("1_2", "12", "1_2")
        };
        match self {
            Family::Reqwest if version == Proto::Tls13 => "use `Version::TLS_1_3`".to_string(),
            Family::Reqwest => format!("use `Version::TLS_{dot}`, or leave the minimum unset"),
            Family::NativeTls => format!("use `Some(Protocol::Tlsv{flat})`"),
            Family::Openssl => format!("use `Some(SslVersion::TLS{under})`"),
            Family::OpensslOptions => format!("keep `NO_SSLV3`, `NO_TLSV1` and `NO_TLSV1_1` set and call `set_min_proto_version(Some(SslVersion::TLS{under}))`"),
            Family::Preset if version == Proto::Tls13 => "use `SslAcceptor::mozilla_modern_v5` (TLS 1.3 only)".to_string(),
            Family::Preset => "use `SslAcceptor::mozilla_intermediate_v5` (TLS 1.2 and 1.3) or `mozilla_modern_v5` (TLS 1.3)".to_string(),
            Family::Curl => format!("use `SslVersion::Tlsv{flat}`"),
            Family::Paho => format!("use `SslVersion::Tls_{under}`"),
            Family::Isahc => format!("use `ProtocolVersion::Tlsv{flat}`"),
            Family::Lettre => format!("use `TlsVersion::Tlsv{flat}` (the default is TLS 1.2)"),
            Family::Rustls => "use `with_protocol_versions(&[&rustls::version::TLS13])`".to_string(),
        }
    }

    /// The name of `version`'s constant in this family's version type, where it is known to
    /// exist (native-tls and paho-mqtt have no TLS 1.3 constant; isahc's and lettre's TLS 1.3
    /// names are not verified).
    pub fn constant(self, version: Proto) -> Option<&'static str> {
        Some(match (self, version) {
            (Family::Reqwest, Proto::Tls12) => "TLS_1_2",
            (Family::Reqwest, Proto::Tls13) => "TLS_1_3",
            (Family::Openssl, Proto::Tls12) => "TLS1_2",
            (Family::Openssl, Proto::Tls13) => "TLS1_3",
            (Family::Curl, Proto::Tls12) => "Tlsv12",
            (Family::Curl, Proto::Tls13) => "Tlsv13",
            (Family::NativeTls | Family::Isahc | Family::Lettre, Proto::Tls12) => "Tlsv12",
            (Family::Paho, Proto::Tls12) => "Tls_1_2",
            _ => return None,
        })
    }
}

/// One version setting.
#[derive(Clone, Debug)]
pub struct Setting {
    /// Minimum or maximum.
    pub bound: Bound,
    /// The version it sets.
    pub version: Proto,
    /// The primary range (the method name, the preset, the flag).
    pub primary: Range<usize>,
    /// The value's range, when it is not the primary range.
    pub value: Option<Range<usize>>,
    /// The API family.
    pub family: Family,
    /// Extra explanation for presets and options.
    pub detail: Option<&'static str>,
    /// The range of the version's name (or the preset's), when it is the last segment of a
    /// qualified path written at the setting itself: the name a fix swaps within the same type.
    pub literal: Option<Range<usize>>,
}

const MIN_SETTERS: &[(&str, Family)] = &[
    ("min_tls_version", Family::Reqwest),
    ("tls_version_min", Family::Reqwest),
    ("tls_min_version", Family::Reqwest),
    ("min_protocol_version", Family::NativeTls),
    ("set_min_proto_version", Family::Openssl),
    ("set_min_tls_version", Family::Lettre),
    ("ssl_version", Family::Curl),
    ("proxy_ssl_version", Family::Curl),
    ("min_version", Family::Isahc),
];

const MAX_SETTERS: &[(&str, Family)] = &[
    ("max_tls_version", Family::Reqwest),
    ("tls_version_max", Family::Reqwest),
    ("tls_max_version", Family::Reqwest),
    ("max_protocol_version", Family::NativeTls),
    ("set_max_proto_version", Family::Openssl),
    ("max_version", Family::Isahc),
];

/// Every version setting of the file.
pub fn settings(cx: &Cx<'_>) -> Vec<Setting> {
    let mut out = Vec::new();
    for (bound, table) in [(Bound::Min, MIN_SETTERS), (Bound::Max, MAX_SETTERS)] {
        for &(method, family) in table {
            for call in cx.calls_named(&[method]) {
                let Some(arg) = call.args.first() else {
                    continue;
                };
                setter(cx, &mut out, bound, family, call.name_range(cx), arg);
            }
        }
    }
    for call in cx.calls_named(&["ssl_min_max_version", "proxy_ssl_min_max_version"]) {
        if let [min, max] = call.args[..] {
            setter(
                cx,
                &mut out,
                Bound::Min,
                Family::Curl,
                call.name_range(cx),
                min,
            );
            setter(
                cx,
                &mut out,
                Bound::Max,
                Family::Curl,
                call.name_range(cx),
                max,
            );
        }
    }
    options(cx, &mut out);
    presets(cx, &mut out);
    rustls_versions(cx, &mut out);
    out
}

/// A minimum or maximum set through a setter whose version the file does not name at it (nor in
/// a `let` or `const` of the file): a parameter, a field, a value chosen at run time, a constant
/// of another file. The rules follow it with the value evaluator.
pub struct Undecided<'a> {
    /// Minimum or maximum.
    pub bound: Bound,
    /// The setter's name.
    pub primary: Range<usize>,
    /// The version argument (inside `Some(…)` when it is wrapped).
    pub value: &'a Expr,
    /// Whether a `None` reaching the argument allows the oldest version: a minimum of native-tls
    /// or openssl (their documented meaning of `None`) whose argument is not wrapped in `Some`.
    pub none_is_oldest: bool,
}

/// Every setter of the file whose version argument is not a version the file names.
pub fn undecided<'a>(cx: &Cx<'a>) -> Vec<Undecided<'a>> {
    let mut out = Vec::new();
    let mut push = |bound, primary: Range<usize>, arg: &'a Expr, none_is_oldest: bool| {
        let value = unwrap_some(arg);
        let followed = peel(unwrap_some(follow(cx, value, FOLLOW_STEPS, false, true)));
        let named = matches!(followed, Expr::Path(p) if p.path.is_ident("None")
            || cx.canonical_path(&p.path).last().and_then(|l| parse_proto(l)).is_some());
        if !named {
            out.push(Undecided {
                bound,
                primary,
                value,
                none_is_oldest: none_is_oldest && std::ptr::eq(value, arg),
            });
        }
    };
    for (bound, table) in [(Bound::Min, MIN_SETTERS), (Bound::Max, MAX_SETTERS)] {
        for &(method, family) in table {
            let none_is_oldest =
                bound == Bound::Min && matches!(family, Family::NativeTls | Family::Openssl);
            for call in cx.calls_named(&[method]) {
                if let Some(arg) = call.args.first() {
                    push(bound, call.name_range(cx), arg, none_is_oldest);
                }
            }
        }
    }
    for call in cx.calls_named(&["ssl_min_max_version", "proxy_ssl_min_max_version"]) {
        if let [min, max] = call.args[..] {
            push(Bound::Min, call.name_range(cx), min, false);
            push(Bound::Max, call.name_range(cx), max, false);
        }
    }
    out.sort_by_key(|u| u.primary.start);
    out
}

fn setter(
    cx: &Cx<'_>,
    out: &mut Vec<Setting>,
    bound: Bound,
    family: Family,
    primary: Range<usize>,
    arg: &Expr,
) {
    let direct = unwrap_some(arg);
    let value = unwrap_some(follow(cx, direct, FOLLOW_STEPS, false, true));
    let literal = match peel(value) {
        Expr::Path(p) if std::ptr::eq(value, direct) => qualified_last(cx, &p.path),
        _ => None,
    };
    let version = match peel(value) {
        Expr::Path(p) if p.path.is_ident("None") => {
            if bound == Bound::Max || !matches!(family, Family::NativeTls | Family::Openssl) {
                return;
            }
            Proto::Oldest
        }
        Expr::Path(p) => {
            let segs = cx.canonical_path(&p.path);
            if family == Family::Isahc && !segs.iter().any(|s| s == "ProtocolVersion") {
                return;
            }
            let Some(last) = segs.last() else { return };
            let Some(version) = parse_proto(last) else {
                return;
            };
            version
        }
        _ => return,
    };
    let family = match (family, peel(value)) {
        (Family::Curl, Expr::Path(p))
            if p.path
                .segments
                .last()
                .is_some_and(|s| s.ident.to_string().starts_with("Tls_")) =>
        {
            Family::Paho
        }
        _ => family,
    };
    out.push(Setting {
        bound,
        version,
        primary,
        value: Some(cx.range(arg)),
        family,
        detail: None,
        literal,
    });
}

/// The range of a path's last segment, when the path has a qualifier (`Version::TLS_1_0`, not an
/// imported `TLS_1_0`, whose replacement would not be in scope).
fn qualified_last(cx: &Cx<'_>, path: &syn::Path) -> Option<Range<usize>> {
    (path.segments.len() >= 2)
        .then(|| path.segments.last().map(|s| cx.range(&s.ident)))
        .flatten()
}

/// The `SslOptions` flags named in an options expression (`A | B`, `A.union(B)`).
fn flags<'a>(e: &'a Expr, out: &mut Vec<(&'a syn::ExprPath, String)>) {
    match peel(e) {
        Expr::Binary(b) if matches!(b.op, syn::BinOp::BitOr(_)) => {
            flags(&b.left, out);
            flags(&b.right, out);
        }
        Expr::MethodCall(m) if m.method == "union" => {
            flags(&m.receiver, out);
            m.args.iter().for_each(|a| flags(a, out));
        }
        Expr::Path(p) => {
            if let Some(last) = p.path.segments.last() {
                out.push((p, last.ident.to_string()));
            }
        }
        _ => {}
    }
}

fn options(cx: &Cx<'_>, out: &mut Vec<Setting>) {
    for call in cx.calls_named(&["clear_options"]) {
        let Some(arg) = call.args.first() else {
            continue;
        };
        let mut found = Vec::new();
        flags(arg, &mut found);
        let lowest = found
            .iter()
            .filter_map(|(p, name)| {
                let v = match name.as_str() {
                    "NO_SSLV2" => Proto::Ssl2,
                    "NO_SSLV3" => Proto::Ssl3,
                    "NO_TLSV1" => Proto::Tls10,
                    "NO_TLSV1_1" => Proto::Tls11,
                    _ => return None,
                };
                Some((v, cx.range(*p)))
            })
            .min_by_key(|(v, _)| *v);
        if let Some((version, range)) = lowest {
            out.push(Setting {
                bound: Bound::Min,
                version,
                primary: call.name_range(cx),
                value: Some(range),
                family: Family::OpensslOptions,
                detail: Some("clearing the flag re-enables the version"),
                literal: None,
            });
        }
    }
    for call in cx.calls_named(&["set_options"]) {
        let Some(arg) = call.args.first() else {
            continue;
        };
        let mut found = Vec::new();
        flags(arg, &mut found);
        for (p, name) in &found {
            let (bound, version, detail) = match name.as_str() {
                "NO_TLSV1_2" => (
                    Bound::Max,
                    Proto::Tls11,
                    "a client or server that cannot speak TLS 1.3 falls back to TLS 1.0 or 1.1",
                ),
                "NO_TLSV1_3" => (Bound::Max, Proto::Tls12, "the flag switches TLS 1.3 off"),
                _ => continue,
            };
            out.push(Setting {
                bound,
                version,
                primary: call.name_range(cx),
                value: Some(cx.range(*p)),
                family: Family::OpensslOptions,
                detail: Some(detail),
                literal: None,
            });
        }
    }
}

fn presets(cx: &Cx<'_>, out: &mut Vec<Setting>) {
    let floors: Vec<Floor<'_>> = cx
        .calls_named(&["set_min_proto_version"])
        .map(|c| Floor {
            at: c.name_range(cx).start,
            object: c.receiver,
        })
        .collect();
    for call in &cx.calls {
        let Expr::Path(p) = &*call.func else { continue };
        let detail_v4 = "Mozilla's v4 intermediate profile allows TLS 1.0 and 1.1 with 3DES and static-RSA suites, and switches TLS 1.3 off";
        let settings: &[(Bound, Proto, &'static str)] =
            if cx.path_ends_with(&p.path, &["SslAcceptor", "mozilla_intermediate"]) {
                &[
                    (Bound::Min, Proto::Tls10, detail_v4),
                    (Bound::Max, Proto::Tls12, detail_v4),
                ]
            } else if cx.path_ends_with(&p.path, &["SslAcceptor", "mozilla_modern"]) {
                &[(
                    Bound::Max,
                    Proto::Tls12,
                    "Mozilla's v4 modern profile sets `NO_TLSV1_3`: TLS 1.2 only",
                )]
            } else if cx.path_ends_with(&p.path, &["SslAcceptor", "mozilla_intermediate_v5"]) {
                &[(
                    Bound::Min,
                    Proto::Tls12,
                    "Mozilla's v5 intermediate profile allows TLS 1.2 and 1.3",
                )]
            } else {
                continue;
            };
        for &(bound, version, detail) in settings {
            if bound == Bound::Min && sets_floor(cx, &floors, cx.range(p).start) {
                continue;
            }
            out.push(Setting {
                bound,
                version,
                primary: cx.range(p),
                value: None,
                family: Family::Preset,
                detail: Some(detail),
                literal: qualified_last(cx, &p.path),
            });
        }
    }
}

/// A `set_min_proto_version` call: where, and on what.
struct Floor<'a> {
    at: usize,
    object: Option<&'a Expr>,
}

/// Whether the function around the preset at `at` sets an explicit minimum on the preset's own
/// builder (a preset followed by `builder.set_min_proto_version` is judged by that call), itself
/// or through a function of the file that it hands the builder to. A minimum set on another
/// object of the function (a connector) says nothing about the acceptor.
fn sets_floor(cx: &Cx<'_>, floors: &[Floor<'_>], at: usize) -> bool {
    let Some(scope) = cx.scopes_at(at).find(|s| s.name.is_some()) else {
        return false;
    };
    let builder = cx
        .lets
        .iter()
        .filter(|l| scope.range.contains(&l.offset))
        .find(|l| l.init.is_some_and(|i| cx.range(i).contains(&at)))
        .map(|l| l.name);
    let is_builder = |e: &Expr| {
        let root = chain_root(e);
        cx.range(root).contains(&at)
            || matches!(root, Expr::Path(p) if builder.is_some_and(|b| p.path.is_ident(b)))
    };
    if floors
        .iter()
        .any(|f| scope.range.contains(&f.at) && f.object.is_some_and(is_builder))
    {
        return true;
    }
    let helpers: Vec<String> = cx
        .scopes
        .iter()
        .filter(|s| floors.iter().any(|f| s.range.contains(&f.at)))
        .filter_map(|s| s.name.map(|n| n.to_string()))
        .collect();
    cx.calls.iter().any(|c| {
        let called = match &*c.func {
            Expr::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        };
        scope.range.contains(&cx.range(*c).start)
            && called.is_some_and(|n| helpers.contains(&n))
            && c.args.iter().any(is_builder)
    })
}

/// rustls `with_protocol_versions(&[&TLS12])`: TLS 1.2 only.
fn rustls_versions(cx: &Cx<'_>, out: &mut Vec<Setting>) {
    for call in cx.calls_named(&["with_protocol_versions"]) {
        let Some(arg) = call.args.first() else {
            continue;
        };
        let Expr::Array(list) = peel(follow(cx, arg, FOLLOW_STEPS, false, true)) else {
            continue;
        };
        let versions: Vec<Proto> = list
            .elems
            .iter()
            .filter_map(|e| match peel(e) {
                Expr::Path(p) => p
                    .path
                    .segments
                    .last()
                    .and_then(|s| parse_proto(&s.ident.to_string())),
                _ => None,
            })
            .collect();
        if versions.len() != list.elems.len() || versions.is_empty() {
            continue;
        }
        let (Some(&min), Some(&max)) = (versions.iter().min(), versions.iter().max()) else {
            continue;
        };
        for (bound, version) in [(Bound::Min, min), (Bound::Max, max)] {
            out.push(Setting {
                bound,
                version,
                primary: call.name_range(cx),
                value: Some(cx.range(*arg)),
                family: Family::Rustls,
                detail: None,
                literal: None,
            });
        }
    }
}
