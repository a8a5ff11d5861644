// A version that is a parameter, a field or a constant of the crate is judged by the values
// that reach it, as the direct spelling is.
use reqwest::tls::Version;

fn client_with_floor(min: Version) -> reqwest::Client {
    reqwest::Client::builder().min_tls_version(min).build().unwrap()
    //~^ legacy_tls_version
}

pub fn legacy_partner() -> reqwest::Client {
    client_with_floor(Version::TLS_1_0)
}

pub fn modern_partner() -> reqwest::Client {
    client_with_floor(Version::TLS_1_2)
}

// Two hops: the version is passed on through another helper's parameter.
fn inner(max: Version) -> reqwest::ClientBuilder {
    reqwest::Client::builder().max_tls_version(max)
    //~^ legacy_tls_version
}

fn outer(max: Version) -> reqwest::ClientBuilder {
    inner(max)
}

pub fn old_peer() -> reqwest::ClientBuilder {
    outer(Version::TLS_1_1)
}

// openssl: the parameter inside `Some(…)`.
fn acceptor(
    ctx: &mut openssl::ssl::SslContextBuilder,
    floor: openssl::ssl::SslVersion,
) -> Result<(), openssl::error::ErrorStack> {
    ctx.set_min_proto_version(Some(floor))
    //~^ legacy_tls_version
}

pub fn legacy_acceptor(ctx: &mut openssl::ssl::SslContextBuilder) {
    let _ = acceptor(ctx, openssl::ssl::SslVersion::TLS1);
}

// A field of a config struct, set to a legacy version in a struct literal.
pub struct TlsSettings {
    min_tls: Version,
}

impl TlsSettings {
    fn client(&self) -> reqwest::Client {
        reqwest::Client::builder().min_tls_version(self.min_tls).build().unwrap()
        //~^ legacy_tls_version
    }
}

pub fn legacy_settings() -> reqwest::Client {
    TlsSettings { min_tls: Version::TLS_1_1 }.client()
}
