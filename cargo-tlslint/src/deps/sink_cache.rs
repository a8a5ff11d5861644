//! The cache of sinks learned from dependencies: one small JSON file per package version and
//! checksum, under `$TLSLINT_CACHE_DIR` (else `$XDG_CACHE_HOME/cargo-tlslint`, else
//! `~/.cache/cargo-tlslint`), in a directory of this tool's version and of the entries' layout
//! (`sinks-0.2.0-3/`), so a newer analysis never reads an older one's results. A package whose
//! source is in the cargo cache does not change under its checksum; what it learned from its own
//! dependencies is recorded as a digest of their summaries ([`Entry::learned_with`]), which the
//! reader compares before using it. An entry that cannot be read or does not validate is a miss;
//! a failed write is ignored (the next run learns again).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tlslint_lints::{
    DeclaredSink, DeclaredValue, ExternalVerifier, RuleKind, Side, SinkSource, Verdict, find_rule,
};

/// The cache directory of this tool version.
#[derive(Clone, Debug)]
pub struct SinkCache {
    dir: PathBuf,
}

/// What is learned from one package.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    /// Its public functions that are sinks.
    pub sinks: Vec<DeclaredSink>,
    /// Its verifier types that do not verify.
    pub verifiers: Vec<ExternalVerifier>,
    /// The packages of its lockfile dependencies that its source names (`acme_http::`, `use
    /// acme_http`): the ones learning follows from it.
    pub mentions: Vec<String>,
    /// The digest of the policy and of the summaries of those dependencies it was learned with
    /// ([`inputs_digest`]): the entry holds only while they are the same.
    pub learned_with: String,
}

/// The layout of the entries, part of the directory's name: a new layout starts afresh.
const LAYOUT: u32 = 3;

/// An entry as stored.
#[derive(Serialize, Deserialize)]
struct StoredEntry {
    sinks: Vec<Stored>,
    verifiers: Vec<StoredVerifier>,
    mentions: Vec<String>,
    learned_with: String,
}

/// What a package taught as stored, without where it was learned from: what its dependents'
/// [`inputs_digest`] covers.
#[derive(Serialize)]
struct Summary {
    sinks: Vec<Stored>,
    verifiers: Vec<StoredVerifier>,
}

/// The digest of what a package taught (its sinks and verifier types as stored).
pub fn summary_digest(entry: &Entry) -> String {
    let summary = Summary {
        sinks: entry.sinks.iter().filter_map(store).collect(),
        verifiers: entry.verifiers.iter().filter_map(store_verifier).collect(),
    };
    let json = serde_json::to_string(&summary).unwrap_or_default();
    hex::encode(Sha256::digest(json.as_bytes()))
}

/// The digest of what a package is learned with: the parts of the policy that change what it
/// teaches (`policy`: the version floor, the declared sinks), then each dependency's name,
/// version and [`summary_digest`], in the order given (the caller sorts them).
pub fn inputs_digest<'a>(
    policy: &str,
    inputs: impl Iterator<Item = (&'a str, String, String)>,
) -> String {
    let mut digest = Sha256::new();
    digest.update(policy.as_bytes());
    digest.update([0]);
    for (name, version, summary) in inputs {
        for part in [name, &version, &summary] {
            digest.update(part.as_bytes());
            digest.update([0]);
        }
    }
    hex::encode(digest.finalize())
}

/// A verifier type as stored.
#[derive(Serialize, Deserialize)]
struct StoredVerifier {
    krate: String,
    name: String,
    side: String,
    verdict: String,
    package: String,
    at: String,
}

/// The stored names of sides and verdicts.
const SIDES: [(Side, &str); 2] = [(Side::Server, "server"), (Side::Client, "client")];
const VERDICTS: [(Verdict, &str); 4] = [
    (Verdict::AcceptsAll, "accepts-all"),
    (Verdict::IgnoresHostname, "ignores-hostname"),
    (Verdict::RuntimeControlled, "runtime-controlled"),
    (Verdict::SwallowsSomeErrors, "swallows-some-errors"),
];

/// One sink as stored.
#[derive(Serialize, Deserialize)]
struct Stored {
    path: Vec<String>,
    arg: usize,
    receiver: bool,
    field: bool,
    dangerous: serde_json::Value,
    rule: String,
    package: String,
    setting: String,
    at: String,
    message: String,
    via: String,
}

