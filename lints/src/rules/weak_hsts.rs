//! TLS602 `weak_hsts`: a `Strict-Transport-Security` value that switches HSTS off, has no valid
//! `max-age`, or a `max-age` below the policy's `hsts-min-max-age`; rocket `Hsts` shorter than the
//! minimum or disabled (catalog section F).

use std::ops::Range;

use syn::Expr;
use syn::visit::Visit;

use crate::cx::{Cx, peel};
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Edit, Fix, plain_string_body};
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::value::{ConstStr, const_str};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS602",
    name: "weak_hsts",
    default_level: Level::Warn,
    summary: "an HSTS header that is off, malformed or shorter than the policy minimum",
    cwe: &[319],
    needles: &[
        "STRICT_TRANSPORT_SECURITY",
        "StrictTransportSecurity",
        "(?i)strict-transport-security",
        "Hsts",
    ],
    docs: r#"### What it does
Reads the value of every `Strict-Transport-Security` header the code sets (by
`STRICT_TRANSPORT_SECURITY` from http, axum, actix-web, hyper, reqwest, or by name) with
`HeaderValue::from_static`, `insert`, `append`, `header`, `insert_header`, `append_header`,
`DefaultHeaders::add`, tower-http `SetResponseHeaderLayer`, warp `with_header`, rocket
`Header::new` and similar, and in `(name, value)` tuples anywhere in a function (axum's
`[(header::STRICT_TRANSPORT_SECURITY, value)]` response arrays, `HeaderMap::from_iter`), and flags `max-age=0`, a missing or unparsable `max-age`, and a
`max-age` below the policy's `hsts-min-max-age` (one year by default). Also flags rocket
`Hsts::Enable`/`Hsts::IncludeSubDomains` durations below the minimum and `disable::<Hsts>()`, and
the typed header `StrictTransportSecurity::including_subdomains`/`excluding_subdomains` (headers)
with a short duration.

### Why is this bad?
HSTS makes browsers refuse plain HTTP for the site. `max-age=0` deletes the policy, a header
without a valid `max-age` is ignored, and a short lifetime leaves users exposed to SSL-stripping
on their first visit after it lapses (CWE-319).

### Example
```rust
fn secure(headers: &mut http::HeaderMap) {
    headers.insert(http::header::STRICT_TRANSPORT_SECURITY, http::HeaderValue::from_static("max-age=3600"));
}
```

Use instead:
```rust
fn secure(headers: &mut http::HeaderMap) {
    headers.insert(http::header::STRICT_TRANSPORT_SECURITY, http::HeaderValue::from_static("max-age=63072000; includeSubDomains"));
}
```

### Fix
When the header value is a plain string literal written at the header, a positive `max-age` below
the policy minimum is raised to the minimum, keeping every other directive (`includeSubDomains`,
`preload`): machine-applicable. A `max-age` that is `0`, empty or not a number is replaced by
`max-age=<minimum>`, and a missing one is added in front: maybe incorrect, since HSTS is then
switched on (or back on after a deliberate `max-age=0`) for a host that may still need plain HTTP.
No fix is offered for rocket's `Hsts`, typed headers or values built from constants.
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

/// The header's name, matched ASCII case-insensitively.
const HEADER: &str = "strict-transport-security";

const WHY: &str = "browsers fall back to plain HTTP once the HSTS policy is missing or expired, which SSL-stripping attacks exploit";

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    check_rocket(cx, sink);
    let named = cx.code().contains("STRICT_TRANSPORT_SECURITY") || cx.mentions_ci(HEADER);
    if !named {
        return;
    }
    let mut seen: Vec<Range<usize>> = Vec::new();
    let mut pairs: Vec<(&Expr, &Expr)> = Vec::new();
    for m in &cx.method_calls {
        collect_pairs(m.args.iter().collect(), &mut pairs);
    }
    for c in &cx.calls {
        collect_pairs(c.args.iter().collect(), &mut pairs);
    }
    collect_tuples(cx, &mut pairs);
    for (name, value) in pairs {
        if !is_hsts_name(cx, name) {
            continue;
        }
        let range = cx.range(value);
        if seen.contains(&range) {
            continue;
        }
        seen.push(range.clone());
        let inner = header_expr(value);
        let Some(v) = const_str(cx, inner) else {
            continue;
        };
        let literal = match peel(inner) {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(lit),
                ..
            }) => Some(cx.range(lit)),
            _ => None,
        };
        report_value(cx, sink, range, cx.range(name), &v, literal);
    }
}

