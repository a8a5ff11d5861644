//! The cache of sinks learned from dependencies: one small JSON file per package version and
//! checksum, under `$TLSLINT_CACHE_DIR` (else `$XDG_CACHE_HOME/cargo-tlslint`, else
//! `~/.cache/cargo-tlslint`), in a directory of this tool's version (`sinks-0.2.0/`), so a newer
//! analysis never reads an older one's results. A package whose source is in the cargo cache
//! does not change under its checksum, so its entry never goes stale. An entry that cannot be
//! read or does not validate is a miss; a failed write is ignored (the next run learns again).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tlslint_lints::{DeclaredSink, DeclaredValue, RuleKind, SinkSource, find_rule};

/// The cache directory of this tool version.
#[derive(Clone, Debug)]
pub struct SinkCache {
    dir: PathBuf,
}

/// One sink as stored.
#[derive(Serialize, Deserialize)]
struct Stored {
    path: Vec<String>,
    arg: usize,
    receiver: bool,
    dangerous: serde_json::Value,
    rule: String,
    package: String,
    setting: String,
    at: String,
    message: String,
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
            dir: base.join(format!("sinks-{}", env!("CARGO_PKG_VERSION"))),
        })
    }

    /// Where the entries are.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// The sinks stored under `key`, if an entry is there and valid.
    pub fn get(&self, key: &str) -> Option<Vec<DeclaredSink>> {
        let path = self.file(key);
        if std::fs::metadata(&path).ok()?.len() > MAX_ENTRY_BYTES {
            return None;
        }
        let text = std::fs::read_to_string(path).ok()?;
        let stored: Vec<Stored> = serde_json::from_str(&text).ok()?;
        stored.into_iter().map(restore).collect()
    }

    /// Stores `sinks` under `key`; a failure leaves the cache as it was.
    pub fn put(&self, key: &str, sinks: &[DeclaredSink]) {
        let stored: Vec<Stored> = sinks.iter().filter_map(store).collect();
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

fn store(sink: &DeclaredSink) -> Option<Stored> {
    let SinkSource::Learned {
        package,
        setting,
        at,
        message,
    } = &sink.source
    else {
        return None;
    };
    Some(Stored {
        path: sink.path.clone(),
        arg: sink.arg,
        receiver: sink.receiver,
        dangerous: match &sink.dangerous {
            DeclaredValue::Bool(b) => serde_json::Value::from(*b),
            DeclaredValue::Int(i) => serde_json::Value::from(i64::try_from(*i).ok()?),
            DeclaredValue::Str(s) => serde_json::Value::from(s.as_str()),
        },
        rule: sink.rule.code.to_string(),
        package: package.clone(),
        setting: setting.clone(),
        at: at.clone(),
        message: message.clone(),
    })
}

/// A stored sink, validated as the policy's `[[sink]]` entries are: identifier segments, a
/// known source rule, a boolean, integer or string value.
fn restore(s: Stored) -> Option<DeclaredSink> {
    let rule = find_rule(&s.rule).filter(|r| RuleKind::of(r) == RuleKind::Source)?;
    let identifier = |seg: &String| {
        let mut chars = seg.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if s.path.is_empty() || !s.path.iter().all(identifier) {
        return None;
    }
    let printable = |t: &String| t.len() <= 200 && !t.chars().any(char::is_control);
    if ![&s.package, &s.setting, &s.at, &s.message]
        .into_iter()
        .all(printable)
    {
        return None;
    }
    let dangerous = match s.dangerous {
        serde_json::Value::Bool(b) => DeclaredValue::Bool(b),
        serde_json::Value::Number(n) => DeclaredValue::Int(n.as_i64()?.into()),
        serde_json::Value::String(v) => DeclaredValue::Str(v),
        _ => return None,
    };
    Some(DeclaredSink {
        path: s.path,
        arg: s.arg,
        receiver: s.receiver,
        dangerous,
        rule,
        source: SinkSource::Learned {
            package: s.package,
            setting: s.setting,
            at: s.at,
            message: s.message,
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
            dangerous: DeclaredValue::Bool(true),
            rule: find_rule("TLS101").expect("a rule"),
            source: SinkSource::Learned {
                package: "acme-http 0.4.1".into(),
                setting: "danger_accept_invalid_certs".into(),
                at: "src/client.rs:12".into(),
                message: "certificate verification is disabled".into(),
            },
        }
    }

    #[test]
    fn an_entry_round_trips_and_a_bad_one_is_a_miss() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let cache = SinkCache::new(Some(dir.path())).expect("a cache");
        assert!(cache.get("acme-http-0.4.1-00").is_none());
        cache.put("acme-http-0.4.1-00", &[learned()]);
        let back = cache.get("acme-http-0.4.1-00").expect("stored");
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].path, learned().path);
        assert_eq!(back[0].source, learned().source);
        assert_eq!(back[0].rule.code, "TLS101");
        cache.put("empty-1.0.0-00", &[]);
        assert_eq!(cache.get("empty-1.0.0-00").map(|s| s.len()), Some(0));
        std::fs::write(
            cache.file("bad-1.0.0-00"),
            r#"[{"path":["../x"],"arg":0,"receiver":true,"dangerous":true,"rule":"TLS101","package":"p","setting":"s","at":"a","message":"m"}]"#,
        )
        .expect("written");
        assert!(
            cache.get("bad-1.0.0-00").is_none(),
            "a path that is not identifiers"
        );
        std::fs::write(
            cache.file("escape-1.0.0-00"),
            "[{\"path\":[\"a\"],\"arg\":0,\"receiver\":true,\"dangerous\":true,\"rule\":\"TLS101\",\"package\":\"\\u001b[2J\",\"setting\":\"s\",\"at\":\"a\",\"message\":\"m\"}]",
        )
        .expect("written");
        assert!(
            cache.get("escape-1.0.0-00").is_none(),
            "a terminal escape in a printed field"
        );
        std::fs::write(cache.file("junk-1.0.0-00"), "not json").expect("written");
        assert!(cache.get("junk-1.0.0-00").is_none());
    }
}
