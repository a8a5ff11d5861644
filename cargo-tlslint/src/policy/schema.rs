//! The JSON Schema (draft-07, which Taplo / Even Better TOML read) of the policy:
//! `schema/tlslint.schema.json`, rendered from the policy's keys ([`crate::policy::config::KEYS`], the
//! list the parser checks keys against) and the rule registry (every rule's code and names under
//! `lints`). `tests/schema.rs` checks the file against this rendering (`TLSLINT_BLESS=1`
//! rewrites it) and checks, with a JSON Schema validator, that the schema and the parser accept
//! the same values.

use serde_json::{Map, Value, json};
use tlslint_lints::{DeclaredValue, Level, RULES, RuleKind, declared_ranges, declared_verifier};

use crate::policy::config::{
    ALLOW_ENTRY_KEYS, DEPENDENCY_KEYS, KEYS, SINK_KEYS, SINK_PATH_PATTERN, VERIFIER_PATH_PATTERN,
};
use crate::render::rule_meta;

/// The schema's path in the repository.
pub const PATH: &str = "schema/tlslint.schema.json";

/// Where this version's schema is published: the file at the release tag.
pub fn url() -> String {
    let raw = rule_meta::REPOSITORY.replacen(
        "https://github.com/",
        "https://raw.githubusercontent.com/",
        1,
    );
    format!("{raw}/v{}/{PATH}", env!("CARGO_PKG_VERSION"))
}

/// The schema, as the file holds it (pretty-printed, with a final newline).
pub fn render() -> String {
    let mut properties = Map::new();
    for key in KEYS {
        let mut property = json!({
            "description": key.doc,
            "allOf": [serde_json::from_str::<Value>(key.schema).unwrap_or(Value::Null)],
        });
        if let Ok(default) = toml::from_str::<Map<String, Value>>(&format!("v = {}", key.default))
            && let Some(v) = default.get("v")
        {
            property["default"] = v.clone();
        }
        properties.insert(key.name.to_string(), property);
    }
    let policy = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    let metadata = json!({
        "type": "object",
        "properties": { "metadata": {
            "type": "object",
            "properties": { "tlslint": { "$ref": "#/definitions/policy" } },
        }},
    });
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": url(),
        "title": "cargo-tlslint policy",
        "description": "tlslint.toml, and the [workspace.metadata.tlslint] and [package.metadata.tlslint] tables of Cargo.toml (#/definitions/manifest)",
        "$ref": "#/definitions/policy",
        "definitions": {
            "policy": policy,
            "lints": lints(),
            "level": level(),
            "dependencies": dependencies(),
            "sink": sink(),
            "manifest": {
                "description": "the tlslint tables of a Cargo.toml",
                "type": "object",
                "properties": { "package": metadata, "workspace": metadata },
            },
        },
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&schema).unwrap_or_default()
    )
}