/// `(name, value)` from consecutive arguments and from tuple arguments.
fn collect_pairs<'a>(args: Vec<&'a Expr>, out: &mut Vec<(&'a Expr, &'a Expr)>) {
    for w in args.windows(2) {
        out.push((w[0], w[1]));
    }
    for a in args {
        if let Expr::Tuple(t) = peel(a)
            && t.elems.len() == 2
        {
            out.push((&t.elems[0], &t.elems[1]));
        }
    }
}

/// Every `(name, value)` tuple in the file's functions, wherever it stands: header arrays
/// (`[(STRICT_TRANSPORT_SECURITY, value)]` in an axum response tuple or a `let`),
/// `HeaderMap::from_iter([…])`.
fn collect_tuples<'a>(cx: &Cx<'a>, out: &mut Vec<(&'a Expr, &'a Expr)>) {
    struct Tuples<'a, 'o> {
        out: &'o mut Vec<(&'a Expr, &'a Expr)>,
    }
    impl<'a> Visit<'a> for Tuples<'a, '_> {
        fn visit_expr_tuple(&mut self, t: &'a syn::ExprTuple) {
            if let [name, value] = t.elems.iter().collect::<Vec<_>>()[..] {
                self.out.push((name, value));
            }
            syn::visit::visit_expr_tuple(self, t);
        }
    }
    let mut tuples = Tuples { out };
    for body in cx.scopes.iter().filter_map(|s| s.body) {
        tuples.visit_block(body);
    }
}

fn is_hsts_name(cx: &Cx<'_>, e: &Expr) -> bool {
    match peel(e) {
        Expr::Path(p) => p
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "STRICT_TRANSPORT_SECURITY"),
        Expr::Call(c) if c.args.len() == 1 => is_hsts_name(cx, &c.args[0]),
        other => const_str(cx, other).is_some_and(|s| s.value.eq_ignore_ascii_case(HEADER)),
    }
}

/// The expression holding the string in `HeaderValue::from_static(s)`, `from_str(s)?`,
/// `s.parse().unwrap()`, `s`.
fn header_expr(e: &Expr) -> &Expr {
    match peel(e) {
        Expr::Try(t) => header_expr(&t.expr),
        Expr::MethodCall(m)
            if matches!(
                m.method.to_string().as_str(),
                "unwrap" | "expect" | "parse" | "try_into" | "into"
            ) =>
        {
            header_expr(&m.receiver)
        }
        Expr::Call(c)
            if c.args.len() == 1
                && matches!(&*c.func, Expr::Path(p) if p.path.segments.last().is_some_and(|s| matches!(s.ident.to_string().as_str(), "from_static" | "from_str" | "try_from" | "from"))) =>
        {
            header_expr(&c.args[0])
        }
        other => other,
    }
}

/// What is wrong with an HSTS value, if anything.
fn problem(value: &str, min: u64) -> Option<(String, String)> {
    let max_age = value.split(';').map(str::trim).find_map(|d| {
        let (k, v) = d.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("max-age")
            .then(|| v.trim().trim_matches('"').to_string())
    });
    let Some(age) = max_age else {
        let has_key = value
            .split(';')
            .any(|d| d.trim().eq_ignore_ascii_case("max-age"));
        return Some(if has_key {
            (
                "the HSTS `max-age` cannot be parsed".into(),
                "`max-age` has no value".into(),
            )
        } else {
            (
                "the HSTS header has no `max-age`".into(),
                "browsers ignore an HSTS header without `max-age`".into(),
            )
        });
    };
    match age.parse::<u64>() {
        Err(_) => Some((
            "the HSTS `max-age` cannot be parsed".into(),
            format!("`{age}` is not a number of seconds"),
        )),
        Ok(0) => Some((
            "HSTS is switched off by `max-age=0`".into(),
            "`max-age=0` deletes the browser's HSTS policy for the site".into(),
        )),
        Ok(n) if n < min => Some((
            "the HSTS `max-age` is shorter than the policy minimum".into(),
            format!("`max-age={n}` is {}, below {}", human(n), human(min)),
        )),
        Ok(_) => None,
    }
}

/// Seconds as a readable duration.
fn human(secs: u64) -> String {
    const DAY: u64 = 86_400;
    match secs {
        s if s >= 365 * DAY && s % (365 * DAY) == 0 => format!(
            "{} year{}",
            s / (365 * DAY),
            if s / (365 * DAY) == 1 { "" } else { "s" }
        ),
        s if s >= DAY && s % DAY == 0 => {
            format!("{} day{}", s / DAY, if s / DAY == 1 { "" } else { "s" })
        }
        s if s >= 3_600 && s % 3_600 == 0 => format!(
            "{} hour{}",
            s / 3_600,
            if s / 3_600 == 1 { "" } else { "s" }
        ),
        s if s >= 60 && s % 60 == 0 => {
            format!("{} minute{}", s / 60, if s / 60 == 1 { "" } else { "s" })
        }
        s => format!("{s} seconds"),
    }
}

