//! TLS201 `hostname_verification_disabled`: the certificate is validated but not checked against
//! the host being contacted (catalog section B).

use super::cert_verification_runtime_toggle;
use crate::cx::{Cx, peel};
use crate::lint::{Check, Lint};
use crate::rule::{Level, Rule};
use crate::sink::Sink;
use crate::toggle::{
    Field, Finding, PathValue, Runtime, Setter, check_fields, check_paths, check_setters,
};

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS201",
    name: "hostname_verification_disabled",
    default_level: Level::Deny,
    summary: "hostname verification switched off by a literal or constant",
    cwe: &[297],
    needles: &[
        "accept_invalid_hostnames",
        "danger_accept_invalid_hosts",
        "DANGER_ACCEPT_INVALID_HOSTS",
        "verify_hostname",
        "ssl_verify_host",
        "skip_domain_validation",
        "allow_invalid_hostnames",
        "PgSslMode",
        "MySqlSslMode",
        "CertificateValidation:: || CertificateValidation as",
        "paho_mqtt",
    ],
    docs: r#"### What it does
Flags settings that switch the hostname check off with a literal or a constant:
`danger_accept_invalid_hostnames(true)` (reqwest including `tls_danger_accept_invalid_hostnames`,
native-tls, async-native-tls, attohttpc, redis `set_danger_accept_invalid_hostnames`), isahc
`SslOption::DANGER_ACCEPT_INVALID_HOSTS` and `danger_accept_invalid_hosts(true)`, lettre
`dangerous_accept_invalid_hostnames(true)`, openssl/boring `verify_hostname(false)` and
`set_verify_hostname(false)`, curl `ssl_verify_host(false)`, mysql
`with_danger_skip_domain_validation(true)`, mongodb `allow_invalid_hostnames(true)`, paho-mqtt
`verify(false)`, pingora `options.verify_hostname = false`, wreq `tls_verify_hostname(false)`, sqlx
`PgSslMode::VerifyCa`/`MySqlSslMode::VerifyCa` and elasticsearch
`CertificateValidation::Certificate(…)`. A value decided at run time is reported as TLS104.
openssl's `set_verify_hostname(false)` is not reported when the same function checks the host
itself on the same object's verify parameters (`ssl.param_mut().set_host(…)`, `add_host`,
`set_ip`, or a helper given the parameters first, such as pingora's `add_host(param, host)`).

### Why is this bad?
A valid certificate for *any* name is accepted, so anyone who can get a certificate for a domain
they own (free and automatic today) can impersonate the server (CWE-297).

### Example
```rust
fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_hostnames(true).build()
}
```

Use instead:
```rust
fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().build()
}
```

### Fix
When the value is a literal written at the setter or field, the literal becomes the safe value,
which is the library's default (`danger_accept_invalid_hostnames(true)` → `(false)`,
`verify_hostname(false)` → `(true)`). Machine-applicable: one literal replaced by another of the
same type, so the code compiles as before. When the setter sits inside a builder chain, a second
fix removes the call; it is maybe incorrect, because the method is matched by name and whether the
chain keeps its type is not checked. No fix is offered for values held in constants or bindings,
or for the enum values.
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::Setting {
        check,
        runtime: &cert_verification_runtime_toggle::RULE,
    },
};

const FINDING: Finding = Finding {
    rule: &RULE,
    message: "hostname verification is disabled",
    label: "a certificate for any host is accepted",
    why: "anyone with a valid certificate for any domain can impersonate the server",
    runtime: Some(Runtime {
        rule: &cert_verification_runtime_toggle::RULE,
        message: "hostname verification can be switched off at run time",
    }),
    fix_literal: true,
};

const FIX_SAN: &str =
    "keep the check on and issue the server's certificate for the name clients use (its SAN)";

const SETTERS: &[Setter] = &[
    Setter {
        methods: &[
            "danger_accept_invalid_hostnames",
            "tls_danger_accept_invalid_hostnames",
            "set_danger_accept_invalid_hostnames",
            "danger_accept_invalid_hosts",
            "dangerous_accept_invalid_hostnames",
        ],
        dangerous: true,
        needs_crate: &[],
        help: FIX_SAN,
    },
    Setter {
        methods: &[
            "ssl_verify_host",
            "proxy_ssl_verify_host",
            "doh_ssl_verify_host",
        ],
        dangerous: false,
        needs_crate: &[],
        help: "keep the default (`true`)",
    },
    Setter {
        methods: &["tls_verify_hostname"],
        dangerous: false,
        needs_crate: &["wreq"],
        help: "keep the default (`true`)",
    },
    Setter {
        methods: &["with_danger_skip_domain_validation"],
        dangerous: true,
        needs_crate: &[],
        help: FIX_SAN,
    },
    Setter {
        methods: &["allow_invalid_hostnames"],
        dangerous: true,
        needs_crate: &[],
        help: FIX_SAN,
    },
    Setter {
        methods: &["verify"],
        dangerous: false,
        needs_crate: &["paho_mqtt"],
        help: "call `.verify(true)` on the `SslOptionsBuilder`",
    },
];