/// The `lints` table: each rule by its code (upper or lower case) and its name (snake or kebab
/// case), as the parser finds rules.
fn lints() -> Value {
    let mut properties = Map::new();
    for rule in RULES {
        for spelling in spellings(rule) {
            properties.insert(
                spelling,
                json!({
                    "description": format!("{} `{}` ({} by default): {}", rule.code, rule.name, rule.default_level.as_str(), rule.summary),
                    "$ref": "#/definitions/level",
                }),
            );
        }
    }
    json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

/// The spellings of a rule the parser finds it by: code (upper or lower case), name (snake or
/// kebab case).
fn spellings(rule: &tlslint_lints::Rule) -> [String; 4] {
    [
        rule.code.to_string(),
        rule.code.to_ascii_lowercase(),
        rule.name.to_string(),
        rule.name.replace('_', "-"),
    ]
}

/// A `[[sink]]` entry: the method's path, the argument, the dangerous value and a source rule.
fn sink() -> Value {
    let rules: Vec<String> = RULES
        .iter()
        .filter(|r| RuleKind::of(r) == RuleKind::Source)
        .flat_map(|r| spellings(r))
        .collect();
    let mut properties = Map::new();
    for key in SINK_KEYS {
        properties.insert(
            key.to_string(),
            match *key {
                "path" => json!({ "type": "string", "pattern": SINK_PATH_PATTERN, "description": "the method (last segment), after its crate and type when they are to be required, e.g. acme_http::Builder::insecure; under a verifier rule, the verifier type with its crate, e.g. acme_tls::TrustAll" }),
                "arg" => json!({ "type": "integer", "minimum": 0, "default": 0, "description": "which argument carries the value (0-based, not counting the receiver)" }),
                "dangerous" => json!({ "type": ["boolean", "integer", "string"], "description": "the value that weakens TLS (required for a setting; absent when the rule is a verifier rule and `path` names a verifier type); under the legacy-version rule a version such as \"1.1\" (it and every older one), under the listener rule \"all-interfaces\", under the plaintext-connection rule \"remote-host\"" }),
                _ => json!({ "type": "string", "enum": rules, "description": "the rule a dangerous constant is reported under (a rule of Rust sources, by code or name)" }),
            },
        );
    }
    let verifier_rules: Vec<String> = RULES
        .iter()
        .filter(|r| declared_verifier(r).is_some())
        .flat_map(|r| spellings(r))
        .collect();
    json!({
        "type": "object",
        "required": ["path", "rule"],
        "properties": properties,
        "additionalProperties": false,
        "if": { "properties": { "rule": { "enum": verifier_rules } } },
        "then": {
            "properties": { "path": { "pattern": VERIFIER_PATH_PATTERN } },
            "not": { "anyOf": [{ "required": ["arg"] }, { "required": ["dangerous"] }] },
        },
        "else": { "required": ["dangerous"], "allOf": range_conditions() },
    })
}

/// The conditions on a setting's `dangerous` that the rule's ranges of values make: under a
/// rule that takes versions, a string is one of them; an address kind (`all-interfaces`,
/// `remote-host`) only under its own rule.
fn range_conditions() -> Vec<Value> {
    let rules_taking = |taken: &dyn Fn(&DeclaredValue) -> bool| -> Vec<String> {
        RULES
            .iter()
            .filter(|l| declared_ranges(l.rule).iter().any(taken))
            .flat_map(|l| spellings(l.rule))
            .collect()
    };
    let is_version = |v: &DeclaredValue| matches!(v, DeclaredValue::VersionAtMost(_));
    let versions: Vec<&str> = DeclaredValue::version_spellings().collect();
    let mut out = vec![json!({
        "if": { "properties": { "rule": { "enum": rules_taking(&is_version) } } },
        "then": { "properties": { "dangerous": {
            "anyOf": [{ "type": ["boolean", "integer"] }, { "enum": versions }],
            "description": "a TLS version, dangerous with every older one",
        } } },
    })];
    let mut kinds: Vec<DeclaredValue> = RULES
        .iter()
        .flat_map(|l| declared_ranges(l.rule))
        .filter(|v| !is_version(v))
        .collect();
    kinds.dedup();
    for kind in kinds {
        let Some(spelling) = kind.range_spelling() else {
            continue;
        };
        out.push(json!({
            "if": { "properties": { "dangerous": { "const": spelling } }, "required": ["dangerous"] },
            "then": { "properties": { "rule": { "enum": rules_taking(&|v| *v == kind) } } },
        }));
    }
    out
}

/// A rule's level: a name, or cargo's `{ level = "…", priority = N }`.
fn level() -> Value {
    let names: Vec<&str> = [Level::Allow, Level::Warn, Level::Deny, Level::Forbid]
        .iter()
        .map(|l| l.as_str())
        .collect();
    json!({
        "oneOf": [
            { "type": "string", "enum": names },
            {
                "type": "object",
                "required": ["level"],
                "properties": { "level": { "type": "string", "enum": names }, "priority": { "type": "integer" } },
                "additionalProperties": false,
            },
        ],
    })
}

/// `dependencies`: a boolean, or the table with `audit` and the allow-list.
fn dependencies() -> Value {
    let mut entry = Map::new();
    for key in ALLOW_ENTRY_KEYS {
        entry.insert(
            key.to_string(),
            match *key {
                "version" => json!({ "type": "string", "description": "the versions covered (a cargo version requirement); every version when absent" }),
                "reason" => json!({ "type": "string", "pattern": "\\S", "description": "why the crate's findings are accepted" }),
                _ => json!({ "type": "string", "minLength": 1, "description": "the crate's name" }),
            },
        );
    }
    let mut table = Map::new();
    for key in DEPENDENCY_KEYS {
        table.insert(
            key.to_string(),
            match *key {
                "audit" => json!({ "type": "boolean", "description": "audit the dependencies on every run, as --dependencies does" }),
                _ => json!({
                    "type": "array",
                    "description": "crates whose findings are accepted",
                    "items": {
                        "type": "object",
                        "required": ["crate", "reason"],
                        "properties": entry,
                        "additionalProperties": false,
                    },
                }),
            },
        );
    }
    json!({
        "type": ["boolean", "object"],
        "properties": table,
        "additionalProperties": false,
    })
}