fn help(min: u64) -> String {
    format!(
        "send `max-age={}; includeSubDomains` (at least {})",
        min.max(31_536_000),
        human(min)
    )
}

/// Reports a header value; `literal` is the range of the string literal when the value is
/// written at the header, which a fix can edit.
fn report_value(
    cx: &Cx<'_>,
    sink: &mut Sink,
    value_range: Range<usize>,
    name_range: Range<usize>,
    v: &ConstStr,
    literal: Option<Range<usize>>,
) {
    let min = cx.policy.hsts_min_max_age;
    let Some((message, label)) = problem(&v.value, min) else {
        return;
    };
    let mut d = Diagnostic::new(&RULE, message, value_range)
        .label(label)
        .secondary(name_range, "the `Strict-Transport-Security` header");
    for (range, text) in &v.via {
        d = d.secondary(range.clone(), text.clone());
    }
    let body = literal.and_then(|l| plain_string_body(cx.text, &l, &v.value));
    if let (Some(body), Some((at, replacement, applicability))) = (body, max_age_fix(&v.value, min))
    {
        let message = match applicability {
            Applicability::MachineApplicable => {
                format!("raise `max-age` to {min} ({})", human(min))
            }
            Applicability::MaybeIncorrect => format!("send `max-age={min}` ({})", human(min)),
        };
        d = d.fix(Fix::new(
            message,
            applicability,
            Edit::replace(body + at.start..body + at.end, replacement),
        ));
    }
    sink.push(d.note(WHY).help(help(min)));
}