/// openssl/boring's own hostname check, which an explicit check on the verify parameters
/// replaces ([`checks_host_itself`]).
const OPENSSL_SETTER: &[Setter] = &[Setter {
    methods: &["verify_hostname", "set_verify_hostname"],
    dangerous: false,
    needs_crate: &[],
    help: "keep the default (`true`) and pass the real host name to `connect(domain, stream)`",
}];

const FIELDS: &[Field] = &[
    Field {
        name: "allow_invalid_hostnames",
        dangerous: true,
        struct_name: None,
        needs_crate: &["mongodb"],
        help: FIX_SAN,
    },
    Field {
        name: "verify_hostname",
        dangerous: false,
        struct_name: None,
        needs_crate: &["pingora", "pingora_core", "pingora_proxy"],
        help: "keep the default (`true`); to accept one more name, set `options.alternative_cn`",
    },
];

const PATHS: &[PathValue] = &[
    PathValue {
        suffix: &["DANGER_ACCEPT_INVALID_HOSTS"],
        help: "drop the flag",
    },
    PathValue {
        suffix: &["PgSslMode", "VerifyCa"],
        help: "use `PgSslMode::VerifyFull`",
    },
    PathValue {
        suffix: &["MySqlSslMode", "VerifyCa"],
        help: "use `MySqlSslMode::VerifyIdentity`",
    },
    PathValue {
        suffix: &["CertificateValidation", "Certificate"],
        help: "use `CertificateValidation::Full(cert)`, which also checks the host name",
    },
];

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    check_setters(cx, sink, &FINDING, SETTERS);
    check_openssl(cx, sink);
    check_fields(cx, sink, &FINDING, FIELDS);
    check_paths(cx, sink, &FINDING, PATHS);
}

/// openssl `set_verify_hostname(false)`/`verify_hostname(false)`, unless the same function checks
/// the host itself on the verify parameters (`param_mut().set_host(…)`).
fn check_openssl(cx: &Cx<'_>, sink: &mut Sink) {
    let mut own = Sink::default();
    check_setters(cx, &mut own, &FINDING, OPENSSL_SETTER);
    let kept = |at: usize| !checks_host_itself(cx, at);
    for d in own.diagnostics {
        if kept(d.primary.range.start) {
            sink.push(d);
        }
    }
    for d in own.deferred {
        if kept(d.finding.primary.range.start) {
            sink.defer(d.finding, d.condition);
        }
    }
}

/// The calls that set the expected host on verify parameters.
const HOST_CHECKS: &[&str] = &["set_host", "add_host", "set_ip"];

/// Whether the function around `at` sets the expected host on the verify parameters of the
/// object the setter at `at` is called on: `set_host`/`add_host`/`set_ip` on
/// `ssl.param_mut()`/`verify_param_mut()` or a binding of it, as a method or as a function that
/// takes the parameters first (`ext::add_host(param, host)`, as pingora's helpers do). When
/// either object is not a plain name, any verify parameters of the function count.
fn checks_host_itself(cx: &Cx<'_>, at: usize) -> bool {
    let Some(function) = cx.scopes_at(at).find(|s| s.name.is_some()) else {
        return false;
    };
    let object = setter_object(cx, at);
    let on_object = |params: &syn::Expr| {
        verify_params_of(cx, params, 0)
            .is_some_and(|owner| owner.is_none() || object.is_none() || owner == object)
    };
    let methods = cx.calls_named(HOST_CHECKS).filter_map(|c| c.receiver);
    let functions = cx
        .functions_named(HOST_CHECKS)
        .filter_map(|c| c.args.first().copied());
    methods
        .chain(functions)
        .any(|params| function.range.contains(&cx.range(params).start) && on_object(params))
}

/// The name of the object the openssl setter at `at` is called on (`config` in
/// `config.set_verify_hostname(false)`), when it is a plain name.
fn setter_object(cx: &Cx<'_>, at: usize) -> Option<String> {
    let setter = cx
        .method_calls
        .iter()
        .filter(|m| {
            OPENSSL_SETTER
                .iter()
                .any(|s| s.methods.iter().any(|n| m.method == n))
        })
        .filter(|m| cx.range(**m).contains(&at))
        .min_by_key(|m| cx.range(**m).len())?;
    plain_name(&setter.receiver)
}

/// A single identifier, as text.
fn plain_name(e: &syn::Expr) -> Option<String> {
    match peel(e) {
        syn::Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
        _ => None,
    }
}

/// Whether `e` is `x.param_mut()`, `x.verify_param_mut()`, or a binding of one (through
/// `?`/`unwrap`): `Some` with the name of `x` when it is a plain name.
fn verify_params_of(cx: &Cx<'_>, e: &syn::Expr, depth: usize) -> Option<Option<String>> {
    if depth > 4 {
        return None;
    }
    match peel(e) {
        syn::Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "param_mut" | "verify_param_mut" => Some(plain_name(&m.receiver)),
            "unwrap" | "expect" => verify_params_of(cx, &m.receiver, depth + 1),
            _ => None,
        },
        syn::Expr::Try(t) => verify_params_of(cx, &t.expr, depth + 1),
        syn::Expr::Path(p) => p
            .path
            .get_ident()
            .and_then(|ident| cx.binding_at(ident, cx.range(e).start))
            .and_then(|b| b.init)
            .and_then(|init| verify_params_of(cx, init, depth + 1)),
        _ => None,
    }
}
