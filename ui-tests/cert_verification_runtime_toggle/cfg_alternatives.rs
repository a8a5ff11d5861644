// `let`s of the same name under opposite `#[cfg]`s are alternatives, not a shadowing: the value
// is whichever the build keeps, so a setting made under it is chosen at build or run time.

pub enum TlsVerify {
    On,
    UnsafeOff,
}

pub struct Config {
    pub tls_verify: TlsVerify,
}

pub fn cfg_alternatives(config: &Config) -> reqwest::ClientBuilder {
    #[cfg(feature = "insecure-skip-verify")]
    let skip_verify = matches!(config.tls_verify, TlsVerify::UnsafeOff);
    #[cfg(not(feature = "insecure-skip-verify"))]
    let skip_verify = false;

    let mut builder = reqwest::Client::builder();
    if skip_verify {
        builder = builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    builder
}

// The direct spelling: one `let`.
pub fn one_let(config: &Config) -> reqwest::ClientBuilder {
    let skip_verify = matches!(config.tls_verify, TlsVerify::UnsafeOff);
    let mut builder = reqwest::Client::builder();
    if skip_verify {
        builder = builder.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    builder
}

// A plain shadowing `let` (no `cfg`) still decides the value: `false` here, so no finding.
pub fn shadowed(config: &Config) -> reqwest::ClientBuilder {
    let skip_verify = matches!(config.tls_verify, TlsVerify::UnsafeOff);
    let _ = skip_verify;
    let skip_verify = false;
    let mut builder = reqwest::Client::builder();
    if skip_verify {
        builder = builder.danger_accept_invalid_certs(true);
    }
    builder
}