/// The largest entry read (a package's learned sinks take a few hundred bytes each).
const MAX_ENTRY_BYTES: u64 = 1 << 20;

impl SinkCache {
    /// The cache under `base` (a `--cache-dir` or `$TLSLINT_CACHE_DIR`), else the user's cache
    /// directory; `None` when there is no home to put it in.
    pub fn new(base: Option<&Path>) -> Option<SinkCache> {
        let base = match base {
            Some(b) => b.to_path_buf(),
            None => {
                let xdg = std::env::var_os("XDG_CACHE_HOME").filter(|x| !x.is_empty());
                match xdg {
                    Some(x) => PathBuf::from(x).join("cargo-tlslint"),
                    None => std::env::home_dir()?.join(".cache").join("cargo-tlslint"),
                }
            }
        };
        Some(SinkCache {
            dir: base.join(format!("sinks-{}-{LAYOUT}", env!("CARGO_PKG_VERSION"))),
        })
    }

    /// Where the entries are.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// The entry stored under `key`, if one is there and valid.
    pub fn get(&self, key: &str) -> Option<Entry> {
        let path = self.file(key);
        if std::fs::metadata(&path).ok()?.len() > MAX_ENTRY_BYTES {
            return None;
        }
        let text = std::fs::read_to_string(path).ok()?;
        let stored: StoredEntry = serde_json::from_str(&text).ok()?;
        let names_ok = stored
            .mentions
            .iter()
            .all(|m| m.len() <= 64 && super::locate::is_package_name(m));
        if !names_ok || !stored.learned_with.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        Some(Entry {
            sinks: stored
                .sinks
                .into_iter()
                .map(restore)
                .collect::<Option<_>>()?,
            verifiers: stored
                .verifiers
                .into_iter()
                .map(restore_verifier)
                .collect::<Option<_>>()?,
            mentions: stored.mentions,
            learned_with: stored.learned_with,
        })
    }

    /// Stores `entry` under `key`; a failure leaves the cache as it was.
    pub fn put(&self, key: &str, entry: &Entry) {
        let stored = StoredEntry {
            sinks: entry.sinks.iter().filter_map(store).collect(),
            verifiers: entry.verifiers.iter().filter_map(store_verifier).collect(),
            mentions: entry.mentions.clone(),
            learned_with: entry.learned_with.clone(),
        };
        let Ok(json) = serde_json::to_string(&stored) else {
            return;
        };
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let Ok(mut tmp) = tempfile::NamedTempFile::new_in(&self.dir) else {
            return;
        };
        if std::io::Write::write_all(&mut tmp, json.as_bytes()).is_ok() {
            let _ = tmp.persist(self.file(key));
        }
    }
}

fn store_verifier(v: &ExternalVerifier) -> Option<StoredVerifier> {
    Some(StoredVerifier {
        krate: v.krate.clone(),
        name: v.name.clone(),
        side: SIDES.iter().find(|(s, _)| *s == v.side)?.1.to_string(),
        verdict: VERDICTS
            .iter()
            .find(|(d, _)| *d == v.verdict)?
            .1
            .to_string(),
        package: v.package.clone(),
        at: v.at.clone(),
    })
}

/// A stored verifier type, validated: identifiers, a known side and verdict, printable text.
fn restore_verifier(s: StoredVerifier) -> Option<ExternalVerifier> {
    if !identifier(&s.krate) || !identifier(&s.name) || !printable(&s.package) || !printable(&s.at)
    {
        return None;
    }
    Some(ExternalVerifier {
        side: SIDES.iter().find(|(_, n)| *n == s.side)?.0,
        verdict: VERDICTS.iter().find(|(_, n)| *n == s.verdict)?.0,
        krate: s.krate,
        name: s.name,
        package: s.package,
        at: s.at,
        declared_in: None,
    })
}

