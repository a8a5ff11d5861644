//! TLS401 `weak_cipher_suite`: an OpenSSL-syntax cipher string that leaves NULL, EXPORT,
//! anonymous, RC4, DES, 3DES, MD5 or RC2 suites enabled, or sets `@SECLEVEL=0` (catalog section D).

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;

use syn::Expr;

use crate::cipher::{Evaluation, WeakSuite, Weakness, evaluate};
use crate::cx::{CallSite, Cx, peel};
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Edit, Fix};
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::value::{ConstStr, const_str, const_str_list, joined};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS401",
    name: "weak_cipher_suite",
    default_level: Level::Deny,
    summary: "a cipher string that enables NULL, EXPORT, anonymous, RC4, DES, 3DES, MD5 or RC2 suites",
    cwe: &[327],
    needles: &[
        "cipher_list",
        "ssl_ciphers",
        "ciphers && isahc",
        "enabled_cipher_suites",
        "ssl.cipher.suites",
    ],
    docs: r#"### What it does
Evaluates the OpenSSL cipher strings given to openssl/boring `set_cipher_list`, curl
`ssl_cipher_list`/`proxy_ssl_cipher_list`, isahc `ssl_ciphers`/`ciphers`, rdkafka
`ssl.cipher.suites` and paho-mqtt `enabled_cipher_suites` the way OpenSSL does (aliases such as
`ALL`, `HIGH`, `aNULL` and `kRSA` expand to suites, `!` removes for good, `-` removes, `+` only
reorders) and flags a string that leaves a NULL, EXPORT, anonymous, RC4, DES, 3DES, MD5 or RC2
suite enabled, or that sets `@SECLEVEL=0`. EXPORT, single-DES and RC2 suites were removed in
OpenSSL 1.1.0 and RC4 and MD5 suites are only built with `enable-weak-ssl-ciphers` since then:
the finding names those classes as enabled on OpenSSL before 1.1.0, and gives as its example a
suite current versions still have when there is one. A string whose weak tokens are all excluded is clean.
Strings held in constants and built with `concat!` or `+` are followed.

### Why is this bad?
These suites are broken (RC4, DES, EXPORT), have no encryption (NULL) or no server
authentication (anonymous), or rely on primitives with known practical attacks (3DES: Sweet32,
MD5). A peer that offers one can be downgraded to it (CWE-327).

### Example
```rust
fn configure(ctx: &mut openssl::ssl::SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_cipher_list("ALL:RC4-SHA")
}
```

Use instead:
```rust
fn configure(ctx: &mut openssl::ssl::SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_cipher_list("ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:!aNULL")
}
```

### Fix
When the cipher string is one string literal written at the call, it is replaced by Mozilla's
intermediate list (ECDHE and DHE key exchange with AES-GCM and ChaCha20-Poly1305). Maybe
incorrect, so only `--unsafe-fixes` applies it: peers that speak only suites outside that list
(static RSA, CBC) can no longer connect.
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

const HELP: &str = "exclude the weak suites (`HIGH:!aNULL:!eNULL:!EXPORT:!RC4:!DES:!3DES:!MD5`) or use Mozilla's intermediate list; `SslConnector::builder` already sets a safe default";

/// Mozilla's intermediate configuration (server side TLS guidelines v5.7) in OpenSSL's syntax:
/// ECDHE and DHE key exchange with AES-GCM and ChaCha20-Poly1305 only.
const MOZILLA_INTERMEDIATE: &str = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";

/// A cipher string given to a sink: where to point and what it says.
struct Site {
    primary: Range<usize>,
    arg: Range<usize>,
    value: ConstStr,
    /// The range of the string literal, when the string is written at the sink as one literal.
    literal: Option<Range<usize>>,
}

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    for site in sites(cx) {
        let eval = evaluate(&site.value.value);
        report(sink, &site, &eval);
    }
}

fn sites(cx: &Cx<'_>) -> Vec<Site> {
    let mut out = Vec::new();
    let single = |call: &CallSite<'_>, arg: &Expr| {
        const_str(cx, arg).map(|value| Site {
            primary: call.name_range(cx),
            arg: cx.range(arg),
            value,
            literal: match peel(arg) {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(lit),
                    ..
                }) => Some(cx.range(lit)),
                _ => None,
            },
        })
    };
    for call in cx.calls_named(&[
        "set_cipher_list",
        "ssl_cipher_list",
        "proxy_ssl_cipher_list",
        "enabled_cipher_suites",
    ]) {
        if let Some(arg) = call.args.first() {
            out.extend(single(&call, arg));
        }
    }
    let isahc = cx.mentions_crate("isahc");
    for call in cx.calls_named(&["ssl_ciphers", "ciphers"]) {
        if call.name == "ciphers" && !isahc {
            continue;
        }
        let Some(arg) = call.args.first() else {
            continue;
        };
        let joined = const_str_list(cx, arg).map(|items| joined(items, ":"));
        if let Some(value) = joined.or_else(|| const_str(cx, arg)) {
            out.push(Site {
                primary: call.name_range(cx),
                arg: cx.range(*arg),
                value,
                literal: None,
            });
        }
    }
    for call in cx.calls_named(&["set"]) {
        let [key, value] = call.args[..] else {
            continue;
        };
        if const_str(cx, key).is_some_and(|k| k.value == "ssl.cipher.suites") {
            out.extend(single(&call, value));
        }
    }
    out
}

