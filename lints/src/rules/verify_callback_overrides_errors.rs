//! TLS121 `verify_callback_overrides_errors`: a verify callback that reads `preverify_ok` and
//! still accepts on a path where it is false. Reported by TLS120's check.

use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};

/// The rule (reported by the TLS120 check).
pub static RULE: Rule = Rule {
    code: "TLS121",
    name: "verify_callback_overrides_errors",
    default_level: Level::Warn,
    summary: "a certificate verify callback that accepts some certificates that failed verification",
    cwe: &[295],
    needles: &[],
    docs: r#"### What it does
Flags an openssl/boring `set_verify_callback` callback that reads its `preverify_ok` argument
and still accepts on some path where it is false: `ok || ctx.error() == X`, or an early
`return true` under a condition that does not require `ok`.

### Why is this bad?
The callback overrides OpenSSL's verdict for the errors it picks; self-signed, expired or
untrusted certificates accepted this way let an attacker who can produce such a certificate
impersonate the peer (CWE-295).

### Example
```rust
fn configure(builder: &mut openssl::ssl::SslConnectorBuilder) {
    builder.set_verify_callback(openssl::ssl::SslVerifyMode::PEER, |ok, ctx| {
        ok || ctx.error() == openssl::x509::X509VerifyResult::from_raw(18)
    });
}
```

Use instead:
```rust
fn configure(builder: &mut openssl::ssl::SslConnectorBuilder) {
    builder.set_verify_callback(openssl::ssl::SslVerifyMode::PEER, |ok, _ctx| ok);
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::ByAnotherRule,
};
