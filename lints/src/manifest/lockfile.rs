//! TLS803 `vulnerable_tls_dependency`: `Cargo.lock` entries whose TLS defaults are weak
//! (catalog section H): native-tls < 0.2.15, mongodb ≤ 3.2.4 when the sources use
//! `tlsInsecure`, rdkafka-sys ≤ 4.5.0 built with SSL.

use std::ops::Range;

use semver::Version;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;
use crate::rules::VULNERABLE_TLS_DEPENDENCY;

/// One `[[package]]` of the lockfile.
struct Locked<'a> {
    name: &'a str,
    version: Version,
    version_range: Range<usize>,
    dependencies: Vec<&'a str>,
}

/// Reports TLS803 for a parsed lockfile. `sources_mention_tls_insecure` is asked (at most once,
/// and only when a mongodb ≤ 3.2.4 is locked) whether the workspace's sources use `tlsInsecure`.
pub(crate) fn check(
    root: &DeTable<'_>,
    sources_mention_tls_insecure: &mut dyn FnMut() -> bool,
    out: &mut Vec<Diagnostic>,
) {
    let mut tls_insecure: Option<bool> = None;
    for p in packages(root) {
        let v = &p.version;
        let d = match p.name {
            "native-tls" if (v.major, v.minor, v.patch) < (0, 2, 15) => Diagnostic::new(&VULNERABLE_TLS_DEPENDENCY, format!("`native-tls` {v} accepts TLS 1.0 by default"), p.version_range)
                .label("TLS 1.0 and 1.1 are allowed unless `min_protocol_version` is set")
                .note("before 0.2.15 a `TlsConnector` built without `min_protocol_version` allows TLS 1.0 and 1.1; 0.2.15 raised the default to TLS 1.2")
                .help("run `cargo update -p native-tls` to lock 0.2.15 or later"),
            "mongodb" if (v.major, v.minor, v.patch) <= (3, 2, 4) && *tls_insecure.get_or_insert_with(&mut *sources_mention_tls_insecure) => {
                Diagnostic::new(&VULNERABLE_TLS_DEPENDENCY, format!("`mongodb` {v} inverts the `tlsInsecure` URI option"), p.version_range)
                    .label("`tlsInsecure=false` turns certificate verification off in this version")
                    .note("the sources use `tlsInsecure`; mongodb up to 3.2.4 reads `tlsInsecure=false` as `tlsAllowInvalidCertificates=true` (fixed in 3.2.5)")
                    .help("run `cargo update -p mongodb` to lock 3.2.5 or later")
            }
            "rdkafka-sys" if (v.major, v.minor, v.patch) <= (4, 5, 0) && p.dependencies.contains(&"openssl-sys") => {
                Diagnostic::new(&VULNERABLE_TLS_DEPENDENCY, format!("`rdkafka-sys` {v} bundles a librdkafka that does not verify broker hostnames by default"), p.version_range)
                    .label("built with SSL and librdkafka 1.x")
                    .note("librdkafka before 2.0.0 defaults `ssl.endpoint.identification.algorithm` to `none`; rdkafka-sys up to 4.5.0 bundles librdkafka 1.9.2 (unless `dynamic-linking` links a newer system library)")
                    .help("update `rdkafka` to a release built on rdkafka-sys 4.6.0 or later, or set `ssl.endpoint.identification.algorithm` to `https`")
            }
            _ => continue,
        };
        out.push(d);
    }
}

fn packages<'a>(root: &'a DeTable<'_>) -> Vec<Locked<'a>> {
    let Some(DeValue::Array(items)) = root.get("package").map(Spanned::get_ref) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let DeValue::Table(t) = item.get_ref() else {
                return None;
            };
            let name = t.get("name")?.get_ref().as_str()?;
            let version_value = t.get("version")?;
            let version = Version::parse(version_value.get_ref().as_str()?).ok()?;
            let dependencies = match t.get("dependencies").map(Spanned::get_ref) {
                Some(DeValue::Array(deps)) => deps
                    .iter()
                    .filter_map(|d| d.get_ref().as_str()?.split_whitespace().next())
                    .collect(),
                _ => Vec::new(),
            };
            Some(Locked {
                name,
                version,
                version_range: version_value.span(),
                dependencies,
            })
        })
        .collect()
}