fn report(sink: &mut Sink, site: &Site, eval: &Evaluation) {
    let classes: Vec<Weakness> = eval
        .classes()
        .into_iter()
        .filter(|w| !matches!(w, Weakness::ShortTag | Weakness::IntegrityOnly))
        .collect();
    if !classes.is_empty() {
        let mut d = Diagnostic::new(
            &RULE,
            "the cipher list enables weak cipher suites",
            site.primary.clone(),
        );
        let old: HashSet<&str> = eval
            .weak
            .iter()
            .filter(|w| gone_since_1_1(w.weakness))
            .map(|w| w.suite.as_str())
            .collect();
        let is_current = |w: &&WeakSuite| !old.contains(w.suite.as_str());
        let current_classes: BTreeSet<Weakness> = eval
            .weak
            .iter()
            .filter(is_current)
            .map(|w| w.weakness)
            .collect();
        d = d.label(enabled_label(&classes, &current_classes));
        let current = eval
            .weak
            .iter()
            .filter(is_current)
            .find(|w| classes.contains(&w.weakness));
        let example = current.or_else(|| {
            eval.weak
                .iter()
                .find(|w| classes.first() == Some(&w.weakness))
        });
        if let Some(first) = example {
            let gone = old.contains(first.suite.as_str());
            let what = first.weakness.describe();
            let text = match (first.token == first.suite, gone) {
                (true, false) => format!("`{}` is weak ({what})", first.suite),
                (true, true) => format!(
                    "`{}` is weak ({what}) and exists {OLD_OPENSSL}",
                    first.suite
                ),
                (false, false) => format!("`{}` enables `{}` ({what})", first.token, first.suite),
                (false, true) => {
                    format!(
                        "`{}` enables `{}` ({what}) {OLD_OPENSSL}",
                        first.token, first.suite
                    )
                }
            };
            d = d.secondary(site.arg.clone(), text);
        }
        if !old.is_empty() {
            d = d.note("EXPORT, single-DES and RC2 suites were removed in OpenSSL 1.1.0, and RC4 and MD5 suites are only built with `enable-weak-ssl-ciphers` since then: this list enables them wherever the library still has them (OpenSSL 1.0.2, such builds)");
        }
        for (range, text) in &site.value.via {
            d = d.secondary(range.clone(), text.clone());
        }
        // Maybe incorrect: a peer that only speaks a suite outside the list (static RSA, CBC)
        // can no longer connect.
        if let Some(literal) = &site.literal {
            d = d.fix(Fix::new(
                "use Mozilla's intermediate cipher list",
                Applicability::MaybeIncorrect,
                Edit::replace(literal.clone(), format!("\"{MOZILLA_INTERMEDIATE}\"")),
            ));
        }
        sink.push(d.note("these suites are broken or unauthenticated, and a peer that offers one can be downgraded to it").help(HELP));
    }
    if eval.seclevel == Some(0) {
        let mut d = Diagnostic::new(
            &RULE,
            "the cipher list sets security level 0",
            site.primary.clone(),
        )
        .label("`@SECLEVEL=0` allows every algorithm and key size")
        .secondary(site.arg.clone(), "`@SECLEVEL=0` is set here");
        for (range, text) in &site.value.via {
            d = d.secondary(range.clone(), text.clone());
        }
        sink.push(
            d.note(
                "security level 0 re-enables keys and algorithms that OpenSSL rejects by default",
            )
            .help("drop `@SECLEVEL=0` (OpenSSL's default is level 1 or 2)"),
        );
    }
}

/// Where the suites of a class removed from OpenSSL's default builds still exist.
const OLD_OPENSSL: &str = "on OpenSSL before 1.1.0";

/// Whether OpenSSL 1.1.0 and later (default builds) no longer have any suite of the class.
fn gone_since_1_1(w: Weakness) -> bool {
    matches!(
        w,
        Weakness::Export | Weakness::Des | Weakness::Rc2 | Weakness::Rc4 | Weakness::Md5
    )
}

/// What stays enabled: the classes current OpenSSL still has a suite of, then the ones only
/// older versions have, said as such.
fn enabled_label(classes: &[Weakness], current: &BTreeSet<Weakness>) -> String {
    let names = |now: bool| {
        classes
            .iter()
            .filter(|w| current.contains(*w) == now)
            .map(|w| w.describe())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (names(true), names(false)) {
        (now, old) if old.is_empty() => format!("{now} suites stay enabled"),
        (now, old) if now.is_empty() => format!("{old} suites stay enabled {OLD_OPENSSL}"),
        (now, old) => format!("{now} suites stay enabled, and {old} suites {OLD_OPENSSL}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{MOZILLA_INTERMEDIATE, evaluate};

    #[test]
    fn the_fix_list_is_clean() {
        let eval = evaluate(MOZILLA_INTERMEDIATE);
        assert!(eval.classes().is_empty(), "{:?}", eval.classes());
        assert!(eval.weak.is_empty());
        assert_eq!(eval.seclevel, None);
    }
}
