//! TLS402 `weak_tls13_suite`: openssl/boring `set_ciphersuites` enabling the TLS 1.3 suite with a
//! truncated tag (`TLS_AES_128_CCM_8_SHA256`) or an integrity-only suite (catalog section D).

use crate::cipher::{Weakness, evaluate};
use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::value::const_str;

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS402",
    name: "weak_tls13_suite",
    default_level: Level::Warn,
    summary: "a TLS 1.3 suite list with a truncated-tag or integrity-only suite",
    cwe: &[327],
    needles: &["set_ciphersuites"],
    docs: r#"### What it does
Flags openssl/boring `set_ciphersuites` lists that enable `TLS_AES_128_CCM_8_SHA256` (an 8-byte
authentication tag) or the integrity-only suites `TLS_SHA256_SHA256`/`TLS_SHA384_SHA384`. The
other TLS 1.3 suites (`TLS_AES_128_GCM_SHA256`, `TLS_AES_256_GCM_SHA384`,
`TLS_CHACHA20_POLY1305_SHA256`, `TLS_AES_128_CCM_SHA256`) are strong.

### Why is this bad?
A truncated tag lowers forgery resistance, and integrity-only suites send the application data
unencrypted (CWE-327).

### Example
```rust
fn configure(ctx: &mut openssl::ssl::SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_ciphersuites("TLS_AES_128_CCM_8_SHA256:TLS_AES_128_GCM_SHA256")
}
```

Use instead:
```rust
fn configure(ctx: &mut openssl::ssl::SslContextBuilder) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_ciphersuites("TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256")
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    for call in cx.calls_named(&["set_ciphersuites"]) {
        let Some(arg) = call.args.first() else {
            continue;
        };
        let Some(value) = const_str(cx, arg) else {
            continue;
        };
        let eval = evaluate(&value.value);
        let Some(weak) = eval
            .weak
            .iter()
            .find(|w| matches!(w.weakness, Weakness::ShortTag | Weakness::IntegrityOnly))
        else {
            continue;
        };
        let why = match weak.weakness {
            Weakness::IntegrityOnly => "integrity-only suites send application data unencrypted",
            _ => {
                "an 8-byte tag makes forgeries far more likely than the 16-byte tags of the other suites"
            }
        };
        let mut d = Diagnostic::new(
            &RULE,
            "the TLS 1.3 suite list enables a weak suite",
            call.name_range(cx),
        )
        .label(format!("`{}` is enabled", weak.suite))
        .secondary(
            cx.range(*arg),
            format!("a {} suite", weak.weakness.describe()),
        );
        for (range, text) in &value.via {
            d = d.secondary(range.clone(), text.clone());
        }
        sink.push(d.note(why).help("use `TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256` (OpenSSL's default)"));
    }
}
