//! `schema/tlslint.schema.json` is the policy parser's own description: the file is rendered
//! from the keys the parser checks (`TLSLINT_BLESS=1` rewrites it), and a JSON Schema validator
//! (the `jsonschema` crate, draft-07) and the parser (`config::read_layer`) must accept and
//! refuse the same values, key by key.

mod support;

use std::path::Path;

use cargo_tlslint::policy::config::{self, KEYS};
use serde_json::Value;

fn schema_text() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(cargo_tlslint::policy::schema::PATH),
    )
    .unwrap_or_default()
}

fn schema() -> Value {
    serde_json::from_str(&schema_text()).expect("the schema is JSON")
}

/// A validator of `definition` of the schema (the policy itself by default).
fn validator(definition: &str) -> jsonschema::Validator {
    let mut schema = schema();
    schema["$ref"] = Value::String(format!("#/definitions/{definition}"));
    jsonschema::draft7::new(&schema).expect("the schema compiles")
}

/// Whether the parser accepts `text` as a `tlslint.toml`.
fn parser_accepts(text: &str) -> bool {
    config::read_layer(Path::new("tlslint.toml"), text, &[]).is_ok()
}

/// Whether the schema accepts `text` (TOML) as a policy.
fn schema_accepts(validator: &jsonschema::Validator, text: &str) -> bool {
    let value: Value = toml::from_str(text).expect("the sample is TOML");
    validator.is_valid(&value)
}

#[test]
fn the_schema_file_is_rendered_from_the_parsers_keys() {
    let rendered = cargo_tlslint::policy::schema::render();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(cargo_tlslint::policy::schema::PATH);
    if let Err(e) = support::golden(&path, &rendered, str::to_string) {
        panic!("{e}\n(the schema is rendered from the policy parser's keys)");
    }
    if support::blessing() {
        return;
    }
    assert!(
        jsonschema::meta::is_valid(&schema()),
        "the schema is a valid draft-07 schema"
    );
    let properties = schema()["definitions"]["policy"]["properties"].clone();
    let mut in_schema: Vec<&str> = properties
        .as_object()
        .expect("properties")
        .keys()
        .map(String::as_str)
        .collect();
    let mut parsed: Vec<&str> = KEYS.iter().map(|k| k.name).collect();
    in_schema.sort_unstable();
    parsed.sort_unstable();
    assert_eq!(
        in_schema, parsed,
        "the schema has exactly the parser's keys"
    );
}

/// Values of every shape, some valid for each key.
const SAMPLES: &[&str] = &[
    "true",
    "false",
    "0",
    "-1",
    "86400",
    "1.5",
    "\"1.2\"",
    "\"1.3\"",
    "\"1.1\"",
    "\"text\"",
    "[]",
    "[\"vendor/**\", \"*.svc.cluster.local\"]",
    "[1]",
    "{}",
    "{ TLS101 = \"deny\" }",
    "{ tls101 = \"warn\", cert-verification-disabled = \"allow\" }",
    "{ cert_verification_disabled = { level = \"forbid\", priority = 1 } }",
    "{ TLS101 = { priority = 1 } }",
    "{ TLS101 = \"loud\" }",
    "{ no_such_rule = \"deny\" }",
    "{ audit = true }",
    "{ audit = \"yes\" }",
    "{ allow = [{ crate = \"openssl\", version = \"0.10\", reason = \"pinned by the vendor\" }] }",
    "{ allow = [{ crate = \"openssl\" }] }",
    "{ allow = [{ crate = \"openssl\", reason = \" \" }] }",
    "{ allow = [{ crate = \"openssl\", reason = \"r\", note = \"x\" }] }",
    "{ audit = true, extra = 1 }",
    "[{ path = \"acme_http::Builder::insecure\", arg = 0, dangerous = true, rule = \"TLS101\" }]",
    "[{ path = \"insecure\", dangerous = \"none\", rule = \"cert-verification-disabled\" }]",
    "[{ path = \"Builder::verify_mode\", arg = 1, dangerous = 0, rule = \"tls201\" }]",
    "[{ path = \"acme_http::\", dangerous = true, rule = \"TLS101\" }]",
    "[{ path = \"acme-http::insecure\", dangerous = true, rule = \"TLS101\" }]",
    "[{ path = \"\", dangerous = true, rule = \"TLS101\" }]",
    "[{ path = \"_::insecure\", dangerous = true, rule = \"TLS101\" }]",
    "[{ path = \"insecure\", arg = -1, dangerous = true, rule = \"TLS101\" }]",
    "[{ path = \"insecure\", arg = 1.5, dangerous = true, rule = \"TLS101\" }]",
    "[{ path = \"insecure\", dangerous = 1.5, rule = \"TLS101\" }]",
    "[{ path = \"insecure\", dangerous = [true], rule = \"TLS101\" }]",
    "[{ path = \"insecure\", dangerous = true, rule = \"TLS999\" }]",
    "[{ path = \"insecure\", dangerous = true, rule = \"TLS801\" }]",
    "[{ path = \"insecure\", dangerous = true, rule = \"TLS001\" }]",
    "[{ path = \"insecure\", dangerous = true }]",
    "[{ path = \"insecure\", rule = \"TLS101\" }]",
    "[{ dangerous = true, rule = \"TLS101\" }]",
    "[{ path = \"insecure\", dangerous = true, rule = \"TLS101\", note = \"x\" }]",
    "[{ path = \"acme_tls::TrustAll\", rule = \"TLS110\" }]",
    "[{ path = \"acme_tls::danger::TrustAll\", rule = \"accept-all-server-verifier\" }]",
    "[{ path = \"TrustAll\", rule = \"TLS110\" }]",
    "[{ path = \"acme_tls::TrustAll\", dangerous = true, rule = \"TLS110\" }]",
    "[{ path = \"acme_tls::TrustAll\", arg = 0, rule = \"TLS110\" }]",
    "[{ path = \"acme_tls::Builder::min_version\", dangerous = \"1.1\", rule = \"TLS301\" }]",
    "[{ path = \"min_version\", dangerous = \"1.0\", rule = \"legacy-tls-version\" }]",
    "[{ path = \"legacy\", dangerous = true, rule = \"TLS301\" }]",
    "[{ path = \"min_version\", dangerous = \"1.3\", rule = \"TLS301\" }]",
    "[{ path = \"min_version\", dangerous = \"TLSv1\", rule = \"TLS301\" }]",
    "[{ path = \"set_mode\", dangerous = \"1.1\", rule = \"TLS101\" }]",
    "[{ path = \"acme_http::serve\", arg = 1, dangerous = \"all-interfaces\", rule = \"TLS603\" }]",
    "[{ path = \"acme_db::connect\", dangerous = \"remote-host\", rule = \"plaintext_connection\" }]",
    "[{ path = \"acme_db::connect\", dangerous = \"disable\", rule = \"TLS501\" }]",
    "[{ path = \"acme_http::serve\", dangerous = \"remote-host\", rule = \"TLS603\" }]",
    "[{ path = \"insecure\", dangerous = \"all-interfaces\", rule = \"TLS101\" }]",
];

