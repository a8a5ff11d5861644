// Versions that reach a setter through the package but are never legacy: no finding.
use reqwest::tls::Version;

fn client_with_floor(min: Version) -> reqwest::Client {
    reqwest::Client::builder().min_tls_version(min).build().unwrap()
}

pub fn modern_partner() -> reqwest::Client {
    client_with_floor(Version::TLS_1_2)
}

pub fn strict_partner() -> reqwest::Client {
    client_with_floor(Version::TLS_1_3)
}

// No caller, a public function: the library's users choose.
pub fn configurable(min: Version) -> reqwest::Client {
    reqwest::Client::builder().min_tls_version(min).build().unwrap()
}

// A caller passing a value read at run time: no constant reaches the setter.
fn with_max(max: Version) -> reqwest::ClientBuilder {
    reqwest::Client::builder().max_tls_version(max)
}

pub fn from_config(config: &Config) -> reqwest::ClientBuilder {
    with_max(config.max_tls())
}

pub struct TlsSettings {
    min_tls: Version,
}

impl TlsSettings {
    fn client(&self) -> reqwest::Client {
        reqwest::Client::builder().min_tls_version(self.min_tls).build().unwrap()
    }
}

pub fn modern_settings() -> reqwest::Client {
    TlsSettings { min_tls: Version::TLS_1_2 }.client()
}