/// Whether `seg` is an ASCII Rust identifier.
fn identifier(seg: &str) -> bool {
    let mut chars = seg.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether `text` is short and prints as itself (no control character, no terminal escape).
fn printable(text: &str) -> bool {
    text.len() <= 200 && !text.chars().any(char::is_control)
}

/// Whether `via`, the rest of a chain of learned sinks (at most a few links of
/// [`printable`] parts), prints as itself.
fn printable_chain(via: &str) -> bool {
    via.len() <= 1000 && !via.chars().any(char::is_control)
}

fn store(sink: &DeclaredSink) -> Option<Stored> {
    let SinkSource::Learned {
        package,
        setting,
        at,
        message,
        via,
    } = &sink.source
    else {
        return None;
    };
    Some(Stored {
        path: sink.path.clone(),
        arg: sink.arg,
        receiver: sink.receiver,
        field: sink.field,
        dangerous: match &sink.dangerous {
            DeclaredValue::Bool(b) => serde_json::Value::from(*b),
            DeclaredValue::Int(i) => serde_json::Value::from(i64::try_from(*i).ok()?),
            DeclaredValue::Str(s) => serde_json::Value::from(s.as_str()),
            DeclaredValue::Always => serde_json::Value::Null,
            range => serde_json::json!({ "range": range.range_spelling()? }),
        },
        rule: sink.rule.code.to_string(),
        package: package.clone(),
        setting: setting.clone(),
        at: at.clone(),
        message: message.clone(),
        via: via.clone(),
    })
}

/// A stored sink, validated as the policy's `[[sink]]` entries are: identifier segments, a
/// known source rule, a boolean, integer or string value, or a range's spelling
/// (`{"range": "1.1"}`).
fn restore(s: Stored) -> Option<DeclaredSink> {
    let rule = find_rule(&s.rule).filter(|r| RuleKind::of(r) == RuleKind::Source)?;
    if s.path.is_empty() || !s.path.iter().all(|seg| identifier(seg)) {
        return None;
    }
    if ![&s.package, &s.setting, &s.at, &s.message]
        .into_iter()
        .all(|t| printable(t))
        || !printable_chain(&s.via)
    {
        return None;
    }
    let dangerous = match s.dangerous {
        serde_json::Value::Bool(b) => DeclaredValue::Bool(b),
        serde_json::Value::Number(n) => DeclaredValue::Int(n.as_i64()?.into()),
        serde_json::Value::String(v) => DeclaredValue::Str(v),
        serde_json::Value::Null => DeclaredValue::Always,
        serde_json::Value::Object(o) if o.len() == 1 => {
            DeclaredValue::range(o.get("range")?.as_str()?)?
        }
        _ => return None,
    };
    // A field sink is a struct's field (`crate::Struct::field`), set, not called, to a value.
    if s.field
        && (s.path.len() < 3 || s.arg != 0 || s.receiver || dangerous == DeclaredValue::Always)
    {
        return None;
    }
    Some(DeclaredSink {
        path: s.path,
        arg: s.arg,
        receiver: s.receiver,
        field: s.field,
        dangerous,
        rule,
        source: SinkSource::Learned {
            package: s.package,
            setting: s.setting,
            at: s.at,
            message: s.message,
            via: s.via,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learned() -> DeclaredSink {
        DeclaredSink {
            path: vec![
                "acme_http".into(),
                "Builder".into(),
                "allow_insecure".into(),
            ],
            arg: 0,
            receiver: true,
            field: false,
            dangerous: DeclaredValue::Bool(true),
            rule: find_rule("TLS101").expect("a rule"),
            source: SinkSource::Learned {
                package: "acme-http 0.4.1".into(),
                setting: "danger_accept_invalid_certs".into(),
                at: "src/client.rs:12".into(),
                message: "certificate verification is disabled".into(),
                via: String::new(),
            },
        }
    }

    fn entry() -> Entry {
        Entry {
            sinks: vec![learned()],
            verifiers: vec![ExternalVerifier {
                krate: "wtransport".into(),
                name: "NoServerVerification".into(),
                side: Side::Server,
                verdict: Verdict::AcceptsAll,
                package: "wtransport 0.6.1".into(),
                at: "src/tls.rs:40".into(),
                declared_in: None,
            }],
            mentions: vec!["reqwest".into()],
            learned_with: "00ff".into(),
        }
    }

    #[test]
    fn an_entry_round_trips_and_a_bad_one_is_a_miss() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let cache = SinkCache::new(Some(dir.path())).expect("a cache");
        assert!(cache.get("acme-http-0.4.1-00").is_none());
        cache.put("acme-http-0.4.1-00", &entry());
        let back = cache.get("acme-http-0.4.1-00").expect("stored");
        assert_eq!(back.sinks.len(), 1);
        assert_eq!(back.sinks[0].path, learned().path);
        assert_eq!(back.sinks[0].source, learned().source);
        assert_eq!(back.sinks[0].rule.code, "TLS101");
        assert_eq!(back.verifiers, entry().verifiers);
        assert_eq!(back.mentions, ["reqwest"]);
        assert_eq!(back.learned_with, "00ff");
        cache.put("empty-1.0.0-00", &Entry::default());
        let empty = cache.get("empty-1.0.0-00").expect("stored");
        assert!(empty.sinks.is_empty() && empty.verifiers.is_empty());
        let sink = r#"{"path":["a"],"arg":0,"receiver":true,"field":false,"dangerous":true,"rule":"TLS101","package":"p","setting":"s","at":"a","message":"m","via":""}"#;
        let verifier = r#"{"krate":"w","name":"V","side":"server","verdict":"accepts-all","package":"w 1.0.0","at":"src/lib.rs:1"}"#;
        let write = |key: &str, sinks: &str, verifiers: &str| {
            std::fs::write(
                cache.file(key),
                format!(
                    r#"{{"sinks":[{sinks}],"verifiers":[{verifiers}],"mentions":["reqwest"],"learned_with":"ab"}}"#
                ),
            )
            .expect("written");
        };
        write("good-1.0.0-00", sink, verifier);
        assert!(cache.get("good-1.0.0-00").is_some(), "a valid entry");
        let field = sink
            .replace(r#"["a"]"#, r#"["k","Config","insecure"]"#)
            .replace(
                r#""receiver":true,"field":false"#,
                r#""receiver":false,"field":true"#,
            );
        write("field-1.0.0-00", &field, verifier);
        let back = cache.get("field-1.0.0-00").expect("a valid field sink");
        assert!(back.sinks[0].field, "the kind is kept");
        for (key, sinks, verifiers, why) in [
            (
                "path-1.0.0-00",
                sink.replace(r#"["a"]"#, r#"["../x"]"#),
                verifier.to_string(),
                "a path that is not identifiers",
            ),
            (
                "escape-1.0.0-00",
                sink.replace(r#""p""#, r#""\u001b[2J""#),
                verifier.to_string(),
                "a terminal escape in a printed field",
            ),
            (
                "short-field-1.0.0-00",
                sink.replace(r#""field":false"#, r#""field":true"#),
                verifier.to_string(),
                "a field sink whose path names no struct",
            ),
            (
                "always-field-1.0.0-00",
                field.replace(r#""dangerous":true"#, r#""dangerous":null"#),
                verifier.to_string(),
                "a field sink set to no value",
            ),
            (
                "kindless-1.0.0-00",
                sink.replace(r#""field":false,"#, ""),
                verifier.to_string(),
                "a sink of the former layout, without its kind",
            ),
            (
                "side-1.0.0-00",
                sink.to_string(),
                verifier.replace("server", "both"),
                "an unknown side",
            ),
            (
                "verdict-1.0.0-00",
                sink.to_string(),
                verifier.replace("accepts-all", "verifies"),
                "a verifier that verifies",
            ),
            (
                "chain-1.0.0-00",
                sink.replace(r#""via":"""#, r#""via":"\u001b[2J""#),
                verifier.to_string(),
                "a terminal escape in the chain",
            ),
            (
                "name-1.0.0-00",
                sink.to_string(),
                verifier.replace(r#""V""#, r#""V::W""#),
                "a type name that is a path",
            ),
        ] {
            write(key, &sinks, &verifiers);
            assert!(cache.get(key).is_none(), "{why}");
        }
        std::fs::write(cache.file("old-1.0.0-00"), format!("[{sink}]")).expect("written");
        assert!(cache.get("old-1.0.0-00").is_none(), "the former layout");
        std::fs::write(cache.file("junk-1.0.0-00"), "not json").expect("written");
        assert!(cache.get("junk-1.0.0-00").is_none());
    }
}
