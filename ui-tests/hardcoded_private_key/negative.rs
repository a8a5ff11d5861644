// Certificates, public keys, PEM parser constants and key paths: none of these is a finding.
const CERT: &str = "-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIUQm9ndXNDZXJ0aWZpY2F0ZUZvclRlc3RzMAoGCCqGSM49BAMC
-----END CERTIFICATE-----";

const PUBLIC: &str = "-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQm9ndXNQdWJsaWNLZXlGb3JUZXN0cw==
-----END PUBLIC KEY-----";

const HEADER: &str = "-----BEGIN PRIVATE KEY-----";
const FOOTER: &str = "-----END PRIVATE KEY-----";

/// A key looks like `-----BEGIN PRIVATE KEY-----` followed by base64.
fn is_key(pem: &str) -> bool {
    pem.starts_with(HEADER) && pem.trim_end().ends_with(FOOTER)
}

fn load() -> std::io::Result<Vec<u8>> {
    let _ = include_str!("../certs/cert.pem");
    let _ = include_bytes!("pubkey.pem");
    std::fs::read("/etc/tls/server.key")
}

/// Serializes the key; the output starts with `-----BEGIN RSA PRIVATE KEY-----` and is followed
/// by the base64 encoding of the DER structure, wrapped at sixty-four characters per line.
fn to_pem() -> &'static str {
    "The output will have a header of `-----BEGIN RSA PRIVATE KEY-----` and is documented elsewhere"
}
