//! TLS104 `cert_verification_runtime_toggle`: a TLS101/TLS201 setter whose argument is decided at
//! run or build time. The setters are recognised by those rules' checks, which report this rule
//! when the value is not a constant; this file holds its documentation.

use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};

/// The rule (reported by the TLS101 and TLS201 checks).
pub static RULE: Rule = Rule {
    code: "TLS104",
    name: "cert_verification_runtime_toggle",
    default_level: Level::Warn,
    summary: "certificate or hostname verification that can be switched off at run or build time",
    cwe: &[295],
    needles: &[],
    docs: r#"### What it does
Flags a certificate or hostname verification setter (every form of TLS101 and TLS201) whose
argument is not a constant: an environment variable, a config struct field, a function's result
or `cfg!(…)`. The note says where the value comes from. A parameter of a function is judged by
what the package's calls of that function pass, followed through callers that pass their own
parameters on: a caller passing the dangerous constant makes it TLS101/TLS201 (labelled at that
caller), a caller passing a run-time value makes it this rule (labelled there), and a private
function whose callers all pass the safe value is not reported. A public function keeps this
rule, since callers outside the package decide too. A dangerous constant set only under a
condition is graded the same way as that condition: inside `if args.insecure { … }`, its `else`,
a `match` arm on a run-time value or an `if let` it is this rule (the note names the condition);
under a condition that is a parameter it is settled by the callers; under a constant condition
that holds it is TLS101/TLS201, and under one that never holds it is not reported.

### Why is this bad?
An "insecure" switch meant for local testing tends to reach production: a stale environment
variable, a copied config file or a debug build is enough to turn verification off for real
traffic (CWE-295).

### Example
```rust
fn client() -> reqwest::Result<reqwest::Client> {
    let insecure = std::env::var("INSECURE_TLS").is_ok();
    reqwest::Client::builder().danger_accept_invalid_certs(insecure).build()
}
```

Use instead:
```rust
fn client(ca_pem: &[u8]) -> reqwest::Result<reqwest::Client> {
    let ca = reqwest::Certificate::from_pem(ca_pem)?;
    reqwest::Client::builder().add_root_certificate(ca).build()
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::ByAnotherRule,
};