#[test]
fn the_schema_and_the_parser_accept_the_same_values() {
    let policy = validator("policy");
    let mut accepted = 0;
    for key in KEYS {
        let default = format!("{} = {}", key.name, key.default);
        assert!(parser_accepts(&default), "{default}");
        assert!(schema_accepts(&policy, &default), "{default}");
        for sample in SAMPLES {
            let text = format!("{} = {sample}", key.name);
            let by_parser = parser_accepts(&text);
            assert_eq!(
                by_parser,
                schema_accepts(&policy, &text),
                "the parser {} `{text}`, the schema does not",
                if by_parser { "accepts" } else { "refuses" }
            );
            accepted += usize::from(by_parser);
        }
    }
    assert!(
        accepted >= KEYS.len() * 2,
        "the samples exercise both answers"
    );
    for unknown in ["colour = true", "[lints]\nTLS999 = \"deny\""] {
        assert!(!parser_accepts(unknown), "{unknown}");
        assert!(!schema_accepts(&policy, unknown), "{unknown}");
    }
}

#[test]
fn every_rule_spelling_in_the_schema_is_a_rule_the_parser_knows() {
    let policy = validator("policy");
    let lints = &schema()["definitions"]["lints"]["properties"];
    let names = lints.as_object().expect("lints");
    assert_eq!(names.len(), tlslint_lints::RULES.len() * 4);
    for (name, _) in names {
        let text = format!("[lints]\n\"{name}\" = \"deny\"\n");
        assert!(parser_accepts(&text), "{name}");
        assert!(schema_accepts(&policy, &text), "{name}");
    }
    for rule in tlslint_lints::RULES {
        assert!(names.contains_key(rule.code) && names.contains_key(rule.name));
    }
}

#[test]
fn cargo_metadata_tables_validate_against_the_manifest_definition() {
    let manifest = validator("manifest");
    let good = "[package]\nname = \"app\"\n\n[package.metadata.tlslint]\ninclude-tests = true\n\n[workspace.metadata.tlslint.lints]\ntls_key_logging = \"deny\"\nTLS603 = \"allow\"\n";
    let bad = "[package]\nname = \"app\"\n\n[package.metadata.tlslint]\ninclude_tests = true\n";
    let path = Path::new("Cargo.toml");
    for (text, valid) in [(good, true), (bad, false)] {
        assert_eq!(schema_accepts(&manifest, text), valid, "{text}");
        let parsed = ["package", "workspace"]
            .iter()
            .all(|table| config::read_layer(path, text, &[table, "metadata", "tlslint"]).is_ok());
        assert_eq!(parsed, valid, "{text}");
    }
}

#[test]
fn the_starter_policy_of_init_is_valid_with_every_setting_uncommented() {
    let text: String = cargo_tlslint::policy::init::starter_policy()
        .lines()
        .map(|l| match l.strip_prefix('#') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_lowercase() || c == '[') => rest,
            _ => l,
        })
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(text.contains("\nmin-tls-version = \"1.2\"\n"), "{text}");
    assert!(parser_accepts(&text), "{text}");
    assert!(schema_accepts(&validator("policy"), &text), "{text}");
}