/// The edit of an HSTS value (offsets into the value) that meets the policy minimum `min`,
/// keeping every other directive (`includeSubDomains`, `preload`). A positive `max-age` below the
/// minimum has its number raised: machine-applicable, the policy only lives longer. A `max-age`
/// that is zero, empty or not a number is replaced, and a missing one added in front: maybe
/// incorrect, since that switches HSTS on (or back on after a deliberate `max-age=0`) for a
/// host that may still need plain HTTP.
fn max_age_fix(value: &str, min: u64) -> Option<(Range<usize>, String, Applicability)> {
    if value.trim().is_empty() {
        return Some((
            0..value.len(),
            format!("max-age={min}"),
            Applicability::MaybeIncorrect,
        ));
    }
    let mut start = 0;
    for directive in value.split(';') {
        let at = start + directive.len() - directive.trim_start().len();
        start += directive.len() + 1;
        let written = directive.trim();
        let (key, number) = written.split_once('=').unwrap_or((written, ""));
        if !key.trim().eq_ignore_ascii_case("max-age") {
            continue;
        }
        let digits_at =
            written.len() - number.len() + number.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        let digits = written[digits_at..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let positive = number
            .trim()
            .trim_matches('"')
            .parse::<u64>()
            .is_ok_and(|n| n > 0);
        return Some(if positive {
            (
                at + digits_at..at + digits_at + digits,
                min.to_string(),
                Applicability::MachineApplicable,
            )
        } else {
            (
                at..at + written.len(),
                format!("max-age={min}"),
                Applicability::MaybeIncorrect,
            )
        });
    }
    Some((
        0..0,
        format!("max-age={min}; "),
        Applicability::MaybeIncorrect,
    ))
}

/// rocket `Hsts::Enable(Duration::days(n))`, `Hsts::IncludeSubDomains(…)`, `disable::<Hsts>()`.
fn check_rocket(cx: &Cx<'_>, sink: &mut Sink) {
    let min = cx.policy.hsts_min_max_age;
    for c in &cx.calls {
        let Expr::Path(p) = &*c.func else { continue };
        if !(cx.path_ends_with(&p.path, &["Hsts", "Enable"])
            || cx.path_ends_with(&p.path, &["Hsts", "IncludeSubDomains"])
            || cx.path_ends_with(
                &p.path,
                &["StrictTransportSecurity", "including_subdomains"],
            )
            || cx.path_ends_with(
                &p.path,
                &["StrictTransportSecurity", "excluding_subdomains"],
            ))
        {
            continue;
        }
        let Some(arg) = c.args.first() else { continue };
        let Some(secs) = duration_secs(cx, arg) else {
            continue;
        };
        if secs >= min {
            continue;
        }
        sink.push(
            Diagnostic::new(&RULE, "the HSTS `max-age` is shorter than the policy minimum", cx.range(arg))
                .label(format!("{} is below {}", human(secs), human(min)))
                .secondary(cx.range(p), "the HSTS policy")
                .note(WHY)
                .help(if p.path.segments.iter().any(|s| s.ident == "Hsts") {
                    "use `Hsts::IncludeSubDomains(Duration::days(365))` or keep rocket's default (`Hsts::Enable(Duration::days(365))`)".to_string()
                } else {
                    format!("use `StrictTransportSecurity::including_subdomains(Duration::from_secs({}))`", min.max(31_536_000))
                }),
        );
    }
    for m in &cx.method_calls {
        if m.method != "disable" {
            continue;
        }
        let Some(turbofish) = &m.turbofish else {
            continue;
        };
        if !turbofish.args.iter().any(|a| matches!(a, syn::GenericArgument::Type(syn::Type::Path(t)) if t.path.segments.last().is_some_and(|s| s.ident == "Hsts"))) {
            continue;
        }
        let start = cx.range(&m.method).start;
        let end = cx.span_range(m.paren_token.span.close()).end;
        sink.push(
            Diagnostic::new(&RULE, "HSTS is disabled", start..end)
                .label("rocket stops sending `Strict-Transport-Security`")
                .note(WHY)
                .help("keep rocket's default HSTS policy (`Hsts::Enable(Duration::days(365))`)"),
        );
    }
}

/// `Duration::days(n)` (and `weeks`, `hours`, `minutes`, `seconds`, `new(s, _)`, `from_secs`) in
/// seconds.
fn duration_secs(cx: &Cx<'_>, e: &Expr) -> Option<u64> {
    let Expr::Call(c) = peel(e) else { return None };
    let Expr::Path(p) = &*c.func else { return None };
    let unit = p.path.segments.last()?.ident.to_string();
    let n = u64::try_from(cx.resolve(c.args.first()?).as_int()?).ok()?;
    let factor = match unit.as_str() {
        "weeks" => 604_800,
        "days" => 86_400,
        "hours" => 3_600,
        "minutes" => 60,
        "seconds" | "new" | "from_secs" => 1,
        _ => return None,
    };
    n.checked_mul(factor)
}

#[cfg(test)]
mod tests {
    use super::{Applicability, max_age_fix, problem};

    fn fixed(value: &str, min: u64) -> (String, Applicability) {
        let (at, replacement, applicability) = max_age_fix(value, min).expect("a fix");
        let mut out = value.to_string();
        out.replace_range(at, &replacement);
        (out, applicability)
    }

    #[test]
    fn max_age_fixes_keep_the_other_directives() {
        let year = 31_536_000;
        assert_eq!(
            fixed("max-age=3600; includeSubDomains", year),
            (
                "max-age=31536000; includeSubDomains".to_string(),
                Applicability::MachineApplicable
            )
        );
        assert_eq!(
            fixed("includeSubDomains; Max-Age=\"60\"; preload", year).0,
            "includeSubDomains; Max-Age=\"31536000\"; preload"
        );
        assert_eq!(
            fixed("max-age=0; includeSubDomains", year),
            (
                "max-age=31536000; includeSubDomains".to_string(),
                Applicability::MaybeIncorrect
            )
        );
        assert_eq!(fixed("max-age=abc", year).0, "max-age=31536000");
        assert_eq!(fixed("max-age", year).0, "max-age=31536000");
        assert_eq!(
            fixed("includeSubDomains", year).0,
            "max-age=31536000; includeSubDomains"
        );
        assert_eq!(fixed(" ", year).0, "max-age=31536000");
        for (value, _) in [fixed("max-age=1; preload", year), fixed("", year)] {
            assert!(problem(&value, year).is_none(), "{value}");
        }
    }

    #[test]
    fn hsts_values() {
        assert!(problem("max-age=63072000; includeSubDomains", 31_536_000).is_none());
        assert!(problem("max-age=31536000", 31_536_000).is_none());
        assert!(problem("Max-Age=\"31536000\"; preload", 31_536_000).is_none());
        assert!(problem("max-age=0", 31_536_000).is_some());
        assert!(problem("max-age=3600", 31_536_000).is_some());
        assert!(problem("includeSubDomains", 31_536_000).is_some());
        assert!(problem("max-age=abc", 31_536_000).is_some());
        assert!(problem("max-age=3600", 3_600).is_none());
    }
}
